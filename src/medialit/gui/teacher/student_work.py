"""One student's work against the key, for the teacher: the student's own review window.

The teacher sees what the student sees with feedback `where+why`, whatever the
lesson's mode (the teacher sees everything), with the same outcome symbols,
colours and words (gui.review, core.review), said about the student ("Ben
found this claim…") and titled with their name. The figures are the class
table's: the row's report, scored by `classroom.score_class` from the current key.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from medialit.core.classroom import StudentRow
from medialit.core.model import FeedbackMode, Lesson
from medialit.core.review import Audience
from medialit.core.wording import plural
from medialit.gui.review import ReviewWindow


def about_line(lesson: Lesson, row: StudentRow) -> str:
    """ "8B · submitted 2026-11-30 09:01", and what the teacher should know about the file."""
    parts = [row.class_code or "no class", f"submitted {row.submitted_at[:16].replace('T', ' ')}"]
    version = row.submission.lesson_version
    if version != lesson.version:
        parts.append(
            f"written on version {version} of the text, placed on version {lesson.version}"
        )
    if row.orphans:
        parts.append(
            f"{plural(row.orphans, 'span')} could not be placed on this text, so not scored"
        )
    return " · ".join(parts)


def student_work_window(
    lesson: Lesson, row: StudentRow, parent: QWidget | None = None
) -> ReviewWindow:
    """The review of `row`'s submission in the teacher's voice (not shown yet)."""
    window = ReviewWindow(
        lesson,
        report=row.report,
        mode=FeedbackMode.WHERE_WHY,
        student_name=row.name,
        audience=Audience.TEACHER,
        about=about_line(lesson, row),
        parent=parent,
    )
    window.setObjectName("student_work")
    return window
