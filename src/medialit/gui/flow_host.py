"""What a flow may ask of the student window: the narrow side the window shows its flows.

The flows (`span_edits`, `navigation`, `lesson_flow`, `student_flow`,
`submit_flow` and the action table in `actions`) decide what a key or a menu
choice means; the window (`main_window.MainWindow`) is the composition that
satisfies `FlowHost`. Typing against this protocol, not the window, keeps the
flows from importing it (as `core.spanindex.IndexListener` keeps Qt out of the
index): a flow may say something, push an undo command, open a dialog, select
a span, move the focus, and use the session, the preferences and the article view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QWidget

from medialit.core.model import Span
from medialit.core.prefs import Prefs
from medialit.gui.article_view import ArticleView
from medialit.gui.session import Session

if TYPE_CHECKING:  # the review window loads when a review opens, not at start-up
    from medialit.gui.review import ReviewWindow


class FlowHost(Protocol):
    session: Session
    prefs: Prefs  # the session's preferences (`Session.prefs`)
    view: ArticleView
    dialog: QDialog | None  # the one dialog open right now, if any
    selected_id: str | None  # the span 1-4, N and Delete act on
    last_submission: Path | None
    review_window: ReviewWindow | None  # the review of the last submission

    def window(self) -> QWidget:
        """The window itself: the parent of every dialog and message a flow opens."""
        ...

    def say(self, message: str) -> None:
        """A short message in the status bar."""
        ...

    def answer(self, message: str, *, near_text: bool = True, described: bool = False) -> None:
        """What the student's action did (or why nothing happened): in the status bar, spoken
        to a screen reader and, when `near_text`, shown beside the selection for a moment.
        `described`: it is the span the window just described (see gui.caret_voice)."""
        ...

    def push(self, command: QUndoCommand) -> bool:
        """Run an edit through the undo stack; False if the store refused it."""
        ...

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[], object]) -> None:
        """Open `dialog` window-modal (never blocking), with the keys; `on_accept` runs on OK.
        Closed, it gives the keys back to the window (not every desktop does)."""
        ...

    def selected_span(self) -> Span | None: ...

    def select_span(
        self, span_id: str | None, *, move_caret: bool = True, from_list: bool = False
    ) -> None:
        """Make `span_id` the span that 1-4, N and Delete act on (None: no span)."""
        ...

    def describe(self, span: Span) -> str:
        """The span in words, as the status bar and a screen reader say it."""
        ...

    def focus_span_list(self) -> None:
        """Show the span list and put the focus in it."""
        ...

    def focus_definitions(self) -> None:
        """Show the label definitions and put the focus in them."""
        ...

    def set_zoom(self, steps: int) -> None: ...

    def open_teacher_mode(self) -> QDialog:
        """Teacher ▸ Teacher mode: the passphrase dialog (opened); on OK the teacher window."""
        ...
