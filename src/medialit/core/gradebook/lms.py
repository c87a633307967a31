"""Learning-management systems: the grade files they import, and the names their bulk
downloads give the files students handed in.

Out (every file through `export.write_table`, the one CSV writer, so every text cell is
quoted and neutralised):
- **Canvas**, Grades ▸ Import: "Student", "ID", "SIS User ID", "SIS Login ID", "Section",
  then one column per assignment, as the Gradebook export lays it out; a "Points Possible"
  row under the header, as in that export. Canvas matches a row by its ID (or SIS ids).
  Instructure, "How do I import grades in the Gradebook?", Canvas Instructor Guide,
  https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807
- **Moodle**, Grade administration ▸ Import ▸ CSV file: a header row, one row per student;
  the teacher maps "Identify user by" to a column (email address, ID number...) and a
  column to a grade item. The layout here is that of Moodle's plain-text grade export:
  "First name", "Last name", "ID number", "Email address", then the grade item.
  Moodle docs, "Grade import", https://docs.moodle.org/en/Grade_import
- a plain "name, email, points" file to paste into Google Sheets or Classroom.
Students without points (not submitted, nothing graded) get an empty cell (or 0 when the
lesson says so), which both LMSs leave ungraded.

In (`lms_hint`, and `hand_in`, which makes each submission the gradebook places with what
its path says): the user id or name an LMS bulk download puts in a file's path:
- Canvas "Download Submissions": `<lastfirst>[_LATE]_<user id>_<submission id>_<file>`
  (Canvas Instructor Guide, "How do I download all student submissions for an assignment?");
- Moodle "Download all submissions": `<Full Name>_<participant id>_assignsubmission_file_`
  as a folder or a file-name prefix (Moodle docs, "Assignment settings" / "Using
  Assignment"); the participant id is not a user id, so only the name is used;
- Google Drive folders of Classroom work: `<Student Name> - <file>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from medialit.core.cells import number
from medialit.core.gradebook.book import BookStudent
from medialit.core.gradebook.graded import HandIn
from medialit.core.gradebook.rows import Points
from medialit.core.submission import SubmissionHeader

CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_COLUMNS = ("First name", "Last name", "ID number", "Email address")
PLAIN_COLUMNS = ("name", "email", "points")
FORMATS = ("canvas", "moodle", "plain")


@dataclass(frozen=True, slots=True)
class LmsRow:
    """One student's line in an LMS file: who, and the points (None: nothing to grade)."""

    name: str
    class_code: str
    email: str
    lms_id: str
    points: float | None


def lms_rows(students: Sequence[BookStudent], points_of: Sequence[float | None]) -> list[LmsRow]:
    """The rows of the gradebook (`book.students`, points in step) as LMS files need them."""
    return [
        LmsRow(
            s.name,
            s.class_code,
            s.entry.email if s.entry else "",
            s.entry.lms_id if s.entry else "",
            p,
        )
        for s, p in zip(students, points_of, strict=True)
    ]


def lms_table(
    kind: str, rows: Sequence[LmsRow], *, title: str, points: Points, delimiter: str = ","
) -> Iterator[list[str]]:
    """The cells of a `kind` file ("canvas", "moodle" or "plain"), for `export.write_table`."""
    comma = delimiter == ";"

    out_of = number(points.out_of, 0 if points.out_of.is_integer() else 1, comma)
    if kind == "canvas":
        yield [*CANVAS_COLUMNS, title]
        yield ["    Points Possible", "", "", "", "", out_of]
        for r in rows:
            yield [
                _sortable(r.name),
                r.lms_id,
                "",
                "",
                r.class_code,
                number(r.points, points.decimals, comma),
            ]
    elif kind == "moodle":
        yield [*MOODLE_COLUMNS, title]
        for r in rows:
            first, last = _split(r.name)
            yield [first, last, r.lms_id, r.email, number(r.points, points.decimals, comma)]
    elif kind == "plain":
        yield list(PLAIN_COLUMNS)
        for r in rows:
            yield [r.name, r.email, number(r.points, points.decimals, comma)]
    else:
        raise ValueError(f"LMS file kind must be one of {FORMATS}, not {kind!r}")


def _split(name: str) -> tuple[str, str]:
    """First and last name: the last word is the last name (what a roster that has only
    "name" can give; a roster with first and last name columns joins them so)."""
    first, _, last = name.rpartition(" ")
    return (first, last) if first else (name, "")


def _sortable(name: str) -> str:
    """Canvas's "Student" column is "Last, First"."""
    first, last = _split(name)
    return f"{last}, {first}" if last else first


# -- in: what a bulk download's path says -------------------------------------------------------

_CANVAS = re.compile(r"^(?:[^\W\d_]|-)+(?:_LATE)?_(\d+)_\d+_.+$")
_MOODLE = re.compile(r"^(.+?)_\d+_assign(?:submission|feedback)_")
_DRIVE = re.compile(r"^(.+?) - .+\.\w+$")


@dataclass(frozen=True, slots=True)
class LmsHint:
    lms_id: str = ""
    name: str = ""


def hand_in(
    key: str, header: SubmissionHeader, *, imported_at: str, path: str, payload: object
) -> HandIn:
    """A submission as the gradebook sees it, with the LMS user id or name its `path` holds:
    the one way the window (`teacher.grades`) and `medialit score` (`gradebook.command`) make
    one, so both place a student by the same hints."""
    hint = lms_hint(path)
    return HandIn(key, header, imported_at, lms_id=hint.lms_id, lms_name=hint.name, payload=payload)


def lms_hint(path: str) -> LmsHint:
    """The user id or student name an LMS download wrote into `path` (a zip member's name,
    or a file in an unpacked download); empty when the path says nothing."""
    member = path.rpartition("!")[2]  # a zip member is named `class.zip!folder/file.json`
    parts = PurePath(member.replace("\\", "/")).parts
    if not parts:
        return LmsHint()
    base = parts[-1]
    canvas = _CANVAS.match(base)
    if canvas:
        return LmsHint(lms_id=canvas.group(1))
    for part in reversed(parts):
        moodle = _MOODLE.match(part)
        if moodle:
            return LmsHint(name=moodle.group(1).strip())
    drive = _DRIVE.match(base)
    if drive:
        return LmsHint(name=drive.group(1).strip())
    return LmsHint()
