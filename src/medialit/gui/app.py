"""Starting the app: open the database and the lesson, show the window, report what failed."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from medialit import __version__
from medialit.core import paths
from medialit.core.errors import MedialitError
from medialit.core.lesson import default_lesson_path, lesson_to_dict, load_lesson
from medialit.core.model import Lesson, new_id
from medialit.core.store import Store, Student
from medialit.gui.main_window import MainWindow
from medialit.gui.recovery import install_recovery_menu, open_store
from medialit.gui.session import Session

CURRENT_STUDENT = "current_student"


def current_student(store: Store) -> Student:
    """The student last working on this machine, or a new one on first launch."""
    student_id = store.get_setting(CURRENT_STUDENT)
    if student_id:
        try:
            return store.student(student_id)
        except MedialitError:
            pass
    student = Student(id=new_id(), name="Student")
    store.save_student(student)
    store.set_setting(CURRENT_STUDENT, student.id)
    return student


def open_lesson(store: Store, lesson_path: Path | None) -> tuple[Lesson, list[str]]:
    """The requested lesson, or the bundled one with a message saying why not."""
    problems: list[str] = []
    if lesson_path is not None:
        try:
            lesson = load_lesson(lesson_path)
            store.remember_lesson(lesson, lesson_to_dict(lesson))
            return lesson, problems
        except MedialitError as exc:
            problems.append(f"Could not open the lesson: {exc}\nOpened the bundled lesson instead.")
    lesson = load_lesson(default_lesson_path())
    store.remember_lesson(lesson, lesson_to_dict(lesson))
    return lesson, problems


def build_window(store: Store, lesson_path: Path | None = None) -> tuple[MainWindow, list[str]]:
    lesson, problems = open_lesson(store, lesson_path)
    session = Session(store, current_student(store), lesson)
    return MainWindow(session), problems


def run(*, db_path: Path | None = None, lesson_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("medialit")
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
    for problem in problems:
        QMessageBox.warning(window, "medialit", problem)
    try:
        return app.exec()
    finally:
        store.close()
