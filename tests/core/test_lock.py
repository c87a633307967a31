"""One app window per database: the second copy is told clearly; a killed holder leaves no
stale lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.core.errors import CorruptDatabaseError, DatabaseInUseError
from medialit.core.lock import InstanceLock, lock_path
from medialit.core.store import Store

SRC = Path(__file__).resolve().parents[2] / "src"


def test_second_lock_in_the_same_process_is_refused_with_who_holds_it(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    with InstanceLock.acquire(db) as first:
        assert first.held
        with pytest.raises(DatabaseInUseError) as info:
            InstanceLock.acquire(db)
        message = str(info.value)
        assert "already open" in message and str(db) in message
        assert f"process {os.getpid()}" in message
    assert not first.held
    InstanceLock.acquire(db).release()  # free again after release


def test_exclusive_store_holds_the_lock_until_closed(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    store = Store.open(db, exclusive=True)
    with pytest.raises(DatabaseInUseError):
        Store.open(db, exclusive=True)
    reader = Store.open(db)  # tools that do not ask for the lock still work (SQLite is safe)
    reader.close()
    store.close()
    Store.open(db, exclusive=True).close()


def test_failed_open_does_not_keep_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    db.write_bytes(b"not a database" * 100)
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        Store.open(db, exclusive=True)
    InstanceLock.acquire(db).release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_lock_of_another_process_and_no_stale_lock_after_it_is_killed(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    code = (
        "import sys, time\n"
        "from medialit.core.store import Store\n"
        f"store = Store.open({str(db)!r}, exclusive=True)\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUseError, match=f"process {child.pid}"):
            Store.open(db, exclusive=True)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert lock_path(db).exists()  # the file stays; the OS lock died with the process
    store = Store.open(db, exclusive=True)
    store.close()


def test_unreadable_holder_note_still_gives_a_message(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    with InstanceLock.acquire(db):
        lock_path(db).write_bytes(b"\xff garbage")
        with pytest.raises(DatabaseInUseError, match="already open"):
            InstanceLock.acquire(db)
