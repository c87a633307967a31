"""The `key_spans` table: an authored lesson's answer key, each edit moving the key's stamp."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from medialit.core.errors import NotFoundError
from medialit.core.model import KeySpan, Label
from medialit.core.records import Change, ChangeKind, now
from medialit.core.tables.base import Table

if TYPE_CHECKING:
    from sqlite_utils import Database


def key_row(lesson_id: str, k: KeySpan) -> dict[str, Any]:
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


def _touch_key(db: Database, lesson_id: str) -> None:
    stamp = now()
    db.execute(
        "UPDATE lessons SET key_updated_at = ?, updated_at = ? WHERE id = ?",
        [stamp, stamp, lesson_id],
    )


def _authored(db: Database, lesson_id: str) -> None:
    """NotFoundError unless `lesson_id` is a lesson this database authors."""
    if not db.table("lessons").count_where("id = ? AND authored = 1", [lesson_id]):
        raise NotFoundError(f"no authored lesson with id {lesson_id}")


def _existing(db: Database, lesson_id: str, span_id: str) -> None:
    """NotFoundError unless `span_id` is one of the lesson's key spans."""
    if not db.table("key_spans").count_where("id = ? AND lesson_id = ?", [span_id, lesson_id]):
        raise NotFoundError(f"no key span with id {span_id}")


class Keys(Table):
    def spans(self, lesson_id: str) -> list[KeySpan]:
        rows = self.db.query(
            'SELECT * FROM key_spans WHERE lesson_id = ? ORDER BY start, "end", label',
            [lesson_id],
        )
        return [_key_from_row(r) for r in rows]

    def add(self, lesson_id: str, span: KeySpan) -> Change:
        return self.add_all(lesson_id, (span,))

    def update(self, lesson_id: str, span: KeySpan) -> Change:
        with self.write() as db:
            _existing(db, lesson_id, span.id)
            db.table("key_spans").update(span.id, key_row(lesson_id, span))
            _touch_key(db, lesson_id)
        return Change(ChangeKind.KEY_CHANGED, lesson_id, (span.id,))

    def add_all(self, lesson_id: str, spans: Sequence[KeySpan]) -> Change:
        """Several key spans in one transaction (accepting all suggestions of a label)."""
        with self.write() as db:
            _authored(db, lesson_id)
            db.table("key_spans").insert_all([key_row(lesson_id, k) for k in spans])
            _touch_key(db, lesson_id)
        return Change(ChangeKind.KEY_ADDED, lesson_id, tuple(k.id for k in spans))

    def delete_all(self, lesson_id: str, span_ids: Sequence[str]) -> Change:
        """Several key spans gone in one transaction (undoing `add_all`); all or none."""
        with self.write() as db:
            for span_id in span_ids:
                _existing(db, lesson_id, span_id)
                db.execute("DELETE FROM key_spans WHERE id = ?", [span_id])
            _touch_key(db, lesson_id)
        return Change(ChangeKind.KEY_DELETED, lesson_id, tuple(span_ids))

    def replace(self, lesson_id: str, remove: Sequence[str], put: Sequence[KeySpan]) -> Change:
        """Some key spans gone and others written (added, or updated by id) in one transaction:
        an edge moved, with the same-label spans it grew into merged into it (and its undo)."""
        with self.write() as db:
            _authored(db, lesson_id)
            for span_id in remove:
                db.execute(
                    "DELETE FROM key_spans WHERE id = ? AND lesson_id = ?", [span_id, lesson_id]
                )
            db.table("key_spans").upsert_all([key_row(lesson_id, k) for k in put], pk="id")
            _touch_key(db, lesson_id)
        return Change(ChangeKind.KEY_CHANGED, lesson_id, (*remove, *(k.id for k in put)))

    def explain(self, lesson_id: str, span_id: str, explanation: str) -> Change:
        """Only the explanation: a `KEY_EXPLAINED` change, which rescores nothing."""
        with self.write() as db:
            _existing(db, lesson_id, span_id)
            db.table("key_spans").update(span_id, {"explanation": explanation})
            _touch_key(db, lesson_id)
        return Change(ChangeKind.KEY_EXPLAINED, lesson_id, (span_id,))

    def delete(self, lesson_id: str, span_id: str) -> Change:
        return self.delete_all(lesson_id, (span_id,))
