"""The database: every read and write medialit makes, through sqlite-utils.

Each edit is its own committed transaction (`with self.db.atomic()`), made the
moment the user acts: a crash or power cut loses nothing the user saw as saved.
WAL with synchronous=FULL makes each COMMIT durable before it returns.

`Store` lives here with the student's side: opening, pragmas, `write()`, settings,
students, remembered lessons, a student's spans and orphans, their own submissions,
backups. The rest of the store is beside it, and all of medialit's SQL is in these:
`store_teacher` (the teacher's tables, inherited as `TeacherStoreMixin`),
`store_checks` (opening checks, `check_database_file`, SQLite errors in plain words)
and `schema` (the migrations). `records` holds the values they hand out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from medialit.core import backup as rolling
from medialit.core import paths
from medialit.core.errors import (
    CorruptDatabaseError,
    NotFoundError,
    StoreError,
)
from medialit.core.lock import InstanceLock
from medialit.core.model import Label, Lesson, Span, SpanId, new_id
from medialit.core.records import (
    Change,
    ImportRecord,
    LessonRecord,
    LessonRow,
    RosterEntry,
    SavedSpan,
    StoredSubmission,
    Student,
    SubmissionRecord,
    now,
)
from medialit.core.schema import (
    KNOWN_MIGRATIONS,
    LABEL_CHECK,
    m001_initial,
    m002_teacher_lesson_versions,
    migrations,
)
from medialit.core.store_checks import (
    check_database_file,
    check_intact,
    describe_sqlite_error,
    newest_good_backup,
    primary_code,
    refuse_foreign_database,
    refuse_newer_schema,
    refuse_read_only,
)
from medialit.core.store_teacher import TeacherStoreMixin

# Every public name that lived here before the store was split into modules is still
# importable from `medialit.core.store`.
__all__ = [
    "KNOWN_MIGRATIONS",
    "LABEL_CHECK",
    "Change",
    "ImportRecord",
    "LessonRecord",
    "LessonRow",
    "RosterEntry",
    "SavedSpan",
    "Store",
    "StoredSubmission",
    "Student",
    "SubmissionRecord",
    "TeacherStoreMixin",
    "check_database_file",
    "describe_sqlite_error",
    "m001_initial",
    "m002_teacher_lesson_versions",
    "migrations",
    "newest_good_backup",
    "now",
]


class Store(TeacherStoreMixin):
    """medialit's one database. Open with `Store.open(path)` or `Store.memory()`."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.lock: InstanceLock | None = None
        self._changes_at_backup = -1

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, exclusive: bool = False) -> Store:
        """Open (or create) the database at `path`, checking it before anything is written.

        A damaged or non-SQLite file raises CorruptDatabaseError, a newer schema
        NewerSchemaError, a read-only file or folder StoreError: each leaves the
        file exactly as it was. `exclusive=True` (the app) also takes the
        one-window-per-database lock, or raises DatabaseInUseError; `close()` drops it.
        """
        path = Path(path)
        paths.ensure_folder(path.parent)
        lock = InstanceLock.acquire(path) if exclusive else None
        try:
            refuse_read_only(path)
            try:
                conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
            except sqlite3.Error as exc:
                raise StoreError(
                    f"cannot open database {path}: {describe_sqlite_error(exc)}"
                ) from None
            store = cls(Database(conn), path)
            store._prepare()
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store.lock = lock
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
            check_intact(self.db, self.path)
            refuse_newer_schema(self.db, self.path)
            refuse_foreign_database(self.db, self.path)
            if self.path is not None:
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = FULL")
            migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            self.db.conn.close()
            if primary_code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
                raise CorruptDatabaseError(where, str(exc)) from None
            raise StoreError(f"cannot use database {where}: {describe_sqlite_error(exc)}") from None

    def close(self) -> None:
        self.db.conn.close()
        if self.lock is not None:
            self.lock.release()

    # -- backups -------------------------------------------------------------

    def backup_keep(self) -> int:
        """How many rolling backups to keep (setting `backup_keep`, default 10)."""
        raw = self.get_setting(rolling.KEEP_SETTING)
        try:
            keep = int(raw) if raw is not None else rolling.DEFAULT_KEEP
        except ValueError:
            return rolling.DEFAULT_KEEP
        return keep if 1 <= keep <= rolling.MAX_KEEP else rolling.DEFAULT_KEEP

    def set_backup_keep(self, keep: int) -> Change:
        if type(keep) is not int or not 1 <= keep <= rolling.MAX_KEEP:
            raise StoreError(f"the number of backups to keep must be 1-{rolling.MAX_KEEP}")
        change = self.set_setting(rolling.KEEP_SETTING, str(keep))
        if self.path is not None:
            rolling.prune(self.path, keep=keep)
        return change

    def backups(self) -> list[rolling.Backup]:
        return rolling.list_backups(self.path) if self.path is not None else []

    def backup(self, *, now: dt.datetime | None = None) -> Path:
        """A rolling backup now (SQLite backup API); keeps the newest `backup_keep()`."""
        if self.path is None:
            raise StoreError("an in-memory database has no backups")
        changes = self.db.conn.total_changes
        try:
            made = rolling.write_backup(self.db.conn, self.path, keep=self.backup_keep(), now=now)
        except sqlite3.Error as exc:
            raise StoreError(
                f"could not back up {self.path}: {describe_sqlite_error(exc)}"
            ) from None
        except OSError as exc:
            raise StoreError(
                f"could not write a backup to {rolling.backups_dir(self.path)}: "
                f"{exc.strerror or exc}"
            ) from None
        self._changes_at_backup = changes
        return made

    def backup_if_due(
        self, *, interval: float = rolling.INTERVAL_SECONDS, now: dt.datetime | None = None
    ) -> Path | None:
        """Back up if something changed since the last backup and the newest is `interval` old."""
        if self.path is None or self.db.conn.total_changes == self._changes_at_backup:
            return None
        newest = self.backups()
        when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        if newest and (when - newest[0].taken_at).total_seconds() < interval:
            return None
        return self.backup(now=now)

    def restore_from(self, backup_path: str | Path) -> Change:
        """Replace the database's content with a backup's, in place, after backing up the present.

        The open connection stays valid (SQLite's backup API copies into it in one
        transaction), so the app keeps running; the present state is itself kept
        as the newest backup, so a restore can be undone.
        """
        problem = check_database_file(backup_path)
        if problem:
            raise StoreError(f"cannot restore from {backup_path}: {problem}")
        if self.path is not None:
            self.backup()
        try:
            source = sqlite3.connect(Path(backup_path).resolve().as_uri() + "?mode=ro", uri=True)
            try:
                source.backup(self.db.conn)
            finally:
                source.close()
            migrations.apply(self.db)
        except sqlite3.Error as exc:
            raise StoreError(
                f"could not restore from {backup_path}: {describe_sqlite_error(exc)}"
            ) from None
        return Change("restored")

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One committed transaction; an error rolls it back and surfaces as StoreError."""
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as exc:
            raise StoreError(
                f"could not save to {self.path or 'the database'}: {describe_sqlite_error(exc)}"
            ) from exc

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
        """The student's placeable spans on the lesson (never the orphans: see `orphans`)."""
        rows = self.db.query(
            'SELECT id, start, "end", label, quote, prefix, suffix, note FROM work_spans '
            "WHERE student_id = ? AND lesson_id = ? AND orphaned = 0 "
            'ORDER BY start, "end", label',
            [student_id, lesson_id],
        )
        return [_span_from_row(row) for row in rows]

    def saved_spans(self, student_id: str, lesson_id: str) -> list[SavedSpan]:
        """Every span the student saved on the lesson, orphans included, with its text's hash."""
        return self._saved_spans(student_id, lesson_id, "")

    def orphans(self, student_id: str, lesson_id: str) -> list[SavedSpan]:
        """Spans that could not be placed on the lesson's current text: kept, never dropped.

        Their offsets, quote and context are those of the text they were made on
        (`article_sha256`); only the student deletes one (`delete_span`).
        """
        return self._saved_spans(student_id, lesson_id, "AND orphaned = 1")

    def _saved_spans(self, student_id: str, lesson_id: str, where: str) -> list[SavedSpan]:
        rows = self.db.query(
            'SELECT id, start, "end", label, quote, prefix, suffix, note, article_sha256, '
            f"orphaned FROM work_spans WHERE student_id = ? AND lesson_id = ? {where} "
            'ORDER BY start, "end", label, id',
            [student_id, lesson_id],
        )
        return [
            SavedSpan(_span_from_row(row), row["article_sha256"], bool(row["orphaned"]))
            for row in rows
        ]

    def apply_reanchoring(
        self,
        student_id: str,
        lesson_id: str,
        article_sha256: str,
        *,
        placed: Sequence[Span],
        orphaned: Sequence[SpanId | str],
    ) -> Change:
        """Move `placed` onto the text `article_sha256` and mark `orphaned`: ONE transaction.

        A placed span gets its new offsets and context (label, quote and note
        are its own) and the text's hash; an orphan keeps everything it had and
        is only marked. A span that is not there any more rolls all of it back.
        """
        stamp = now()
        owner = [student_id, lesson_id]
        with self.write() as db:
            for span in placed:
                new_place = (span.start, span.end, span.prefix, span.suffix)
                cursor = db.execute(
                    'UPDATE work_spans SET start = ?, "end" = ?, prefix = ?, suffix = ?, '
                    "article_sha256 = ?, orphaned = 0, updated_at = ? "
                    "WHERE id = ? AND student_id = ? AND lesson_id = ?",
                    [*new_place, article_sha256, stamp, span.id, *owner],
                )
                if cursor.rowcount != 1:
                    raise NotFoundError(f"no span with id {span.id} to re-anchor")
            for span_id in orphaned:
                cursor = db.execute(
                    "UPDATE work_spans SET orphaned = 1, updated_at = ? "
                    "WHERE id = ? AND student_id = ? AND lesson_id = ?",
                    [stamp, span_id, *owner],
                )
                if cursor.rowcount != 1:
                    raise NotFoundError(f"no span with id {span_id} to keep as an orphan")
        ids = tuple(str(s.id) for s in placed) + tuple(str(i) for i in orphaned)
        return Change("spans-reanchored", lesson_id, ids)

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

    def add_span(
        self,
        student_id: str,
        lesson_id: str,
        article_sha256: str,
        span: Span,
        *,
        orphaned: bool = False,
    ) -> Change:
        """Insert a span (`orphaned=True` puts a deleted orphan back, as undo does)."""
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
                    "orphaned": int(orphaned),
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
        """Delete a span, placed or orphan (an orphan only ever by the student's choice)."""
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
