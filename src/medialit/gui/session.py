"""A student's open workspace: which student, which lesson, and the store that keeps the work.

Every write goes through `apply()`, which runs one committed store call,
updates the in-memory `SpanIndex` and then broadcasts the resulting Change;
views refresh on `changed` (Anki's operation_did_execute). Widgets never write
to the store themselves. Switching student or lesson reloads the index and
emits `reloaded`, so views redraw everything once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from medialit.core.model import Article, Lesson, Span
from medialit.core.spanindex import SpanIndex
from medialit.core.store import Change, Store, Student
from medialit.core.submission import Submission, submission_to_dict
from medialit.core.workspace import fitting_spans


class Session(QObject):
    changed = Signal(object)  # Change, emitted only after the commit returned
    failed = Signal(object)  # the MedialitError/StoreError of a write that did not happen
    reloaded = Signal()  # another student or lesson: everything shown is new

    def __init__(self, store: Store, student: Student, lesson: Lesson) -> None:
        super().__init__()
        self.store = store
        self.student = student
        self.lesson = lesson
        self.index = SpanIndex()
        self.stale: list[Span] = []  # saved against another version of the article text
        self._load()

    @property
    def article(self) -> Article:
        return self.lesson.article

    @property
    def has_student(self) -> bool:
        """False until the first-start dialog named the student (nothing can be saved before)."""
        return bool(self.student.name)

    def spans(self) -> list[Span]:
        return list(self.index)

    def _load(self) -> None:
        saved = self.store.spans(self.student.id, self.lesson.id)
        good, self.stale = fitting_spans(self.article.text, saved)
        self.index.reset(good)

    def switch(self, *, student: Student | None = None, lesson: Lesson | None = None) -> None:
        """Open another student's or lesson's work (kept per (student, lesson))."""
        self.student = student or self.student
        self.lesson = lesson or self.lesson
        self._load()
        self.reloaded.emit()

    def apply(
        self, write: Callable[[Store], Change], *, then: Callable[[], object] | None = None
    ) -> Change:
        """Run one store write; after the commit, run `then` and emit `changed`; re-raise on failure."""
        try:
            change = write(self.store)
        except Exception as exc:
            self.failed.emit(exc)
            raise
        if then is not None:
            then()
        self.changed.emit(change)
        return change

    def add_span(self, span: Span) -> Change:
        return self.apply(
            lambda s: s.add_span(self.student.id, self.lesson.id, self.lesson.article.sha256, span),
            then=lambda: self.index.add(span),
        )

    def delete_span(self, span: Span) -> Change:
        return self.apply(lambda s: s.delete_span(span.id), then=lambda: self.index.remove(span.id))

    def update_span(self, span: Span) -> Change:
        return self.apply(lambda s: s.update_span(span), then=lambda: self.index.replace(span))

    def record_submission(self, submission: Submission, *, path: str) -> Change:
        """Remember a submission file just written (the database keeps each one)."""
        return self.apply(
            lambda s: s.record_own_submission(submission_to_dict(submission), path=path)
        )
