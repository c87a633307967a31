"""The class roster from typed, pasted or CSV lines: names, classes, and the email or LMS user
id an LMS file matches on. The teacher window's Roster tab and `medialit score --roster`
read rosters with this one parser, so both know the same columns."""

from __future__ import annotations

import csv
import io

from medialit.core.submission import clean_name
from medialit.core.teacher_records import RosterLine
from medialit.core.text import canonicalize

MAX_ROSTER_BYTES = 2_000_000  # a roster file read by the window or `medialit score --roster`
NAME_COLUMNS = ("name", "student", "student name", "full name")
CLASS_COLUMNS = ("class", "class_code", "class code", "group", "form", "section")
FIRST_COLUMNS = ("first name", "first", "given name")
LAST_COLUMNS = ("last name", "last", "surname", "family name")
EMAIL_COLUMNS = ("email", "e-mail", "email address", "mail")
LMS_COLUMNS = ("lms id", "lms_id", "id", "user id", "user_id", "canvas id", "moodle id")


def parse_roster(text: str, *, class_code: str = "") -> list[RosterLine]:
    """Roster lines from typed or pasted names, or from CSV with a header.

    A header naming a `name` (or `student`, or first and last name) column is honoured,
    with optional class, email and LMS id columns (`EMAIL_COLUMNS`, `LMS_COLUMNS`); without
    one each non-empty line is a name (a tab or a semicolon after it gives the class; a
    comma only when a digit follows, as "9C": `_name_and_class`). A name seen twice in one
    class is kept once.
    """
    text = canonicalize(text)
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return []
    delimiter = "\t" if "\t" in lines[0] else ("," if "," in lines[0] else ";")
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [cell.strip().casefold() for cell in rows[0]]
    name_col = _column(header, NAME_COLUMNS)
    first_col, last_col = _column(header, FIRST_COLUMNS), _column(header, LAST_COLUMNS)
    class_col = _column(header, CLASS_COLUMNS)
    email_col, lms_col = _column(header, EMAIL_COLUMNS), _column(header, LMS_COLUMNS)
    has_header = name_col is not None or (first_col is not None and last_col is not None)
    out: dict[tuple[str, str], RosterLine] = {}
    for row in rows[1:] if has_header else rows:
        cells = [cell.strip() for cell in row]
        if not has_header:
            name, klass = _name_and_class(cells, delimiter)
            klass = klass or class_code
            email = lms = ""
        else:
            if name_col is not None:
                name = _cell(cells, name_col)
            else:
                name = f"{_cell(cells, first_col)} {_cell(cells, last_col)}"
            klass = _cell(cells, class_col) or class_code
            email, lms = _cell(cells, email_col), _cell(cells, lms_col)
        name = clean_name(name)
        if name:
            line = RosterLine(
                clean_name(klass, max_len=40),
                name,
                clean_name(email, max_len=254),
                clean_name(lms, max_len=64),
            )
            out.setdefault((line.class_code, line.name), line)
    return list(out.values())


def _name_and_class(cells: list[str], delimiter: str) -> tuple[str, str]:
    """A header-less line's name and class. After a tab or a semicolon comes the class; a
    comma comes inside names too ("Okafor, Daniel", as school lists write them), so after
    a comma only a cell with a digit in it is a class ("9C", "Year 8"), never a first
    name."""
    if delimiter != ",":
        return (cells[0] if cells else ""), (cells[1] if len(cells) > 1 else "")
    parts = [cell for cell in cells if cell]
    klass = parts.pop() if len(parts) > 1 and any(ch.isdigit() for ch in parts[-1]) else ""
    return ", ".join(parts), klass


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for i, cell in enumerate(header):
        if cell in names:
            return i
    return None


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""
