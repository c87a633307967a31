"""Each store write says what it touched (`Change.touches`), which is what views refresh on."""

from __future__ import annotations

from medialit.core.lesson import lesson_to_dict
from medialit.core.model import Label, Span
from medialit.core.records import Change, ChangeKind, Student, Touches
from medialit.core.store import Store
from medialit.core.submission import submission_to_dict
from medialit.core.teacher.authoring import save_lesson_to_store, update_details
from medialit.core.teacher.keycheck import make_key_span
from medialit.core.teacher_records import LessonGrading, RosterLine
from medialit.core.workspace import make_submission
from tests.helpers import make_lesson


def test_each_write_says_what_it_touches(fresh_store: Store) -> None:
    store, lesson = fresh_store, make_lesson()
    span = Span.create(lesson.article, 0, 4, Label.CLAIM)
    key = make_key_span(lesson.article, 0, 4, Label.FACT)
    sub = make_submission(lesson, Student("s1", "Ann"), [span], app_version="x")
    writes = [
        (lambda: store.settings.set("zoom", "1"), Touches.SETTINGS),
        (lambda: store.students.save(Student("s1", "Ann")), Touches.STUDENTS),
        (lambda: store.lessons.remember(lesson, lesson_to_dict(lesson)), Touches.LESSON),
        (
            lambda: save_lesson_to_store(store, lesson),
            Touches.LESSON | Touches.TEXT | Touches.KEY | Touches.EXPLANATIONS,
        ),
        (lambda: update_details(store, lesson, title="Renamed")[1], Touches.LESSON),
        (lambda: store.keys.add(lesson.id, key), Touches.KEY | Touches.EXPLANATIONS),
        (lambda: store.keys.update(lesson.id, key), Touches.KEY | Touches.EXPLANATIONS),
        # an explanation alone touches no scoring: the class is not rescored (issue 11)
        (lambda: store.keys.explain(lesson.id, key.id, "Why."), Touches.EXPLANATIONS),
        (lambda: store.keys.delete(lesson.id, key.id), Touches.KEY | Touches.EXPLANATIONS),
        (lambda: store.keys.add_all(lesson.id, [key]), Touches.KEY | Touches.EXPLANATIONS),
        (lambda: store.keys.delete_all(lesson.id, [key.id]), Touches.KEY | Touches.EXPLANATIONS),
        (lambda: store.work.add_span("s1", lesson.id, lesson.article.sha256, span), Touches.WORK),
        (lambda: store.work.update_span(span.with_note("why")), Touches.WORK),
        (lambda: store.work.delete_span(span.id), Touches.WORK),
        (
            lambda: store.submissions.record_own(submission_to_dict(sub), path="/usb/a.json"),
            Touches.OWN_SUBMISSIONS,
        ),
        (lambda: store.submissions.record_imported([]), Touches.IMPORTED),
        (lambda: store.roster.add([RosterLine("7A", "Ann")]), Touches.ROSTER),
        (lambda: store.roster.link("laptop-1", 1), Touches.ROSTER),
        (lambda: store.grading.save(LessonGrading(lesson.id, out_of=10)), Touches.GRADING),
        (lambda: store.grading.release_key(lesson.id), Touches.GRADING),
        (lambda: store.grading.pick(lesson.id, "sub-1"), Touches.GRADING),
        (lambda: store.grading.confirm_id("laptop-1", "ann"), Touches.GRADING),
        (
            lambda: store.lessons.delete_authored(lesson.id),
            Touches.LESSON | Touches.KEY | Touches.EXPLANATIONS | Touches.IMPORTED,
        ),
    ]
    for write, touches in writes:
        change = write()
        assert change.touches == touches, change.kind


def test_every_kind_says_what_it_touches_and_a_restore_touches_everything() -> None:
    for kind in ChangeKind:
        assert Change(kind).touches != Touches.NOTHING, kind
    everything = Change(ChangeKind.RESTORED).touches
    assert all(flag in everything for flag in Touches)
