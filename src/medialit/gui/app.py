"""Starting the app: the lock, a first paint from a glance, the store, the student window.

Start-up takes the one-window lock before any window appears (a second copy is
told and stops). Then, when the database can be glanced at (`core.glance`:
read-only, no checks, no sqlite-utils), the window is built from the glance and
shown with every edit disabled: the article, the student's saved spans and the
status bar are painted first (`MainWindow(parts=False)`: the rest of the window
and its modules load after that paint, `MainWindow.build_parts`). Only then,
on the next turn, is the store opened (sqlite-utils, the opening checks,
recovery of a damaged file, a backup: `gui.recovery.open_store`) and given to the
window (`Session.attach`), which offers edits from then on; the lesson painted is kept,
not loaded again, when the store is over the file glanced at. Without a glance (a
first start, a file the glance does not know) the store is opened first, as it
always was. `MEDIALIT_SMOKE_TEST` says "window shown" once the window is up with
the store open.

The student is the one last working here (`Prefs.current_student`). On first
start there is none yet: the window opens with an unnamed student, and asks
for a name in a window-modal dialog (`open()`, not `exec()`), so start-up and
tests never block; nothing can be saved until the name is given.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from medialit import __version__
from medialit.core import applog, paths
from medialit.core.errors import MedialitError, StoreError
from medialit.core.glance import glance
from medialit.core.lesson import default_lesson_path
from medialit.core.library import SAVED, load_choice
from medialit.core.lock import InstanceLock
from medialit.core.model import Lesson, new_id
from medialit.core.prefs import Prefs
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.gui import memory
from medialit.gui.main_window import MainWindow
from medialit.gui.recovery import open_store, smoke_test, take_lock
from medialit.gui.session import Session

log = logging.getLogger(__name__)
FIRST_PAINT_WAIT_MS = 500  # a window that is not painted (minimised) opens its store anyway

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


def open_lesson(
    store: Store, lesson_path: Path | None, *, loaded: Lesson | None = None
) -> tuple[Lesson, list[str]]:
    """The requested lesson, else the one opened last, else the bundled one; says why not.
    `loaded`: the lesson start-up's glance loaded from this same file, kept if it is the one
    chosen (`library.load_choice`)."""
    problems: list[str] = []
    prefs = Prefs(store)
    place = str(lesson_path) if lesson_path is not None else prefs.last_lesson()
    if place:
        try:
            lesson = load_choice(store, place, loaded=loaded)
        except MedialitError as exc:
            problems.append(f"Could not open the lesson: {exc}\nOpened the bundled lesson instead.")
        else:
            with contextlib.suppress(StoreError):  # read-only (damaged) or a full disk
                prefs.set_last_lesson(SAVED + lesson.id)
            return lesson, problems
    lesson = load_choice(store, str(default_lesson_path()), loaded=loaded)
    return lesson, problems


def build_window(
    store: Store,
    lesson_path: Path | None = None,
    *,
    student: Student | None = None,
    parts: bool = True,
) -> tuple[MainWindow, list[str]]:
    """The student window; with no `student` given and none remembered, it asks for a name.
    `parts=False`: only the article and the status bar (`MainWindow.build_parts` later)."""
    lesson, problems = open_lesson(store, lesson_path)
    if student is not None:
        store.students.save(student)
        Prefs(store).set_current_student(student.id)
    who = student or current_student(store) or Student(id=new_id(), name="")
    session = Session(store, who, lesson)
    window = MainWindow(session, parts=parts)
    _say_if_read_only(window, store, problems)
    return window, problems


def _say_if_read_only(window: MainWindow, store: Store, problems: list[str]) -> None:
    if store.read_only and not store.glancing:
        problems.insert(0, READ_ONLY_WORDS)
        window.setWindowTitle(f"{window.windowTitle()} (read-only: the database is damaged)")


def first_look(path: Path, lesson_path: Path | None) -> MainWindow | None:
    """The student window built from a glance at the database (edits disabled until the
    store is attached), or None when there is no glance to be had."""
    seen = glance(path)
    if seen is None:
        return None
    try:
        window, _ = build_window(seen, lesson_path, parts=False)  # problems: told when open
    except Exception:  # whatever the glance did not expect: the store is opened first instead
        log.exception("start-up's first look failed; the store is opened first")
        seen.close()
        return None
    return window


def attach_store(
    window: MainWindow, store: Store, lesson_path: Path | None, *, same_file: bool = False
) -> list[str]:
    """Give the window painted from a glance its store: the lesson and the student as the
    store says (as `build_window` would choose them); what went wrong, in plain words.
    `same_file`: the store is over the very file the glance read (no recovery put another in
    its place), so the lesson painted is the one the store would load, and is kept."""
    painted = window.session.lesson if same_file else None
    lesson, problems = open_lesson(store, lesson_path, loaded=painted)
    who = current_student(store) or Student(id=new_id(), name="")
    window.session.attach(store, student=who, lesson=lesson)
    _say_if_read_only(window, store, problems)
    return problems


def run(*, db_path: Path | None = None, lesson_path: Path | None = None) -> int:
    applog.hold()  # the log file opens after the first paint (start_logging), records kept
    applog.install_excepthooks()  # an exception in a Qt slot reaches sys.excepthook
    applog.started()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("medialit")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("medialit")
    path = db_path or paths.default_db_path()
    lock = take_lock(path)  # before any window: a second copy is told, and stops
    if lock is None:
        return 1
    window = first_look(path, lesson_path)
    if window is None:
        applog.start_logging()  # the user's log folder, whatever the database's (--db)
        return _run_store_first(app, path, lock, lesson_path)
    opening = Opening(app, window, path, lock, lesson_path)
    window.show()
    after_first_paint(window.view.viewport(), opening.build_then_open)
    try:
        return app.exec()
    finally:
        opening.close()


def _run_store_first(
    app: QCoreApplication, path: Path, lock: InstanceLock, lesson_path: Path | None
) -> int:
    """No glance: open the store (checks, recovery, a backup), then build and show the window."""
    set_icon()
    store = open_store(path, lock=lock)
    if store is None:
        return 1
    try:
        window, problems = build_window(store, lesson_path)
    except MedialitError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "medialit: cannot open a lesson", str(exc))
        store.close()
        return 1
    window.show()
    shown(app, window, path, problems)
    try:
        return app.exec()
    finally:
        store.close()


def shown(app: QCoreApplication, window: MainWindow, path: Path, problems: list[str]) -> None:
    """The window is up with its store open: the backup menu, then what went wrong."""
    from PySide6.QtWidgets import QMessageBox

    from medialit.gui.backup_menu import install_recovery_menu  # not needed to paint

    install_recovery_menu(window)
    QTimer.singleShot(0, memory.resume)  # start-up is over: the collector back on
    if smoke_test():
        print(f"medialit: window shown, database {path}", flush=True)
        QTimer.singleShot(0, lambda: app.exit(0))  # exit: the name dialog refuses to close
    for problem in problems:
        QMessageBox.warning(window, "medialit", problem)


class Opening(QObject):
    """The store, opened once the window painted from a glance is on screen."""

    def __init__(
        self,
        app: QCoreApplication,
        window: MainWindow,
        path: Path,
        lock: InstanceLock,
        lesson_path: Path | None,
    ) -> None:
        super().__init__(window)
        self.app, self.window, self.path, self.lock = app, window, path, lock
        self.lesson_path = lesson_path
        self.store: Store | None = None
        self.glanced = file_id(path)  # the file just glanced at: recovery may replace it

    def build_then_open(self) -> None:
        """The article is painted: the rest of the window, then (next turn, once that is
        painted too) the store."""
        set_icon()
        self.window.build_parts()
        QTimer.singleShot(0, self, self.finish)

    def finish(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        applog.start_logging()  # the user's log folder, whatever the database's (--db)
        self.window.session.store.close()  # the glance: a damaged file may be moved aside
        try:
            self.store = open_store(self.path, lock=self.lock)
            if self.store is None:
                self.quit()
                return
            same = self.glanced is not None and self.glanced == file_id(self.path)
            problems = attach_store(self.window, self.store, self.lesson_path, same_file=same)
        except MedialitError as exc:
            QMessageBox.critical(self.window, "medialit: cannot open a lesson", str(exc))
            self.quit()
            return
        except Exception:
            log.exception("opening the store after the first paint failed")
            QMessageBox.critical(
                self.window, "medialit", "medialit could not open your work (see Help ▸ log)."
            )
            self.quit()
            return
        shown(self.app, self.window, self.path, problems)

    def quit(self) -> None:
        self.window.close()
        self.app.exit(1)

    def close(self) -> None:
        """At exit: the store (and its lock), or the lock alone if the store never opened."""
        if self.store is not None:
            self.store.close()
        else:
            self.lock.release()


def file_id(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` (device and inode; None if none): recovery moves a damaged
    file aside and puts a backup or a new file in its place, which is another file."""
    try:
        seen = path.stat()
    except OSError:
        return None
    return seen.st_dev, seen.st_ino


def set_icon() -> None:
    """The app's icon, on every window; set once the article is painted (making Qt's icon
    type costs a millisecond the first paint need not wait for)."""
    from PySide6.QtGui import QIcon

    QApplication.setWindowIcon(QIcon(str(paths.resources_dir() / "medialit.svg")))


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self.widget, self.then, self.done = widget, then, False
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self.go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self.go)  # runs once this paint is done
        return False

    def go(self) -> None:
        if not self.done:
            self.done = True
            self.widget.removeEventFilter(self)
            self.then()


def after_first_paint(widget: QWidget, then: Callable[[], object]) -> None:
    """Run `then` once `widget` has been painted (or after FIRST_PAINT_WAIT_MS if it is not)."""
    _FirstPaint(widget, then)
