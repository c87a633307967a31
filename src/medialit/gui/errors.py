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
