"""The one undo-command base, for the student's window and the teacher's alike.

Every edit is a QUndoCommand whose `redo()`/`undo()` is one committed store write (through
`Session.apply` or `Desk.apply`). Qt calls `redo()`/`undo()`, and PySide only prints what
they raise ("Error calling Python override of QUndoCommand::redo()"), so a write that
fails must not raise out of them: `run` catches it and marks the command obsolete, and
QUndoStack drops it. Nothing unsaved stays on the stack, and Undo never meets a step that
did not happen. The window hears of the failure once, from its Session's or Desk's
`failed` signal, and says "Not saved" in plain words; the database and what is shown are
unchanged by a failed write. `not_saved` (a Python attribute, readable after Qt deleted
the command) tells the code that pushed it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from medialit.core.errors import MedialitError


class StoreCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.not_saved = False

    def run(self, write: Callable[[], object]) -> None:
        """Run one store write; a failure makes this command obsolete (dropped by Qt)."""
        try:
            write()
        except MedialitError:
            self.not_saved = True
            self.setObsolete(True)
