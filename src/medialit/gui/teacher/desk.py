"""The teacher's open desk: the store and the lesson being worked on.

Like the student's `Session`: `apply()` runs one committed store call, reloads the
lesson and broadcasts the Change; teacher views refresh on `changed`. Every teacher
write goes through it (key edits, details, text versions, adopting a lesson file,
importing submissions, deleting a lesson, the roster, grading), so a failed write is
reported once, by `failed`, which the window shows as "Not saved"; `reported` is that
exception, so the code that called `apply` does not show it a second time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from medialit.core.errors import NotFoundError
from medialit.core.intake.gathering import Duplicate
from medialit.core.model import KeySpan, LabelDefinition, Lesson
from medialit.core.records import Change, ChangeKind
from medialit.core.store import Store
from medialit.core.teacher.authoring import (
    delete_lesson,
    import_lesson_file,
    load_authored,
    save_lesson_to_store,
    update_details,
)
from medialit.core.teacher.collection import Accepted, ImportReport, Rejected, commit_import
from medialit.core.teacher_records import LessonRow

T = TypeVar("T")


class Desk(QObject):
    changed = Signal(object)  # Change, after the commit returned
    failed = Signal(object)  # the exception of a write that did not happen
    leaving = Signal()  # before another lesson (or none) is opened: save what is being typed
    lesson_switched = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.lesson: Lesson | None = None
        self.reported: BaseException | None = None  # the last failure `failed` told

    def lessons(self) -> list[LessonRow]:
        return self.store.lessons.authored()

    def open_lesson(self, lesson_id: str | None) -> None:
        self.leaving.emit()
        self.lesson = load_authored(self.store, lesson_id) if lesson_id else None
        self.lesson_switched.emit()

    def reload(self) -> None:
        if self.lesson is not None:
            try:
                self.lesson = load_authored(self.store, self.lesson.id)
            except NotFoundError:  # the write deleted it
                self.lesson = None

    @property
    def key(self) -> tuple[KeySpan, ...]:
        return (self.lesson.key or ()) if self.lesson else ()

    def require_lesson(self) -> Lesson:
        if self.lesson is None:
            raise NotFoundError("no lesson is open")
        return self.lesson

    def apply(self, write: Callable[[Store], Change]) -> Change:
        """Run one store write; reload the lesson; emit `changed`; on failure emit `failed`
        (once) and re-raise."""
        return self.apply_returning(lambda store: (None, write(store)))[1]

    def apply_returning(
        self, write: Callable[[Store], tuple[T, Change]], *, tell_next_turn: bool = False
    ) -> tuple[T, Change]:
        """`apply` for a write that also gives back what it made (the lesson adopted …).

        `tell_next_turn`: `changed` is emitted on the next turn of the event loop, so a big
        write (an import of a whole class) and the views' refresh never stall the window in
        one turn together."""
        try:
            value, change = write(self.store)
        except Exception as exc:
            self.reported = exc
            self.failed.emit(exc)
            raise
        self.reload()
        if tell_next_turn:
            QTimer.singleShot(0, self, lambda: self.changed.emit(change))
        else:
            self.changed.emit(change)
        return value, change

    def adopt_lesson_file(self, lesson: Lesson) -> Lesson:
        """A lesson file (or a student pack) made one of the teacher's lessons, and opened."""
        adopted, _change = self.apply_returning(lambda s: import_lesson_file(s, lesson))
        self.open_lesson(adopted.id)
        return adopted

    def record_import(self, results: Iterable[Accepted | Duplicate | Rejected]) -> ImportReport:
        """Submissions the intake accepted, stored in one transaction (`commit_import`)."""
        lesson_id = self.lesson.id if self.lesson else ""

        def write(store: Store) -> tuple[ImportReport, Change]:
            report = commit_import(store, results)
            return report, Change(ChangeKind.SUBMISSIONS_IMPORTED, lesson_id)

        return self.apply_returning(write, tell_next_turn=True)[0]

    def delete_lesson(self, lesson_id: str) -> Change:
        """Delete an authored lesson (core.teacher.authoring.delete_lesson: a backup first); if
        it was the open one, open the newest remaining lesson (or none)."""
        was_open = self.lesson is not None and self.lesson.id == lesson_id
        change = self.apply(lambda s: delete_lesson(s, lesson_id))
        if was_open:
            rows = self.lessons()
            self.open_lesson(rows[0].id if rows else None)
        return change

    # -- key spans (called by the undo commands) ------------------------------------

    def add_key_span(self, span: KeySpan) -> Change:
        lesson_id = self.require_lesson().id
        return self.apply(lambda s: s.keys.add(lesson_id, span))

    def update_key_span(self, span: KeySpan) -> Change:
        lesson_id = self.require_lesson().id
        return self.apply(lambda s: s.keys.update(lesson_id, span))

    def delete_key_span(self, span: KeySpan) -> Change:
        lesson_id = self.require_lesson().id
        return self.apply(lambda s: s.keys.delete(lesson_id, span.id))

    def add_key_spans(self, spans: Sequence[KeySpan]) -> Change:
        lesson_id = self.require_lesson().id
        return self.apply(lambda s: s.keys.add_all(lesson_id, spans))

    def delete_key_spans(self, spans: Sequence[KeySpan]) -> Change:
        lesson_id = self.require_lesson().id
        return self.apply(lambda s: s.keys.delete_all(lesson_id, [k.id for k in spans]))

    def replace_key_spans(self, remove: Sequence[str], put: Sequence[KeySpan]) -> Change:
        lesson_id = self.require_lesson().id
        return self.apply(lambda s: s.keys.replace(lesson_id, remove, put))

    def explain_key_span(self, span_id: str, explanation: str) -> Change:
        """Only the explanation: a change that rescores nothing (`Touches.EXPLANATIONS`)."""
        lesson_id = self.require_lesson().id
        return self.apply(lambda s: s.keys.explain(lesson_id, span_id, explanation))

    def replace_key(self, key: Sequence[KeySpan]) -> Change:
        """The whole key at once (a doccano key imported): one write."""
        lesson = dataclasses.replace(self.require_lesson(), key=tuple(key))
        return self.apply(lambda s: save_lesson_to_store(s, lesson))

    def set_definitions(self, definitions: Sequence[LabelDefinition]) -> Change:
        lesson = self.require_lesson()
        return self.apply(lambda s: update_details(s, lesson, definitions=definitions)[1])
