"""The teacher's tables: authored lessons and their text versions, key spans, imported
submissions and the roster.

`Store` inherits `TeacherStoreMixin`, so these are `Store` methods like the student's;
each write is one transaction (`Store.write()`) returning a `Change`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from medialit.core.errors import NotFoundError
from medialit.core.model import KeySpan, Label, Lesson
from medialit.core.records import (
    Change,
    ImportRecord,
    LessonRow,
    RosterEntry,
    StoredSubmission,
    now,
)


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

    def record_submissions(self, records: Sequence[ImportRecord]) -> Change:
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
