"""A submission's header is copied into other records in one place (`header_fields`), and
the records that are views of a submission or a lesson hold it instead of copying it."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.core.batch import load_key
from medialit.core.intake.placement import TextVersions, place
from medialit.core.intake.readers import from_submission
from medialit.core.model import Article, Label
from medialit.core.submission import Submission, header_fields
from medialit.core.teacher.collection import accepted
from tests.score_files import LESSON_ID, TEXT, make_lesson, make_submission, spans_for, write_lesson

SHA = Article.from_canonical(TEXT).sha256
AT = "2026-01-05T10:00:00+00:00"


def ann(lesson_id: str = LESSON_ID) -> Submission:
    spans = spans_for(TEXT, [("Investigators", Label.SOURCING)])
    return make_submission("ann", spans, name="Ann Lee", class_code="8A", lesson_id=lesson_id)


def test_header_fields_are_the_seven_header_fields_of_a_submission() -> None:
    assert header_fields(ann()) == {
        "lesson_id": LESSON_ID,
        "lesson_version": 1,
        "article_sha256": SHA,
        "student_id": "ann",
        "student_name": "Ann Lee",
        "class_code": "8A",
        "submitted_at": AT,
    }


def test_header_fields_take_changes_to_header_fields_only() -> None:
    changed = header_fields(ann(), lesson_id="x", student_id="j1")
    assert (changed["lesson_id"], changed["student_id"], changed["student_name"]) == (
        "x",
        "j1",
        "Ann Lee",
    )
    with pytest.raises(TypeError, match="not submission header fields: spans"):
        header_fields(ann(), spans=())


def test_an_import_record_is_the_files_header_on_the_lesson_it_was_placed_on() -> None:
    other = "0123456789abcdef" * 2  # a lesson made again from the same article
    placed = place(from_submission(ann(lesson_id=other)), [TextVersions(make_lesson())])
    record = accepted(placed).record
    assert record.lesson_id == LESSON_ID
    assert (record.lesson_version, record.article_sha256, record.submitted_at) == (1, SHA, AT)
    assert (record.student_id, record.student_name, record.class_code) == ("ann", "Ann Lee", "8A")
    assert record.body["lesson_id"] == other  # the file as it was handed in


def test_an_arrival_from_a_submission_holds_it() -> None:
    sub = ann()
    arrival = from_submission(sub)
    assert arrival.submission is sub and arrival.header is sub and arrival.spans is sub.spans


def test_a_grading_key_places_submissions_on_the_lesson_it_holds(tmp_path: Path) -> None:
    key = load_key(write_lesson(tmp_path / "lesson.json"))
    assert key.versions().lesson is key.lesson
    assert (key.lesson.title, key.lesson.id, key.lesson.origin) == (
        "Rust shooting",
        LESSON_ID,
        str(tmp_path / "lesson.json"),
    )


def test_medialit_scores_gradebook_holds_the_header_its_intake_read(tmp_path: Path) -> None:
    from medialit.core.batch import collect
    from medialit.core.gradebook.command import handed
    from tests.score_files import write_submission

    folder = tmp_path / "Ann Lee_1234_assignsubmission_file_"  # a Moodle download's folder
    folder.mkdir()
    path = write_submission(folder / "ann.json", ann())
    (entry,) = collect(load_key(write_lesson(tmp_path / "lesson.json")), [path]).entries
    (hand_in,) = handed([entry], imported_at=AT)
    assert hand_in.header is entry.header and hand_in.payload is entry
    assert (hand_in.key, hand_in.imported_at, hand_in.lms_name) == (str(path), AT, "Ann Lee")
    header = hand_in.header
    assert (header.student_id, header.student_name, header.lesson_version) == (
        "ann",
        "Ann Lee",
        1,
    )
