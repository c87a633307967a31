"""LMS files (issue 12): Canvas and Moodle grade imports and a plain name/email/points file,
each against a fixture written by hand from the documented layout (gradebook/lms.py cites
it); and the names and ids LMS bulk downloads put in file paths."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from medialit.core.export import write_table
from medialit.core.gradebook.lms import LmsHint, LmsRow, lms_hint, lms_table
from medialit.core.gradebook.rows import Points

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "lms"
ROWS = [
    LmsRow("Ann Lee", "8A", "ann@school.example", "1001", 7.5),
    LmsRow("Ben Ng", "8B", "ben@school.example", "2002", None),  # nothing graded: empty
    LmsRow("Zoë Ångström", "8A", "", "", 10.0),
]


def written(kind: str, delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    table = lms_table(kind, ROWS, title="Lesson One", points=Points(10, 1), delimiter=delimiter)
    write_table(out, table, delimiter=delimiter)
    return out.getvalue()


@pytest.mark.parametrize(
    ("kind", "delimiter", "fixture"),
    [
        ("canvas", ",", "canvas.csv"),
        ("moodle", ",", "moodle.csv"),
        ("plain", ";", "plain-semicolon.csv"),
    ],
)
def test_each_format_is_its_documented_layout(kind: str, delimiter: str, fixture: str) -> None:
    expected = (FIXTURES / fixture).read_bytes().decode("utf-8")
    assert written(kind, delimiter) == expected


def test_a_formula_in_a_name_is_neutralised_in_every_format() -> None:
    global ROWS
    saved = ROWS
    ROWS = [LmsRow("=HYPERLINK(1)", "8A;=1+1", "@x", "+1", 1.0)]
    try:
        for kind in ("canvas", "moodle", "plain"):
            text = written(kind)
            assert "=HYPERLINK" not in text.replace("'=HYPERLINK", "")
            assert ";=1+1" not in text
    finally:
        ROWS = saved


@pytest.mark.parametrize(
    ("path", "hint"),
    [
        # Canvas "Download Submissions": lastfirst_[LATE_]userid_submissionid_file
        ("submissions/okaforDaniel_12345_67890_submission.json", LmsHint(lms_id="12345")),
        ("okafordaniel_LATE_12345_67890_Alec-Baldwin.json", LmsHint(lms_id="12345")),
        # Moodle "Download all submissions", in folders or flat
        (
            "Daniel Okafor_4411_assignsubmission_file_/medialit.json",
            LmsHint(name="Daniel Okafor"),
        ),
        ("Zoë Ångström_88_assignsubmission_file_lesson.json", LmsHint(name="Zoë Ångström")),
        # Google Drive folder of Classroom work: "Student Name - file"
        ("Class 8A/Lesson 3/Ben Ng - medialit submission.json", LmsHint(name="Ben Ng")),
        ("plain/Alec-Baldwin_Ann-Lee-a_2026.json", LmsHint()),
        # inside a zip, as the intake names a member
        (
            "/dl/8A.zip!Daniel Okafor_4411_assignsubmission_file_/medialit.json",
            LmsHint(name="Daniel Okafor"),
        ),
        ("/dl/canvas.zip!okafordaniel_12345_67890_x.json", LmsHint(lms_id="12345")),
    ],
)
def test_bulk_download_paths_name_the_student(path: str, hint: LmsHint) -> None:
    assert lms_hint(path) == hint
