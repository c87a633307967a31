"""Store additions for the student workspace: names, own submissions, remembered lessons."""

from medialit.core.lesson import lesson_to_dict
from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.core.submission import submission_to_dict
from medialit.core.workspace import make_submission
from tests.helpers import make_lesson


def test_student_named_ignores_case_and_spaces_but_not_class(fresh_store: Store) -> None:
    fresh_store.students.save(Student("s1", "Ann Lee", "7B"))
    fresh_store.students.save(Student("s2", "Ann Lee", "8A"))
    assert fresh_store.students.named(" ann lee ", "7b") == Student("s1", "Ann Lee", "7B")
    assert fresh_store.students.named("Ann Lee", "8A").id == "s2"
    assert fresh_store.students.named("Ann Lee") is None
    assert fresh_store.students.named("Bob") is None


def test_each_own_submission_is_recorded(fresh_store: Store) -> None:
    lesson = make_lesson()
    student = Student("s1", "Ann")
    fresh_store.students.save(student)
    span = Span.create(lesson.article, 0, 4, Label.CLAIM)
    for n, spans in enumerate(([span], [])):
        sub = make_submission(
            lesson, student, spans, app_version="x", submitted_at=f"2026-0{n + 1}"
        )
        change = fresh_store.submissions.record_own(submission_to_dict(sub), path=f"/usb/{n}.json")
        assert change.kind == "submission"
    records = fresh_store.submissions.own("s1", lesson.id)
    assert [(r.path, r.span_count) for r in records] == [("/usb/0.json", 1), ("/usb/1.json", 0)]
    assert fresh_store.submissions.own("s2", lesson.id) == []
    origins = {r["origin"] for r in fresh_store.db.query("SELECT origin FROM submissions")}
    assert origins == {"self"}


def test_remembered_lessons_newest_first(fresh_store: Store) -> None:
    first, second = make_lesson(id="1" * 32, title="One"), make_lesson(id="2" * 32, title="Two")
    for lesson in (first, second):
        fresh_store.lessons.remember(lesson, lesson_to_dict(lesson))
    assert [r.title for r in fresh_store.lessons.remembered()] == ["Two", "One"]
