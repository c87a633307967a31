"""Reliability in the GUI: opening the database safely, backups while open, restoring one.

- `open_store(path)`: takes the one-window lock (a second copy is told and stops), opens the
  database with its checks, and if the file is damaged moves it aside (never overwriting
  it), tells the user where it went and offers the newest good backup. Then one backup.
- `install_recovery_menu(window)`: File > "Restore from backup…" and "Back up now", and a
  timer that backs up at most hourly while the window is open (only after changes).

The core does the work (`Store`, `core.backup`); this module asks and tells. The asking is
injectable (`ask=`, `tell=`, `confirm=`) so tests drive it without modal dialogs.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from medialit.core import backup as rolling
from medialit.core import paths
from medialit.core.errors import (
    CorruptDatabaseError,
    DatabaseInUseError,
    MedialitError,
    StoreError,
)
from medialit.core.lock import InstanceLock
from medialit.core.records import Change
from medialit.core.store import Store
from medialit.core.store_checks import newest_good_backup
from medialit.gui.errors import show_error
from medialit.gui.main_window import MainWindow

TIMER_MS = 10 * 60 * 1000  # look every 10 minutes; back up when the newest is an hour old


class Choice(enum.Enum):
    RESTORE = "restore"
    FRESH = "fresh"
    QUIT = "quit"


Ask = Callable[[str, rolling.Backup | None], Choice]
Tell = Callable[[str, str], None]


def when(backup: rolling.Backup) -> str:
    """A backup's time in the user's local time zone (file names are UTC)."""
    return backup.taken_at.astimezone().strftime("%a %d %b %Y, %H:%M:%S")


def _tell(title: str, message: str) -> None:
    """Shown in a message box, and on stderr for whoever started medialit from a terminal."""
    print(f"medialit: {title}: {message}", file=sys.stderr, flush=True)
    if not smoke_test():
        QMessageBox.warning(None, f"medialit: {title}", message)


SMOKE_ENV = "MEDIALIT_SMOKE_TEST"


def smoke_test() -> bool:
    """Set by start-up tests: report "window shown" and quit, and never block on a dialog."""
    return os.environ.get(SMOKE_ENV) == "1"


def _ask(message: str, backup: rolling.Backup | None) -> Choice:
    box = QMessageBox(QMessageBox.Icon.Warning, "medialit: the database is damaged", message)
    box.setObjectName("recovery_box")
    restore = None
    if backup is not None:
        restore = box.addButton(
            f"Restore the backup of {when(backup)}", QMessageBox.ButtonRole.AcceptRole
        )
    fresh = box.addButton("Start with an empty database", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or fresh)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return Choice.RESTORE
    return Choice.FRESH if clicked is fresh else Choice.QUIT


def damaged_message(exc: CorruptDatabaseError, moved: Path, backup: rolling.Backup | None) -> str:
    lines = [
        f"medialit could not use its database because the file is damaged:\n{exc.path}",
        f"({exc.detail})",
        "",
        f"Nothing was deleted: the file was moved aside, unchanged, to\n{moved}",
        "",
    ]
    if backup is not None:
        lines.append(
            f"The newest good backup is from {when(backup)}. Restoring it brings back "
            "everything saved up to then."
        )
    else:
        lines.append("There is no good backup to restore. You can start with an empty database.")
    return "\n".join(lines)


def open_store(
    path: Path,
    *,
    ask: Ask | None = None,
    tell: Tell | None = None,
    now: dt.datetime | None = None,
) -> Store | None:
    """The app's database, checked, locked and backed up; or None after telling the user why."""
    ask = ask or _ask
    tell = tell or _tell
    try:
        paths.ensure_folder(path.parent)  # a new user's data folder does not exist yet
        lock = InstanceLock.acquire(path)
    except DatabaseInUseError as exc:
        tell("already open", str(exc))
        return None
    except MedialitError as exc:
        tell("cannot open the database", str(exc))
        return None
    try:
        store = _open_or_recover(path, ask, tell, now)
    except BaseException:
        lock.release()
        raise
    if store is None:
        lock.release()
        return None
    store.lock = lock
    try:
        store.backup(now=now)
    except StoreError as exc:
        tell("no backup", f"Your work is saved, but a backup could not be made:\n{exc}")
    return store


def _open_or_recover(path: Path, ask: Ask, tell: Tell, now: dt.datetime | None) -> Store | None:
    try:
        return Store.open(path)
    except CorruptDatabaseError as exc:
        damaged = exc
    except MedialitError as exc:
        tell("cannot open the database", str(exc))
        return None
    try:
        moved = rolling.quarantine(path, now=now)
    except OSError as exc:
        tell(
            "cannot open the database",
            f"{damaged}\n\nIt could not be moved aside ({exc.strerror or exc}), so it was "
            "left as it is.",
        )
        return None
    backup = newest_good_backup(path)
    choice = ask(damaged_message(damaged, moved, backup), backup)
    try:
        if choice is Choice.RESTORE and backup is not None:
            rolling.install_copy(backup.path, path)
        elif choice is not Choice.FRESH:
            return None
        return Store.open(path)
    except (MedialitError, OSError) as exc:
        tell("cannot open the database", str(exc))
        return None


# -- while the window is open ------------------------------------------------------------------


