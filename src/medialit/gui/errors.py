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
