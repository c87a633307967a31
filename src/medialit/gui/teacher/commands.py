"""Key edits as QUndoCommands: each redo/undo is one committed store write via the Desk."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from medialit.core.model import KeySpan
from medialit.gui.teacher.desk import Desk


class AddKeySpan(QUndoCommand):
    def __init__(self, desk: Desk, span: KeySpan) -> None:
        super().__init__(f"Add {span.label.value} key span")
        self.desk, self.span = desk, span

    def redo(self) -> None:
        self.desk.add_key_span(self.span)

    def undo(self) -> None:
        self.desk.delete_key_span(self.span)


class DeleteKeySpan(QUndoCommand):
    def __init__(self, desk: Desk, span: KeySpan) -> None:
        super().__init__(f"Delete {span.label.value} key span")
        self.desk, self.span = desk, span

    def redo(self) -> None:
        self.desk.delete_key_span(self.span)

    def undo(self) -> None:
        self.desk.add_key_span(self.span)


class EditKeySpan(QUndoCommand):
    """Label, also-accept, optional flag or explanation changed (same place, same id)."""

    def __init__(self, desk: Desk, before: KeySpan, after: KeySpan, what: str) -> None:
        super().__init__(what)
        self.desk, self.before, self.after = desk, before, after

    def redo(self) -> None:
        self.desk.update_key_span(self.after)

    def undo(self) -> None:
        self.desk.update_key_span(self.before)
