"""What the form dialogs repeat, the student's and the teacher's: the line that says what is
wrong, OK and Cancel, a passphrase field. One look for an error in every form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

ERROR_COLOUR = "#b00020"
Button = QDialogButtonBox.StandardButton


def error_line(parent: QWidget, name: str = "", *, wrap: bool = True) -> QLabel:
    """Where a form says what is wrong with what was typed: red, empty until then."""
    label = QLabel("", parent)
    if name:
        label.setObjectName(name)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setWordWrap(wrap)
    return label


def ok_cancel(
    dialog: QDialog,
    on_ok: Callable[[], object],
    ok: Button = Button.Ok,
    *,
    text: str = "",
    cancel: bool = True,
) -> QDialogButtonBox:
    """`ok` (OK, or Save; or `text`: "Start", "Submit") runs `on_ok`, which accepts the
    dialog when what was typed is good; Cancel (unless `cancel` is False: a first start
    that cannot be skipped) rejects it. `ok` is the default button, Enter presses it."""
    buttons = QDialogButtonBox(ok | Button.Cancel if cancel else ok, dialog)
    button = buttons.button(ok)
    if text:
        button.setText(text)
    button.setDefault(True)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def secret_field(parent: QWidget, name: str) -> QLineEdit:
    """A passphrase box: what is typed is shown as dots."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit
