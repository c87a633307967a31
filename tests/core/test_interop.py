"""W3C Web Annotation and doccano JSONL: shapes, code-point offsets, round trip as a key."""

import dataclasses
import json
from pathlib import Path

import pytest

from medialit.core.errors import FileFormatError
from medialit.core.interop import (
    doccano_jsonl_bytes,
    read_doccano_key,
    web_annotations,
)
from medialit.core.model import Label, Span
from medialit.core.submission import Submission
from medialit.core.teacher.authoring import new_lesson
from medialit.core.teacher.keycheck import make_key_span
from tests.helpers import UNICODE_TEXT


def _lesson():
    lesson = new_lesson(UNICODE_TEXT, title="Uni")
    start = UNICODE_TEXT.index("東京")
    key = (
        make_key_span(lesson.article, start, start + 2, Label.FACT, explanation="A place."),
        make_key_span(
            lesson.article,
            UNICODE_TEXT.index("reportedly"),
            UNICODE_TEXT.index("left") + 4,
            Label.SPECULATION,
            also_accept=[Label.CLAIM],
            optional=True,
        ),
    )
    return dataclasses.replace(lesson, key=key)


def _submission(lesson) -> Submission:
    start = UNICODE_TEXT.index("fast")
    return Submission(
        lesson_id=lesson.id,
        lesson_version=1,
        article_sha256=lesson.article.sha256,
        student_id="s1",
        student_name="Ann",
        class_code="",
        submitted_at="2026-11-30T09:00:00+00:00",
        spans=(Span.create(lesson.article, start, start + 4, Label.FACT, note="hm"),),
    )


def test_web_annotation_has_quote_and_position_selectors_in_code_points() -> None:
    lesson = _lesson()
    doc = web_annotations(lesson, [_submission(lesson)])
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 3
    first = doc["first"]["items"][0]
    assert first["type"] == "Annotation" and first["motivation"] == "classifying"
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "東京"
    assert position == {"type": "TextPositionSelector", "start": 63, "end": 65}
    assert UNICODE_TEXT[63:65] == "東京"
    assert quote["prefix"].endswith("claimed ") and quote["suffix"].startswith(" was")
    bodies = {(b["purpose"], b["value"]) for b in doc["first"]["items"][1]["body"]}
    assert ("tagging", "also-accept:claim") in bodies and ("tagging", "optional") in bodies
    student = doc["first"]["items"][2]
    assert student["creator"]["name"] == "Ann"
    assert ("commenting", "hm") in {(b["purpose"], b["value"]) for b in student["body"]}
    json.dumps(doc)  # serialisable


def test_doccano_round_trip_as_key(tmp_path: Path) -> None:
    lesson = _lesson()
    path = tmp_path / "d.jsonl"
    path.write_bytes(doccano_jsonl_bytes(lesson, [_submission(lesson)]))
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(rows) == 2 and rows[0]["label"][0] == [63, 65, "fact"]
    found = read_doccano_key(path, article=lesson.article)
    assert found.text == lesson.article.text and found.notices == ()
    assert [
        (k.start, k.end, k.label, k.also_accept, k.optional, k.explanation) for k in found.key
    ] == [
        (k.start, k.end, k.label, k.also_accept, k.optional, k.explanation)
        for k in lesson.key or ()
    ]  # medialit_spans carries what doccano's own format cannot


def test_doccano_entities_format_crlf_text_and_trimming(tmp_path: Path) -> None:
    raw = "Hello\r\nWorld said Bob."
    row = {
        "text": raw,
        "entities": [
            {"id": 1, "start_offset": 7, "end_offset": 13, "label": "Claim"},
            {"id": 2, "start_offset": 18, "end_offset": 22, "label": "SOURCING"},
        ],
    }
    path = tmp_path / "e.jsonl"
    path.write_text(json.dumps(row) + "\n", "utf-8")
    found = read_doccano_key(path)
    assert found.text == "Hello\nWorld said Bob."
    assert [(k.quote, k.label) for k in found.key] == [
        ("World", Label.CLAIM),
        ("Bob", Label.SOURCING),
    ]
    assert "no medialit_spans" in found.notices[0]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"text": "abc", "label": [[0, 9, "claim"]]}, "not a span"),
        ({"text": "abc", "label": [[0, 2, "opinion"]]}, "unknown label 'opinion'"),
        ({"text": "abc def", "label": [[0, 5, "fact"], [4, 7, "fact"]]}, "overlap"),
        ({"label": []}, "text: is missing"),
    ],
)
def test_doccano_bad_rows(tmp_path: Path, row: dict, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(row), "utf-8")
    with pytest.raises(FileFormatError, match=reason):
        read_doccano_key(path)


def test_doccano_wrong_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "other", "label": []}), "utf-8")
    with pytest.raises(FileFormatError, match="no row on this lesson's article text"):
        read_doccano_key(path, article=_lesson().article)
