"""The `work_spans` table: a student's spans on a lesson, placed and orphaned.

An orphan is a span re-anchoring could not place on the lesson's current text:
it keeps its offsets, quote, label and note, is never in `spans`, and only the
student deletes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from medialit.core.errors import NotFoundError
from medialit.core.model import Label, Span, SpanId
from medialit.core.records import Change, ChangeKind, SavedSpan, now
from medialit.core.tables.base import Table


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


class Work(Table):
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
        return Change(ChangeKind.SPANS_REANCHORED, lesson_id, ids)

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
        return Change(ChangeKind.SPAN_ADDED, lesson_id, (span.id,))

    def update_span(self, span: Span) -> Change:
        """Relabel or re-note a span (its place never changes: that is a new span)."""
        with self.write() as db:
            rows = list(db.query("SELECT lesson_id FROM work_spans WHERE id = ?", [span.id]))
            if not rows:
                raise NotFoundError(f"no span with id {span.id}")
            db.table("work_spans").update(
                span.id, {"label": span.label.value, "note": span.note, "updated_at": now()}
            )
        return Change(ChangeKind.SPAN_CHANGED, rows[0]["lesson_id"], (span.id,))

    def reshape_span(
        self,
        student_id: str,
        lesson_id: str,
        article_sha256: str,
        span: Span,
        *,
        remove: Sequence[Span] = (),
        restore: Sequence[Span] = (),
    ) -> Change:
        """Move a span's edges (its place, quote, context and note), deleting the same-label
        spans it grew into (`remove`) or putting them back (`restore`, as undo does): one
        transaction, so a merge is never half made."""
        stamp = now()
        with self.write() as db:
            found = db.execute(
                'UPDATE work_spans SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
                "note = ?, label = ?, updated_at = ? WHERE id = ? AND orphaned = 0",
                [
                    span.start,
                    span.end,
                    span.quote,
                    span.prefix,
                    span.suffix,
                    span.note,
                    span.label.value,
                    stamp,
                    span.id,
                ],
            ).rowcount
            if found != 1:
                raise NotFoundError(f"no span with id {span.id}")
            for gone in remove:
                db.execute("DELETE FROM work_spans WHERE id = ?", [gone.id])
            for back in restore:  # nested writes are savepoints: still this one transaction
                self.add_span(student_id, lesson_id, article_sha256, back)
        ids = (span.id, *(s.id for s in remove), *(s.id for s in restore))
        return Change(ChangeKind.SPAN_CHANGED, lesson_id, ids)

    def delete_span(self, span_id: SpanId | str) -> Change:
        """Delete a span, placed or orphan (an orphan only ever by the student's choice)."""
        with self.write() as db:
            rows = list(db.query("SELECT lesson_id FROM work_spans WHERE id = ?", [span_id]))
            if not rows:
                raise NotFoundError(f"no span with id {span_id}")
            db.execute("DELETE FROM work_spans WHERE id = ?", [span_id])
        return Change(ChangeKind.SPAN_DELETED, rows[0]["lesson_id"], (str(span_id),))
