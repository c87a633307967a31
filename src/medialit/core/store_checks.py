"""Is a database file one medialit can use, and what SQLite's errors mean, in plain words.

`Store.open` runs the opening checks before it writes anything (`refuse_read_only`,
then `check_intact`, `refuse_newer_schema`, `refuse_foreign_database`): each refuses
the file untouched. `check_database_file` asks the same of a file without opening it
for writing (a backup before a restore, the newest good backup after damage).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.core.errors import (
    CorruptDatabaseError,
    DamagedTextError,
    NewerSchemaError,
    StoreError,
)

if TYPE_CHECKING:  # sqlite-utils and the backups load when a database is opened, not before
    from sqlite_utils import Database  # start-up's first paint (core.glance)

    from medialit.core import backup as rolling

# -- opening checks: before the first write, a file we must not touch is refused ---------


def refuse_read_only(path: Path) -> None:
    """SQLite would open a read-only file and fail only at the first edit: say so up front.

    The folder must be writable too: WAL keeps `<name>-wal` and `<name>-shm` beside the file.
    """
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(
            f"database {path} is read-only, and medialit saves every edit as it happens; "
            "copy it to a folder you can write to (or choose another with --db)"
        )
    if not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"the folder {path.parent} is read-only, and medialit saves every edit as it "
            "happens; choose a folder you can write to (--db)"
        )


def check_intact(db: Database, path: Path | None) -> None:
    """PRAGMA quick_check before the first write: a damaged file is refused untouched."""
    if path is None:
        return
    rows = [row[0] for row in db.execute("PRAGMA quick_check(5)").fetchall()]
    if rows != ["ok"]:
        db.conn.close()
        raise CorruptDatabaseError(str(path), "; ".join(str(r) for r in rows)[:300])


def check_readable(db: Database, path: Path | None) -> None:
    """Every saved value read as the app will read it: text that is not UTF-8 is damage
    (quick_check passes it), refused before anything is written or backed up."""
    if path is None:
        return
    from medialit.core import backup as rolling

    problem = rolling.unreadable_text(db.conn)
    if problem is not None:
        db.conn.close()
        raise DamagedTextError(str(path), problem)


def refuse_newer_schema(db: Database, path: Path | None) -> None:
    """A database with migrations we do not know came from a newer app: touch nothing."""
    from medialit.core.schema import KNOWN_MIGRATIONS, migrations

    table = db[migrations.migrations_table]
    if not table.exists():
        return
    applied = {m.name for m in migrations.applied(db)}
    unknown = sorted(applied - KNOWN_MIGRATIONS)
    if unknown:
        db.conn.close()
        raise NewerSchemaError(
            f"database {path} was written by a newer medialit (schema {unknown[-1]}); "
            "it was left untouched"
        )


def refuse_foreign_database(db: Database, path: Path | None) -> None:
    """An SQLite file with tables but no medialit history belongs to another program."""
    from medialit.core.schema import migrations

    if db[migrations.migrations_table].exists():
        return
    tables = [t for t in db.table_names() if not t.startswith("sqlite_")]
    if tables:
        db.conn.close()
        raise StoreError(
            f"{path} is an SQLite database of another program (tables: "
            f"{', '.join(tables[:5])}); it was left untouched"
        )


# -- a file on its own, opened read-only ------------------------------------------------


def check_database_file(path: str | Path) -> str | None:
    """None if `path` is an intact medialit database this app can open; else what is wrong.

    Opens the file read-only, so checking never changes it.
    """
    path = Path(path)
    if not path.is_file():
        return "the file does not exist"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return describe_sqlite_error(exc)
    try:
        from medialit.core import backup as rolling

        problem = rolling.quick_check(conn)
        if problem != "ok":
            return f"it is damaged ({problem})"
        unreadable = rolling.unreadable_text(conn)
        if unreadable is not None:
            return f"it is damaged: saved text cannot be read ({unreadable})"
        from sqlite_utils import Database

        from medialit.core.schema import KNOWN_MIGRATIONS, migrations

        db = Database(conn)
        if not db[migrations.migrations_table].exists() or "work_spans" not in db.table_names():
            return "it is not a medialit database"
        applied = {m.name for m in migrations.applied(db)}
        if applied - KNOWN_MIGRATIONS:
            return "it was written by a newer medialit"
    except sqlite3.Error as exc:
        return describe_sqlite_error(exc)
    finally:
        conn.close()
    return None


def newest_good_backup(db_path: str | Path) -> rolling.Backup | None:
    """The newest backup of `db_path` that passes `check_database_file` (read in full, not
    only quick_checked), if any."""
    from medialit.core import backup as rolling

    for candidate in rolling.list_backups(db_path):
        if check_database_file(candidate.path) is None:
            return candidate
    return None


# -- SQLite's errors in the user's words ----------------------------------------------


_HINTS = {
    sqlite3.SQLITE_FULL: "the disk is full; free some space, then try again",
    sqlite3.SQLITE_READONLY: "the database is read-only (is the disk or folder write-protected?)",
    sqlite3.SQLITE_IOERR: "the disk reported an error (was a USB stick or network drive removed?)",
    sqlite3.SQLITE_BUSY: "another program is writing to the database; try again in a moment",
    sqlite3.SQLITE_LOCKED: "another program is writing to the database; try again in a moment",
    sqlite3.SQLITE_CANTOPEN: "the database file cannot be opened (was it moved or deleted?)",
    sqlite3.SQLITE_CORRUPT: "the database is damaged; restart medialit to recover it from a backup",
    sqlite3.SQLITE_NOTADB: "the file is not a database",
}


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def describe_sqlite_error(exc: sqlite3.Error) -> str:
    """SQLite's message, led by what it means for the user when we know (disk full, read-only)."""
    hint = _HINTS.get(primary_code(exc) or -1)
    return f"{hint} ({exc})" if hint else str(exc)
