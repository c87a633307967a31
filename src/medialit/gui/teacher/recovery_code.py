"""A forgotten teacher passphrase: the one-time recovery code, shown once when a passphrase is
set, and the dialog that takes it with a new passphrase (core.teacher.passphrase)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.store import Store
from medialit.core.teacher.passphrase import MIN_PASSPHRASE, reset_passphrase
from medialit.gui.form_parts import error_line, ok_cancel, secret_field
from medialit.gui.screen_fit import fit_dialog


def code_box(code: str, parent: QWidget | None) -> QMessageBox:
    """The recovery code, shown once: selectable, so it can be copied; not kept anywhere."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Write down your recovery code",
        "If you forget the teacher passphrase, this code lets you choose a new one. "
        "It works once, and this is the only time it is shown.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("recovery_code_box")
    box.setInformativeText(f"<p style='font-size: 16pt; font-family: monospace'><b>{code}</b></p>")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setProperty("code", code)
    fit_dialog(box)
    return box


class RecoveryDialog(QDialog):
    """The recovery code and a new passphrase (twice); on success `new_code` holds the next
    code, which the caller shows."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle("Forgot the teacher passphrase")
        self.store = store
        self.new_code = ""
        form = QFormLayout(self)
        intro = QLabel(
            "Type the recovery code you wrote down when you chose the passphrase, and a new "
            f"passphrase (at least {MIN_PASSPHRASE} characters).",
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.code = QLineEdit(self)
        self.code.setObjectName("recovery_code")
        self.code.setPlaceholderText("ABCD-EFGH-…")
        form.addRow("Recovery code", self.code)
        self.passphrase = secret_field(self, "new_passphrase")
        form.addRow("New passphrase", self.passphrase)
        self.repeat = secret_field(self, "new_passphrase_repeat")
        form.addRow("Repeat it", self.repeat)
        self.error = error_line(self, "recovery_error")
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.on_buttons_accepted))
        fit_dialog(self)

    def on_buttons_accepted(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.error.setText("The two passphrases differ.")
            return
        try:
            self.new_code = reset_passphrase(self.store, self.code.text(), self.passphrase.text())
        except MedialitError as exc:
            self.error.setText(str(exc).capitalize() + ".")
            return
        self.accept()
