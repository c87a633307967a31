"""Every bundled practice lesson is a full lesson: its text, its key and what the key teaches.

`test_bundled_lesson.py` checks the seed article's lesson (000) in detail; this checks
what each bundled lesson must have, the two written for medialit (001, 002) included.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.core.lesson import bundled_lessons, load_lesson
from tests.lesson_content import content_problems

REPO = Path(__file__).parents[2]
WRITTEN_FOR_MEDIALIT = ["001_eastbrook_pool.json", "002_phones_sleep.json"]


def test_the_two_written_lessons_are_bundled():
    names = [p.name for p in bundled_lessons()]
    assert set(WRITTEN_FOR_MEDIALIT) <= set(names)


@pytest.mark.parametrize("path", bundled_lessons(), ids=lambda p: p.name)
def test_a_bundled_lesson_has_a_full_key(path: Path):
    """It loads, and follows every content rule the loader does not check."""
    assert load_lesson(path).key
    assert content_problems(path) == []


@pytest.mark.parametrize("name", WRITTEN_FOR_MEDIALIT)
def test_a_written_article_is_short_and_kept_as_a_seed_file(name: str):
    raw = json.loads((REPO / "lessons" / name).read_text(encoding="utf-8"))
    seed = REPO / raw["article"]["file"]
    assert seed.parent.name == "seeds" and seed.is_file()
    words = len(seed.read_text(encoding="utf-8").split())
    assert 400 <= words <= 800, words
    assert "invented" in raw["source"], "the source says the article is made up for practice"
    offsets = [(k["start"], k["end"]) for k in raw["key"]]
    assert offsets == sorted(offsets)


@pytest.mark.parametrize("name", WRITTEN_FOR_MEDIALIT)
def test_a_written_article_has_quotes_numbers_hedges_and_attributions(name: str):
    lesson = load_lesson(REPO / "lessons" / name)
    text = lesson.article.text
    assert text.count('"') >= 8
    assert sum(ch.isdigit() for ch in text) >= 10
    assert any(f" {hedge} " in text for hedge in ("may", "might", "could", "likely"))
    assert " said" in text and "according to" in text
