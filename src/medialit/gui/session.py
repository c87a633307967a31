"""A student's open workspace: which student, which lesson, and the store that keeps the work.

Every edit goes through `apply()`, which runs one committed store call,
updates the in-memory `SpanIndex` and then broadcasts the resulting Change;
views refresh on `changed` (Anki's operation_did_execute). What is kept but
not undone (the student's name, the lesson opened, the preferences in
`prefs`) is written by the session's own methods too: widgets never write to
the store themselves. Switching student or lesson reloads the index and emits
`reloaded`, so views redraw everything once; handing work in emits `submitted`.

Opening work re-anchors it first (`workspace.reanchor_work`, committed): spans
saved on an earlier version of the article text move to where their quote is
now, and those that cannot be placed are kept as `orphans`, shown apart and
never in the index (they have no place in this text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from medialit.core.errors import MedialitError, StoreError
from medialit.core.library import SAVED, lesson_choices, load_choice
from medialit.core.model import Article, Lesson, Span
from medialit.core.prefs import Prefs
from medialit.core.records import Change, SavedSpan, Student, SubmissionRecord
from medialit.core.spanindex import SpanIndex
from medialit.core.store import Store
from medialit.core.workspace import Reanchoring, open_work, placed_as_saved

if TYPE_CHECKING:  # loaded when work is handed in, not at start-up
    from medialit.core.submission import Submission


def orphan_order(orphan: SavedSpan) -> tuple[int, int, str, str]:
    span = orphan.span
    return span.start, span.end, span.label.value, span.id


class Session(QObject):
    changed = Signal(object)  # Change, emitted only after the commit returned
    failed = Signal(object)  # the MedialitError/StoreError of a write that did not happen
    reloaded = Signal()  # another student or lesson: everything shown is new
    submitted = Signal(object)  # Submission: handed in (its file written), once confirmed
    opened = Signal()  # the store is open (start-up painted from a glance): edits can be saved

    def __init__(self, store: Store, student: Student, lesson: Lesson) -> None:
        super().__init__()
        self.store = store
        self.prefs = Prefs(store)
        self.student = student
        self.lesson = lesson
        self.index = SpanIndex()
        # spans that could not be placed on this text: kept, listed apart, never drawn
        self.orphans: list[SavedSpan] = []
        self.reanchoring = Reanchoring()  # what opening the work moved or orphaned
        self.load_problem: MedialitError | None = None  # re-anchoring could not be saved
        self._load()

    @property
    def article(self) -> Article:
        return self.lesson.article

    @property
    def is_open(self) -> bool:
        """False while start-up shows a glance at the database (`core.glance`): nothing can
        be changed until the store is open and `attach`ed."""
        return not self.store.glancing

    @property
    def has_student(self) -> bool:
        """False until the first-start dialog named the student (nothing can be saved before)."""
        return bool(self.student.name)

    def spans(self) -> list[Span]:
        return list(self.index)

    def _load(self) -> None:
        """Re-anchor the saved work onto this text (committed), then load what has a place.

        If the re-anchoring cannot be saved, nothing moves and `load_problem`
        says why (`workspace.open_work`).
        """
        if not self.is_open:  # a glance: what is saved at its place, nothing re-anchored
            placed, _ = placed_as_saved(
                self.store.work.saved_spans(self.student.id, self.lesson.id), self.article.text
            )
            self.index.reset(placed)
            return
        work = open_work(self.store, self.student.id, self.lesson)
        self.reanchoring, self.load_problem = work.reanchoring, work.problem
        self.orphans = sorted(work.orphans, key=orphan_order)
        self.index.reset(work.placed)

    def switch(self, *, student: Student | None = None, lesson: Lesson | None = None) -> None:
        """Open another student's or lesson's work (kept per (student, lesson))."""
        self.student = student or self.student
        self.lesson = lesson or self.lesson
        self._load()
        self.reloaded.emit()

    def attach(self, store: Store, *, student: Student, lesson: Lesson) -> None:
        """The store is open: it replaces the glance start-up painted from. The work is
        loaded again (re-anchored where the text changed), then `reloaded` and `opened`."""
        self.store = store
        self.prefs.store = store  # the one Prefs, held by the window and its parts
        self.switch(student=student, lesson=lesson)
        self.opened.emit()

    # -- kept, not undone: who works, which lesson ---------------------------------------

    def known_students(self) -> list[Student]:
        return self.store.students.all()

    def student_named(self, name: str, class_code: str = "") -> Student | None:
        """The student of that name and class code here (ignoring case), if any."""
        return self.store.students.named(name, class_code)

    def name_student(self, student: Student) -> None:
        """Save the student (new, or renamed) and make them the one working on this machine."""
        self.store.students.save(student)
        self.prefs.set_current_student(student.id)

    def lesson_choices(self) -> list[tuple[str, str]]:
        """The lessons this student can open (core.library)."""
        return lesson_choices(self.store)

    def load_lesson(self, where: str) -> Lesson:
        """The lesson at a file path or "id:<lesson id>", kept in the database once opened."""
        return load_choice(self.store, where)

    def open_lesson(self, lesson: Lesson) -> None:
        """Work on `lesson` (remembered for the next start); the work on it continues."""
        self.prefs.set_last_lesson(SAVED + lesson.id)
        self.switch(lesson=lesson)

    def own_submissions(self) -> list[SubmissionRecord]:
        """This student's submissions of this lesson from this machine, oldest first."""
        return self.store.submissions.own(self.student.id, self.lesson.id)

    def last_submission_body(self) -> dict[str, Any] | None:
        """The newest of those, as the file's JSON object (what was handed in), or None."""
        return self.store.submissions.last_own_body(self.student.id, self.lesson.id)

    # -- edits: one committed write each ------------------------------------------------

    def apply(
        self, write: Callable[[Store], Change], *, then: Callable[[], object] | None = None
    ) -> Change:
        """Run one store write; after the commit, run `then` and emit `changed`; re-raise on failure."""
        try:
            if not self.is_open:  # the window offers no edit then: this is the last guard
                raise StoreError("Your work is still opening. Try again in a moment.")
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
            lambda s: s.work.add_span(
                self.student.id, self.lesson.id, self.lesson.article.sha256, span
            ),
            then=lambda: self.index.add(span),
        )

    def delete_span(self, span: Span) -> Change:
        return self.apply(
            lambda s: s.work.delete_span(span.id), then=lambda: self.index.remove(span.id)
        )

    def update_span(self, span: Span) -> Change:
        return self.apply(lambda s: s.work.update_span(span), then=lambda: self.index.replace(span))

    def reshape_span(
        self, span: Span, *, remove: Sequence[Span] = (), restore: Sequence[Span] = ()
    ) -> Change:
        """`span` at its new place (edges moved), merging away `remove` or bringing back
        `restore` (undo): one committed write, then the index."""

        def then() -> None:
            for gone in remove:
                self.index.remove(gone.id)
            self.index.move(span)
            for back in restore:
                self.index.add(back)

        lesson = self.lesson
        return self.apply(
            lambda s: s.work.reshape_span(
                self.student.id,
                lesson.id,
                lesson.article.sha256,
                span,
                remove=remove,
                restore=restore,
            ),
            then=then,
        )

    def delete_orphan(self, orphan: SavedSpan) -> Change:
        """The student let go of a span that could not be placed (undo puts it back)."""

        def forget() -> None:
            self.orphans = [o for o in self.orphans if o.span.id != orphan.span.id]

        return self.apply(lambda s: s.work.delete_span(orphan.span.id), then=forget)

    def restore_orphan(self, orphan: SavedSpan) -> Change:
        """Put a deleted orphan back exactly as it was (its text's hash, offsets, flag)."""

        def keep() -> None:
            self.orphans = sorted([*self.orphans, orphan], key=orphan_order)

        return self.apply(
            lambda s: s.work.add_span(
                self.student.id,
                self.lesson.id,
                orphan.article_sha256,
                orphan.span,
                orphaned=orphan.orphaned,
            ),
            then=keep,
        )

    def record_submission(self, submission: Submission, *, path: str) -> Change:
        """Remember a submission file just written (the database keeps each one)."""
        from medialit.core.submission import submission_to_dict  # loaded when work is handed in

        return self.apply(
            lambda s: s.submissions.record_own(submission_to_dict(submission), path=path)
        )
