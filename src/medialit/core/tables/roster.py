"""The `roster` table: the names on each class's list, for who has not submitted yet."""

from __future__ import annotations

from collections.abc import Sequence

from medialit.core.records import Change, ChangeKind, RosterEntry
from medialit.core.tables.base import Table


class Roster(Table):
    def entries(self, class_code: str | None = None) -> list[RosterEntry]:
        where, args = ("WHERE class_code = ?", [class_code]) if class_code is not None else ("", [])
        rows = self.db.query(
            f"SELECT id, class_code, name, student_id FROM roster {where} "
            "ORDER BY class_code, name COLLATE NOCASE",
            args,
        )
        return [RosterEntry(r["id"], r["class_code"], r["name"], r["student_id"]) for r in rows]

    def add(self, entries: Sequence[tuple[str, str]]) -> Change:
        """(class_code, name) pairs; a name already on that class's roster is kept once."""
        with self.write() as db:
            for class_code, name in entries:
                db.execute(
                    "INSERT OR IGNORE INTO roster (class_code, name) VALUES (?, ?)",
                    [class_code, name],
                )
        return Change(ChangeKind.ROSTER)

    def remove(self, entry_ids: Sequence[int]) -> Change:
        with self.write() as db:
            for entry_id in entry_ids:
                db.execute("DELETE FROM roster WHERE id = ?", [entry_id])
        return Change(ChangeKind.ROSTER)
