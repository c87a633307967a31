"""What is not promised (README, Reliability): a damaged WAL file loses the commits after the
damage. SQLite replays the log up to the first frame whose checksum fails and drops the
rest without a word: the database opens, passes every check, and lacks those edits. This
test pins that behaviour down, so the README's sentence stays true; backups are the remedy."""

from __future__ import annotations

import shutil
from pathlib import Path

from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from tests.helpers import make_lesson

LESSON = make_lesson()


def test_a_damaged_wal_frame_silently_drops_every_later_commit(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    store = Store.open(db)
    store.students.save(Student("s1", "Ann"))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the edits below live in the WAL only
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(10):
        span = Span.create(LESSON.article, i * 5, i * 5 + 4, Label.CLAIM)
        store.work.add_span("s1", "L1", LESSON.article.sha256, span)
    crashed = tmp_path / "crashed.db"  # the files as a power cut would leave them
    shutil.copy(db, crashed)
    shutil.copy(f"{db}-wal", f"{crashed}-wal")
    store.close()

    wal = Path(f"{crashed}-wal")
    data = bytearray(wal.read_bytes())
    page = int.from_bytes(data[8:12], "big")
    frame = 24 + page
    frames = (len(data) - 32) // frame
    middle = 32 + frame * (frames // 2) + 24 + 64  # a byte in the middle frame's page
    data[middle] ^= 0xFF
    wal.write_bytes(bytes(data))

    reopened = Store.open(crashed)  # no error: SQLite cannot tell damage from the log's end
    kept = reopened.work.spans("s1", "L1")
    assert 0 < len(kept) < 10
    assert [s.start for s in kept] == [i * 5 for i in range(len(kept))]  # a prefix survives
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()
