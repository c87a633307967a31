"""Submission file names end in the second the work was handed in, with a counter on collision."""

import json
from pathlib import Path

from medialit.core.records import Student
from medialit.core.submission import submission_filename, write_submission
from medialit.core.workspace import make_submission
from tests.helpers import make_lesson

STUDENT = Student(id="c0ffee" + "0" * 26, name="Ann Lee", class_code="7B")


def _submission(at: str):
    return make_submission(
        make_lesson(title="Bridge news"), STUDENT, (), app_version="t", submitted_at=at
    )


def test_file_name_ends_in_seconds_not_microseconds() -> None:
    name = submission_filename(_submission("2026-11-30T21:04:05.123456+00:00"))
    assert name == "Bridge-news_Ann-Lee-c0ffee_20261130-210405.json"


def test_two_submits_in_one_second_get_a_counter_and_both_files_stay(tmp_path: Path) -> None:
    first = write_submission(tmp_path, _submission("2026-11-30T21:04:05.100000+00:00"))
    second = write_submission(tmp_path, _submission("2026-11-30T21:04:05.900000+00:00"))
    third = write_submission(tmp_path, _submission("2026-11-30T21:04:05.950000+00:00"))
    assert [p.name for p in (first, second, third)] == [
        "Bridge-news_Ann-Lee-c0ffee_20261130-210405.json",
        "Bridge-news_Ann-Lee-c0ffee_20261130-210405~2.json",
        "Bridge-news_Ann-Lee-c0ffee_20261130-210405~3.json",
    ]
    stamps = [json.loads(p.read_text("utf-8"))["submitted_at"] for p in (first, second, third)]
    assert stamps == [
        "2026-11-30T21:04:05.100000+00:00",  # the file keeps the exact time; the name, seconds
        "2026-11-30T21:04:05.900000+00:00",
        "2026-11-30T21:04:05.950000+00:00",
    ]


def test_letters_without_an_ascii_twin_keep_a_plain_letter_in_the_file_name(
    tmp_path: Path,
) -> None:
    """A teacher reads 30 file names on a USB stick: "Łukasz Żółw" was "ukasz-Zow", and
    "Søren Ødegård" "Sren-degard"; now the letters stay, as plain ones."""
    for name, shown in (
        ("Łukasz Żółw", "Lukasz-Zolw"),
        ("Søren Ødegård", "Soren-Odegard"),
        ("Zeynep Yılmaz", "Zeynep-Yilmaz"),
        ("Æsa Straße", "AEsa-Strasse"),
    ):
        student = Student(id="c0ffee" + "0" * 26, name=name, class_code="7B")
        sub = make_submission(
            make_lesson(title="Bridge news"),
            student,
            (),
            app_version="t",
            submitted_at="2026-11-30T21:04:05+00:00",
        )
        path = write_submission(tmp_path, sub)
        assert path.name == f"Bridge-news_{shown}-c0ffee_20261130-210405.json"
        assert json.loads(path.read_text("utf-8"))["student_name"] == name  # inside: as typed
