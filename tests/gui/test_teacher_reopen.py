"""Teacher mode opened again from the student window's Teacher menu: one teacher window.

Each opening used to build another TeacherWindow and keep the old ones alive, each with
its own desk rescoring the class on every change. Now the window open is brought to the
front, and a closed one is deleted (and what it held collected) before the next is built;
the passphrase is asked every time, as before.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from medialit.core.store import Store
from medialit.core.teacher.passphrase import set_passphrase_with_code
from medialit.gui.app import build_window
from medialit.gui.teacher.passphrase import PassphraseDialog
from medialit.gui.teacher.window import TeacherWindow

PASSPHRASE = "sesame-open"


def _live_teacher_windows(but: list[TeacherWindow]) -> list[TeacherWindow]:
    """The teacher windows not yet deleted, but those another test left (`but`)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, TeacherWindow) and shiboken6.isValid(w) and all(w is not b for b in but)
    ]


def _teacher_mode(qtbot: QtBot, student) -> TeacherWindow:  # type: ignore[no-untyped-def]
    """Teacher ▸ Teacher mode… and the passphrase typed: the gate is asked, then the window."""
    action = student.findChild(QAction, "teacher_mode")
    assert action is not None
    asked_before = set(student.findChildren(PassphraseDialog))
    action.trigger()
    dialogs = [d for d in student.findChildren(PassphraseDialog) if d not in asked_before]
    assert len(dialogs) == 1 and dialogs[0].isVisible()  # the gate asks again every time
    gate = dialogs[0]
    qtbot.keyClicks(gate.passphrase, PASSPHRASE)
    qtbot.mouseClick(gate.ok_button, Qt.MouseButton.LeftButton)
    assert not gate.isVisible()
    teacher = student._teacher_window
    assert isinstance(teacher, TeacherWindow) and teacher.isVisible()
    return teacher


def _student(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "m.db")
    set_passphrase_with_code(store, PASSPHRASE)
    student, _ = build_window(store)
    qtbot.addWidget(student)
    student.show()
    return store, student


def test_teacher_mode_closed_and_opened_again_leaves_one_teacher_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, student = _student(qtbot, tmp_path)
    others = _live_teacher_windows([])
    first = _teacher_mode(qtbot, student)
    first_ref = weakref.ref(first)
    first.close()
    del first
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the loop's next turn
    second = _teacher_mode(qtbot, student)
    assert _live_teacher_windows(others) == [second]
    assert student._teacher_window is second
    qtbot.waitUntil(lambda: gc.collect() >= 0 and first_ref() is None)  # nothing of it kept
    second.close()
    qtbot.waitUntil(lambda: not _live_teacher_windows(others))
    store.close()


def test_teacher_mode_asked_again_while_open_brings_the_same_window_forward(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, student = _student(qtbot, tmp_path)
    others = _live_teacher_windows([])
    first = _teacher_mode(qtbot, student)
    first.showMinimized()
    again = _teacher_mode(qtbot, student)
    assert again is first and not again.isMinimized()
    assert _live_teacher_windows(others) == [first]
    first.close()
    qtbot.waitUntil(lambda: not _live_teacher_windows(others))
    store.close()


def test_teacher_mode_opened_three_times_leaves_no_passphrase_dialogs_behind(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Each opening asks with a new passphrase dialog, parented to the student window; one
    answered is deleted, so the student window does not collect one per opening."""
    store, student = _student(qtbot, tmp_path)
    others = _live_teacher_windows([])
    for _ in range(3):
        teacher = _teacher_mode(qtbot, student)
        teacher.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the loop's next turn
    assert len(student.findChildren(PassphraseDialog)) <= 1
    qtbot.waitUntil(lambda: not student.findChildren(PassphraseDialog))
    qtbot.waitUntil(lambda: not _live_teacher_windows(others))
    store.close()


def test_teacher_mode_cancelled_leaves_no_passphrase_dialog_behind(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, student = _student(qtbot, tmp_path)
    action = student.findChild(QAction, "teacher_mode")
    assert action is not None
    for _ in range(3):
        action.trigger()
        gate = next(d for d in student.findChildren(PassphraseDialog) if d.isVisible())
        qtbot.keyClick(gate, Qt.Key.Key_Escape)
        assert not gate.isVisible()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not student.findChildren(PassphraseDialog))
    store.close()
