"""A first look at the database, read-only, so start-up can paint before the store is open.

Opening the store costs more than the whole window: importing sqlite-utils (click,
pluggy, dateutil, ...), `quick_check`, reading every value, the migrations and a
backup. The student's last lesson, name, preferences and saved spans are a few
rows, so start-up reads them first through `glance(path)`: the same table objects
and SQL as the store (`store.settings`, `store.work`, ...), over a read-only
connection of the standard library's sqlite3 (`Glimpse` answers the one read
call the tables make, `query`). The window is shown from that, with every edit
disabled, and the real store replaces the glance once it is open
(`Session.attach`); what the glance showed was committed, so nothing shown is
untrue, and a span saved on another text is not shown until the store has
re-anchored it.

A glance checks nothing and writes nothing, ever: the `Store` it makes is
read-only and `glancing`. Any surprise (no file, not a medialit database, text
that is not UTF-8, a newer schema) means no glance, and start-up opens the store
first, as it always did.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from medialit.core.store import Store

if TYPE_CHECKING:
    from sqlite_utils import Database

NEEDED = ("settings", "students", "lessons", "work_spans", "submissions", "_sqlite_migrations")
KNOWN_MIGRATIONS = frozenset({"m001_initial", "m002_teacher_lesson_versions", "m003_gradebook"})
"""`schema.KNOWN_MIGRATIONS`, written out: `schema` imports sqlite-utils. A migration added
there and not here only means no glance (a test says so)."""


class Glimpse:
    """What the tables' reads ask of sqlite-utils' `Database`, on a plain sqlite3 connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, sql: str, params: Sequence[object] | None = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts, as `Database.query` gives them."""
        cursor = self.conn.execute(sql, params or [])
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def execute(self, sql: str, params: Sequence[object] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, params or [])


def glance(path: Path) -> Store | None:
    """The database at `path` to read from, read-only and unchecked, or None if there is no
    medialit database there that this app knows (then the store is opened first)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        if not _known(conn):
            conn.close()
            return None
    except sqlite3.Error:
        conn.close()
        return None
    store = Store(cast("Database", Glimpse(conn)), path)  # the read calls only: see Glimpse
    store.read_only = store.glancing = True
    return store


def _known(conn: sqlite3.Connection) -> bool:
    """A medialit database with only the migrations this app knows (a newer one may have
    moved what the reads expect)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not set(NEEDED) <= tables:
        return False
    applied = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'medialit'"
        )
    }
    return applied <= KNOWN_MIGRATIONS
