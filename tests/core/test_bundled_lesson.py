"""The bundled lesson on the seed article: it loads, and its teacher key is sound.

Soundness here means the content rules of `tests/lesson_content.py`, which
`load_lesson` does not check (it already refuses mismatched quotes, overlaps and
bad offsets, so those are not tested again here); each rule is shown to catch a
fault the loader lets through.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from medialit.core.lesson import bundled_lessons, load_lesson
from medialit.core.model import LABELS, FeedbackMode, Label
from tests.lesson_content import content_problems, is_uuid4_hex

REPO = Path(__file__).parents[2]
LESSON_PATH = REPO / "lessons" / "000_baldwin_rust.json"
SEED_PATH = REPO / "seeds" / "000_5580f1b383fac14f.txt"
# SHA-256 of the seed file's bytes, the same as /work/shared/seeds/000_5580f1b383fac14f.txt.
SEED_FILE_SHA256 = "a8ed82d5ca6b16a76444ce3d0a893b15e359a791e43cecc9108b9b274ecb32d2"


@pytest.fixture(scope="module")
def lesson():
    return load_lesson(LESSON_PATH)


def test_seed_file_is_the_shared_seed_byte_for_byte():
    assert hashlib.sha256(SEED_PATH.read_bytes()).hexdigest() == SEED_FILE_SHA256


def test_lesson_header(lesson):
    assert lesson.kind == "lesson"
    assert lesson.version == 1
    assert is_uuid4_hex(lesson.id)
    assert lesson.feedback is FeedbackMode.WHERE_WHY
    assert lesson.title
    assert lesson.previous_sha256 == ()
    assert [d.label for d in lesson.definitions] == list(LABELS)
    assert all(d.definition.strip() for d in lesson.definitions)
    # The seed file is already canonical, so the article hash is the file hash.
    assert lesson.article.sha256 == SEED_FILE_SHA256


def test_enough_required_spans_with_every_label(lesson):
    required = [k for k in lesson.key if not k.optional]
    assert len(required) >= 20
    assert {k.label for k in required} == set(Label)


def test_the_lesson_follows_every_content_rule():
    assert content_problems(LESSON_PATH) == []


def _edit_span(i: int, **changes: object) -> Callable[[dict, str], None]:
    def edit(raw: dict, _text: str) -> None:
        raw["key"][i].update(changes)

    return edit


def _move(i: int, d_start: int, d_end: int) -> Callable[[dict, str], None]:
    def edit(raw: dict, text: str) -> None:
        k = raw["key"][i]
        k["start"] += d_start
        k["end"] += d_end
        k["quote"] = text[k["start"] : k["end"]]

    return edit


def _key_again(raw: dict, _text: str) -> None:
    """The first span keyed a second time with another label (not overlapping its own)."""
    first = raw["key"][0]
    twin = dict(first, id=uuid.uuid4().hex, label="fact" if first["label"] != "fact" else "claim")
    raw["key"].insert(1, twin)


def _all_optional(label: str) -> Callable[[dict, str], None]:
    def edit(raw: dict, _text: str) -> None:
        for k in raw["key"]:
            if k["label"] == label:
                k["optional"] = True

    return edit


FAULTS = {
    "no sha256": (lambda raw, _t: raw.pop("sha256"), "does not declare the article's sha256"),
    "three definitions": (lambda raw, _t: raw["labels"].pop(), "not all four in order"),
    "empty definition": (lambda raw, _t: raw["labels"][0].update(definition=" "), "is empty"),
    "no id": (_edit_span(0, id=""), "is not a uuid4 hex"),  # the loader invents one
    "made-up id": (_edit_span(0, id="k1"), "is not a uuid4 hex"),
    "same id twice": (
        lambda raw, _t: raw["key"][1].update(id=raw["key"][0]["id"]),
        "is used 2 times",
    ),
    "no explanation": (_edit_span(0, explanation=""), "no explanation"),
    "own label in also_accept": (
        lambda raw, _t: raw["key"][0].update(also_accept=[raw["key"][0]["label"]]),
        "repeats a label",
    ),
    "starts inside a word": (_move(0, 1, 0), "starts inside a word"),
    "ends inside a word": (_move(0, 0, -1), "ends inside a word"),
    "a space at the end": (_move(0, 0, 1), "not trimmed"),
    "keyed twice": (_key_again, "use also_accept"),
    "a label only optional": (_all_optional("fact"), "no required key span is labelled fact"),
    "out of order": (
        lambda raw, _t: raw["key"].insert(0, raw["key"].pop(1)),
        "not listed in text order",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_each_rule_catches_a_fault_the_loader_lets_through(
    lesson, tmp_path: Path, fault: str
) -> None:
    edit, problem = FAULTS[fault]
    raw = json.loads(LESSON_PATH.read_text(encoding="utf-8"))
    edit(raw, lesson.article.text)
    broken = tmp_path / LESSON_PATH.name  # its article file is found in the bundled seeds
    broken.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    load_lesson(broken)  # loads: only the content rules can catch it
    problems = content_problems(broken)
    assert any(problem in p for p in problems), problems


def test_is_bundled():
    assert LESSON_PATH.resolve() in [p.resolve() for p in bundled_lessons()]
