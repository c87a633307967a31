"""A forgotten passphrase (issue 12): a one-time recovery code, shown when the passphrase is
set and kept only as a hash, resets it; each code works once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.errors import MedialitError
from medialit.core.store import Store
from medialit.core.teacher.passphrase import (
    check_passphrase,
    has_recovery_code,
    reset_passphrase,
    set_passphrase,
    set_passphrase_with_code,
)
from medialit.gui.teacher import open_teacher_mode
from medialit.gui.teacher.passphrase import PassphraseDialog


def _settings_text(store: Store) -> str:
    return " ".join(r["value"] for r in store.db.query("SELECT value FROM settings"))


def test_the_code_resets_the_passphrase_once_and_is_stored_only_as_a_hash(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    code = set_passphrase_with_code(store, "sesame-open")
    assert len(code) == 24 and code.count("-") == 4
    assert code not in _settings_text(store) and code.replace("-", "") not in _settings_text(store)
    with pytest.raises(MedialitError, match="not the recovery code"):
        reset_passphrase(store, "AAAA-BBBB-CCCC-DDDD-EEEE", "new-passphrase")
    assert check_passphrase(store, "sesame-open")
    # typed in lower case with spaces, as a teacher might
    typed = code.lower().replace("-", " ")
    next_code = reset_passphrase(store, typed, "new-passphrase")
    assert check_passphrase(store, "new-passphrase") and not check_passphrase(store, "sesame-open")
    assert next_code != code
    with pytest.raises(MedialitError):
        reset_passphrase(store, code, "third-passphrase")  # used up
    assert reset_passphrase(store, next_code, "third-passphrase")
    store.close()


def test_forgot_it_in_the_dialog_takes_the_code_and_shows_the_next(qtbot: QtBot) -> None:
    store = Store.memory()
    code = set_passphrase_with_code(store, "sesame-open")
    student_window = QMainWindow()
    qtbot.addWidget(student_window)
    dialog = open_teacher_mode(student_window, store)
    assert isinstance(dialog, PassphraseDialog) and dialog.forgot.isVisible()
    dialog.forgot.click()
    recovery = dialog.recovery
    assert recovery is not None and recovery.isVisible()
    qtbot.keyClicks(recovery.code, "WRNG-WRNG-WRNG-WRNG-WRNG")
    qtbot.keyClicks(recovery.passphrase, "brand-new-one")
    qtbot.keyClicks(recovery.repeat, "brand-new-one")
    recovery.on_buttons_accepted()
    assert recovery.isVisible() and "not the recovery code" in recovery.error.text()
    recovery.code.setText(code)
    recovery.on_buttons_accepted()
    assert not recovery.isVisible() and check_passphrase(store, "brand-new-one")
    box = dialog.code_box
    assert box is not None and box.isVisible()
    new_code = box.property("code")
    assert new_code != code and new_code in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    teacher = student_window._teacher_window  # type: ignore[attr-defined]
    qtbot.addWidget(teacher)
    assert teacher.isVisible()
    with pytest.raises(MedialitError):
        reset_passphrase(store, code, "again-and-again")
    assert reset_passphrase(store, new_code, "again-and-again")


def test_a_passphrase_from_before_recovery_codes_gets_one_in_teacher_mode(qtbot: QtBot) -> None:
    store = Store.memory()
    set_passphrase(store, "sesame-open")  # as an older medialit did: no recovery code
    assert not has_recovery_code(store)
    student_window = QMainWindow()
    qtbot.addWidget(student_window)
    dialog = open_teacher_mode(student_window, store)
    assert isinstance(dialog, PassphraseDialog)
    qtbot.keyClicks(dialog.passphrase, "sesame-open")
    dialog.ok_button.click()
    teacher = student_window._teacher_window  # type: ignore[attr-defined]
    qtbot.addWidget(teacher)
    box = teacher.property("recovery_code_box")
    assert isinstance(box, QMessageBox) and box.isVisible() and has_recovery_code(store)
    assert reset_passphrase(store, box.property("code"), "another-one")
