"""`store.grading` and the roster's links (migration m003_gradebook): what the teacher decides
for a lesson's grades is kept, and a key release moment never moves once recorded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from medialit.core.store import Store
from medialit.core.teacher_records import LessonGrading


def test_a_lesson_nobody_decided_for_has_the_defaults(fresh_store: Store) -> None:
    assert fresh_store.grading.of("L1") == LessonGrading("L1")
    assert not fresh_store.grading.decided("L1")


def test_grading_is_saved_and_the_first_key_release_counts(fresh_store: Store) -> None:
    g = LessonGrading("L1", 10.0, 0, True, "2026-03-01T10:00:00+00:00", "", ("8A", "8B"))
    fresh_store.grading.save(g)
    assert fresh_store.grading.of("L1") == g
    fresh_store.grading.release_key("L1", at="2026-03-02T09:00:00+00:00")
    fresh_store.grading.release_key("L1", at="2026-03-05T09:00:00+00:00")  # a second export
    assert fresh_store.grading.of("L1").key_released_at == "2026-03-02T09:00:00+00:00"
    fresh_store.grading.save(g)  # saving the settings keeps the release
    assert fresh_store.grading.of("L1").key_released_at == "2026-03-02T09:00:00+00:00"
    assert fresh_store.grading.decided("L1")


def test_picks_replace_the_same_students_earlier_pick(fresh_store: Store) -> None:
    fresh_store.grading.pick("L1", "sub-a")
    fresh_store.grading.pick("L1", "sub-b", instead_of=["sub-a"])
    fresh_store.grading.pick("L2", "sub-c")
    assert fresh_store.grading.picks("L1") == {"sub-b"}
    fresh_store.grading.unpick("L1", ["sub-b"])
    assert fresh_store.grading.picks("L1") == frozenset()
    fresh_store.grading.confirm_id("laptop-1", "ben ng")
    assert fresh_store.grading.confirmed_ids() == {("laptop-1", "ben ng")}


def test_a_roster_link_made_before_the_migration_becomes_a_link(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = Store.open(path)
    store.close()
    conn = sqlite3.connect(path)  # as a database written before m003 would have it
    conn.execute("DROP TABLE roster_links")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_gradebook'")
    conn.execute(
        "CREATE TABLE roster2 AS SELECT id, class_code, name, NULL AS student_id FROM roster"
    )
    conn.execute("DROP TABLE roster")
    conn.execute(
        "CREATE TABLE roster (id INTEGER PRIMARY KEY, class_code TEXT NOT NULL DEFAULT '', "
        "name TEXT NOT NULL, student_id TEXT, UNIQUE (class_code, name))"
    )
    conn.execute("DROP TABLE roster2")
    for table in ("lesson_grading", "graded_picks", "confirmed_ids"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("INSERT INTO roster (class_code, name, student_id) VALUES ('8A', 'Ann', 'ann-id')")
    conn.commit()
    conn.close()
    store = Store.open(path)
    (ann,) = store.roster.entries()
    assert (ann.name, ann.student_ids, ann.email, ann.lms_id) == ("Ann", ("ann-id",), "", "")
    store.close()
