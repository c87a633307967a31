"""The `lessons` table and its text versions: lessons opened here, and the teacher's own.

A lesson a student opens is remembered (its file's JSON), so work can be reopened
if the file moves. A teacher's authored lesson (`authored = 1`) keeps its body
without the key (the key is `store.keys`) and every text version it had.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from medialit.core.errors import NotFoundError
from medialit.core.model import KeySpan, Lesson
from medialit.core.records import Change, ChangeKind, LessonRecord, now
from medialit.core.tables.base import Table
from medialit.core.tables.keys import key_row

if TYPE_CHECKING:  # the teacher's records load when a teacher's table is first read
    from medialit.core.teacher_records import LessonRow


class Lessons(Table):
    # -- lessons opened on this machine ------------------------------------------------

    def remember(self, lesson: Lesson, body: dict[str, Any], *, authored: bool = False) -> Change:
        """Keep a copy of an opened lesson, so work can be reopened if the file moves."""
        with self.write() as db:
            if not authored and self.is_authored(lesson.id):
                return Change(
                    ChangeKind.LESSON, lesson.id
                )  # a teacher trying a pack keeps their lesson
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
        return Change(ChangeKind.LESSON, lesson.id)

    def body(self, lesson_id: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT body FROM lessons WHERE id = ?", [lesson_id]))
        if not rows:
            raise NotFoundError(f"no lesson with id {lesson_id}")
        body: dict[str, Any] = json.loads(rows[0]["body"])
        return body

    def remembered(self) -> list[LessonRecord]:
        """Every lesson opened on this machine, most recently opened first."""
        return [
            LessonRecord(**row)
            for row in self.db.query(
                "SELECT id, title, kind, version, updated_at FROM lessons "
                "ORDER BY updated_at DESC, id"
            )
        ]

    # -- the teacher's authored lessons --------------------------------------------------

    def is_authored(self, lesson_id: str) -> bool:
        return bool(self.db.table("lessons").count_where("id = ? AND authored = 1", [lesson_id]))

    def save_authored(
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
            db.table("key_spans").insert_all([key_row(lesson.id, k) for k in key])
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
        return Change(ChangeKind.LESSON_SAVED, lesson.id, tuple(k.id for k in key))

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
        return Change(ChangeKind.LESSON_DETAILS, lesson_id)

    def authored(self) -> list[LessonRow]:
        from medialit.core.teacher_records import LessonRow

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

    def row(self, lesson_id: str) -> LessonRow:
        for row in self.authored():
            if row.id == lesson_id:
                return row
        raise NotFoundError(f"no authored lesson with id {lesson_id}")

    def version_bodies(self, lesson_id: str) -> list[tuple[int, str, dict[str, Any]]]:
        """(version, sha256, body) of every text version, oldest first."""
        rows = self.db.query(
            "SELECT version, sha256, body FROM lesson_versions WHERE lesson_id = ? ORDER BY version",
            [lesson_id],
        )
        return [(r["version"], r["sha256"], json.loads(r["body"])) for r in rows]

    def version_times(self, lesson_id: str) -> dict[int, str]:
        """version -> when that text version was made (UTC)."""
        rows = self.db.query(
            "SELECT version, created_at FROM lesson_versions WHERE lesson_id = ?", [lesson_id]
        )
        return {r["version"]: r["created_at"] for r in rows}

    def delete_authored(self, lesson_id: str) -> Change:
        with self.write() as db:
            db.execute("DELETE FROM lesson_grading WHERE lesson_id = ?", [lesson_id])
            db.execute("DELETE FROM graded_picks WHERE lesson_id = ?", [lesson_id])
            db.execute("DELETE FROM key_spans WHERE lesson_id = ?", [lesson_id])
            db.execute("DELETE FROM lesson_versions WHERE lesson_id = ?", [lesson_id])
            db.execute(
                "DELETE FROM submissions WHERE lesson_id = ? AND origin = 'import'", [lesson_id]
            )
            db.execute("DELETE FROM lessons WHERE id = ? AND authored = 1", [lesson_id])
        return Change(ChangeKind.LESSON_DELETED, lesson_id)
