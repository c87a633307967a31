"""The `roster` table: each class's list of names (with an email or LMS user id, if the
teacher's list has them), and `roster_links`: the student ids the teacher linked to a name
(several per name: a student on two laptops; one name per id)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from medialit.core.records import Change, ChangeKind, now
from medialit.core.tables.base import Table

if TYPE_CHECKING:  # the teacher's records load when a teacher's table is first read
    from medialit.core.teacher_records import RosterEntry, RosterLine


class Roster(Table):
    def entries(self, class_code: str | None = None) -> list[RosterEntry]:
        from medialit.core.teacher_records import RosterEntry

        where, args = ("WHERE class_code = ?", [class_code]) if class_code is not None else ("", [])
        links: dict[int, list[str]] = {}
        for r in self.db.query("SELECT roster_id, student_id FROM roster_links ORDER BY 2"):
            links.setdefault(r["roster_id"], []).append(r["student_id"])
        rows = self.db.query(
            f"SELECT id, class_code, name, email, lms_id FROM roster {where} "
            "ORDER BY class_code, name COLLATE NOCASE",
            args,
        )
        return [
            RosterEntry(
                r["id"],
                r["class_code"],
                r["name"],
                tuple(links.get(r["id"], ())),
                r["email"],
                r["lms_id"],
            )
            for r in rows
        ]

    def add(self, lines: Sequence[RosterLine]) -> Change:
        """Names for classes; a name already on that class's roster keeps it once, and gains
        an email or LMS id it did not have."""
        with self.write() as db:
            for line in lines:
                db.execute(
                    "INSERT INTO roster (class_code, name, email, lms_id) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (class_code, name) DO UPDATE SET "
                    "email = CASE WHEN email = '' THEN excluded.email ELSE email END, "
                    "lms_id = CASE WHEN lms_id = '' THEN excluded.lms_id ELSE lms_id END",
                    [line.class_code, line.name, line.email, line.lms_id],
                )
        return Change(ChangeKind.ROSTER)

    def remove(self, entry_ids: Sequence[int]) -> Change:
        with self.write() as db:
            for entry_id in entry_ids:
                db.execute("DELETE FROM roster_links WHERE roster_id = ?", [entry_id])
                db.execute("DELETE FROM roster WHERE id = ?", [entry_id])
        return Change(ChangeKind.ROSTER)

    def link(self, student_id: str, entry_id: int) -> Change:
        """The teacher confirmed: submissions with `student_id` are this roster entry's, from
        now on (an id belongs to one entry; an entry may have several ids)."""
        with self.write() as db:
            db.execute(
                "INSERT OR REPLACE INTO roster_links (student_id, roster_id, linked_at) "
                "VALUES (?, ?, ?)",
                [student_id, entry_id, now()],
            )
        return Change(ChangeKind.ROSTER)

    def unlink(self, student_id: str) -> Change:
        with self.write() as db:
            db.execute("DELETE FROM roster_links WHERE student_id = ?", [student_id])
        return Change(ChangeKind.ROSTER)
