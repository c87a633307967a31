"""A student's open workspace: which student, which lesson, and the store that keeps the work.

Every write goes through `apply()`, which runs one committed store call and
broadcasts the resulting Change; views refresh on `changed` (Anki's
operation_did_execute). Widgets never write to the store themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from medialit.core.model import Article, Lesson, Span
from medialit.core.store import Change, Store, Student


class Session(QObject):
    changed = Signal(object)  # Change, emitted only after the commit returned
    failed = Signal(object)  # the MedialitError/StoreError of a write that did not happen

    def __init__(self, store: Store, student: Student, lesson: Lesson) -> None:
        super().__init__()
        self.store = store
        self.student = student
        self.lesson = lesson

    @property
    def article(self) -> Article:
        return self.lesson.article

    def spans(self) -> list[Span]:
        return self.store.spans(self.student.id, self.lesson.id)

    def apply(self, write: Callable[[Store], Change]) -> Change:
        """Run one store write; emit `changed` after the commit, re-raise on failure."""
        try:
            change = write(self.store)
        except Exception as exc:
            self.failed.emit(exc)
            raise
        self.changed.emit(change)
        return change

    def add_span(self, span: Span) -> Change:
        return self.apply(
            lambda s: s.add_span(self.student.id, self.lesson.id, self.lesson.article.sha256, span)
        )

    def delete_span(self, span: Span) -> Change:
        return self.apply(lambda s: s.delete_span(span.id))

    def update_span(self, span: Span) -> Change:
        return self.apply(lambda s: s.update_span(span))
