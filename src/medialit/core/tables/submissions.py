"""The `submissions` table: a student's own submission files (origin 'self') and the
files a teacher imported (origin 'import'), each kept whole as JSON."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from medialit.core.model import new_id
from medialit.core.records import (
    Change,
    ChangeKind,
    SubmissionRecord,
    now,
)
from medialit.core.tables.base import Table

if TYPE_CHECKING:  # the teacher's records load when a teacher's table is first read
    from medialit.core.teacher_records import ImportRecord, StoredSubmission

_SUBMISSION_COLUMNS = (
    "id, content_sha256, lesson_id, lesson_version, article_sha256, student_id, student_name, "
    "class_code, submitted_at, path, body, recorded_at"
)


class Submissions(Table):
    # -- a student's own ---------------------------------------------------------------

    def record_own(self, body: dict[str, Any], *, path: str) -> Change:
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
        return Change(ChangeKind.SUBMISSION, body["lesson_id"])

    def own(self, student_id: str, lesson_id: str) -> list[SubmissionRecord]:
        """This student's submissions of this lesson from this machine, oldest first."""
        rows = self.db.query(
            "SELECT id, submitted_at, path, json_array_length(body, '$.spans') AS span_count "
            "FROM submissions WHERE origin = 'self' AND student_id = ? AND lesson_id = ? "
            "ORDER BY submitted_at, id",
            [student_id, lesson_id],
        )
        return [SubmissionRecord(**row) for row in rows]

    def last_own_body(self, student_id: str, lesson_id: str) -> dict[str, Any] | None:
        """The newest of this student's own submissions of this lesson, as the file's JSON
        object (what was handed in, whatever the work is now), or None if there is none."""
        rows = list(
            self.db.query(
                "SELECT body FROM submissions WHERE origin = 'self' AND student_id = ? "
                "AND lesson_id = ? ORDER BY submitted_at DESC, recorded_at DESC, rowid DESC "
                "LIMIT 1",
                [student_id, lesson_id],
            )
        )
        if not rows:
            return None
        body: dict[str, Any] = json.loads(rows[0]["body"])
        return body

    # -- imported by the teacher -----------------------------------------------------------

    def known_hashes(self) -> set[str]:
        rows = self.db.query("SELECT content_sha256 FROM submissions WHERE origin = 'import'")
        return {r["content_sha256"] for r in rows}

    def record_imported(self, records: Sequence[ImportRecord]) -> Change:
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
        return Change(
            ChangeKind.SUBMISSIONS_IMPORTED, lessons[0] if len(lessons) == 1 else "", tuple(added)
        )

    def imported(self, lesson_id: str, *, current_only: bool = True) -> list[StoredSubmission]:
        """A lesson's imported submissions; the current one per student is the newest."""
        from medialit.core.teacher_records import StoredSubmission

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
