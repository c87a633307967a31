"""The `students` table: who has worked on this machine (a name, not a login)."""

from __future__ import annotations

from medialit.core.errors import NotFoundError
from medialit.core.records import Change, ChangeKind, Student, now
from medialit.core.tables.base import Table


class Students(Table):
    def save(self, student: Student) -> Change:
        with self.write() as db:
            existing = db.table("students").count_where("id = ?", [student.id])
            row = {"id": student.id, "name": student.name, "class_code": student.class_code}
            if existing:
                db.table("students").update(student.id, row)
            else:
                db.table("students").insert({**row, "created_at": now()})
        return Change(ChangeKind.STUDENT)

    def get(self, student_id: str) -> Student:
        rows = list(
            self.db.query("SELECT id, name, class_code FROM students WHERE id = ?", [student_id])
        )
        if not rows:
            raise NotFoundError(f"no student with id {student_id}")
        return Student(**rows[0])

    def all(self) -> list[Student]:
        return [
            Student(**row)
            for row in self.db.query("SELECT id, name, class_code FROM students ORDER BY name, id")
        ]

    def named(self, name: str, class_code: str = "") -> Student | None:
        """The student with this name and class code (ignoring case), if any.

        On a shared laptop each name has its own work: typing a name already
        used here continues that student's work. This is not a login.
        """
        wanted = (name.strip().casefold(), class_code.strip().casefold())
        for student in self.all():
            if (student.name.strip().casefold(), student.class_code.strip().casefold()) == wanted:
                return student
        return None
