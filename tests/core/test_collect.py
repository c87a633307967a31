"""Collecting submission files: checks, one transaction, idempotence, history, report."""

import csv
import dataclasses
import json
from pathlib import Path

import pytest

from medialit.core import export
from medialit.core.classroom import score_class
from medialit.core.errors import NotFoundError
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Label, Span
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher.authoring import (
    delete_lesson,
    import_lesson_file,
    lesson_footprint,
    new_lesson,
    revise_text,
    save_lesson_to_store,
)
from medialit.core.teacher.collection import current_submissions, import_submission_files
from medialit.core.teacher.keycheck import make_key_span

TEXT = "Police said the fire started at 9. It may have been arson, a neighbour claimed."


def _lesson():
    lesson = new_lesson(TEXT, title="Fire")
    key = (make_key_span(lesson.article, 0, 11, Label.SOURCING, explanation="who"),)
    return dataclasses.replace(lesson, key=key)


def _sub(lesson, name: str, sid: str, when: str, spans=((0, 6, Label.SOURCING),)) -> Submission:
    return Submission(
        lesson_id=lesson.id,
        lesson_version=lesson.version,
        article_sha256=lesson.article.sha256,
        student_id=sid,
        student_name=name,
        class_code="7A",
        submitted_at=when,
        spans=tuple(Span.create(lesson.article, s, e, lab) for s, e, lab in spans),
        lesson_title=lesson.title,
    )


def test_import_checks_each_file_and_reports(fresh_store: Store, tmp_path: Path) -> None:
    lesson = _lesson()
    save_lesson_to_store(fresh_store, lesson)
    good = write_submission(tmp_path, _sub(lesson, "Ann", "s1", "2026-11-30T09:00:00+00:00"))
    other = new_lesson("Another text entirely.", title="Other")
    foreign = write_submission(tmp_path, _sub(other, "Bob", "s2", "2026-11-30T09:00:00+00:00"))
    bad_quote = tmp_path / "bad_quote.json"
    data = json.loads(good.read_text("utf-8"))
    data["spans"][0]["quote"] = "Hacked"
    bad_quote.write_text(json.dumps(data), "utf-8")
    bad_offsets = tmp_path / "bad_offsets.json"
    data["spans"][0].update(start=0, end=10_000)
    bad_offsets.write_text(json.dumps(data), "utf-8")
    wrong_text = tmp_path / "wrong_text.json"
    data = json.loads(good.read_text("utf-8"))
    data["article_sha256"] = "0" * 64
    wrong_text.write_text(json.dumps(data), "utf-8")
    (tmp_path / "junk.json").write_text("{nope", "utf-8")

    report = import_submission_files(fresh_store, [tmp_path], [lesson])
    assert [Path(a.path).name for a in report.added] == [good.name]
    reasons = {Path(r.path).name: r.reason for r in report.rejected}
    assert "not one of the lessons it was checked against" in reasons[foreign.name]
    assert "does not match the text" in reasons["bad_quote.json"]
    assert "past the end" in reasons["bad_offsets.json"]
    assert "different article text" in reasons["wrong_text.json"]
    assert "not valid JSON" in reasons["junk.json"]
    assert report.summary == "1 imported, 5 rejected"
    assert [s.student_name for s in current_submissions(fresh_store, lesson.id)] == ["Ann"]


def test_same_file_twice_changes_nothing(fresh_store: Store, tmp_path: Path) -> None:
    lesson = _lesson()
    save_lesson_to_store(fresh_store, lesson)
    path = write_submission(tmp_path, _sub(lesson, "Ann", "s1", "2026-11-30T09:00:00+00:00"))
    import_submission_files(fresh_store, [path], [lesson])
    before = list(fresh_store.db.query("SELECT * FROM submissions"))
    copy = tmp_path / "copy" / "renamed.json"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    report = import_submission_files(fresh_store, [path, copy], [lesson])
    assert report.added == [] and len(report.duplicates) == 2
    assert list(fresh_store.db.query("SELECT * FROM submissions")) == before


def test_newer_submission_becomes_current_and_older_is_history(
    fresh_store: Store, tmp_path: Path
) -> None:
    lesson = _lesson()
    save_lesson_to_store(fresh_store, lesson)
    old = write_submission(tmp_path, _sub(lesson, "Ann", "s1", "2026-11-30T09:00:00+00:00"))
    import_submission_files(fresh_store, [old], [lesson])
    newer = _sub(lesson, "Ann", "s1", "2026-11-30T10:00:00+00:00", ((0, 11, Label.SOURCING),))
    new_path = write_submission(tmp_path, newer)
    report = import_submission_files(fresh_store, [new_path], [lesson])
    assert report.superseded == [str(old)]
    (current,) = current_submissions(fresh_store, lesson.id)
    assert current.submitted_at.startswith("2026-11-30T10")
    everything = fresh_store.submissions.imported(lesson.id, current_only=False)
    assert [(s.current, s.submitted_at[11:13]) for s in everything] == [(True, "10"), (False, "09")]
    # importing the older one again later does not make it current
    import_submission_files(fresh_store, [old], [lesson])
    assert current_submissions(fresh_store, lesson.id)[0].submitted_at.startswith("2026-11-30T10")


