"""The class roster: names from typed, pasted or CSV lines, and who has not submitted."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from medialit.core.records import RosterEntry
from medialit.core.submission import Submission, clean_name
from medialit.core.text import canonicalize


def parse_roster(text: str, *, class_code: str = "") -> list[tuple[str, str]]:
    """(class_code, name) pairs from typed or pasted lines, or from CSV with a name column.

    A CSV header naming a `name` (or `student`) column, and optionally `class`,
    is honoured; otherwise each non-empty line is one name (a tab or a comma
    after it gives the class).
    """
    text = canonicalize(text)
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return []
    delimiter = "\t" if "\t" in lines[0] else ("," if "," in lines[0] else ";")
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [cell.strip().casefold() for cell in rows[0]]
    name_col = _column(header, ("name", "student", "student name", "full name"))
    class_col = _column(header, ("class", "class_code", "class code", "group", "form"))
    first_col = _column(header, ("first name", "first", "given name"))
    last_col = _column(header, ("last name", "last", "surname", "family name"))
    has_header = name_col is not None or (first_col is not None and last_col is not None)
    body = rows[1:] if has_header else rows
    out: list[tuple[str, str]] = []
    for row in body:
        cells = [cell.strip() for cell in row]
        if has_header:
            if name_col is not None:
                name = _cell(cells, name_col)
            else:
                name = f"{_cell(cells, first_col)} {_cell(cells, last_col)}"
            klass = (_cell(cells, class_col) if class_col is not None else "") or class_code
        else:
            name = cells[0] if cells else ""
            klass = cells[1] if len(cells) > 1 and cells[1] else class_code
        name = clean_name(name)
        if name:
            out.append((clean_name(klass, max_len=40), name))
    return list(dict.fromkeys(out))


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for i, cell in enumerate(header):
        if cell in names:
            return i
    return None


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def name_key(name: str) -> str:
    return " ".join(clean_name(name).casefold().split())


def not_submitted(roster: Sequence[RosterEntry], submissions: Sequence[Submission]) -> list[str]:
    """Roster names with no submission, matched by student id where known, else by name."""
    ids = {s.student_id for s in submissions}
    names = {name_key(s.student_name) for s in submissions}
    return [
        e.name
        for e in roster
        if not ((e.student_id and e.student_id in ids) or name_key(e.name) in names)
    ]
