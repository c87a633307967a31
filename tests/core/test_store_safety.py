"""Opening checks (quick_check, foreign and read-only files) and write failures (disk full,
read-only): a clear StoreError, nothing half-written, nothing overwritten, the store still usable."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from medialit.core.errors import CorruptDatabaseError, StoreError
from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from tests.helpers import make_lesson

LESSON = make_lesson()
SRC = Path(__file__).resolve().parents[2] / "src"
PAGE = 4096


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A medialit database of several pages, checkpointed into one file."""
    path = tmp_path_factory.mktemp("good") / "medialit.db"
    store = Store.open(path)
    store.students.save(Student("s1", "Ann"))
    for i in range(200):
        span = Span.create(LESSON.article, i % 20, i % 20 + 3, Label.CLAIM, note="n" * 200)
        store.work.add_span("s1", "L1", LESSON.article.sha256, span)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def _header_garbage(b: bytearray) -> bytearray:
    return bytearray(b"X" * 16) + b[16:]


def _page_garbage(b: bytearray) -> bytearray:
    return b[: PAGE * 2] + bytearray(b"\xa5" * PAGE) + b[PAGE * 3 :]


def _zeroed_pages(b: bytearray) -> bytearray:
    return b[: PAGE * 5] + bytearray(PAGE * 3) + b[PAGE * 8 :]


def _truncated(b: bytearray) -> bytearray:
    return b[: len(b) // 2]


def _bad_page_size(b: bytearray) -> bytearray:
    return b[:16] + bytearray(b"\x00\x03") + b[18:]


def _last_page_zeroed(b: bytearray) -> bytearray:
    return b[:-PAGE] + bytearray(PAGE)


@pytest.mark.parametrize(
    "damage",
    [
        _header_garbage,
        _page_garbage,
        _zeroed_pages,
        _truncated,
        _bad_page_size,
        _last_page_zeroed,
    ],
)
def test_damaged_database_is_refused_untouched(
    tmp_path: Path, good_db: Path, damage: Callable[[bytearray], bytearray]
) -> None:
    path = tmp_path / "medialit.db"
    path.write_bytes(bytes(damage(bytearray(good_db.read_bytes()))))
    before = _digest(path)
    with pytest.raises(CorruptDatabaseError) as info:
        Store.open(path)
    assert info.value.path == str(path)
    assert "damaged" in str(info.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["medialit.db"]


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 100, b"\x00" * 8192, b"SQLite format 3\x00" * 64],
)
def test_non_sqlite_files_are_corrupt_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "medialit.db"
    path.write_bytes(content)
    with pytest.raises(CorruptDatabaseError):
        Store.open(path)
    assert path.read_bytes() == content


def test_empty_file_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "medialit.db"
    path.touch()
    Store.open(path).close()
    assert path.stat().st_size > 0


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="another program") as info:
        Store.open(path)
    assert not isinstance(info.value, CorruptDatabaseError)
    assert _digest(path) == before


# -- read-only files and folders -----------------------------------------------------------


