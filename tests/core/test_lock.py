"""One app window per database: the second copy is told clearly; a killed holder leaves no
stale lock."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.core.errors import CorruptDatabaseError, DatabaseInUseError
from medialit.core.lock import InstanceLock, in_use_message, lock_path
from medialit.core.store import Store

SRC = Path(__file__).resolve().parents[2] / "src"


def test_second_lock_in_the_same_process_is_refused_with_who_holds_it(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    with InstanceLock.acquire(db) as first:
        assert first.held
        with pytest.raises(DatabaseInUseError) as info:
            InstanceLock.acquire(db)
        message = str(info.value)
        assert re.fullmatch(
            r"medialit is already open on this computer \(since \d\d:\d\d\)\. Use that window\.",
            message,
        )  # plain words: no path, no process number, no ISO time
        details = info.value.details
        assert str(db) in details and f"process {os.getpid()}" in details
        assert re.search(r"Since: \d{4}-\d\d-\d\dT", details)
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
        with pytest.raises(DatabaseInUseError) as info:
            Store.open(db, exclusive=True)
        assert f"process {child.pid}" in info.value.details
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
        with pytest.raises(DatabaseInUseError) as info:
            InstanceLock.acquire(db)
        assert str(info.value) == "medialit is already open on this computer. Use that window."


def test_in_use_message_says_when_in_clock_words() -> None:
    today = dt.date(2026, 11, 30)
    note = {"pid": 4321, "host": socket.gethostname(), "since": "2026-11-30T10:42:07+00:00"}
    local = dt.datetime.fromisoformat(note["since"]).astimezone()
    if local.date() == today:
        expected = f"(since {local:%H:%M})"
    else:
        expected = f"(since {local:%a %d %b, %H:%M})"
    assert in_use_message(note, today=today) == (
        f"medialit is already open on this computer {expected}. Use that window."
    )
    yesterday = in_use_message(note, today=dt.date(2026, 12, 1))
    assert re.search(r"since \w{3} \d\d \w{3}, \d\d:\d\d\)", yesterday)
    other = {**note, "host": "lab-pc-07"}
    assert in_use_message(other, today=today).startswith(
        "medialit is already open on another computer (since"
    )
