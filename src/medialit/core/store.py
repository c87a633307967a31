"""The database: every read and write medialit makes, through sqlite-utils.

Each edit is its own committed transaction (`with self.db.atomic()`), made the
moment the user acts: a crash or power cut loses nothing the user saw as saved.
WAL with synchronous=FULL makes each COMMIT durable before it returns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from medialit.core.errors import NewerSchemaError, NotFoundError, StoreError
from medialit.core.model import Label, Lesson, Span, SpanId, new_id

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


@dataclass(frozen=True, slots=True)
class LessonRecord:
    """A lesson kept in the database (opened once), listed so work can be reopened."""

    id: str
    title: str
    kind: str
    version: int
    updated_at: str


@dataclass(frozen=True, slots=True)
class SubmissionRecord:
    """One submission the student made from this machine (origin 'self')."""

    id: str
    submitted_at: str
    path: str
    span_count: int


class Store:
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

    def student_named(self, name: str, class_code: str = "") -> Student | None:
        """The student with this name and class code (ignoring case), if any.

        On a shared laptop each name has its own work: typing a name already
        used here continues that student's work. This is not a login.
        """
        wanted = (name.strip().casefold(), class_code.strip().casefold())
        for student in self.students():
            if (student.name.strip().casefold(), student.class_code.strip().casefold()) == wanted:
                return student
        return None

    # -- lessons ----------------------------------------------------------------

    def remember_lesson(
        self, lesson: Lesson, body: dict[str, Any], *, authored: bool = False
    ) -> Change:
        """Keep a copy of an opened lesson, so work can be reopened if the file moves."""
        with self.write() as db:
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

    def remembered_lessons(self) -> list[LessonRecord]:
        """Every lesson opened on this machine, most recently opened first."""
        return [
            LessonRecord(**row)
            for row in self.db.query(
                "SELECT id, title, kind, version, updated_at FROM lessons "
                "ORDER BY updated_at DESC, id"
            )
        ]

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

    # -- a student's own submissions ---------------------------------------------------

    def record_own_submission(self, body: dict[str, Any], *, path: str) -> Change:
        """Remember a submission file this student wrote (origin 'self'), with where it went.

        `body` is the file's JSON object as written (core.submission's format);
        the row keeps all of it, so the exact submission can be shown again.
        """
        text = json.dumps(body, ensure_ascii=False, sort_keys=True)
        with self.write() as db:
            db.table("submissions").insert(
                {
                    "id": new_id(),
                    "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    "origin": "self",
                    "lesson_id": body["lesson_id"],
                    "lesson_version": body["lesson_version"],
                    "article_sha256": body["article_sha256"],
                    "student_id": body["student_id"],
                    "student_name": body["student_name"],
                    "class_code": body.get("class_code", ""),
                    "submitted_at": body["submitted_at"],
                    "path": path,
                    "body": text,
                    "recorded_at": now(),
                }
            )
        return Change("submission", body["lesson_id"])

    def own_submissions(self, student_id: str, lesson_id: str) -> list[SubmissionRecord]:
        """This student's submissions of this lesson from this machine, oldest first."""
        rows = self.db.query(
            "SELECT id, submitted_at, path, json_array_length(body, '$.spans') AS span_count "
            "FROM submissions WHERE origin = 'self' AND student_id = ? AND lesson_id = ? "
            "ORDER BY submitted_at, id",
            [student_id, lesson_id],
        )
        return [SubmissionRecord(**row) for row in rows]


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
