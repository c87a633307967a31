"""Teacher mode's gate: set a passphrase on first use, then ask for it.

What it protects (README, Teachers): it keeps the key editor and class results
out of a student's view on a shared laptop. The real protection is that student
packs never contain the key.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.store import Store
from medialit.core.teacher import (
    MIN_PASSPHRASE,
    check_passphrase,
    has_passphrase,
    set_passphrase,
)


class PassphraseDialog(QDialog):
    """Asks for the passphrase, or (first use) sets it; accepted only when it is right."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.store = store
        self.first_use = not has_passphrase(store)
        self.setWindowTitle("Teacher mode")
        form = QFormLayout(self)
        intro = QLabel(
            (
                f"Choose a passphrase for teacher mode (at least {MIN_PASSPHRASE} characters). "
                "It keeps answer keys out of students' view on this computer."
            )
            if self.first_use
            else "Enter the teacher passphrase."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Passphrase", self.passphrase)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("passphrase_repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if self.first_use:
            form.addRow("Repeat it", self.repeat)
        else:
            self.repeat.hide()
        self.error = QLabel("", self)
        self.error.setObjectName("passphrase_error")
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def on_buttons_accepted(self) -> None:
        text = self.passphrase.text()
        if self.first_use:
            if text != self.repeat.text():
                self.error.setText("The two passphrases differ.")
                return
            try:
                set_passphrase(self.store, text)
            except MedialitError as exc:
                self.error.setText(str(exc).capitalize() + ".")
                return
        elif not check_passphrase(self.store, text):
            self.error.setText("That is not the teacher passphrase.")
            self.passphrase.selectAll()
            return
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()
