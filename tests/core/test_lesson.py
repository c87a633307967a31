import json
from pathlib import Path

import pytest

from medialit.core.errors import FileFormatError
from medialit.core.lesson import lesson_to_dict, load_lesson, save_lesson
from medialit.core.model import FeedbackMode, Label
from tests.helpers import UNICODE_TEXT, key_span, make_lesson


def _key() -> tuple:
    return (
        key_span(UNICODE_TEXT, "prices rose 😀 fast", Label.CLAIM, explanation="Who says so?"),
        key_span(UNICODE_TEXT, "The mayor 🇫🇷 claimed", Label.SOURCING, optional=True),
        key_span(
            UNICODE_TEXT, "reportedly left", Label.SPECULATION, also_accept=frozenset({Label.CLAIM})
        ),
    )


def test_round_trip(tmp_path: Path) -> None:
    lesson = make_lesson(key=_key(), feedback=FeedbackMode.WHERE_WHY)
    save_lesson(tmp_path / "l.json", lesson)
    loaded = load_lesson(tmp_path / "l.json")
    assert loaded.article == lesson.article
    assert loaded.key == tuple(sorted(lesson.key or (), key=lambda k: k.start))
    assert loaded.feedback is FeedbackMode.WHERE_WHY


def test_student_pack_has_no_key_bytes(tmp_path: Path) -> None:
    lesson = make_lesson(key=_key())
    save_lesson(tmp_path / "pack.json", lesson, kind="student-pack")
    raw = (tmp_path / "pack.json").read_text("utf-8")
    assert '"key"' not in raw and "Who says so?" not in raw
    assert load_lesson(tmp_path / "pack.json").key is None


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def _good() -> dict:
    return lesson_to_dict(make_lesson(key=_key()))


@pytest.mark.parametrize(
    ("mutate", "field", "reason"),
    [
        (lambda d: d.update(format_version=2), "format_version", "reads version 1"),
        (lambda d: d.update(format="other"), "format", "expected 'medialit-lesson'"),
        (lambda d: d["key"][0].update(end=10_000), "key[0].end", "outside the range"),
        (lambda d: d["key"][0].update(start=True), "key[0].start", "whole number"),
        (lambda d: d["key"][0].update(start=1.0), "key[0].start", "whole number"),
        (lambda d: d["key"][0].update(quote="nope"), "key[0].quote", "does not match"),
        (lambda d: d["key"][0].update(label="opinion"), "key[0].label", "unknown label"),
        (lambda d: d.update(sha256="0" * 64), "sha256", "does not match"),
        (lambda d: d.update(feedback="all"), "feedback", "expected one of"),
        (lambda d: d.pop("title"), "title", "is missing"),
        (lambda d: d.update(kind="student-pack"), "key", "must not contain a key"),
        (lambda d: d.update(level=0), "level", "is 0, expected 1 (easy), 2 (medium) or 3"),
        (lambda d: d.update(level=4), "level", "is 4, expected 1 (easy)"),
        (lambda d: d.update(level=-1), "level", "is -1, expected 1 (easy)"),
        (lambda d: d.update(level=2.0), "level", "whole number"),
        (lambda d: d.update(level="hard"), "level", "whole number"),
        (lambda d: d.update(level=True), "level", "whole number"),
    ],
)
def test_bad_lessons_name_file_and_field(tmp_path: Path, mutate, field: str, reason: str) -> None:
    data = _good()
    mutate(data)
    path = _write(tmp_path, data)
    with pytest.raises(FileFormatError) as info:
        load_lesson(path)
    assert info.value.field == field
    assert reason in str(info.value)
    assert str(path) in str(info.value)


def test_same_label_key_spans_must_not_overlap(tmp_path: Path) -> None:
    data = _good()
    extra = dict(data["key"][0])
    extra.update(
        id="dup", start=extra["start"] + 1, quote=UNICODE_TEXT[extra["start"] + 1 : extra["end"]]
    )
    data["key"].append(extra)
    with pytest.raises(FileFormatError, match="two claim key spans overlap"):
        load_lesson(_write(tmp_path, data))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[]", "expected a JSON object"),
        (b'{"a": 1, "a": 2}', "duplicate key"),
        (b'{"a": NaN}', "NaN"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=reason):
        load_lesson(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="file not found"):
        load_lesson(tmp_path / "nope.json")


@pytest.mark.parametrize("level", [1, 2, 3, None])
def test_level_round_trips_and_may_be_left_out(tmp_path: Path, level: int | None) -> None:
    save_lesson(tmp_path / "l.json", make_lesson(level=level))
    raw = json.loads((tmp_path / "l.json").read_text("utf-8"))
    assert raw.get("level") == level and ("level" in raw) == (level is not None)
    assert load_lesson(tmp_path / "l.json").level == level


def test_a_null_level_is_no_level(tmp_path: Path) -> None:
    data = _good()
    data["level"] = None
    assert load_lesson(_write(tmp_path, data)).level is None