def _unprivileged_prefix() -> list[str] | None:
    """Root ignores file permissions; as root, run the child without the capabilities that
    let it (util-linux `setpriv`), or give up (None) where that is impossible."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    drop = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    probe = subprocess.run([*drop, "true"], capture_output=True, check=False)
    return drop if probe.returncode == 0 else None


def _open_unprivileged(db: Path) -> subprocess.CompletedProcess[str]:
    """Store.open in a child process for which file permissions apply."""
    prefix = _unprivileged_prefix()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    code = (
        "import sys\n"
        "from medialit.core.store import Store\n"
        "from medialit.core.errors import StoreError\n"
        "try:\n"
        f"    Store.open({str(db)!r}).close()\n"
        "except StoreError as exc:\n"
        "    print('StoreError:', exc)\n"
        "    sys.exit(3)\n"
        "print('opened')\n"
    )
    return subprocess.run(
        [*prefix, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": os.environ.get("PATH", "")},
        check=False,
        timeout=60,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_database_file_is_refused_clearly(tmp_path: Path, good_db: Path) -> None:
    db = tmp_path / "medialit.db"
    shutil.copy(good_db, db)
    db.chmod(0o444)
    before = _digest(db)
    try:
        out = _open_unprivileged(db)
    finally:
        db.chmod(0o644)
    assert out.returncode == 3, out.stdout + out.stderr
    assert "is read-only" in out.stdout and str(db) in out.stdout
    assert _digest(db) == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_folder_is_refused_clearly(tmp_path: Path, good_db: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(good_db, folder / "medialit.db")
    folder.chmod(0o555)
    try:
        out = _open_unprivileged(folder / "medialit.db")
    finally:
        folder.chmod(0o755)
    assert out.returncode == 3, out.stdout + out.stderr
    assert "folder" in out.stdout and "read-only" in out.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["medialit.db"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_writable_database_opens_unprivileged(tmp_path: Path, good_db: Path) -> None:
    """The control for the two tests above: the same child opens a database it may write."""
    shutil.copy(good_db, tmp_path / "medialit.db")
    out = _open_unprivileged(tmp_path / "medialit.db")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip() == "opened"


# -- write failures: disk full, read-only disk ----------------------------------------------


def _big_span(start: int = 0) -> Span:
    return Span.create(LESSON.article, start, start + 4, Label.CLAIM, note="x" * 5000)


def _fill_disk(store: Store) -> None:
    """SQLite's max_page_count makes the database 'full' at its present size."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_gives_a_clear_error_and_nothing_is_written(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "medialit.db")
    store.students.save(Student("s1", "Ann"))
    _fill_disk(store)
    with pytest.raises(StoreError, match="disk is full") as info:
        store.work.add_span("s1", "L1", LESSON.article.sha256, _big_span())
    assert "could not save to" in str(info.value) and "medialit.db" in str(info.value)
    assert store.work.spans("s1", "L1") == []
    assert not store.db.conn.in_transaction
    store.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    store.work.add_span("s1", "L1", LESSON.article.sha256, _big_span())
    assert len(store.work.spans("s1", "L1")) == 1
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_disk_turned_read_only_gives_a_clear_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "medialit.db")
    store.students.save(Student("s1", "Ann"))
    store.db.execute("PRAGMA query_only = ON")  # what SQLite reports for a read-only medium
    with pytest.raises(StoreError, match="read-only"):
        store.work.add_span("s1", "L1", LESSON.article.sha256, _big_span())
    store.db.execute("PRAGMA query_only = OFF")
    assert store.work.spans("s1", "L1") == []
    store.work.add_span("s1", "L1", LESSON.article.sha256, _big_span())
    store.close()


def test_busy_database_gives_a_clear_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "medialit.db")
    store.students.save(Student("s1", "Ann"))
    store.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(tmp_path / "medialit.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="another program is writing"):
            store.work.add_span("s1", "L1", LESSON.article.sha256, _big_span())
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.work.add_span("s1", "L1", LESSON.article.sha256, _big_span())
    store.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_folder_is_explained_by_the_app_lock_too(tmp_path: Path) -> None:
    """The app takes its lock before opening: in a read-only folder it must say the same."""
    prefix = _unprivileged_prefix()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    code = (
        "from medialit.core.store import Store\n"
        "from medialit.core.errors import StoreError\n"
        "try:\n"
        f"    Store.open({str(folder / 'medialit.db')!r}, exclusive=True)\n"
        "except StoreError as exc:\n"
        "    print(exc)\n"
    )
    try:
        out = subprocess.run(
            [*prefix, sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(SRC), "PATH": os.environ.get("PATH", "")},
            check=False,
            timeout=60,
        )
    finally:
        folder.chmod(0o755)
    assert "is read-only" in out.stdout and str(folder) in out.stdout, out.stdout + out.stderr
