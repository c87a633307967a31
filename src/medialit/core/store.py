"""The database: every read and write medialit makes, through sqlite-utils.

Each edit is its own committed transaction (`with self.db.atomic()`), made the
moment the user acts: a crash or power cut loses nothing the user saw as saved.
WAL with synchronous=FULL makes each COMMIT durable before it returns.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from medialit.core.errors import NewerSchemaError, NotFoundError, StoreError
from medialit.core.model import KeySpan, Label, Lesson, Span, SpanId

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


KNOWN_MIGRATIONS = {m.name for m in migrations._migrations}


def now() -> str:
    """UTC timestamp with microseconds, sortable as text."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed, so each view can decide what to refresh (Anki's OpChanges)."""

    kind: str
    lesson_id: str = ""
    span_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Student:
    id: str
    name: str
    class_code: str = ""


# -- teacher: authored lessons, key spans, imported submissions, roster ------------------
# Additive to the student-side methods of `Store` below, which inherits them.


@dataclass(frozen=True, slots=True)
class LessonRow:
    """An authored lesson as listed for the teacher."""

    id: str
    version: int
    title: str
    sha256: str
    key_updated_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class StoredSubmission:
    """One imported submission file; `current` marks a student's newest one for the lesson."""

    id: str
    content_sha256: str
    lesson_id: str
    lesson_version: int
    article_sha256: str
    student_id: str
    student_name: str
    class_code: str
    submitted_at: str
    path: str
    body: dict[str, Any]
    recorded_at: str
    current: bool


@dataclass(frozen=True, slots=True)
class SubmissionRecord:
    """What `record_submissions` stores for one checked file."""

    content_sha256: str
    lesson_id: str
    lesson_version: int
    article_sha256: str
    student_id: str
    student_name: str
    class_code: str
    submitted_at: str
    path: str
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RosterEntry:
    id: int
    class_code: str
    name: str
    student_id: str | None = None


def _key_row(lesson_id: str, k: KeySpan) -> dict[str, Any]:
    return {
        "id": k.id,
        "lesson_id": lesson_id,
        "start": k.start,
        "end": k.end,
        "label": k.label.value,
        "quote": k.quote,
        "also_accept": json.dumps(sorted(label.value for label in k.also_accept)),
        "optional": int(k.optional),
        "explanation": k.explanation,
    }


def _key_from_row(row: dict[str, Any]) -> KeySpan:
    return KeySpan(
        id=row["id"],
        start=row["start"],
        end=row["end"],
        label=Label(row["label"]),
        quote=row["quote"],
        also_accept=frozenset(Label(v) for v in json.loads(row["also_accept"])),
        optional=bool(row["optional"]),
        explanation=row["explanation"],
    )


_SUBMISSION_COLUMNS = (
    "id, content_sha256, lesson_id, lesson_version, article_sha256, student_id, student_name, "
    "class_code, submitted_at, path, body, recorded_at"
)


