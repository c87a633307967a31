"""The bundled lesson on the seed article: it loads, and its teacher key is sound."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from pathlib import Path

import pytest

from medialit.core.lesson import bundled_lessons, find_same_label_overlap, load_lesson
from medialit.core.model import LABELS, FeedbackMode, Label
from medialit.core.text import trim

REPO = Path(__file__).parents[2]
LESSON_PATH = REPO / "lessons" / "000_baldwin_rust.json"
SEED_PATH = REPO / "seeds" / "000_5580f1b383fac14f.txt"
# SHA-256 of the seed file's bytes, the same as /work/shared/seeds/000_5580f1b383fac14f.txt.
SEED_FILE_SHA256 = "a8ed82d5ca6b16a76444ce3d0a893b15e359a791e43cecc9108b9b274ecb32d2"
HEX32 = re.compile(r"[0-9a-f]{32}")


@pytest.fixture(scope="module")
def lesson():
    return load_lesson(LESSON_PATH)


def _is_uuid4_hex(value: str) -> bool:
    return bool(HEX32.fullmatch(value)) and uuid.UUID(hex=value).version == 4


def test_seed_file_is_the_shared_seed_byte_for_byte():
    assert hashlib.sha256(SEED_PATH.read_bytes()).hexdigest() == SEED_FILE_SHA256


def test_lesson_header(lesson):
    assert lesson.kind == "lesson"
    assert lesson.version == 1
    assert _is_uuid4_hex(lesson.id)
    assert lesson.feedback is FeedbackMode.WHERE_WHY
    assert lesson.title
    assert lesson.previous_sha256 == ()
    assert [d.label for d in lesson.definitions] == list(LABELS)
    assert all(d.definition.strip() for d in lesson.definitions)
    # The seed file is already canonical, so the article hash is the file hash.
    assert lesson.article.sha256 == SEED_FILE_SHA256


def test_quotes_match_the_text(lesson):
    for k in lesson.key:
        assert lesson.article.text[k.start : k.end] == k.quote, k.id


def test_enough_required_spans_with_every_label(lesson):
    required = [k for k in lesson.key if not k.optional]
    assert len(required) >= 20
    assert {k.label for k in required} == set(Label)


def test_has_also_accept_and_optional_spans(lesson):
    assert any(k.also_accept for k in lesson.key)
    assert any(k.optional for k in lesson.key)


def test_every_span_has_an_id_and_explanation(lesson):
    ids = [k.id for k in lesson.key]
    assert len(set(ids)) == len(ids)
    for k in lesson.key:
        assert _is_uuid4_hex(k.id), k.quote
        assert k.explanation.strip(), k.quote


def test_no_same_label_overlap(lesson):
    assert find_same_label_overlap(list(lesson.key)) is None


def test_spans_trim_to_themselves(lesson):
    for k in lesson.key:
        start, end = trim(lesson.article.text, k.start, k.end)
        assert start < end, k.quote
        assert (start, end) == (k.start, k.end), k.quote


def test_file_lists_the_key_in_text_order():
    # The loader sorts the key itself; the file is kept sorted too, for readable diffs.
    raw = json.loads(LESSON_PATH.read_text(encoding="utf-8"))
    offsets = [(k["start"], k["end"]) for k in raw["key"]]
    assert offsets == sorted(offsets)


def test_is_bundled():
    assert LESSON_PATH.resolve() in [p.resolve() for p in bundled_lessons()]
