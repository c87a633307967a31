"""The glance (core/glance.py): start-up's first look at the database reads what the store's
tables read, writes nothing, checks nothing, needs no sqlite-utils, and gives up (None) on
any file it does not know."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from medialit.core import glance as glance_module
from medialit.core import schema
from medialit.core.errors import StoreError
from medialit.core.glance import glance
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Label, Span
from medialit.core.prefs import Prefs
from medialit.core.records import Student
from medialit.core.store import Store

LESSON = load_lesson(default_lesson_path())


def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "medialit.db"
    store = Store.open(db)
    store.students.save(Student("s1", "Ann", "7B"))
    prefs = Prefs(store)
    prefs.set_current_student("s1")
    prefs.set_zoom(3)
    for start, end, label in ((0, 4, Label.CLAIM), (5, 12, Label.FACT)):
        span = Span.create(LESSON.article, start, end, label, note="why")
        store.work.add_span("s1", LESSON.id, LESSON.article.sha256, span)
    store.close()
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_glance_reads_what_the_store_reads_and_writes_nothing(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    before = _digest(db)
    seen = glance(db)
    assert seen is not None and seen.glancing and seen.read_only
    store = Store.open(db, read_only=True)  # sqlite-utils, as the app reads it
    for read in (
        lambda s: s.work.saved_spans("s1", LESSON.id),
        lambda s: s.students.get("s1"),
        lambda s: Prefs(s).zoom(),
        lambda s: Prefs(s).current_student(),
        lambda s: s.submissions.own("s1", LESSON.id),
        lambda s: s.lessons.remembered(),
    ):
        assert read(seen) == read(store)
    with pytest.raises(StoreError):
        seen.students.save(Student("s2", "Bob"))  # every write refused
    seen.close()
    store.close()
    assert _digest(db) == before
    wal = db.with_name(db.name + "-wal")  # a reader of a WAL database makes it, empty
    assert not wal.exists() or wal.stat().st_size == 0


def test_no_glance_at_what_it_does_not_know(tmp_path: Path) -> None:
    assert glance(tmp_path / "missing.db") is None
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_bytes(b"this is not a database" * 100)
    assert glance(not_sqlite) is None
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE settings (key TEXT, value TEXT)")
    assert glance(other) is None  # an SQLite file of another program
    (tmp_path / "newer").mkdir()
    newer = seeded(tmp_path / "newer")
    with sqlite3.connect(newer) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('medialit', 'm999_future', '2030-01-01')"
        )
    assert glance(newer) is None  # a newer medialit may have moved what the reads expect
    assert _digest(not_sqlite) == hashlib.sha256(b"this is not a database" * 100).hexdigest()


def test_the_glance_knows_every_migration_the_schema_has() -> None:
    """A migration added to core.schema and not to core.glance means no glance at all
    (start-up opens the store first, slowly): this test says to add it."""
    assert glance_module.KNOWN_MIGRATIONS == schema.KNOWN_MIGRATIONS
