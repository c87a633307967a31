"""One student's submissions, for the teacher to decide what is graded.

Every submission of the row's student, newest first, with when it says it was made, when
it was imported and what became of it (graded, held back and why, after the key release).
The teacher can grade another one (a pick), go back to the automatic choice, confirm a
student id held back as another student's, or link a submitter who is not on the roster
to a close roster name (proposed by `gradebook.names`, never applied without this click).
Every write goes through `Desk.apply`; the class view refreshes on the change.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medialit.core.gradebook.book import BookStudent, Listed
from medialit.core.gradebook.graded import HandIn
from medialit.core.gradebook.names import name_key
from medialit.core.wording import minute
from medialit.gui.errors import show_error
from medialit.gui.teacher.desk import Desk

COLUMNS = ("Made", "Imported", "What counts", "File")


def fate(student: BookStudent, h: HandIn) -> str:
    """What became of one submission, in plain words."""
    choice = student.choice
    if choice.graded is not None and h.key == choice.graded.key:
        return "graded (your pick)" if choice.picked else "graded"
    if h.key in choice.held:
        return "held back: " + choice.held[h.key]
    if h.key in choice.after_release:
        return "imported after the key was released: graded only if you pick it"
    return "an earlier or other submission"


class HandedPanel(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handed_panel")
        self.desk = desk
        self.student: BookStudent | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel("Select a student to see what they handed in.", self)
        self.title.setObjectName("handed_title")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("handed_table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        for column, tip in enumerate(
            ("When it says it was made (UTC)", "When you imported it (UTC)")
        ):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.pick_button = QPushButton("Grade this one", self)
        self.pick_button.setObjectName("pick_submission")
        self.pick_button.clicked.connect(self.pick)
        self.auto_button = QPushButton("Back to the automatic choice", self)
        self.auto_button.setObjectName("unpick_submission")
        self.auto_button.clicked.connect(self.unpick)
        self.confirm_button = QPushButton("This id is this student's", self)
        self.confirm_button.setObjectName("confirm_student_id")
        self.confirm_button.clicked.connect(self.confirm)
        for button in (self.pick_button, self.auto_button, self.confirm_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        link_row = QHBoxLayout()
        self.link_label = QLabel("Not on the roster; close names:", self)
        self.proposals = QComboBox(self)
        self.proposals.setObjectName("roster_proposals")
        self.link_button = QPushButton("Link to this name", self)
        self.link_button.setObjectName("link_roster_name")
        self.link_button.clicked.connect(self.link)
        for widget in (self.link_label, self.proposals, self.link_button):
            link_row.addWidget(widget)
        layout.addLayout(link_row)
        self.show_student(None)

    # -- showing ---------------------------------------------------------------------------

    def show_student(self, student: BookStudent | None) -> None:
        self.student = student
        rows: list[HandIn] = []
        if student is not None:
            rows = [h for h in (student.choice.graded, *student.choice.others) if h is not None]
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            assert student is not None
            path = str(getattr(h.payload, "path", "") or h.key)
            file = path.replace("\\", "/").rsplit("/", 1)[-1]
            cells = (minute(h.header.submitted_at), minute(h.imported_at), fate(student, h), file)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(path if c == 3 else text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()
        if student is None:
            self.title.setText("Select a student to see what they handed in.")
        else:
            status = student.choice.status.value
            self.title.setText(f"<b>{student.name}</b> · {status} · {len(rows)} handed in")
        proposals = student.proposals if student is not None else ()
        self.proposals.clear()
        for p in proposals:
            entry = p.entry
            assert isinstance(entry, Listed)
            self.proposals.addItem(
                f"{p.entry_name} ({entry.class_code}) · {p.similarity:.0f}%", entry
            )
        for widget in (self.link_label, self.proposals, self.link_button):
            widget.setVisible(bool(proposals))
        if rows:
            self.table.selectRow(0)
        self.update_buttons()

    def selected(self) -> HandIn | None:
        student = self.student
        rows = self.table.selectionModel().selectedRows() if student else []
        if student is None or not rows:
            return None
        handed = [h for h in (student.choice.graded, *student.choice.others) if h is not None]
        return handed[rows[0].row()]

    def update_buttons(self) -> None:
        h, student = self.selected(), self.student
        graded = student.choice.graded if student else None
        self.pick_button.setEnabled(h is not None and (graded is None or h.key != graded.key))
        self.auto_button.setEnabled(bool(student and student.choice.picked))
        held_for_id = bool(h and student and "student id" in student.choice.held.get(h.key, ""))
        self.confirm_button.setEnabled(held_for_id)

    # -- deciding --------------------------------------------------------------------------

    def _write(self, what: str, write: object) -> None:
        try:
            self.desk.apply(write)  # type: ignore[arg-type]
        except Exception as exc:  # StoreError and the like: said once, nothing half-done
            show_error(self, f"Could not {what}", exc)

    def pick(self) -> None:
        h, student, lesson = self.selected(), self.student, self.desk.lesson
        if h is None or student is None or lesson is None:
            return
        others = [o.key for o in student.handed if o.key != h.key]
        self._write(
            "grade this submission",
            lambda s: s.grading.pick(lesson.id, h.key, instead_of=others),
        )

    def unpick(self) -> None:
        student, lesson = self.student, self.desk.lesson
        if student is None or lesson is None:
            return
        keys = [h.key for h in student.handed]
        self._write("go back to the automatic choice", lambda s: s.grading.unpick(lesson.id, keys))

    def confirm(self) -> None:
        h, lesson = self.selected(), self.desk.lesson
        if h is None or lesson is None:
            return
        key = name_key(h.header.student_name)
        self._write(
            "confirm the student id",
            lambda s: s.grading.confirm_id(h.header.student_id, key, lesson_id=lesson.id),
        )

    def link(self) -> None:
        student = self.student
        entry = self.proposals.currentData()
        if student is None or not isinstance(entry, Listed):
            return
        ids = sorted({h.header.student_id for h in student.handed})

        def write(s: object) -> object:
            change = None
            for student_id in ids:
                change = s.roster.link(student_id, entry.id)  # type: ignore[attr-defined]
            return change

        self._write("link the name", write)