class RestoreDialog(QDialog):
    """The backups, newest first; restore one (after a confirmation); how many to keep."""

    def __init__(
        self,
        parent: QWidget,
        store: Store,
        restore: Callable[[rolling.Backup], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore from backup")
        self.store = store
        self._restore = restore
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Backups are made when medialit opens and at most hourly while you work. "
            "Restoring one replaces your work with the backup's; what you have now is "
            "kept as a backup first, so you can come back to it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("backup_list")
        self.list.setAccessibleName("Backups, newest first")
        layout.addWidget(self.list)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel("Keep the newest"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(1, rolling.MAX_KEEP)
        self.keep.setValue(store.backup_keep())
        self.keep.setAccessibleName("Number of backups to keep")
        self.keep.valueChanged.connect(self.on_keep_value_changed)
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel("backups"))
        keep_row.addStretch(1)
        layout.addLayout(keep_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 380)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for backup in self.store.backups():
            size = backup.path.stat().st_size if backup.path.exists() else 0
            item = QListWidgetItem(f"{when(backup)}   ({size / 1024:,.0f} KB)")
            item.setData(Qt.ItemDataRole.UserRole, backup)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.count() > 0)

    def selected(self) -> rolling.Backup | None:
        item = self.list.currentItem()
        if item is None:
            return None
        backup: rolling.Backup = item.data(Qt.ItemDataRole.UserRole)
        return backup

    def on_restore_button_clicked(self) -> None:
        backup = self.selected()
        if backup is not None:
            self._restore(backup)
            self.refresh()

    def on_keep_value_changed(self, value: int) -> None:
        try:
            self.store.set_backup_keep(value)
        except MedialitError as exc:
            show_error(self, "Could not change the setting", exc)
        self.refresh()


class RecoveryMenu(QObject):
    """File > Restore from backup… / Back up now, and the hourly backup timer, for `window`.

    `window` is the student's MainWindow: it has `session` (store, student, `apply`) and
    `undo_stack`. A restore goes through `session.apply`, so views refresh as for any edit.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.confirm: Callable[[str], bool] = self._confirm
        menu = _file_menu(window)
        menu.addSeparator()
        self.backup_action = QAction("&Back up now", window)
        self.backup_action.setObjectName("backup_now")
        self.backup_action.triggered.connect(self.on_backup_action_triggered)
        menu.addAction(self.backup_action)
        self.restore_action = QAction("&Restore from backup…", window)
        self.restore_action.setObjectName("restore_backup")
        self.restore_action.triggered.connect(self.on_restore_action_triggered)
        menu.addAction(self.restore_action)
        self.dialog: RestoreDialog | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("backup_timer")
        self.timer.setInterval(TIMER_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.timer.start()

    @property
    def store(self) -> Store:
        store: Store = self.main.session.store
        return store

    def _status(self, message: str) -> None:
        self.main.statusBar().showMessage(message, 8000)

    def _confirm(self, message: str) -> bool:
        answer = QMessageBox.question(
            self.main,
            "Restore from backup",
            message,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_timer_timeout(self) -> None:
        try:
            made = self.store.backup_if_due()
        except MedialitError as exc:
            self._status(f"Backup failed: {exc}")
            return
        if made is not None:
            self._status(f"Backed up to {made}")

    def on_backup_action_triggered(self) -> None:
        try:
            made = self.store.backup()
        except MedialitError as exc:
            show_error(self.main, "Could not back up", exc)
            return
        self._status(f"Backed up to {made}")
        if self.dialog is not None:
            self.dialog.refresh()

    def on_restore_action_triggered(self) -> None:
        if self.dialog is None:
            self.dialog = RestoreDialog(self.main, self.store, self.restore)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()

    def restore(self, backup: rolling.Backup) -> None:
        """Restore `backup` in place (after confirming); the present is backed up first."""
        if not self.confirm(
            f"Replace your work with the backup from {when(backup)}?\n\n"
            "What you have now is kept as a backup first, so you can come back to it."
        ):
            return
        session = self.main.session
        try:
            session.apply(lambda store: self._restore_into(store, backup))
        except MedialitError:
            return  # session.failed has told the user; nothing changed
        self.main.undo_stack.clear()
        session.switch()  # the restored work replaces what every view shows
        self._status(f"Restored the backup from {when(backup)}.")

    def _restore_into(self, store: Store, backup: rolling.Backup) -> Change:
        change = store.restore_from(backup.path)
        student = self.main.session.student
        if all(s.id != student.id for s in store.students.all()):
            store.students.save(student)  # the backup predates this student: keep them valid
        return change


def _file_menu(window: QMainWindow) -> QMenu:
    """The window's File menu, made (first in the bar) if there is none yet."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and (
            menu.objectName() == "file_menu" or action.text().replace("&", "") == "File"
        ):
            return menu
    menu = QMenu("&File", window)
    menu.setObjectName("file_menu")
    first = bar.actions()[0] if bar.actions() else None
    if first is not None:
        bar.insertMenu(first, menu)
    else:
        bar.addMenu(menu)
    return menu


def install_recovery_menu(window: MainWindow) -> RecoveryMenu:
    """Add File > Back up now / Restore from backup… and the backup timer to `window`."""
    return RecoveryMenu(window)
