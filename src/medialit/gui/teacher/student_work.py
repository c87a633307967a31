"""One student's work against the key, for the teacher: the student's own review window.

The teacher sees what the student sees with feedback `where+why`, whatever the
lesson's mode (the teacher sees everything), with the same outcome symbols,
colours and words (gui.review, core.review), said about the student ("Ben
found this claim…") and titled with their name. The figures are the class
table's: the row's report, scored by `classroom.score_against` from the current key.

`StudentWork` keeps the one such window the teacher window has open at a time:
a new one replaces it in the same place, a key or submission change rescores
it in place, and it closes with its lesson. The rescoring is the class view's:
after a change the work waits for the gradebook the class view makes anyway
(`show_book`, in time slices), so one key edit scores the class once, and never
all at once. The work is rebuilt on the event loop's turn after the class table's
redraw, not in the same one, so neither waits for the other (the window does not stall
for both); a gradebook overtaken by a newer change meanwhile is passed over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from medialit.core.classroom import StudentRow
from medialit.core.model import FeedbackMode, Lesson
from medialit.core.review import Audience
from medialit.core.teacher.grades import ClassBook
from medialit.core.wording import minute, plural
from medialit.gui.review import ReviewWindow
from medialit.gui.teacher.host import TeacherHost

if TYPE_CHECKING:
    from medialit.gui.teacher.class_view import ClassView


def about_line(lesson: Lesson, row: StudentRow) -> str:
    """ "8B · submitted 2026-11-30 09:01", and what the teacher should know about the file."""
    parts = [row.class_code or "no class", f"submitted {minute(row.submitted_at)}"]
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


class StudentWork:
    """The teacher window's one open student's work (`window`, whose it is: `student_id`)."""

    def __init__(self, host: TeacherHost) -> None:
        self.host = host
        self.desk = host.desk
        self.window: ReviewWindow | None = None  # one student's work, at most one
        self.student_id = ""  # whose work `window` shows
        self.waiting = False  # a change made `window` stale: the next gradebook rescores it
        self.view: ClassView | None = None  # whose gradebooks rescore it (`follow`)

    def follow(self, view: ClassView) -> None:
        """Open the work the class view's table opens; rescore it from its gradebooks."""
        self.view = view
        view.student_opened.connect(self.open)
        # queued: the work is rebuilt on the turn after the table is redrawn, not in it
        view.scored.connect(self.show_book, Qt.ConnectionType.QueuedConnection)
        view.not_scored.connect(self.show_not_scored)

    def open(self, row: StudentRow, *, activate: bool = True) -> ReviewWindow | None:
        """Show `row`'s work against the key (the student's review, in the teacher's words).

        It replaces the one open before, in the same place (for the same student,
        at the same outcome); `activate=False` (a rescore after a key edit)
        leaves the focus where it is.
        """
        lesson = self.desk.lesson
        if lesson is None:
            return None
        window = self.host.run(lambda: student_work_window(lesson, row, self.host.window()))
        if window is None:
            return None
        same = row.student_id == self.student_id
        old, self.window, self.student_id = self.window, window, row.student_id
        if old is not None:
            if old.isVisible():
                window.setGeometry(old.geometry())
                if same and old.current_row >= 0 and old.items and window.items:
                    start = old.items[old.current_row].start
                    later = [r for r, item in enumerate(window.items) if item.start >= start]
                    window.select_row(later[0] if later else len(window.items) - 1)
            old.close()
            old.deleteLater()
        window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        window.show()
        if activate:
            window.raise_()
            window.activateWindow()
        return window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        self.window, self.student_id, self.waiting = None, "", False

    def close_unless_on_open_lesson(self) -> None:
        """The desk opened another lesson (or none): the work shown belongs to the old one."""
        lesson = self.desk.lesson
        if self.window is not None and (lesson is None or self.window.lesson.id != lesson.id):
            self.close()

    def rescore(self) -> None:
        """After a key, submission or grading change: the open student's work waits for the
        class view's next gradebook (`show_book`), which the view makes for its table anyway,
        in time slices, even with its tab hidden; it closes when no lesson is left."""
        if self.window is None or not self.window.isVisible():
            return
        if self.desk.lesson is None:
            self.close()
            return
        self.waiting = True
        if self.view is not None:
            self.view.want_book()

    def show_book(self, book: ClassBook) -> None:
        """The class view's gradebook: the open student's graded work in it, rescored (closed
        when nothing of theirs is graded any more). Nothing if no change is waiting on it."""
        if not self.waiting or self._overtaken(book):
            return
        self.waiting = False
        if self.window is None or not self.window.isVisible():
            return
        rows = [book.row_of(s) for s in book.book.students]
        mine = [r for r in rows if r is not None and r.student_id == self.student_id]
        if mine:
            self.open(mine[0], activate=False)
        else:
            self.close()

    def _overtaken(self, book: ClassBook) -> bool:
        """A change since `book` was made (it came a turn later): a newer gradebook is on its
        way, or shown already, and the work waits for that one."""
        view = self.view
        return view is not None and (view.rescoring or view.book is not book)

    def show_not_scored(self, why: str) -> None:
        """The class could not be scored (e.g. no required key span left): the class tab says
        why; the student's work closes, saying so in the status bar."""
        if not self.waiting:
            return
        self.waiting = False
        if self.window is not None:
            self.host.show_message(f"Closed the student's work: {why}")
        self.close()
