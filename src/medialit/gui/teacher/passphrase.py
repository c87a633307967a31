"""Teacher mode's gate: set a passphrase on first use, then ask for it.

What it protects (README, Teachers): it keeps the key editor and class results
out of a student's view on a shared laptop. The real protection is that student
packs never contain the key. Guessing is slowed down (core.teacher.passphrase.PassphraseGate):
after three wrong guesses in a row the OK button waits, with the seconds shown.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.store import Store
from medialit.core.teacher.passphrase import (
    MIN_PASSPHRASE,
    PassphraseGate,
    has_passphrase,
    set_passphrase_with_code,
)
from medialit.gui.form_parts import error_line, ok_cancel, secret_field
from medialit.gui.screen_fit import fit_dialog
from medialit.gui.teacher.recovery_code import RecoveryDialog, code_box

TICK_MS = 250


class PassphraseDialog(QDialog):
    """Asks for the passphrase, or (first use) sets it; accepted only when it is right.

    `gate` slows guessing down; pass the same one to every dialog on a store
    (gui.teacher keeps one per store) so that closing the dialog does not reset it.
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, gate: PassphraseGate | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.store = store
        self.gate = gate if gate is not None else PassphraseGate(store)
        self._reason = ""
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
        self.passphrase = secret_field(self, "passphrase")
        form.addRow("Passphrase", self.passphrase)
        self.repeat = secret_field(self, "passphrase_repeat")
        if self.first_use:
            form.addRow("Repeat it", self.repeat)
        else:
            self.repeat.hide()
        self.error = error_line(self, "passphrase_error", wrap=False)
        form.addRow(self.error)
        buttons = ok_cancel(self, self.on_buttons_accepted)
        self.forgot = QPushButton("Forgot it?", self)
        self.forgot.setObjectName("forgot_passphrase")
        self.forgot.setToolTip("Choose a new passphrase with your recovery code")
        self.forgot.clicked.connect(self.on_forgot_clicked)
        buttons.addButton(self.forgot, QDialogButtonBox.ButtonRole.ResetRole)
        # after addButton, which shows it: on first use there is nothing to forget yet
        self.forgot.setVisible(not self.first_use)
        form.addRow(buttons)
        self.recovery: RecoveryDialog | None = None
        self.code_box: QMessageBox | None = None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button = ok
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        if not self.first_use and self.gate.seconds_left() > 0:
            self._wait("Too many wrong guesses.")
        fit_dialog(self)

    def on_buttons_accepted(self) -> None:
        text = self.passphrase.text()
        if self.first_use:
            if text != self.repeat.text():
                self.error.setText("The two passphrases differ.")
                return
            try:
                code = set_passphrase_with_code(self.store, text)
            except MedialitError as exc:
                self.error.setText(str(exc).capitalize() + ".")
                return
            self.passphrase.clear()
            self.repeat.clear()
            self.show_code(code)
            return
        else:
            guess = self.gate.guess(text)
            if not guess.right:
                self.passphrase.selectAll()
                if guess.wait > 0:
                    self._wait(
                        "That is not the teacher passphrase."
                        if guess.checked
                        else "Too many wrong guesses."
                    )
                else:
                    self.error.setText("That is not the teacher passphrase.")
                return
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()

    # -- the recovery code -------------------------------------------------------------------

    def show_code(self, code: str) -> QMessageBox:
        """Show the recovery code once; teacher mode opens when it is closed."""
        self.code_box = code_box(code, self)
        self.code_box.finished.connect(lambda _result: self.accept())
        self.code_box.open()
        return self.code_box

    def on_forgot_clicked(self) -> RecoveryDialog:
        self.recovery = RecoveryDialog(self.store, self)

        def on_recovery_accepted() -> None:
            assert self.recovery is not None
            self.show_code(self.recovery.new_code)

        self.recovery.accepted.connect(on_recovery_accepted)
        self.recovery.open()
        return self.recovery

    # -- waiting after wrong guesses ----------------------------------------------------

    def _wait(self, reason: str) -> None:
        """OK waits until the gate takes guesses again; the seconds left are shown."""
        self._reason = reason
        self.ok_button.setEnabled(False)
        self.timer.start()
        self.on_timer_timeout()

    def on_timer_timeout(self) -> None:
        left = self.gate.seconds_left()
        if left <= 0:
            self.timer.stop()
            self.ok_button.setEnabled(True)
            self.error.setText(f"{self._reason} You can try again now.")
            return
        self.error.setText(
            f"{self._reason} After {self.gate.wrong} wrong guesses, try again in "
            f"{math.ceil(left)} s."
        )
