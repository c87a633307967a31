"""Every edit is a QUndoCommand, so undo and redo are edits too, each committed to the database.

Commands are validated before `push()`, so `redo()` never meets bad input; a
store failure (disk full, read-only) propagates to the window, which tells the
user and leaves the edit unsaved.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from medialit.core.model import Label, Span
from medialit.gui.session import Session


class AddSpan(QUndoCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(f"Label as {span.label.value}")
        self.session, self.span = session, span

    def redo(self) -> None:
        self.session.add_span(self.span)

    def undo(self) -> None:
        self.session.delete_span(self.span)


class DeleteSpan(QUndoCommand):
    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(f"Delete {span.label.value} span")
        self.session, self.span = session, span

    def redo(self) -> None:
        self.session.delete_span(self.span)

    def undo(self) -> None:
        self.session.add_span(self.span)


class RelabelSpan(QUndoCommand):
    def __init__(self, session: Session, span: Span, label: Label) -> None:
        super().__init__(f"Relabel as {label.value}")
        self.session, self.before, self.after = session, span, span.with_label(label)

    def redo(self) -> None:
        self.session.update_span(self.after)

    def undo(self) -> None:
        self.session.update_span(self.before)


class EditNote(QUndoCommand):
    def __init__(self, session: Session, span: Span, note: str) -> None:
        super().__init__("Edit note")
        self.session, self.before, self.after = session, span, span.with_note(note)

    def redo(self) -> None:
        self.session.update_span(self.after)

    def undo(self) -> None:
        self.session.update_span(self.before)
