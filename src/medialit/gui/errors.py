"""The one place that shows errors to the user (Anki's aqt/errors.py).

An exception that is not a `MedialitError` is a bug the user is being told about:
its traceback goes to the log (`core.applog`), without its words, before the
message is shown.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from medialit.core.errors import MedialitError
from medialit.gui.screen_fit import fit_dialog

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    if isinstance(exc, BaseException) and not isinstance(exc, MedialitError):
        log.error("an unexpected error was shown to the user", exc_info=exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, str(exc), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error_box")
    box.setAccessibleName(title)
    fit_dialog(box)
    box.open()  # not exec(): a modal loop would block tests and the event loop


def show_notice(parent: QWidget | None, title: str, notes: list[str]) -> QMessageBox:
    """Something the user must know that is not an error (a doccano key without
    `medialit_spans`): said once, in sentences, without blocking."""
    text = "\n\n".join(note[:1].upper() + note[1:] + "." for note in notes)
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("notice_box")
    box.setAccessibleName(title)
    fit_dialog(box)
    box.open()
    return box
