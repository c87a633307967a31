import hashlib
import sqlite3
from pathlib import Path

import pytest

from medialit.core.errors import NewerSchemaError, NotFoundError, StoreError
from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from tests.helpers import make_lesson


def _span(
    store: Store, start: int = 0, end: int = 4, label: Label = Label.CLAIM
) -> tuple[Span, str]:
    lesson = make_lesson()
    return Span.create(lesson.article, start, end, label), lesson.article.sha256


def test_add_update_delete_round_trip(fresh_store: Store) -> None:
    fresh_store.students.save(Student("s1", "Ann"))
    span, sha = _span(fresh_store)
    change = fresh_store.work.add_span("s1", "L1", sha, span)
    assert change.kind == "span-added" and change.span_ids == (span.id,)
    assert fresh_store.work.spans("s1", "L1") == [span]
    relabelled = span.with_label(Label.FACT).with_note("because")
    fresh_store.work.update_span(relabelled)
    assert fresh_store.work.span(span.id) == relabelled
    fresh_store.work.delete_span(span.id)
    assert fresh_store.work.spans("s1", "L1") == []
    with pytest.raises(NotFoundError):
        fresh_store.work.delete_span(span.id)


def test_work_is_kept_per_student_and_lesson(fresh_store: Store) -> None:
    for sid in ("s1", "s2"):
        fresh_store.students.save(Student(sid, sid))
    span, sha = _span(fresh_store)
    fresh_store.work.add_span("s1", "L1", sha, span)
    assert fresh_store.work.spans("s2", "L1") == []
    assert fresh_store.work.spans("s1", "L2") == []


def test_database_checks_refuse_bad_rows(fresh_store: Store) -> None:
    fresh_store.students.save(Student("s1", "Ann"))
    span, sha = _span(fresh_store)
    bad = Span(span.id, 5, 5, Label.CLAIM, "")
    with pytest.raises(StoreError):
        fresh_store.work.add_span("s1", "L1", sha, bad)
    assert fresh_store.work.spans("s1", "L1") == []


def test_each_edit_is_committed_and_visible_to_another_connection(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path)
    store.students.save(Student("s1", "Ann"))
    span, sha = _span(store)
    store.work.add_span("s1", "L1", sha, span)
    other = sqlite3.connect(path)  # no close of `store`: the edit must already be on disk
    assert other.execute("SELECT quote FROM work_spans").fetchall() == [(span.quote,)]
    other.close()
    store.close()


def test_pragmas(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    store.close()


def test_reopen_applies_no_migration_twice(tmp_path: Path) -> None:
    Store.open(tmp_path / "m.db").close()
    store = Store.open(tmp_path / "m.db")
    names = [r["name"] for r in store.db.query("SELECT name FROM _sqlite_migrations")]
    assert names == sorted(set(names))
    store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    store = Store.open(path)
    store.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('medialit', 'm999_from_the_future', 'x')"
    )
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    before = _digest(path)
    with pytest.raises(NewerSchemaError, match="newer medialit"):
        Store.open(path)
    assert _digest(path) == before


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    path.write_bytes(b"this is not a database at all" * 100)
    before = _digest(path)
    with pytest.raises(StoreError, match=str(path.name)):
        Store.open(path)
    assert _digest(path) == before


def test_unwritable_folder_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="could not create the folder for its database"):
        Store.open(blocker / "sub" / "m.db")


def test_settings(fresh_store: Store) -> None:
    assert fresh_store.settings.get("zoom", "0") == "0"
    fresh_store.settings.set("zoom", "3")
    fresh_store.settings.set("zoom", "4")
    assert fresh_store.settings.get("zoom") == "4"


def test_orphans_are_listed_apart_kept_and_deleted_only_on_request(fresh_store: Store) -> None:
    fresh_store.students.save(Student("s1", "Ann"))
    kept, sha = _span(fresh_store, 0, 4)
    lost, _ = _span(fresh_store, 5, 10, Label.FACT)
    for span in (kept, lost):
        fresh_store.work.add_span("s1", "L1", sha, span.with_note("why"))
    moved = Span(kept.id, 2, 6, kept.label, kept.quote, "ab", "", "why")
    change = fresh_store.work.apply_reanchoring(
        "s1", "L1", "f" * 64, placed=[moved], orphaned=[lost.id]
    )
    assert change.kind == "spans-reanchored" and set(change.span_ids) == {kept.id, lost.id}
    assert fresh_store.work.spans("s1", "L1") == [moved]  # never an orphan as if placeable
    (orphan,) = fresh_store.work.orphans("s1", "L1")
    assert (orphan.span, orphan.article_sha256, orphan.orphaned) == (
        lost.with_note("why"),
        sha,
        True,
    )
    assert [s.article_sha256 for s in fresh_store.work.saved_spans("s1", "L1")] == ["f" * 64, sha]

    fresh_store.work.delete_span(lost.id)  # the student's choice
    assert fresh_store.work.orphans("s1", "L1") == []
    fresh_store.work.add_span("s1", "L1", sha, orphan.span, orphaned=True)  # undo
    assert fresh_store.work.orphans("s1", "L1") == [orphan]
    assert fresh_store.work.spans("s1", "L1") == [moved]


def test_reanchoring_a_span_that_is_gone_rolls_everything_back(fresh_store: Store) -> None:
    fresh_store.students.save(Student("s1", "Ann"))
    span, sha = _span(fresh_store)
    fresh_store.work.add_span("s1", "L1", sha, span)
    before = fresh_store.work.saved_spans("s1", "L1")
    with pytest.raises(NotFoundError):
        fresh_store.work.apply_reanchoring("s1", "L1", "f" * 64, placed=[span], orphaned=["gone"])
    with pytest.raises(NotFoundError):  # another student's span is not this one's to move
        fresh_store.work.apply_reanchoring("s2", "L1", "f" * 64, placed=[span], orphaned=[])
    assert fresh_store.work.saved_spans("s1", "L1") == before
