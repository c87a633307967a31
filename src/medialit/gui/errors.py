"""The one place that shows errors to the user (Anki's aqt/errors.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from medialit.gui.screen_fit import fit_dialog


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, str(exc), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("error_box")
    box.setAccessibleName(title)
    fit_dialog(box)
    box.open()  # not exec(): a modal loop would block tests and the event loop
