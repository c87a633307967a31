"""The log from the windows: a bug in a Qt slot is logged without the student's words, and
Help ▸ Open log folder in both windows opens the user's log folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from medialit.core import applog
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.store import Store
from medialit.core.teacher.authoring import import_lesson_file
from medialit.gui.dialogs import NoteDialog
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import open_window

NAME, NOTE = "Zebedee Quillfeather", "my secret note about the mayor"
CTRL = Qt.KeyboardModifier.ControlModifier


def users_log_folder() -> Path:
    """Where the platform keeps a user's logs (XDG on Linux), counted without medialit."""
    return Path(os.environ["XDG_STATE_HOME"]) / "medialit" / "log"


@pytest.fixture
def log_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The log started as `gui.app.run` starts it; the hooks put back after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = applog.start_logging()
    applog.install_excepthooks()
    assert path is not None
    yield path
    applog.stop_logging()


@pytest.mark.qt_no_exception_capture  # the app's own hook, not pytest-qt's, meets the error
def test_a_bug_saving_a_note_is_logged_without_the_note_or_the_name(
    qtbot: QtBot, tmp_path: Path, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db", name=NAME)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_1)

    def broken_update(span: object) -> object:  # a bug whose message holds the student's words
        raise RuntimeError(f"could not save {NAME}'s note {NOTE!r}")

    monkeypatch.setattr(store.work, "update_span", broken_update)
    qtbot.keyClick(view, Qt.Key.Key_N)
    dialog = window.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClicks(dialog.edit, NOTE)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, CTRL)  # the command's redo() raises in Qt
    logged = log_file.read_text("utf-8")
    assert "ERROR medialit.core.applog: uncaught exception" in logged
    assert "in broken_update" in logged and 'medialit/gui/commands.py", line' in logged
    assert "builtins.RuntimeError [message withheld]" in logged
    assert "Zebedee" not in logged and "Quillfeather" not in logged and "secret" not in logged
    assert store.work.spans(window.session.student.id, window.session.lesson.id)[0].note == ""
    store.close()


class Opened(QObject):
    """Stands in for the file manager: records the URLs QDesktopServices is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def file_manager() -> Iterator[Opened]:
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    yield opened
    QDesktopServices.unsetUrlHandler("file")


def help_action(window: QMainWindow) -> QAction:
    """Help ▸ Open log folder, found as the user finds it: the last menu of the menu bar."""
    menus = [a for a in window.menuBar().actions() if a.menu() is not None]
    assert menus[-1].text() == "&Help"
    (action,) = menus[-1].menu().actions()
    assert action.text() == "Open &log folder" and action.objectName() == "open_log_folder"
    return action


def test_help_opens_the_log_folder_in_the_student_window(
    qtbot: QtBot, tmp_path: Path, file_manager: Opened
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "elsewhere" / "m.db")  # --db elsewhere
    action = help_action(window)
    assert action.isEnabled()
    action.trigger()
    assert [u.toLocalFile() for u in file_manager.urls] == [str(users_log_folder())]
    assert users_log_folder().is_dir()  # made if no log was written yet
    store.close()


def test_help_opens_the_log_folder_in_the_teacher_window(
    qtbot: QtBot, file_manager: Opened
) -> None:
    store = Store.memory()
    import_lesson_file(store, load_lesson(default_lesson_path()))
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    window.show()
    action = help_action(window)
    assert action.isEnabled()
    action.trigger()
    assert [u.toLocalFile() for u in file_manager.urls] == [str(users_log_folder())]
    store.close()


def test_an_unexpected_error_shown_to_the_user_is_logged_an_expected_one_is_not(
    qtbot: QtBot, log_file: Path
) -> None:
    from medialit.core.errors import StoreError
    from medialit.gui.errors import show_error

    parent = QMainWindow()
    qtbot.addWidget(parent)
    try:
        raise KeyError(NAME)
    except KeyError as exc:
        show_error(parent, "Could not grade this submission", exc)
    show_error(parent, "Not saved", StoreError(f"the disk is full ({NOTE})"))
    logged = log_file.read_text("utf-8")
    assert logged.count("an unexpected error was shown to the user") == 1
    assert "builtins.KeyError [message withheld]" in logged and "StoreError" not in logged
    assert NAME not in logged and NOTE not in logged
