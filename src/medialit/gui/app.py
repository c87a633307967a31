"""Starting the app: open the database and the lesson, show the window, report what failed.

The student is the one last working here (`Prefs.current_student`). On first
start there is none yet: the window opens with an unnamed student, and asks
for a name in a window-modal dialog (`open()`, not `exec()`), so start-up and
tests never block; nothing can be saved until the name is given.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from medialit import __version__
from medialit.core import applog, paths
from medialit.core.errors import MedialitError, StoreError
from medialit.core.lesson import default_lesson_path
from medialit.core.library import SAVED, load_choice
from medialit.core.model import Lesson, new_id
from medialit.core.prefs import Prefs
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.gui.backup_menu import install_recovery_menu
from medialit.gui.main_window import MainWindow
from medialit.gui.recovery import open_store, smoke_test
from medialit.gui.session import Session

READ_ONLY_WORDS = (
    "Your database is damaged, so medialit opened it read-only: you can look at your work, "
    "but nothing you do now can be saved. Quit medialit and start it again to restore a backup."
)


def current_student(store: Store) -> Student | None:
    """The student last working on this machine, or None on first start."""
    student_id = Prefs(store).current_student()
    if student_id:
        try:
            return store.students.get(student_id)
        except MedialitError:
            pass
    return None


def open_lesson(store: Store, lesson_path: Path | None) -> tuple[Lesson, list[str]]:
    """The requested lesson, else the one opened last, else the bundled one; says why not."""
    problems: list[str] = []
    prefs = Prefs(store)
    place = str(lesson_path) if lesson_path is not None else prefs.last_lesson()
    if place:
        try:
            lesson = load_choice(store, place)
        except MedialitError as exc:
            problems.append(f"Could not open the lesson: {exc}\nOpened the bundled lesson instead.")
        else:
            with contextlib.suppress(StoreError):  # read-only (damaged) or a full disk
                prefs.set_last_lesson(SAVED + lesson.id)
            return lesson, problems
    lesson = load_choice(store, str(default_lesson_path()))
    return lesson, problems


def build_window(
    store: Store, lesson_path: Path | None = None, *, student: Student | None = None
) -> tuple[MainWindow, list[str]]:
    """The student window; with no `student` given and none remembered, it asks for a name."""
    lesson, problems = open_lesson(store, lesson_path)
    if student is not None:
        store.students.save(student)
        Prefs(store).set_current_student(student.id)
    who = student or current_student(store) or Student(id=new_id(), name="")
    session = Session(store, who, lesson)
    window = MainWindow(session)
    if store.read_only:
        problems.insert(0, READ_ONLY_WORDS)
        window.setWindowTitle(f"{window.windowTitle()} (read-only: the database is damaged)")
    return window, problems


def run(*, db_path: Path | None = None, lesson_path: Path | None = None) -> int:
    applog.start_logging()  # the user's log folder, whatever the database's (--db)
    applog.install_excepthooks()  # an exception in a Qt slot reaches sys.excepthook
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("medialit")
    QApplication.setWindowIcon(QIcon(str(paths.resources_dir() / "medialit.svg")))  # every window
    app.setApplicationVersion(__version__)
    app.setOrganizationName("medialit")
    path = db_path or paths.default_db_path()
    store = open_store(path)  # lock, checks, recovery of a damaged file, a backup
    if store is None:
        return 1
    try:
        window, problems = build_window(store, lesson_path)
    except MedialitError as exc:
        QMessageBox.critical(None, "medialit: cannot open a lesson", str(exc))
        return 1
    install_recovery_menu(window)
    window.show()
    if smoke_test():
        print(f"medialit: window shown, database {path}", flush=True)
        QTimer.singleShot(0, lambda: app.exit(0))  # exit: the name dialog refuses to close
    for problem in problems:
        QMessageBox.warning(window, "medialit", problem)
    try:
        return app.exec()
    finally:
        store.close()
