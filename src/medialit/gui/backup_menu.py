"""Backups while the window is open: File > "Back up now" and "Restore from backup…", the
dialog listing the backups (restore one; how many to keep), and the hourly backup timer.

The core does the work (`Store.backup`, `Store.restore_from`, `core.backup`); this module asks
and tells. Asking is injectable (`confirm=`) so tests drive it without modal dialogs.
"""

from __future__ import annotations

from collections.abc import Callable

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
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from medialit.core import backup as rolling
from medialit.core.errors import MedialitError
from medialit.core.records import Change
from medialit.core.store import Store
from medialit.core.teacher.passphrase import has_passphrase
from medialit.gui.errors import show_error
from medialit.gui.main_window import MainWindow
from medialit.gui.recovery import when
from medialit.gui.screen_fit import fit_window

TIMER_MS = 10 * 60 * 1000  # look every 10 minutes; back up when the newest is an hour old


def yes(parent: QWidget, title: str, message: str) -> bool:
    """Ask before a step that replaces or deletes files: Yes, or Cancel (the default)."""
    answer = QMessageBox.question(
        parent,
        title,
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class RestoreDialog(QDialog):
    """The backups, newest first; restore one (after a confirmation); how many to keep.

    The number to keep is applied only when the user presses Apply (typing 20 over 10
    passes through 2, which would delete backups as you type); never below 3; once a
    teacher passphrase exists, changing it asks for the passphrase (a student must not
    be able to wipe the teacher's backups). Fewer than there are asks before deleting.
    """

    def __init__(
        self,
        parent: QWidget,
        store: Store,
        restore: Callable[[rolling.Backup], None],
        confirm: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore from backup")
        self.store = store
        self._restore = restore
        self.confirm = confirm or self._confirm
        self.passphrase_dialog: QDialog | None = None
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
        layout.addLayout(self._keep_row())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_window(self, 520, 380)
        self.refresh()

    def _keep_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Keep the newest"))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(rolling.MIN_KEEP, rolling.MAX_KEEP)
        self.keep.setValue(self.store.backup_keep())
        self.keep.setAccessibleName("Number of backups to keep")
        self.keep.valueChanged.connect(self.on_keep_value_changed)
        row.addWidget(self.keep)
        row.addWidget(QLabel("backups"))
        self.keep_apply = QPushButton("Apply", self)
        self.keep_apply.setObjectName("backup_keep_apply")
        self.keep_apply.setAccessibleName("Apply the number of backups to keep")
        self.keep_apply.setEnabled(False)
        self.keep_apply.clicked.connect(self.on_keep_apply_clicked)
        row.addWidget(self.keep_apply)
        row.addStretch(1)
        return row

    def _confirm(self, message: str) -> bool:
        return yes(self, "Backups to keep", message)

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
        """Typing changes nothing yet: Apply is there to confirm the number."""
        self.keep_apply.setEnabled(value != self.store.backup_keep())

    def on_keep_apply_clicked(self) -> None:
        value = self.keep.value()
        if value == self.store.backup_keep():
            return
        if has_passphrase(self.store):
            self._ask_teacher(value)
        else:
            self.apply_keep(value)

    def _ask_teacher(self, value: int) -> None:
        """The teacher's passphrase first (the dialog of teacher mode, with its slow-down)."""
        from medialit.gui.teacher import passphrase_gate
        from medialit.gui.teacher.passphrase import PassphraseDialog

        dialog = PassphraseDialog(self.store, self, gate=passphrase_gate(self.store))
        dialog.setWindowTitle("Teacher mode: backups to keep")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # answered, it is gone
        dialog.accepted.connect(lambda: self.apply_keep(value))
        self.passphrase_dialog = dialog
        dialog.open()

    def apply_keep(self, value: int) -> None:
        """Set the number; fewer than there are now asks before deleting the oldest."""
        extra = len(self.store.backups()) - value
        if extra > 0 and not self.confirm(
            f"Keep only the newest {value} backups? The {extra} oldest will be deleted."
        ):
            return
        try:
            self.store.set_backup_keep(value)
        except MedialitError as exc:
            show_error(self, "Could not change the setting", exc)
        self.keep.setValue(self.store.backup_keep())
        self.keep_apply.setEnabled(False)
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
        quit_action = next((a for a in menu.actions() if a.objectName() == "quit"), None)
        self.backup_action = QAction("&Back up now", window)
        self.backup_action.setObjectName("backup_now")
        self.backup_action.triggered.connect(self.on_backup_action_triggered)
        self.restore_action = QAction("&Restore from backup…", window)
        self.restore_action.setObjectName("restore_backup")
        self.restore_action.triggered.connect(self.on_restore_action_triggered)
        if quit_action is None:
            menu.addSeparator()
            menu.addActions([self.backup_action, self.restore_action])
        else:
            menu.insertActions(quit_action, [self.backup_action, self.restore_action])
            menu.insertSeparator(quit_action)  # Quit stays last, set apart
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
        return yes(self.main, "Restore from backup", message)

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
            self.dialog = RestoreDialog(
                self.main, self.store, self.restore, lambda message: self.confirm(message)
            )
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