class TeacherStoreMixin:
    """The teacher's reads and writes. Each write is one transaction returning a Change."""

    db: Database

    if TYPE_CHECKING:

        def write(self) -> AbstractContextManager[Database]: ...

    # -- authored lessons ------------------------------------------------------------

    def is_authored(self, lesson_id: str) -> bool:
        return bool(self.db.table("lessons").count_where("id = ? AND authored = 1", [lesson_id]))

    def save_authored_lesson(
        self,
        lesson: Lesson,
        body: dict[str, Any],
        key: Sequence[KeySpan],
        *,
        key_changed: bool = True,
    ) -> Change:
        """Create or replace an authored lesson (body without the key) and its whole key."""
        stamp = now()
        with self.write() as db:
            previous = list(
                db.query("SELECT key_updated_at FROM lessons WHERE id = ?", [lesson.id])
            )
            key_stamp = (
                stamp if key_changed or not previous else previous[0]["key_updated_at"] or stamp
            )
            db.table("lessons").upsert(
                {
                    "id": lesson.id,
                    "version": lesson.version,
                    "title": lesson.title,
                    "kind": "lesson",
                    "sha256": lesson.article.sha256,
                    "body": json.dumps(body, ensure_ascii=False),
                    "authored": 1,
                    "key_updated_at": key_stamp,
                    "updated_at": stamp,
                },
                pk="id",
            )
            db.execute("DELETE FROM key_spans WHERE lesson_id = ?", [lesson.id])
            db.table("key_spans").insert_all([_key_row(lesson.id, k) for k in key])
            db.execute(
                "INSERT OR IGNORE INTO lesson_versions (lesson_id, version, sha256, body, "
                "created_at) VALUES (?, ?, ?, ?, ?)",
                [
                    lesson.id,
                    lesson.version,
                    lesson.article.sha256,
                    json.dumps(body, ensure_ascii=False),
                    stamp,
                ],
            )
        return Change("lesson-saved", lesson.id, tuple(k.id for k in key))

    def set_authored_body(self, lesson_id: str, body: dict[str, Any], title: str) -> Change:
        """Title, source, date or feedback mode changed (not the text: that is a new version)."""
        with self.write() as db:
            if not self.is_authored(lesson_id):
                raise NotFoundError(f"no authored lesson with id {lesson_id}")
            db.table("lessons").update(
                lesson_id,
                {
                    "body": json.dumps(body, ensure_ascii=False),
                    "title": title,
                    "updated_at": now(),
                },
            )
        return Change("lesson-details", lesson_id)

    def authored_lessons(self) -> list[LessonRow]:
        rows = self.db.query(
            "SELECT id, version, title, sha256, key_updated_at, updated_at FROM lessons "
            "WHERE authored = 1 ORDER BY updated_at DESC, title"
        )
        return [
            LessonRow(
                r["id"],
                r["version"],
                r["title"],
                r["sha256"],
                r["key_updated_at"] or "",
                r["updated_at"],
            )
            for r in rows
        ]

    def lesson_row(self, lesson_id: str) -> LessonRow:
        for row in self.authored_lessons():
            if row.id == lesson_id:
                return row
        raise NotFoundError(f"no authored lesson with id {lesson_id}")

    def lesson_version_bodies(self, lesson_id: str) -> list[tuple[int, str, dict[str, Any]]]:
        """(version, sha256, body) of every text version, oldest first."""
        rows = self.db.query(
            "SELECT version, sha256, body FROM lesson_versions WHERE lesson_id = ? ORDER BY version",
            [lesson_id],
        )
        return [(r["version"], r["sha256"], json.loads(r["body"])) for r in rows]

    def delete_authored_lesson(self, lesson_id: str) -> Change:
        with self.write() as db:
            db.execute("DELETE FROM key_spans WHERE lesson_id = ?", [lesson_id])
            db.execute("DELETE FROM lesson_versions WHERE lesson_id = ?", [lesson_id])
            db.execute(
                "DELETE FROM submissions WHERE lesson_id = ? AND origin = 'import'", [lesson_id]
            )
            db.execute("DELETE FROM lessons WHERE id = ? AND authored = 1", [lesson_id])
        return Change("lesson-deleted", lesson_id)

    # -- key spans: each edit one transaction, and the key's time stamp moves ------------

    def key_spans(self, lesson_id: str) -> list[KeySpan]:
        rows = self.db.query(
            'SELECT * FROM key_spans WHERE lesson_id = ? ORDER BY start, "end", label',
            [lesson_id],
        )
        return [_key_from_row(r) for r in rows]

    def _touch_key(self, db: Database, lesson_id: str) -> None:
        stamp = now()
        db.execute(
            "UPDATE lessons SET key_updated_at = ?, updated_at = ? WHERE id = ?",
            [stamp, stamp, lesson_id],
        )

    def add_key_span(self, lesson_id: str, span: KeySpan) -> Change:
        with self.write() as db:
            if not self.is_authored(lesson_id):
                raise NotFoundError(f"no authored lesson with id {lesson_id}")
            db.table("key_spans").insert(_key_row(lesson_id, span))
            self._touch_key(db, lesson_id)
        return Change("key-added", lesson_id, (span.id,))

    def update_key_span(self, lesson_id: str, span: KeySpan) -> Change:
        with self.write() as db:
            if not db.table("key_spans").count_where(
                "id = ? AND lesson_id = ?", [span.id, lesson_id]
            ):
                raise NotFoundError(f"no key span with id {span.id}")
            db.table("key_spans").update(span.id, _key_row(lesson_id, span))
            self._touch_key(db, lesson_id)
        return Change("key-changed", lesson_id, (span.id,))

    def delete_key_span(self, lesson_id: str, span_id: str) -> Change:
        with self.write() as db:
            if not db.table("key_spans").count_where(
                "id = ? AND lesson_id = ?", [span_id, lesson_id]
            ):
                raise NotFoundError(f"no key span with id {span_id}")
            db.execute("DELETE FROM key_spans WHERE id = ?", [span_id])
            self._touch_key(db, lesson_id)
        return Change("key-deleted", lesson_id, (span_id,))

    # -- imported submissions --------------------------------------------------------------

    def known_submission_hashes(self) -> set[str]:
        rows = self.db.query("SELECT content_sha256 FROM submissions WHERE origin = 'import'")
        return {r["content_sha256"] for r in rows}

    def record_submissions(self, records: Sequence[SubmissionRecord]) -> Change:
        """Insert checked files in one transaction; a file already imported is left as it is."""
        stamp = now()
        added: list[str] = []
        with self.write() as db:
            for rec in records:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO submissions (id, content_sha256, origin, lesson_id, "
                    "lesson_version, article_sha256, student_id, student_name, class_code, "
                    "submitted_at, path, body, recorded_at) "
                    "VALUES (?, ?, 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        rec.content_sha256[:32],
                        rec.content_sha256,
                        rec.lesson_id,
                        rec.lesson_version,
                        rec.article_sha256,
                        rec.student_id,
                        rec.student_name,
                        rec.class_code,
                        rec.submitted_at,
                        rec.path,
                        json.dumps(rec.body, ensure_ascii=False),
                        stamp,
                    ],
                )
                if cursor.rowcount:
                    added.append(rec.content_sha256[:32])
        lessons = sorted({r.lesson_id for r in records})
        return Change("submissions-imported", lessons[0] if len(lessons) == 1 else "", tuple(added))

    def imported_submissions(
        self, lesson_id: str, *, current_only: bool = True
    ) -> list[StoredSubmission]:
        """A lesson's imported submissions; the current one per student is the newest."""
        rows = self.db.query(
            f"SELECT {_SUBMISSION_COLUMNS}, ROW_NUMBER() OVER (PARTITION BY student_id "
            "ORDER BY submitted_at DESC, recorded_at DESC, id DESC) AS rank "
            "FROM submissions WHERE origin = 'import' AND lesson_id = ? "
            "ORDER BY student_name, student_id, submitted_at DESC",
            [lesson_id],
        )
        out = []
        for r in rows:
            if current_only and r["rank"] != 1:
                continue
            out.append(
                StoredSubmission(
                    id=r["id"],
                    content_sha256=r["content_sha256"],
                    lesson_id=r["lesson_id"],
                    lesson_version=r["lesson_version"],
                    article_sha256=r["article_sha256"],
                    student_id=r["student_id"],
                    student_name=r["student_name"],
                    class_code=r["class_code"],
                    submitted_at=r["submitted_at"],
                    path=r["path"],
                    body=json.loads(r["body"]),
                    recorded_at=r["recorded_at"],
                    current=r["rank"] == 1,
                )
            )
        return out

    # -- roster ----------------------------------------------------------------------------

    def roster(self, class_code: str | None = None) -> list[RosterEntry]:
        where, args = ("WHERE class_code = ?", [class_code]) if class_code is not None else ("", [])
        rows = self.db.query(
            f"SELECT id, class_code, name, student_id FROM roster {where} "
            "ORDER BY class_code, name COLLATE NOCASE",
            args,
        )
        return [RosterEntry(r["id"], r["class_code"], r["name"], r["student_id"]) for r in rows]

    def add_to_roster(self, entries: Sequence[tuple[str, str]]) -> Change:
        """(class_code, name) pairs; a name already on that class's roster is kept once."""
        with self.write() as db:
            for class_code, name in entries:
                db.execute(
                    "INSERT OR IGNORE INTO roster (class_code, name) VALUES (?, ?)",
                    [class_code, name],
                )
        return Change("roster")

    def remove_from_roster(self, entry_ids: Sequence[int]) -> Change:
        with self.write() as db:
            for entry_id in entry_ids:
                db.execute("DELETE FROM roster WHERE id = ?", [entry_id])
        return Change("roster")