def test_late_submission_on_the_earlier_text_is_accepted(
    fresh_store: Store, tmp_path: Path
) -> None:
    lesson = _lesson()
    save_lesson_to_store(fresh_store, lesson)
    late = write_submission(tmp_path, _sub(lesson, "Ann", "s1", "2026-11-30T09:00:00+00:00"))
    revised = revise_text(lesson, "UPDATE. " + TEXT).lesson
    save_lesson_to_store(fresh_store, revised)
    report = import_submission_files(fresh_store, [late], [revised])
    assert len(report.added) == 1, report.rejected
    assert report.added[0].submission.article_sha256 == lesson.article.sha256


def test_hostile_corpus_is_sorted_file_by_file_and_nothing_raises(
    fresh_store: Store, tmp_path: Path
) -> None:
    corpus = Path(__file__).resolve().parents[1] / "data" / "hostile" / "submissions"
    lesson, _ = import_lesson_file(fresh_store, load_lesson(default_lesson_path()))
    report = import_submission_files(fresh_store, [corpus], [lesson])
    names = {Path(a.path).name for a in report.added + report.duplicates}
    rejected = {Path(r.path).name for r in report.rejected}
    assert names and all(n.startswith("ok-") for n in names)
    assert rejected and all(n.startswith("sub-") for n in rejected)
    results = score_class(lesson, current_submissions(fresh_store, lesson.id))
    export.write_results(tmp_path / "r.csv", results.results)
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    assert "ok-name-formula-equals.json" in names
    assert any(cell.startswith("'=") for cell in cells)  # neutralised by export.safe_text
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_late_submission_on_an_earlier_text_this_database_never_had(
    fresh_store: Store, tmp_path: Path
) -> None:
    lesson = _lesson()  # never stored: the teacher got version 2 as a file
    late = write_submission(tmp_path, _sub(lesson, "Ann", "s1", "2026-11-30T09:00:00+00:00"))
    revised = revise_text(lesson, "UPDATE. " + TEXT).lesson
    save_lesson_to_store(fresh_store, revised)
    report = import_submission_files(fresh_store, [late], [revised])
    assert len(report.added) == 1, report.rejected
    (row,) = score_class(revised, current_submissions(fresh_store, lesson.id)).rows
    assert row.orphans == 0 and row.report.correct + row.report.partial == 1


def test_deleting_a_lesson_takes_its_key_versions_and_imported_submissions(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path / "teacher.db")
    for folder in "abcd":
        (tmp_path / folder).mkdir()
    lesson = _lesson()
    save_lesson_to_store(store, lesson)
    other = dataclasses.replace(_lesson(), id="other-lesson", title="Other")
    save_lesson_to_store(store, other)
    files = [
        write_submission(tmp_path / "a", _sub(lesson, "Ann", "s1", "2026-11-30T09:00:00+00:00")),
        write_submission(tmp_path / "b", _sub(lesson, "Ann", "s1", "2026-11-30T10:00:00+00:00")),
        write_submission(tmp_path / "c", _sub(lesson, "Bob", "s2", "2026-11-30T09:00:00+00:00")),
        write_submission(tmp_path / "d", _sub(other, "Cy", "s3", "2026-11-30T09:00:00+00:00")),
    ]
    report = import_submission_files(store, files, [lesson, other])
    assert len(report.added) == 4, report.rejected
    revised = revise_text(lesson, "UPDATE: " + TEXT).lesson
    save_lesson_to_store(store, revised)

    footprint = lesson_footprint(store, lesson.id)
    assert (footprint.key_spans, footprint.versions) == (1, 2)
    assert (footprint.submissions, footprint.students) == (3, 2)  # Ann's older one counts too
    assert footprint.describe() == "“Fire”, its key (1 span) and its 2 text versions"
    assert footprint.submissions_text() == (
        "3 submissions from 2 students (their current ones and 1 older one) "
        "will be removed with it."
    )
    assert footprint.deleted_text() == (
        "Deleted “Fire”, its key (1 span) and its 2 text versions, with 3 submissions."
    )

    change = delete_lesson(store, lesson.id)
    assert change.kind == "lesson-deleted" and change.lesson_id == lesson.id
    assert not store.lessons.is_authored(lesson.id) and store.keys.spans(lesson.id) == []
    assert store.lessons.version_bodies(lesson.id) == []
    assert store.submissions.imported(lesson.id, current_only=False) == []
    assert [row.id for row in store.lessons.authored()] == [other.id]  # the other is untouched
    assert len(store.submissions.imported(other.id)) == 1 and store.keys.spans(other.id)
    assert len(store.backups()) == 1  # taken before the deletion
    with pytest.raises(NotFoundError):
        lesson_footprint(store, lesson.id)
    with pytest.raises(NotFoundError):
        delete_lesson(store, lesson.id)
    assert len(store.backups()) == 1  # nothing to delete: no backup either
    store.close()


def test_a_lesson_nobody_submitted_says_so(fresh_store: Store) -> None:
    lesson = _lesson()
    save_lesson_to_store(fresh_store, lesson)
    footprint = lesson_footprint(fresh_store, lesson.id)
    assert footprint.describe() == "“Fire” and its key (1 span)"
    assert footprint.submissions_text() == (
        "No submissions were imported for it, so none are removed."
    )
    delete_lesson(fresh_store, lesson.id)  # in memory: no backup to take
    assert fresh_store.lessons.authored() == []
