"""`store.grading`: what turns a lesson's scores into grades. Per lesson: "out of N"
points and their rounding, 0 or empty for non-submitters, the due date, the classes it is
for and the moment its key was released; the teacher's picks of a graded submission; the
student ids the teacher confirmed under a name."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from medialit.core.records import Change, ChangeKind, now
from medialit.core.tables.base import Table

if TYPE_CHECKING:  # the teacher's records load when a teacher's table is first read
    from medialit.core.teacher_records import LessonGrading

_COLUMNS = "lesson_id, out_of, decimals, zero_for_missing, due_at, key_released_at, class_codes"


class Grading(Table):
    def of(self, lesson_id: str) -> LessonGrading:
        from medialit.core.teacher_records import LessonGrading

        rows = list(
            self.db.query(f"SELECT {_COLUMNS} FROM lesson_grading WHERE lesson_id = ?", [lesson_id])
        )
        if not rows:
            return LessonGrading(lesson_id)
        r = rows[0]
        return LessonGrading(
            lesson_id,
            float(r["out_of"]),
            int(r["decimals"]),
            bool(r["zero_for_missing"]),
            r["due_at"],
            r["key_released_at"],
            tuple(json.loads(r["class_codes"])),
        )

    def save(self, grading: LessonGrading) -> Change:
        """Points, rounding, non-submitters, due date and classes (the release is kept)."""
        with self.write() as db:
            db.execute(
                "INSERT INTO lesson_grading (lesson_id, out_of, decimals, zero_for_missing, "
                "due_at, class_codes) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (lesson_id) DO "
                "UPDATE SET out_of = excluded.out_of, decimals = excluded.decimals, "
                "zero_for_missing = excluded.zero_for_missing, due_at = excluded.due_at, "
                "class_codes = excluded.class_codes",
                [
                    grading.lesson_id,
                    grading.out_of,
                    grading.decimals,
                    int(grading.zero_for_missing),
                    grading.due_at,
                    json.dumps(list(grading.class_codes), ensure_ascii=False),
                ],
            )
        return Change(ChangeKind.GRADING, grading.lesson_id)

    def release_key(self, lesson_id: str, *, at: str | None = None) -> Change:
        """Record that the key left the teacher's hands now (a review pack was exported).
        The first release counts: a later export does not move it."""
        with self.write() as db:
            db.execute(
                "INSERT INTO lesson_grading (lesson_id, key_released_at) VALUES (?, ?) "
                "ON CONFLICT (lesson_id) DO UPDATE SET key_released_at = "
                "CASE WHEN key_released_at = '' THEN excluded.key_released_at "
                "ELSE key_released_at END",
                [lesson_id, at or now()],
            )
        return Change(ChangeKind.GRADING, lesson_id)

    # -- picks and confirmed ids --------------------------------------------------------------

    def picks(self, lesson_id: str) -> frozenset[str]:
        rows = self.db.query(
            "SELECT submission_id FROM graded_picks WHERE lesson_id = ?", [lesson_id]
        )
        return frozenset(r["submission_id"] for r in rows)

    def pick(self, lesson_id: str, submission_id: str, *, instead_of: Sequence[str] = ()) -> Change:
        """Grade `submission_id` for its student (dropping the picks in `instead_of`: the
        same student's other submissions)."""
        with self.write() as db:
            for other in instead_of:
                db.execute("DELETE FROM graded_picks WHERE submission_id = ?", [other])
            db.execute(
                "INSERT OR REPLACE INTO graded_picks (submission_id, lesson_id, picked_at) "
                "VALUES (?, ?, ?)",
                [submission_id, lesson_id, now()],
            )
        return Change(ChangeKind.GRADING, lesson_id)

    def unpick(self, lesson_id: str, submission_ids: Sequence[str]) -> Change:
        with self.write() as db:
            for submission_id in submission_ids:
                db.execute("DELETE FROM graded_picks WHERE submission_id = ?", [submission_id])
        return Change(ChangeKind.GRADING, lesson_id)

    def confirmed_ids(self) -> frozenset[tuple[str, str]]:
        """(student id, folded name) pairs the teacher confirmed."""
        rows = self.db.query("SELECT student_id, name_key FROM confirmed_ids")
        return frozenset((r["student_id"], r["name_key"]) for r in rows)

    def confirm_id(self, student_id: str, name_key: str, *, lesson_id: str = "") -> Change:
        with self.write() as db:
            db.execute(
                "INSERT OR IGNORE INTO confirmed_ids (student_id, name_key, confirmed_at) "
                "VALUES (?, ?, ?)",
                [student_id, name_key, now()],
            )
        return Change(ChangeKind.GRADING, lesson_id)

    def decided(self, lesson_id: str) -> bool:
        """Whether the teacher decided anything for this lesson's grades (a pick, a due date,
        a key release, a confirmed id or roster link): `medialit score --roster` cannot know
        those, so only without them do the two write the same bytes."""
        grading = self.of(lesson_id)
        return bool(
            grading.due_at
            or grading.key_released_at
            or self.picks(lesson_id)
            or self.confirmed_ids()
            or list(self.db.query("SELECT 1 FROM roster_links LIMIT 1"))
        )
