"""What the teacher window's parts may ask of it: the narrow side it shows them.

The parts (`exports`, `imports`, `student_work`, the `actions` table) work on the
teacher's `Desk` and need of the window only a parent for their dialogs, the
status bar, and `run` (a user action whose MedialitError is shown once, by the
window). Typing against this protocol keeps them from importing the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QStatusBar, QWidget

from medialit.gui.teacher.desk import Desk

T = TypeVar("T")


class TeacherHost(Protocol):
    desk: Desk

    def window(self) -> QWidget:
        """The window itself: the parent of every dialog a part opens."""
        ...

    def statusBar(self) -> QStatusBar: ...

    def show_message(self, text: str) -> None:
        """A message in the status bar for a few seconds."""
        ...

    def run(self, action: Callable[[], T]) -> T | None:
        """Run a user action; a MedialitError is shown once and the action is dropped."""
        ...
