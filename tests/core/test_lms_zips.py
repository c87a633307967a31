"""LMS bulk downloads as zips (issue 12): Canvas, Moodle and Google Drive name each file after
the student who uploaded it, in nested folders. `medialit score` reads the zip like a folder
through the intake's zip reader, and the names and ids in the paths place each file on the
roster, whatever name the student typed."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core.jsonfile import dump_json
from medialit.core.submission import submission_to_dict
from tests.score_files import make_submission, write_lesson

ROSTER = "Name,Class,ID\nDaniel Okafor,7b,12345\nZoë Ångström,7b,67890\nDora Missing,7b,555\n"
# (member path in the download, the name the student typed into medialit)
DOWNLOADS = {
    "canvas": [
        ("okafordaniel_12345_111_medialit-submission.json", "dan"),
        ("angstromzoe_LATE_67890_222_medialit-submission.json", "Z"),
    ],
    "moodle": [
        ("Daniel Okafor_4001_assignsubmission_file_/medialit.json", "dan"),
        ("Zoë Ångström_4002_assignsubmission_file_/lesson 3/medialit.json", "Z"),
    ],
    "drive": [
        ("Lesson 3 (File responses)/Daniel Okafor - medialit.json", "dan"),
        ("Lesson 3 (File responses)/late/Zoë Ångström - medialit.json", "Z"),
    ],
}


@pytest.mark.parametrize("lms", list(DOWNLOADS))
def test_a_bulk_download_zip_is_read_and_placed_by_its_paths(tmp_path: Path, lms: str) -> None:
    lesson = write_lesson(tmp_path / "lesson.json")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, "utf-8")
    archive = tmp_path / f"{lms}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (member, typed) in enumerate(DOWNLOADS[lms]):
            sub = make_submission(f"laptop{i}", [], name=typed)
            zf.writestr(member, dump_json(submission_to_dict(sub)))
    ran = CliRunner().invoke(cli, ["score", str(lesson), str(archive), "--roster", str(roster)])
    assert ran.exit_code == 0, ran.stderr
    rows = list(csv.DictReader(io.StringIO(ran.stdout, newline="")))
    got = [(r["student_name"], r["status"], r["roster"]) for r in rows]
    assert got == [
        ("Daniel Okafor", "submitted", "listed"),
        ("Dora Missing", "not submitted", "listed"),
        ("Zoë Ångström", "submitted", "listed"),
    ]
    assert "not on the roster" not in ran.stderr
