"""Issue 13: one garbled text cell locked a student out. quick_check said ok, start-up died
with "Could not decode to UTF-8 column 'quote'", nothing was moved aside, and the bad file
became the newest "good" backup. Text that is not UTF-8 is damage: found by reading."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from medialit.core.errors import CorruptDatabaseError, MedialitError, StoreError
from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.core.store_checks import check_database_file, newest_good_backup
from tests.helpers import make_lesson

LESSON = make_lesson()
T0 = dt.datetime(2026, 3, 1, 9, 0, 0, tzinfo=dt.UTC)


def _work(db: Path, spans: int = 3) -> Store:
    store = Store.open(db)
    store.students.save(Student("s1", "Ann"))
    for i in range(spans):
        span = Span.create(LESSON.article, i * 5, i * 5 + 4, Label.CLAIM)
        store.work.add_span("s1", "L1", LESSON.article.sha256, span)
    return store


def garble(db: Path, column: str = "quote") -> None:
    """What a bad sector or a stray writer can leave: bytes that are not UTF-8 in a TEXT cell."""
    conn = sqlite3.connect(db)
    conn.execute(
        f"UPDATE work_spans SET {column} = CAST(x'4261ff6477696e' AS TEXT) "
        "WHERE rowid = (SELECT min(rowid) FROM work_spans)"
    )
    conn.commit()
    conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_garbled_text_passes_quick_check_but_is_refused_at_open(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    _work(db).close()
    garble(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    before = _digest(db)
    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(db)
    assert "cannot be read" in str(caught.value)
    assert _digest(db) == before  # refused untouched


def test_a_backup_with_garbled_text_is_not_a_good_backup(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    store = _work(db)
    good = store.backup(now=T0)
    store.work.add_span(
        "s1", "L1", LESSON.article.sha256, Span.create(LESSON.article, 40, 44, Label.FACT)
    )
    newer = store.backup(now=T0 + dt.timedelta(hours=1))
    store.close()
    garble(newer)
    problem = check_database_file(newer)
    assert problem is not None and "cannot be read" in problem
    found = newest_good_backup(db)
    assert found is not None and found.path == good


def test_no_backup_is_taken_of_a_file_that_fails_to_read(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    store = _work(db)
    store.backup(now=T0)
    garble(db)  # damage while the app has it open
    with pytest.raises(StoreError, match="cannot be read"):
        store.backup(now=T0 + dt.timedelta(hours=2))
    assert len(store.backups()) == 1
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [store.backups()[0].path.name]
    store.close()


def test_a_later_read_of_garbled_text_is_damage_in_plain_words(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    store = _work(db)
    garble(db)
    with pytest.raises(MedialitError) as caught:
        store.work.spans("s1", "L1")
    assert isinstance(caught.value, StoreError)
    assert "damaged" in str(caught.value) and "backup" in str(caught.value)
    assert store.damaged
    store.close()


def test_read_only_open_keeps_what_can_be_read_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    _work(db).close()
    garble(db)
    before = _digest(db)
    store = Store.open(db, read_only=True)
    spans = store.work.spans("s1", "L1")
    assert len(spans) == 3 and "\ufffd" in spans[0].quote  # the bad bytes shown as �
    with pytest.raises(StoreError, match="read-only"):
        store.work.add_span(
            "s1", "L1", LESSON.article.sha256, Span.create(LESSON.article, 40, 44, Label.FACT)
        )
    with pytest.raises(StoreError):
        store.backup()
    store.close()
    assert _digest(db) == before


def test_an_io_error_is_not_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A USB stick pulled out: the write says why and is not saved; nothing is called damaged."""
    store = _work(tmp_path / "medialit.db")

    def pulled(*_args: object, **_kw: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store.db, "atomic", pulled)
    with pytest.raises(StoreError) as caught:
        store.work.add_span(
            "s1", "L1", LESSON.article.sha256, Span.create(LESSON.article, 40, 44, Label.FACT)
        )
    assert not isinstance(caught.value, CorruptDatabaseError)
    assert not store.damaged
    monkeypatch.undo()
    assert len(store.work.spans("s1", "L1")) == 3
    store.close()
