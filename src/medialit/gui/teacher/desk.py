"""The teacher's open desk: the store and the lesson being worked on.

Like the student's `Session`: `apply()` runs one committed store call, reloads the
lesson and broadcasts the Change; teacher views refresh on `changed`. Not every
teacher write goes through it yet (adopting a lesson file and importing
submissions write to the store directly, then refresh).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from medialit.core.model import KeySpan, LabelDefinition, Lesson
from medialit.core.records import Change, LessonRow
from medialit.core.store import Store
from medialit.core.teacher.authoring import delete_lesson, load_authored, update_details


class Desk(QObject):
    changed = Signal(object)  # Change, after the commit returned
    failed = Signal(object)  # the exception of a write that did not happen
    leaving = Signal()  # before another lesson (or none) is opened: save what is being typed
    lesson_switched = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.lesson: Lesson | None = None

    def lessons(self) -> list[LessonRow]:
        return self.store.lessons.authored()

    def open_lesson(self, lesson_id: str | None) -> None:
        self.leaving.emit()
        self.lesson = load_authored(self.store, lesson_id) if lesson_id else None
        self.lesson_switched.emit()

    def reload(self) -> None:
        if self.lesson is not None:
            self.lesson = load_authored(self.store, self.lesson.id)

    @property
    def key(self) -> tuple[KeySpan, ...]:
        return (self.lesson.key or ()) if self.lesson else ()

    def require_lesson(self) -> Lesson:
        if self.lesson is None:
            raise LookupError("no lesson is open")
        return self.lesson

    def apply(self, write: Callable[[Store], Change]) -> Change:
        """Run one store write; reload the lesson; emit `changed`; re-raise failures."""
        try:
            change = write(self.store)
        except Exception as exc:
            self.failed.emit(exc)
            raise
        self.reload()
        self.changed.emit(change)
        return change

    def delete_lesson(self, lesson_id: str) -> Change:
        """Delete an authored lesson (core.teacher.authoring.delete_lesson: a backup first); if it was
        the open one, open the newest remaining lesson (or none). Emits `changed` after."""
        try:
            change = delete_lesson(self.store, lesson_id)
        except Exception as exc:
            self.failed.emit(exc)
            raise
        if self.lesson is not None and self.lesson.id == lesson_id:
            rows = self.lessons()
            self.open_lesson(rows[0].id if rows else None)
        self.changed.emit(change)
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

    def set_definitions(self, definitions: Sequence[LabelDefinition]) -> Change:
        lesson = self.require_lesson()
        return self.apply(lambda s: update_details(s, lesson, definitions=definitions)[1])
