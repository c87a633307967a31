"""The database: the connection, its opening checks, one transaction per write, backups.

Each edit is its own committed transaction (`with self.db.atomic()`), made the
moment the user acts: a crash or power cut loses nothing the user saw as saved.
WAL with synchronous=FULL makes each COMMIT durable before it returns.

`Store` keeps the connection and what concerns the whole file (opening, pragmas,
`write()`, backups and restoring); its tables are small objects beside it, as
sqlite-utils has `Table` beside `Database`: `store.settings`, `store.students`,
`store.lessons`, `store.keys`, `store.work`, `store.submissions`, `store.roster`
(core/tables/). All of medialit's SQL is in these, `store_checks` (opening checks,
`check_database_file`, SQLite errors in plain words) and `schema` (the migrations).
`records` holds the values they hand out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.core import paths
from medialit.core.errors import CorruptDatabaseError, DamagedTextError, StoreError
from medialit.core.lock import InstanceLock
from medialit.core.records import Change, ChangeKind
from medialit.core.store_checks import (
    check_database_file,
    check_intact,
    check_readable,
    describe_sqlite_error,
    primary_code,
    refuse_foreign_database,
    refuse_newer_schema,
    refuse_read_only,
)
from medialit.core.tables.grading import Grading
from medialit.core.tables.keys import Keys
from medialit.core.tables.lessons import Lessons
from medialit.core.tables.roster import Roster
from medialit.core.tables.settings import Settings
from medialit.core.tables.students import Students
from medialit.core.tables.submissions import Submissions
from medialit.core.tables.work import Work

if TYPE_CHECKING:  # imported when a database is opened: start-up paints before it (glance)
    from sqlite_utils import Database

    from medialit.core import backup as rolling


class Store:
    """medialit's one database. Open with `Store.open(path)` or `Store.memory()`."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.lock: InstanceLock | None = None
        self._changes_at_backup = -1
        self.read_only = False
        self.glancing = False
        """A first look for start-up's first paint (`core.glance`): read-only, unchecked."""
        """Opened with `read_only=True` (a damaged file, to look at): every write refused."""
        self.damaged = False
        """A read found saved text that is not UTF-8: no backup is taken of this file."""
        self.settings = Settings(self)
        self.students = Students(self)
        self.lessons = Lessons(self)
        self.keys = Keys(self)
        self.work = Work(self)
        self.submissions = Submissions(self)
        self.roster = Roster(self)
        self.grading = Grading(self)

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, exclusive: bool = False, read_only: bool = False) -> Store:
        """Open (or create) the database at `path`, checking it before anything is written.

        A damaged or non-SQLite file raises CorruptDatabaseError (DamagedTextError when
        saved text cannot be read), a newer schema NewerSchemaError, a read-only file or
        folder StoreError: each leaves the file exactly as it was. `exclusive=True` (the
        app) also takes the one-window-per-database lock, or raises DatabaseInUseError;
        `close()` drops it. `read_only=True` opens a damaged file to look at what can be
        read (text that is not UTF-8 shown with U+FFFD), writing nothing, ever.
        """
        path = Path(path)
        if not read_only:
            paths.ensure_folder(path.parent)
        lock = InstanceLock.acquire(path) if exclusive else None
        try:
            store = cls._open_read_only(path) if read_only else cls._open_writable(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store.lock = lock
        return store

    @classmethod
    def _open_writable(cls, path: Path) -> Store:
        refuse_read_only(path)
        try:
            # A new database is the owner's only (SQLite gives its -wal and -shm files the
            # same permissions), whatever the umask: it holds keys and students' work.
            with contextlib.suppress(FileExistsError):
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            raise StoreError(f"cannot create database {path}: {exc.strerror or exc}") from None
        try:
            conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {describe_sqlite_error(exc)}") from None
        store = cls(_database(conn), path)
        store._prepare()
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        try:
            conn = sqlite3.connect(
                path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None
            )
            conn.text_factory = _lenient_text
            store = cls(_database(conn), path)
            store.read_only = store.damaged = True
            refuse_newer_schema(store.db, path)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {describe_sqlite_error(exc)}") from None
        return store

    @classmethod
    def memory(cls) -> Store:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        store = cls(_database(conn), None)
        store._prepare()
        return store

    def _prepare(self) -> None:
        where = str(self.path or ":memory:")
        try:
            self.db.execute("PRAGMA busy_timeout = 5000")
            self.db.execute("PRAGMA foreign_keys = ON")
            check_intact(self.db, self.path)
            check_readable(self.db, self.path)
            self.db.conn.text_factory = self._text
            refuse_newer_schema(self.db, self.path)
            refuse_foreign_database(self.db, self.path)
            if self.path is not None:
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = FULL")
            from medialit.core.schema import migrations

            migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            self.db.conn.close()
            if primary_code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
                raise CorruptDatabaseError(where, str(exc)) from None
            raise StoreError(f"cannot use database {where}: {describe_sqlite_error(exc)}") from None

    def _text(self, data: bytes) -> str:
        """Every TEXT value the connection reads; one that is not UTF-8 is damage."""
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.damaged = True
            raise DamagedTextError(
                str(self.path or ":memory:"), "a saved text is not valid UTF-8"
            ) from None

    def close(self) -> None:
        self.db.conn.close()
        if self.lock is not None:
            self.lock.release()

    # -- backups -------------------------------------------------------------

    def backup_keep(self) -> int:
        """How many rolling backups to keep (setting `backup_keep`, default 10, at least 3)."""
        from medialit.core import backup as rolling

        raw = self.settings.get(rolling.KEEP_SETTING)
        try:
            keep = int(raw) if raw is not None else rolling.DEFAULT_KEEP
        except ValueError:
            return rolling.DEFAULT_KEEP
        if keep > rolling.MAX_KEEP:
            return rolling.DEFAULT_KEEP
        return max(rolling.MIN_KEEP, keep)  # a value an older medialit let through

    def set_backup_keep(self, keep: int) -> Change:
        """Keep the newest `keep` backups from now on, pruning the older ones at once.

        Called when the user confirms the number, never while it is typed (typing 20
        over 10 passes through 2). The GUI asks for teacher mode first once there is
        a passphrase.
        """
        from medialit.core import backup as rolling

        if type(keep) is not int or not rolling.MIN_KEEP <= keep <= rolling.MAX_KEEP:
            raise StoreError(
                f"the number of backups to keep must be {rolling.MIN_KEEP}-{rolling.MAX_KEEP}"
            )
        change = self.settings.set(rolling.KEEP_SETTING, str(keep))
        if self.path is not None:
            rolling.prune(self.path, keep=keep)
        return change

    def backups(self) -> list[rolling.Backup]:
        from medialit.core import backup as rolling

        return rolling.list_backups(self.path) if self.path is not None else []

    def backup(self, *, now: dt.datetime | None = None, protect: tuple[Path, ...] = ()) -> Path:
        """A rolling backup now (SQLite backup API); keeps the newest `backup_keep()` and
        whatever is in `protect` (the backup a restore is about to read)."""
        from medialit.core import backup as rolling

        if self.path is None:
            raise StoreError("an in-memory database has no backups")
        if self.damaged:
            raise StoreError(
                f"no backup was made: {self.path} is damaged (saved text cannot be read), "
                "and a backup of it would not be a good one"
            )
        changes = self.db.conn.total_changes
        try:
            made = rolling.write_backup(
                self.db.conn, self.path, keep=self.backup_keep(), now=now, protect=protect
            )
        except sqlite3.Error as exc:
            raise StoreError(
                f"could not back up {self.path}: {describe_sqlite_error(exc)}"
            ) from None
        except OSError as exc:
            raise StoreError(
                f"could not write a backup to {rolling.backups_dir(self.path)}: "
                f"{exc.strerror or exc}"
            ) from None
        self._changes_at_backup = changes
        return made

    def backup_if_due(self, *, now: dt.datetime | None = None) -> Path | None:
        """Back up if something changed since the last backup and the newest is
        `backup.INTERVAL_SECONDS` old."""
        from medialit.core import backup as rolling

        if self.path is None or self.db.conn.total_changes == self._changes_at_backup:
            return None
        newest = self.backups()
        when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        if newest and (when - newest[0].taken_at).total_seconds() < rolling.INTERVAL_SECONDS:
            return None
        return self.backup(now=now)

    def restore_from(self, backup_path: str | Path) -> Change:
        """Replace the database's content with a backup's, in place, after backing up the present.

        The open connection stays valid (SQLite's backup API copies into it in one
        transaction), so the app keeps running; the present state is itself kept
        as the newest backup, so a restore can be undone. Backing up the present
        never prunes the backup being restored (the oldest one too), so that backup
        is still there afterwards.
        """
        if self.damaged:
            raise StoreError(
                "the database is damaged, so it cannot be restored in place: quit medialit "
                "and start it again; it moves the damaged file aside and offers the backup"
            )
        problem = check_database_file(backup_path)
        if problem:
            raise StoreError(f"cannot restore from {backup_path}: {problem}")
        if self.path is not None:
            self.backup(protect=(Path(backup_path),))
        try:
            source = sqlite3.connect(Path(backup_path).resolve().as_uri() + "?mode=ro", uri=True)
            try:
                source.backup(self.db.conn)
            finally:
                source.close()
            from medialit.core.schema import migrations

            migrations.apply(self.db)
        except sqlite3.Error as exc:
            raise StoreError(
                f"could not restore from {backup_path}: {describe_sqlite_error(exc)}"
            ) from None
        return Change(ChangeKind.RESTORED)

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One committed transaction; an error rolls it back and surfaces as StoreError."""
        if self.read_only:
            raise StoreError(
                "not saved: the database is damaged, so it was opened read-only to let you "
                "look at your work; quit medialit and start it again to restore a backup"
            )
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as exc:
            raise StoreError(
                f"could not save to {self.path or 'the database'}: {describe_sqlite_error(exc)}"
            ) from exc


def _lenient_text(data: bytes) -> str:
    """A damaged file opened to look at: what is not UTF-8 shows as U+FFFD."""
    return data.decode("utf-8", "replace")


def _database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over `conn`, imported the first time a database is opened: its import
    (click, pluggy, dateutil and more) costs more than the whole first paint."""
    from sqlite_utils import Database

    return Database(conn)
