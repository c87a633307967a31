"""Opening the student window the way a student does, and the teacher window, for the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from medialit.core.store import Store
from medialit.core.teacher.authoring import lesson_from_text
from medialit.gui.app import build_window
from medialit.gui.dialogs import NameDialog
from medialit.gui.main_window import MainWindow
from medialit.gui.teacher.window import TeacherWindow


def answer_name_dialog(qtbot: QtBot, window: MainWindow, name: str, class_code: str = "") -> None:
    """Type a name (and class code) into the open name dialog and press Enter."""
    dialog = window.dialog
    assert isinstance(dialog, NameDialog)
    for edit, text in ((dialog.name_edit, name), (dialog.class_edit, class_code)):
        edit.clear()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:  # QTest can only type ASCII; an input method would type the rest
            edit.insert(text)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)


def open_window(
    qtbot: QtBot,
    db: Path,
    lesson: Path | None = None,
    *,
    name: str = "Ann",
    class_code: str = "",
) -> tuple[Store, MainWindow, list[str]]:
    """Open the store and the window; on first start answer the name dialog as `name`."""
    store = Store.open(db)
    window, problems = build_window(store, lesson)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    if isinstance(window.dialog, NameDialog):
        answer_name_dialog(qtbot, window, name, class_code)
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    return store, window, problems


def press(
    qtbot: QtBot, widget: QWidget, keys: QKeySequence | QKeySequence.StandardKey | str
) -> None:
    """Press a key sequence (e.g. QKeySequence.StandardKey.Undo) as the user would."""
    combo = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def db_spans(store: Store, window: MainWindow) -> list[tuple[str, str, int, int, str]]:
    """What the database holds for the open (student, lesson), straight from SQL."""
    rows = store.db.query(
        'SELECT quote, label, start, "end", note FROM work_spans '
        'WHERE student_id = ? AND lesson_id = ? ORDER BY start, "end", label',
        [window.session.student.id, window.session.lesson.id],
    )
    return [(r["quote"], r["label"], r["start"], r["end"], r["note"]) for r in rows]


def open_teacher(qtbot: QtBot, store: Store, *, active: bool = False) -> TeacherWindow:
    """The teacher window on `store`, shown (and made the active window if asked); qtbot
    closes it with the test. The caller still owns and closes the store."""
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    window.show()
    if active:
        window.activateWindow()
    return window


def teacher_on_text(
    qtbot: QtBot, tmp_path: Path, text: str, *, active: bool = True
) -> Iterator[TeacherWindow]:
    """For a fixture to `yield from`: the teacher window on a fresh database in tmp_path with a
    lesson titled "Bridge" made from `text` open in the key editor; the database closed after."""
    store = Store.open(tmp_path / "teacher.db")
    window = open_teacher(qtbot, store, active=active)
    window.adopt(lesson_from_text(text, title="Bridge"))
    yield window
    store.close()


def stored(window: TeacherWindow) -> list[tuple[str, str, str]]:
    """The open lesson's key as the database has it: (label, quote, explanation)."""
    lesson_id = window.desk.require_lesson().id
    return [
        (k.label.value, k.quote, k.explanation) for k in window.desk.store.keys.spans(lesson_id)
    ]


def drop_on(window: QWidget, path: Path) -> None:
    """Drop `path` on `window` as a file manager would. The event goes straight to dropEvent:
    QApplication filters synthetic drops when there is no drag manager."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
