"""Every numeric field of the lesson and submission formats has a range (docs/formats.md's
table, read here): outside it, 2^63 included, the file is refused naming file and field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from medialit.core.errors import FileFormatError
from medialit.core.lesson import lesson_to_dict, load_lesson
from medialit.core.submission import load_submission, submission_to_dict
from tests.score_files import KEY, TEXT, make_lesson, make_submission, spans_for

DOCS = Path(__file__).resolve().parents[2] / "docs" / "formats.md"
ROW = re.compile(r"^\| (lesson|submission) \| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$")
HUGE = (2**63, 2**64, -(2**63) - 1, 10**30)


def _ranges() -> list[tuple[str, str, str, str]]:
    rows = [m.groups() for m in map(ROW.match, DOCS.read_text("utf-8").splitlines()) if m]
    assert len(rows) >= 9, "the range table in docs/formats.md was not found"
    return [tuple(part.strip() for part in row) for row in rows]  # type: ignore[misc]


def _number(cell: str) -> int | None:
    """A plain number in the table; None for one that depends on the article."""
    cell = cell.replace(",", "")
    return int(cell) if cell.isdigit() else None


def _valid(kind: str) -> dict[str, Any]:
    if kind == "lesson":
        body = lesson_to_dict(make_lesson())
        body["level"] = 2
        return body
    spans = spans_for(TEXT, [(k.quote, k.label) for k in KEY][:2])
    return submission_to_dict(make_submission("s1", spans))


def _set(body: dict[str, Any], field: str, value: int) -> str:
    """Put `value` at `field` (`key[].start`: the first item); returns the field as named."""
    if "[]." in field:
        array, name = field.split("[].")
        body[array][0][name] = value
        return f"{array}[0].{name}"
    body[field] = value
    return field


def _load(kind: str, body: dict[str, Any], folder: Path) -> object:
    path = folder / f"{kind}.json"
    path.write_text(json.dumps(body), "utf-8")
    return load_lesson(path) if kind == "lesson" else load_submission(path)


RANGES = _ranges()


@pytest.mark.parametrize(("kind", "field", "low", "high"), RANGES, ids=lambda x: str(x))
def test_outside_the_documented_range_is_refused_naming_file_and_field(
    tmp_path: Path, kind: str, field: str, low: str, high: str
) -> None:
    lowest, highest = _number(low), _number(high)
    bad = [*HUGE, -1]
    if lowest is not None:
        bad.append(lowest - 1)
    if highest is not None:
        bad.append(highest + 1)
    for value in bad:
        body = _valid(kind)
        named = _set(body, field, value)
        with pytest.raises(FileFormatError) as caught:
            _load(kind, body, tmp_path)
        assert caught.value.field == named, (value, str(caught.value))
        assert f"{kind}.json" in str(caught.value)


@pytest.mark.parametrize(("kind", "field", "low", "high"), RANGES, ids=lambda x: str(x))
def test_the_ends_of_a_plain_range_are_accepted(
    tmp_path: Path, kind: str, field: str, low: str, high: str
) -> None:
    for value in (_number(low), _number(high)):
        if value is None or "[]" in field or field == "format_version":
            continue
        body = _valid(kind)
        _set(body, field, value)
        _load(kind, body, tmp_path)


def test_every_numeric_field_of_the_formats_is_in_the_table() -> None:
    """A new number in either format needs its row (and its check)."""
    documented = {(kind, field) for kind, field, _low, _high in RANGES}
    for kind in ("lesson", "submission"):
        body = _valid(kind)
        for name, value in body.items():
            if type(value) is int:
                assert (kind, name) in documented, name
            if isinstance(value, list) and value and isinstance(value[0], dict):
                for sub, inner in value[0].items():
                    if type(inner) is int:
                        assert (kind, f"{name}[].{sub}") in documented, f"{name}[].{sub}"
