"""Every edit is a QUndoCommand, so undo and redo are edits too, each committed to the database.

Commands are validated before `push()`, so `redo()` never meets bad input. A
store failure (disk full, read-only) cannot propagate out of `redo()`/`undo()`
(Qt calls them, and PySide only prints what they raise), so the command marks
itself obsolete instead: QUndoStack then drops it, and the window, told by
`Session.failed`, shows the error and "Not saved". The database and the
in-memory index are unchanged by a failed write, so what is shown stays true.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from medialit.core.edges import Reshape
from medialit.core.errors import MedialitError
from medialit.core.model import Label, Span
from medialit.core.records import SavedSpan
from medialit.gui.session import Session


class StoreCommand(QUndoCommand):
    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session

    def run(self, write: Callable[[], object]) -> None:
        try:
            write()
        except MedialitError:
            self.setObsolete(True)


class AddSpan(StoreCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(session, f"Label as {span.label.value}")
        self.span = span

    def redo(self) -> None:
        self.run(lambda: self.session.add_span(self.span))

    def undo(self) -> None:
        self.run(lambda: self.session.delete_span(self.span))


class DeleteSpan(StoreCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(session, f"Delete {span.label.value} span")
        self.span = span

    def redo(self) -> None:
        self.run(lambda: self.session.delete_span(self.span))

    def undo(self) -> None:
        self.run(lambda: self.session.add_span(self.span))


class DeleteOrphan(StoreCommand):
    """Delete a span that could not be placed on the corrected text (only ever on request)."""

    def __init__(self, session: Session, orphan: SavedSpan) -> None:
        super().__init__(session, f"Delete unplaced {orphan.span.label.value} label")
        self.orphan = orphan

    def redo(self) -> None:
        self.run(lambda: self.session.delete_orphan(self.orphan))

    def undo(self) -> None:
        self.run(lambda: self.session.restore_orphan(self.orphan))


class RelabelSpan(StoreCommand):
    def __init__(self, session: Session, span: Span, label: Label) -> None:
        super().__init__(session, f"Relabel as {label.value}")
        self.before, self.after = span, span.with_label(label)

    def redo(self) -> None:
        self.run(lambda: self.session.update_span(self.after))

    def undo(self) -> None:
        self.run(lambda: self.session.update_span(self.before))


class EditNote(StoreCommand):
    def __init__(self, session: Session, span: Span, note: str) -> None:
        super().__init__(session, "Edit note" if note else "Remove note")
        self.before, self.after = span, span.with_note(note)

    def redo(self) -> None:
        self.run(lambda: self.session.update_span(self.after))

    def undo(self) -> None:
        self.run(lambda: self.session.update_span(self.before))


class ReshapeSpan(StoreCommand):
    """An edge moved (a word at a time, or dragged): the span at its new place, and the spans
    of its label it grew into merged away; undo puts all of them back as they were."""

    def __init__(self, session: Session, plan: Reshape, what: str) -> None:
        super().__init__(session, what)
        self.plan = plan

    def redo(self) -> None:
        plan = self.plan
        self.run(lambda: self.session.reshape_span(plan.span, remove=plan.absorbed))

    def undo(self) -> None:
        plan = self.plan
        self.run(lambda: self.session.reshape_span(plan.before, restore=plan.absorbed))