class Store(TeacherStoreMixin):
    """medialit's one database. Open with `Store.open(path)` or `Store.memory()`."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Store:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the database folder {path.parent}: {exc.strerror}"
            ) from None
        try:
            conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        store = cls(Database(conn), path)
        store._prepare()
        return store

    @classmethod
    def memory(cls) -> Store:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        store = cls(Database(conn), None)
        store._prepare()
        return store

    def _prepare(self) -> None:
        where = str(self.path or ":memory:")
        try:
            self.db.execute("PRAGMA busy_timeout = 5000")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._refuse_newer_schema()
            if self.path is not None:
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = FULL")
            migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            self.db.conn.close()
            raise StoreError(f"cannot use database {where}: {exc}") from None

    def _refuse_newer_schema(self) -> None:
        """A database with migrations we do not know came from a newer app: touch nothing."""
        table = self.db[migrations.migrations_table]
        if not table.exists():
            return
        applied = {m.name for m in migrations.applied(self.db)}
        unknown = sorted(applied - KNOWN_MIGRATIONS)
        if unknown:
            self.db.conn.close()
            raise NewerSchemaError(
                f"database {self.path} was written by a newer medialit (schema {unknown[-1]}); "
                "it was left untouched"
            )

    def close(self) -> None:
        self.db.conn.close()

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One committed transaction; an error rolls it back and surfaces as StoreError."""
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as exc:
            raise StoreError(f"could not save to {self.path or 'the database'}: {exc}") from exc

    # -- settings ------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("SELECT value FROM settings WHERE key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_setting(self, key: str, value: str) -> Change:
        with self.write() as db:
            db.table("settings").upsert({"key": key, "value": value}, pk="key")
        return Change("settings")

    # -- students --------------------------------------------------------------

    def save_student(self, student: Student) -> Change:
        with self.write() as db:
            existing = db.table("students").count_where("id = ?", [student.id])
            row = {"id": student.id, "name": student.name, "class_code": student.class_code}
            if existing:
                db.table("students").update(student.id, row)
            else:
                db.table("students").insert({**row, "created_at": now()})
        return Change("student")

    def student(self, student_id: str) -> Student:
        rows = list(
            self.db.query("SELECT id, name, class_code FROM students WHERE id = ?", [student_id])
        )
        if not rows:
            raise NotFoundError(f"no student with id {student_id}")
        return Student(**rows[0])

    def students(self) -> list[Student]:
        return [
            Student(**row)
            for row in self.db.query("SELECT id, name, class_code FROM students ORDER BY name, id")
        ]

    # -- lessons ----------------------------------------------------------------

    def remember_lesson(
        self, lesson: Lesson, body: dict[str, Any], *, authored: bool = False
    ) -> Change:
        """Keep a copy of an opened lesson, so work can be reopened if the file moves."""
        with self.write() as db:
            if not authored and self.is_authored(lesson.id):
                return Change("lesson", lesson.id)  # a teacher trying a pack keeps their lesson
            db.table("lessons").upsert(
                {
                    "id": lesson.id,
                    "version": lesson.version,
                    "title": lesson.title,
                    "kind": lesson.kind,
                    "sha256": lesson.article.sha256,
                    "body": json.dumps(body, ensure_ascii=False),
                    "authored": int(authored),
                    "updated_at": now(),
                },
                pk="id",
            )
        return Change("lesson", lesson.id)

    def lesson_body(self, lesson_id: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT body FROM lessons WHERE id = ?", [lesson_id]))
        if not rows:
            raise NotFoundError(f"no lesson with id {lesson_id}")
        body: dict[str, Any] = json.loads(rows[0]["body"])
        return body

    # -- a student's spans ---------------------------------------------------------

    def spans(self, student_id: str, lesson_id: str) -> list[Span]:
        rows = self.db.query(
            'SELECT id, start, "end", label, quote, prefix, suffix, note FROM work_spans '
            'WHERE student_id = ? AND lesson_id = ? ORDER BY start, "end", label',
            [student_id, lesson_id],
        )
        return [_span_from_row(row) for row in rows]

    def span(self, span_id: str) -> Span:
        rows = list(
            self.db.query(
                'SELECT id, start, "end", label, quote, prefix, suffix, note FROM work_spans '
                "WHERE id = ?",
                [span_id],
            )
        )
        if not rows:
            raise NotFoundError(f"no span with id {span_id}")
        return _span_from_row(rows[0])

    def add_span(self, student_id: str, lesson_id: str, article_sha256: str, span: Span) -> Change:
        stamp = now()
        with self.write() as db:
            db.table("work_spans").insert(
                {
                    "id": span.id,
                    "student_id": student_id,
                    "lesson_id": lesson_id,
                    "article_sha256": article_sha256,
                    "start": span.start,
                    "end": span.end,
                    "label": span.label.value,
                    "quote": span.quote,
                    "prefix": span.prefix,
                    "suffix": span.suffix,
                    "note": span.note,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        return Change("span-added", lesson_id, (span.id,))

    def update_span(self, span: Span) -> Change:
        """Relabel or re-note a span (its place never changes: that is a new span)."""
        with self.write() as db:
            rows = list(db.query("SELECT lesson_id FROM work_spans WHERE id = ?", [span.id]))
            if not rows:
                raise NotFoundError(f"no span with id {span.id}")
            db.table("work_spans").update(
                span.id, {"label": span.label.value, "note": span.note, "updated_at": now()}
            )
        return Change("span-changed", rows[0]["lesson_id"], (span.id,))

    def delete_span(self, span_id: SpanId | str) -> Change:
        with self.write() as db:
            rows = list(db.query("SELECT lesson_id FROM work_spans WHERE id = ?", [span_id]))
            if not rows:
                raise NotFoundError(f"no span with id {span_id}")
            db.execute("DELETE FROM work_spans WHERE id = ?", [span_id])
        return Change("span-deleted", rows[0]["lesson_id"], (str(span_id),))


def _span_from_row(row: dict[str, Any]) -> Span:
    return Span(
        id=SpanId(row["id"]),
        start=row["start"],
        end=row["end"],
        label=Label(row["label"]),
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        note=row["note"],
    )
