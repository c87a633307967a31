"""Reliability in the GUI: opening the database safely, and what to do when it is damaged.

- `open_store(path)`: takes the one-window lock (a second copy is told and stops), opens the
  database with its checks, and if the file is damaged moves it aside (never overwriting
  it), tells the user where it went and offers the newest good backup. Then one backup.
- backups while the window is open are in `gui/backup_menu.py`.

The core does the work (`Store`, `core.backup`); this module asks and tells. The asking is
injectable (`ask=`, `tell=`) so tests drive it without modal dialogs.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from medialit.core import paths
from medialit.core.errors import (
    CorruptDatabaseError,
    DamagedTextError,
    DatabaseInUseError,
    MedialitError,
    StoreError,
)
from medialit.core.lock import InstanceLock
from medialit.core.store import Store
from medialit.core.store_checks import newest_good_backup
from medialit.gui.screen_fit import fit_dialog

if TYPE_CHECKING:  # names for annotations (a message box loads when one is shown)
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    from medialit.core import backup as rolling


class Choice(enum.Enum):
    RESTORE = "restore"
    FRESH = "fresh"
    READ_ONLY = "read-only"  # damaged text: look at what can be read, change nothing
    QUIT = "quit"


class Ask(Protocol):
    def __call__(
        self, message: str, backup: rolling.Backup | None, *, read_only: bool = False
    ) -> Choice: ...


Tell = Callable[..., None]  # (title, message, *, details="")


def when(backup: rolling.Backup) -> str:
    """A backup's time in the user's local time zone (file names are UTC)."""
    return backup.taken_at.astimezone().strftime("%a %d %b %Y, %H:%M:%S")


def message_box(title: str, message: str, *, details: str = "") -> QMessageBox:
    """A warning in plain words; the file names, numbers and times behind a Details button."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, f"medialit: {title}", message)
    box.setObjectName("start_message")
    if details:
        box.setDetailedText(details)
    fit_dialog(box)
    return box


def _tell(title: str, message: str, *, details: str = "") -> None:
    """Shown in a message box, and on stderr for whoever started medialit from a terminal."""
    extra = f"\n{details}" if details else ""
    print(f"medialit: {title}: {message}{extra}", file=sys.stderr, flush=True)
    if not smoke_test():
        message_box(title, message, details=details).exec()


SMOKE_ENV = "MEDIALIT_SMOKE_TEST"


def smoke_test() -> bool:
    """Set by start-up tests: report "window shown" and quit, and never block on a dialog."""
    return os.environ.get(SMOKE_ENV) == "1"


def _ask(message: str, backup: rolling.Backup | None, *, read_only: bool = False) -> Choice:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "medialit: the database is damaged", message)
    box.setObjectName("recovery_box")
    buttons = {}
    if backup is not None:  # the message says which backup: a button's words stay short
        buttons[Choice.RESTORE] = box.addButton(
            "Restore the backup", QMessageBox.ButtonRole.AcceptRole
        )
        buttons[Choice.RESTORE].setAccessibleName(f"Restore the backup of {when(backup)}")
    if read_only:
        buttons[Choice.READ_ONLY] = box.addButton(
            "Just look at my work", QMessageBox.ButtonRole.ActionRole
        )
    buttons[Choice.FRESH] = box.addButton("Start empty", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(next(iter(buttons.values())))
    box.exec()
    clicked = box.clickedButton()
    return next((choice for choice, button in buttons.items() if button is clicked), Choice.QUIT)


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


def take_lock(path: Path, *, tell: Tell | None = None) -> InstanceLock | None:
    """The one-window lock of the database at `path` (its folder made first), or None after
    telling the user why: another medialit has it open, or the folder cannot be made."""
    tell = tell or _tell
    try:
        paths.ensure_folder(path.parent)  # a new user's data folder does not exist yet
        return InstanceLock.acquire(path)
    except DatabaseInUseError as exc:
        tell("already open", str(exc), details=exc.details)
    except MedialitError as exc:
        tell("cannot open the database", str(exc))
    return None


def open_store(
    path: Path,
    *,
    ask: Ask | None = None,
    tell: Tell | None = None,
    now: dt.datetime | None = None,
    lock: InstanceLock | None = None,
) -> Store | None:
    """The app's database, checked, locked and backed up; or None after telling the user why.

    `lock`: taken already (start-up takes it before any window appears); released here
    when the store cannot be opened, else by `Store.close()`.
    """
    ask = ask or _ask
    tell = tell or _tell
    lock = lock or take_lock(path, tell=tell)
    if lock is None:
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
    if store.read_only:
        return store  # a damaged file is never backed up
    try:
        store.backup(now=now)
    except StoreError as exc:
        tell("no backup", f"Your work is saved, but a backup could not be made:\n{exc}")
    return store


def _open_or_recover(path: Path, ask: Ask, tell: Tell, now: dt.datetime | None) -> Store | None:
    from medialit.core import backup as rolling  # only a damaged file needs it

    try:
        return Store.open(path)
    except DamagedTextError as exc:
        return _recover_damaged_text(path, exc, ask, tell, now)
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


def damaged_text_message(exc: DamagedTextError, backup: rolling.Backup | None) -> str:
    """Plain words: what is wrong, that nothing was changed, and what each button does."""
    lines = [
        "Some of the work saved in medialit's database cannot be read: the file is damaged.",
        f"{exc.path}\n({exc.detail})",
        "",
        "Nothing has been changed or deleted yet.",
        "",
    ]
    if backup is not None:
        lines.append(
            f"The newest backup that reads cleanly is from {when(backup)}. Restoring it "
            "brings back everything saved up to then; the damaged file is moved aside, "
            "unchanged, first."
        )
    else:
        lines.append("There is no backup that reads cleanly.")
    lines += [
        "",
        "Or just look at your work as it is (what cannot be read shows as �); nothing can "
        "be saved then. Start empty moves the damaged file aside, unchanged, too.",
    ]
    return "\n".join(lines)


def _recover_damaged_text(
    path: Path, exc: DamagedTextError, ask: Ask, tell: Tell, now: dt.datetime | None
) -> Store | None:
    """Ask first; the file is moved aside (unchanged) only for a restore or a fresh start."""
    from medialit.core import backup as rolling

    backup = newest_good_backup(path)
    choice = ask(damaged_text_message(exc, backup), backup, read_only=True)
    try:
        if choice is Choice.READ_ONLY:
            return Store.open(path, read_only=True)
        if choice is Choice.QUIT or (choice is Choice.RESTORE and backup is None):
            return None
        moved = rolling.quarantine(path, now=now)
        if choice is Choice.RESTORE and backup is not None:
            rolling.install_copy(backup.path, path)
        store = Store.open(path)
    except (MedialitError, OSError) as exc2:
        tell("cannot open the database", str(exc2))
        return None
    tell("damaged file moved aside", f"The damaged file was moved aside, unchanged, to\n{moved}")
    return store
