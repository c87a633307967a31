"""The database's schema: medialit's migrations, applied in order by `Store`.

Migrations are append-only: `m001_initial`, `m002_...`. One that has been applied
anywhere is never edited (not even its SQL's whitespace); a change is a new
`m00N_*` function. `KNOWN_MIGRATIONS` lets `Store` refuse a database written by a
newer medialit (one with a migration this app does not know) untouched.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("medialit")

LABEL_CHECK = "label IN ('claim', 'fact', 'speculation', 'sourcing')"


@migrations()
def m001_initial(db: Database) -> None:
    db.execute("""
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)""")
    db.execute("""
        CREATE TABLE students (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            class_code TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL)""")
    db.execute("""
        CREATE TABLE lessons (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            body TEXT NOT NULL,
            authored INTEGER NOT NULL DEFAULT 0,
            key_updated_at TEXT,
            updated_at TEXT NOT NULL)""")
    db.execute(f"""
        CREATE TABLE work_spans (
            id TEXT PRIMARY KEY,
            student_id TEXT NOT NULL REFERENCES students(id),
            lesson_id TEXT NOT NULL,
            article_sha256 TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            label TEXT NOT NULL CHECK ({LABEL_CHECK}),
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            orphaned INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX work_spans_owner ON work_spans (student_id, lesson_id, start)")
    db.execute(f"""
        CREATE TABLE key_spans (
            id TEXT PRIMARY KEY,
            lesson_id TEXT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            label TEXT NOT NULL CHECK ({LABEL_CHECK}),
            quote TEXT NOT NULL,
            also_accept TEXT NOT NULL DEFAULT '[]',
            optional INTEGER NOT NULL DEFAULT 0,
            explanation TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX key_spans_lesson ON key_spans (lesson_id, start)")
    db.execute("""
        CREATE TABLE submissions (
            id TEXT PRIMARY KEY,
            content_sha256 TEXT NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('self', 'import')),
            lesson_id TEXT NOT NULL,
            lesson_version INTEGER NOT NULL,
            article_sha256 TEXT NOT NULL,
            student_id TEXT NOT NULL,
            student_name TEXT NOT NULL,
            class_code TEXT NOT NULL DEFAULT '',
            submitted_at TEXT NOT NULL,
            path TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (origin, content_sha256))""")
    db.execute("CREATE INDEX submissions_lesson ON submissions (lesson_id, student_id)")
    db.execute("""
        CREATE TABLE roster (
            id INTEGER PRIMARY KEY,
            class_code TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            student_id TEXT,
            UNIQUE (class_code, name))""")


@migrations()
def m002_teacher_lesson_versions(db: Database) -> None:
    """Every text version of an authored lesson, so late submissions can still be checked."""
    db.execute("""
        CREATE TABLE lesson_versions (
            lesson_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (lesson_id, version))""")
    db.execute("CREATE INDEX lesson_versions_sha ON lesson_versions (sha256)")


@migrations()
def m003_gradebook(db: Database) -> None:
    """Issue 12: per-lesson grading (points, due date, key release, classes), the teacher's
    picks, confirmed student ids, roster links (several ids per entry), email and LMS id."""
    db.execute("""
        CREATE TABLE lesson_grading (
            lesson_id TEXT PRIMARY KEY,
            out_of REAL NOT NULL DEFAULT 100 CHECK (out_of > 0),
            decimals INTEGER NOT NULL DEFAULT 1 CHECK (decimals IN (0, 1)),
            zero_for_missing INTEGER NOT NULL DEFAULT 0,
            due_at TEXT NOT NULL DEFAULT '',
            key_released_at TEXT NOT NULL DEFAULT '',
            class_codes TEXT NOT NULL DEFAULT '[]')""")
    db.execute("""
        CREATE TABLE graded_picks (
            submission_id TEXT PRIMARY KEY,
            lesson_id TEXT NOT NULL,
            picked_at TEXT NOT NULL)""")
    db.execute("""
        CREATE TABLE confirmed_ids (
            student_id TEXT NOT NULL,
            name_key TEXT NOT NULL,
            confirmed_at TEXT NOT NULL,
            PRIMARY KEY (student_id, name_key))""")
    db.execute("""
        CREATE TABLE roster_links (
            student_id TEXT PRIMARY KEY,
            roster_id INTEGER NOT NULL REFERENCES roster(id) ON DELETE CASCADE,
            linked_at TEXT NOT NULL)""")
    db.execute("ALTER TABLE roster ADD COLUMN email TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE roster ADD COLUMN lms_id TEXT NOT NULL DEFAULT ''")
    db.execute("""
        INSERT OR IGNORE INTO roster_links (student_id, roster_id, linked_at)
        SELECT student_id, id, '' FROM roster WHERE student_id IS NOT NULL AND student_id != ''""")


KNOWN_MIGRATIONS = {m.name for m in migrations._migrations}
