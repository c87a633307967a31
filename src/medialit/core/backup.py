"""Rolling backups of the database, and moving a damaged database aside.

Backups are made with SQLite's online backup API (a consistent copy even while
the app is writing), into `<database folder>/backups/<stem>-YYYYmmdd-HHMMSS.db`
(UTC), keeping the newest N. Each is written to a temporary name, checked,
fsynced and only then renamed, so a crash never leaves half a backup under a
backup's name. Nothing here ever overwrites a file: a damaged database is
renamed to `<stem>-damaged-<stamp>.db` (with its -wal/-shm) beside itself.

This module knows files, not medialit's schema; `store.py` decides what counts
as a good backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import filecmp
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

BACKUP_DIRNAME = "backups"
KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 10
MIN_KEEP = 3  # pruning never goes below this, whatever the setting says
MAX_KEEP = 1000
INTERVAL_SECONDS = 3600
STAMP_FORMAT = "%Y%m%d-%H%M%S"
SIDE_FILES = ("-wal", "-shm", "-journal")
STALE_TMP_SECONDS = 600

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d{1,4}))?\.db$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # UTC, from the file name
    seq: int = 1  # 2, 3, ... when several were taken within one second

    @property
    def order(self) -> tuple[dt.datetime, int]:
        return self.taken_at, self.seq


def backups_dir(db_path: str | os.PathLike[str]) -> Path:
    return Path(db_path).parent / BACKUP_DIRNAME


def list_backups(db_path: str | os.PathLike[str]) -> list[Backup]:
    """This database's backups, newest first (other databases' backups are ignored)."""
    stem = Path(db_path).stem
    folder = backups_dir(db_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match or match["stem"] != stem or not entry.is_file():
            continue
        try:
            taken = dt.datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        found.append(Backup(entry, taken, int(match["seq"] or 1)))
    return sorted(found, key=lambda b: b.order, reverse=True)


def _utc(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)


def _unused_name(folder: Path, base: str, suffix: str) -> Path:
    target = folder / f"{base}{suffix}"
    n = 1
    while target.exists() or any(Path(f"{target}{side}").exists() for side in SIDE_FILES):
        n += 1
        target = folder / f"{base}-{n}{suffix}"
    return target


def fsync_path(path: Path) -> None:
    """fsync a file or, where the platform allows, a folder (so a rename is durable)."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # folders cannot be opened on Windows; its renames are durable anyway
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def quick_check(conn: sqlite3.Connection) -> str:
    rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)").fetchall()]
    return "ok" if rows == ["ok"] else "; ".join(rows)[:300]


def unreadable_text(conn: sqlite3.Connection) -> str | None:
    """Read every value of every table, as the app will (TEXT decoded as UTF-8): None, or
    where the first value that cannot be read is. quick_check does not look at text."""
    saved = conn.text_factory
    conn.text_factory = str
    try:
        tables = [
            str(row[0])
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            quoted = table.replace('"', '""')
            try:
                cursor = conn.execute(f'SELECT * FROM "{quoted}"')
                while cursor.fetchmany(1000):
                    pass
            except sqlite3.OperationalError as exc:
                if not is_text_damage(exc):
                    raise
                return f"table {table}: {str(exc).split(' with text ')[0]}"
    finally:
        conn.text_factory = saved
    return None


def is_text_damage(exc: BaseException) -> bool:
    """SQLite's error for stored text that is not UTF-8 (it has no error code of its own)."""
    return isinstance(exc, sqlite3.OperationalError) and str(exc).startswith(
        "Could not decode to UTF-8"
    )


def write_backup(
    source: sqlite3.Connection,
    db_path: str | os.PathLike[str],
    *,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
    protect: tuple[Path, ...] = (),
) -> Path:
    """Copy `source` into a new backup of `db_path`, then keep only the newest `keep`.

    A copy identical to the newest backup is not kept twice: that backup is returned.
    `protect` (a backup about to be restored) is never pruned.
    Raises sqlite3.Error or OSError; the store turns them into StoreError.
    """
    folder = backups_dir(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = Path(db_path).stem
    tmp = folder / f".{stem}.{os.urandom(6).hex()}.tmp"
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # owner's only
        dest = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problem = quick_check(dest)
            if problem == "ok":
                damaged = unreadable_text(dest)
                problem = f"saved text cannot be read ({damaged})" if damaged else "ok"
        finally:
            dest.close()
        if problem != "ok":
            raise sqlite3.DatabaseError(
                f"the backup copy failed its check, so no backup was made: {problem}"
            )
        fsync_path(tmp)
        existing = list_backups(db_path)
        if existing and filecmp.cmp(tmp, existing[0].path, shallow=False):
            tmp.unlink()
            return existing[0].path
        target = _unused_name(folder, f"{stem}-{_utc(now).strftime(STAMP_FORMAT)}", ".db")
        os.rename(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_path(folder)
    prune(db_path, keep=keep, protect=protect)
    return target


def prune(
    db_path: str | os.PathLike[str], *, keep: int, protect: tuple[Path, ...] = ()
) -> list[Path]:
    """Delete all but the newest `keep` (never fewer than MIN_KEEP) backups, and temporary
    files a crash left behind. A backup in `protect` stays whatever its age."""
    removed = []
    spared = {os.path.abspath(p) for p in protect}
    for old in list_backups(db_path)[max(MIN_KEEP, keep) :]:
        if os.path.abspath(old.path) in spared:
            continue
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    stem = Path(db_path).stem
    cutoff = time.time() - STALE_TMP_SECONDS
    for tmp in backups_dir(db_path).glob(f".{stem}.*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
    return removed


def quarantine(
    db_path: str | os.PathLike[str], *, label: str = "damaged", now: dt.datetime | None = None
) -> Path:
    """Rename the database (and its -wal/-shm) aside, to `<stem>-<label>-<stamp>.db`.

    Never overwrites: a name already taken gets `-2`, `-3`, ... The moved file
    keeps its -wal beside it, so it can still be opened or sent for repair.
    """
    path = Path(db_path)
    base = f"{path.stem}-{label}-{_utc(now).strftime(STAMP_FORMAT)}"
    target = _unused_name(path.parent, base, path.suffix or ".db")
    if path.exists():
        os.rename(path, target)
    for side in SIDE_FILES:
        extra = Path(f"{path}{side}")
        if extra.exists():
            os.rename(extra, Path(f"{target}{side}"))
    fsync_path(path.parent)
    return target


def install_copy(source: str | os.PathLike[str], db_path: str | os.PathLike[str]) -> None:
    """Copy a backup to `db_path`, which must not exist (move the old file aside first)."""
    target = Path(db_path)
    if target.exists() or any(Path(f"{target}{side}").exists() for side in SIDE_FILES):
        raise FileExistsError(f"{target} already exists; move it aside first")
    tmp = target.parent / f".{target.name}.{os.urandom(6).hex()}.tmp"
    try:
        src = sqlite3.connect(Path(source).resolve().as_uri() + "?mode=ro", uri=True)
        dest = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
            src.close()
        fsync_path(tmp)
        os.rename(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_path(target.parent)
