"""Rolling backups (SQLite backup API), restore in place, and moving damaged files aside."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from medialit.core import backup as rolling
from medialit.core.errors import StoreError
from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.core.store_checks import check_database_file, newest_good_backup
from tests.helpers import make_lesson

LESSON = make_lesson()
T0 = dt.datetime(2026, 3, 1, 9, 0, 0, tzinfo=dt.UTC)


def _store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "medialit.db")
    store.students.save(Student("s1", "Ann"))
    return store


def _add(store: Store, start: int = 0, label: Label = Label.CLAIM) -> Span:
    span = Span.create(LESSON.article, start, start + 4, label)
    store.work.add_span("s1", "L1", LESSON.article.sha256, span)
    return span


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM work_spans").fetchone()[0])
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_a_checked_self_contained_copy_named_by_time(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _add(store)
    made = store.backup(now=T0)
    assert made == tmp_path / "backups" / "medialit-20260301-090000.db"
    assert check_database_file(made) is None
    assert _count(made) == 1
    assert not Path(f"{made}-wal").exists()  # DELETE journal mode: one file
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [made.name]  # no temp left
    store.close()


def test_an_unchanged_database_is_not_backed_up_twice(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = store.backup(now=T0)
    assert store.backup(now=T0 + dt.timedelta(hours=2)) == first
    assert len(store.backups()) == 1
    store.close()


def test_keeps_only_the_newest_n_and_n_is_a_setting(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.set_backup_keep(3)
    for i in range(6):
        _add(store, start=i)
        store.backup(now=T0 + dt.timedelta(minutes=i))
    kept = store.backups()
    assert [b.taken_at.minute for b in kept] == [5, 4, 3]
    assert [_count(b.path) for b in kept] == [6, 5, 4]
    _add(store, start=7)
    store.backup(now=T0 + dt.timedelta(minutes=9))
    assert len(store.backups()) == 3  # never fewer than MIN_KEEP
    store.close()


@pytest.mark.parametrize("bad", [0, -1, 1, 2, 1001, True])
def test_backup_keep_must_be_sensible(fresh_store: Store, bad: int) -> None:
    with pytest.raises(StoreError, match="backups to keep"):
        fresh_store.set_backup_keep(bad)


def test_a_broken_keep_setting_falls_back_to_the_default(fresh_store: Store) -> None:
    assert fresh_store.backup_keep() == rolling.DEFAULT_KEEP
    fresh_store.settings.set(rolling.KEEP_SETTING, "lots")
    assert fresh_store.backup_keep() == rolling.DEFAULT_KEEP


@pytest.mark.parametrize("stored", ["1", "2", "0", "-5"])
def test_a_stored_keep_below_three_keeps_three(tmp_path: Path, stored: str) -> None:
    """A value an older medialit let through (or typing passed through) never prunes below 3."""
    store = _store(tmp_path)
    store.settings.set(rolling.KEEP_SETTING, stored)
    for i in range(5):
        _add(store, start=i)
        store.backup(now=T0 + dt.timedelta(minutes=i))
    assert store.backup_keep() >= rolling.MIN_KEEP
    assert len(store.backups()) >= rolling.MIN_KEEP
    rolling.prune(tmp_path / "medialit.db", keep=1)
    assert len(store.backups()) == rolling.MIN_KEEP
    store.close()


@pytest.mark.parametrize("keep", [3, 4, 10])
def test_restoring_the_oldest_backup_works_and_keeps_the_present(tmp_path: Path, keep: int) -> None:
    """Issue 13: restore_from() backed up the present first, which pruned the very backup
    being restored, then failed ("the database file cannot be opened")."""
    store = _store(tmp_path)
    store.set_backup_keep(keep)
    for i in range(keep):
        _add(store, start=i)
        store.backup(now=T0 + dt.timedelta(minutes=i))
    oldest = store.backups()[-1]
    assert _count(oldest.path) == 1
    _add(store, start=20)
    present = len(store.work.spans("s1", "L1"))
    store.restore_from(oldest.path)
    assert len(store.work.spans("s1", "L1")) == 1
    kept = store.backups()
    assert _count(kept[0].path) == present  # the state before the restore is a backup
    assert oldest.path.exists()  # the restored backup is still there to come back to
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_every_backup_can_be_restored_in_turn(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.set_backup_keep(3)
    for i in range(3):
        _add(store, start=i)
        store.backup(now=T0 + dt.timedelta(minutes=i))
    for backup in list(reversed(store.backups())):
        if backup.path.exists():
            store.restore_from(backup.path)
            assert len(store.work.spans("s1", "L1")) == _count(backup.path)
    store.close()


def test_two_backups_in_one_second_get_distinct_names_in_order(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _add(store, 0)
    a = store.backup(now=T0)
    _add(store, 5)
    b = store.backup(now=T0)
    assert a != b and b.name == "medialit-20260301-090000-2.db"
    assert [x.path for x in store.backups()] == [b, a]
    store.close()


def test_backup_if_due_at_most_hourly_and_only_after_changes(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.backup(now=T0)
    assert store.backup_if_due(now=T0 + dt.timedelta(hours=5)) is None  # nothing changed
    _add(store)
    assert store.backup_if_due(now=T0 + dt.timedelta(minutes=59)) is None  # too soon
    made = store.backup_if_due(now=T0 + dt.timedelta(minutes=61))
    assert made is not None and _count(made) == 1
    store.close()


def test_memory_store_has_no_backups(fresh_store: Store) -> None:
    assert fresh_store.backups() == []
    assert fresh_store.backup_if_due() is None
    with pytest.raises(StoreError, match="in-memory"):
        fresh_store.backup()


def test_unwritable_backup_folder_is_a_store_error(tmp_path: Path) -> None:
    store = _store(tmp_path)
    (tmp_path / "backups").write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="could not write a backup"):
        store.backup()
    _add(store)  # the store itself is unharmed
    store.close()


def test_listing_ignores_other_databases_and_junk(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in (
        "other-20260301-090000.db",
        "medialit-2026-03-01.db",
        "medialit-20261399-999999.db",
        ".medialit.abc.tmp",
        "medialit-20260301-090000.db.txt",
    ):
        (folder / name).write_text("x")
    (folder / "medialit-20260301-090000.db").write_text("x")
    names = [b.path.name for b in rolling.list_backups(tmp_path / "medialit.db")]
    assert names == ["medialit-20260301-090000.db"]


def test_stale_temporary_files_from_a_crash_are_cleared(tmp_path: Path) -> None:
    import os

    store = _store(tmp_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    stale, fresh = folder / ".medialit.dead.tmp", folder / ".medialit.live.tmp"
    stale.write_text("half a backup")
    fresh.write_text("a backup being written right now")
    os.utime(stale, (0, 0))
    store.backup()
    assert not stale.exists() and fresh.exists()
    store.close()


def test_restore_replaces_content_in_place_and_keeps_the_present_as_a_backup(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path)
    first = _add(store, 0)
    old = store.backup(now=T0)
    _add(store, 5, Label.FACT)
    other = sqlite3.connect(tmp_path / "medialit.db")  # e.g. a CLI reading at the same time
    change = store.restore_from(old)
    assert change.kind == "restored"
    assert store.work.spans("s1", "L1") == [first]
    assert other.execute("SELECT count(*) FROM work_spans").fetchone()[0] == 1
    other.close()
    newest = store.backups()[0]
    assert _count(newest.path) == 2  # what was there before the restore
    _add(store, 10)  # same connection, still writable
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    reopened = Store.open(tmp_path / "medialit.db")
    assert len(reopened.work.spans("s1", "L1")) == 2
    reopened.close()


def test_restore_refuses_files_that_are_not_good_backups(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _add(store)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite" * 200)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (x)")
    conn.commit()
    conn.close()
    for bad, reason in (
        (junk, "not a database"),
        (foreign, "not a medialit database"),
        (tmp_path / "missing.db", "does not exist"),
    ):
        with pytest.raises(StoreError, match=reason):
            store.restore_from(bad)
    assert len(store.work.spans("s1", "L1")) == 1
    store.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\x5a" * (4096 * 2)
    path.write_bytes(bytes(data))


def test_newest_good_backup_skips_damaged_ones(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _add(store, 0)
    good = store.backup(now=T0)
    _add(store, 5)
    bad = store.backup(now=T0 + dt.timedelta(minutes=1))
    store.close()
    _damage(bad)
    assert check_database_file(bad) is not None
    found = newest_good_backup(tmp_path / "medialit.db")
    assert found is not None and found.path == good


def test_quarantine_moves_file_and_wal_aside_never_overwriting(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    db.write_bytes(b"damaged")
    Path(f"{db}-wal").write_bytes(b"wal")
    taken = tmp_path / "medialit-damaged-20260301-090000.db"
    taken.write_bytes(b"an earlier damaged file")
    moved = rolling.quarantine(db, now=T0)
    assert moved == tmp_path / "medialit-damaged-20260301-090000-2.db"
    assert moved.read_bytes() == b"damaged" and Path(f"{moved}-wal").read_bytes() == b"wal"
    assert taken.read_bytes() == b"an earlier damaged file"
    assert not db.exists() and not Path(f"{db}-wal").exists()


def test_install_copy_never_overwrites(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _add(store)
    made = store.backup()
    store.close()
    with pytest.raises(FileExistsError):
        rolling.install_copy(made, tmp_path / "medialit.db")
    rolling.install_copy(made, tmp_path / "new.db")
    assert check_database_file(tmp_path / "new.db") is None
    assert _count(tmp_path / "new.db") == 1
