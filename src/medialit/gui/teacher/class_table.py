"""The class table's model: one row per student, a column per figure, sorted as numbers.

`StudentTableModel` shows the gradebook's rows (`teacher.grades.ClassBook`: every roster
student of the lesson's classes, then those not on the roster), each with its status and
the graded submission's figures, empty where nothing is graded; it computes nothing.
`StudentFilter` sorts numbers as numbers and filters on name, class, status and id.
`COLUMNS` is the one list of the table's columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from medialit.core.classroom import StudentRow
from medialit.core.gradebook.book import BookStudent
from medialit.core.gradebook.names import fold
from medialit.core.gradebook.rows import Status
from medialit.core.model import LABELS
from medialit.core.scoring import ScoreReport
from medialit.core.wording import minute, plural

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@dataclass(frozen=True, slots=True)
class ClassRow:
    """A gradebook row as the table shows it: the student, and the graded submission's
    scored row (None: nothing graded), with its points."""

    student: BookStudent
    scored: StudentRow | None
    points: float | None
    has_roster: bool = False  # then a student who is not on it is marked so

    @property
    def off_roster(self) -> bool:
        return self.has_roster and self.student.entry is None

    @property
    def name(self) -> str:
        return self.student.name

    @property
    def class_code(self) -> str:
        return self.student.class_code

    @property
    def status(self) -> Status:
        return self.student.choice.status

    @property
    def student_id(self) -> str:
        return self.student.student_id

    @property
    def submitted_at(self) -> str:
        return self.scored.submitted_at if self.scored else ""

    @property
    def report(self) -> ScoreReport | None:
        return self.scored.report if self.scored else None


STATUS_TEXT = {
    Status.SUBMITTED: "submitted",
    Status.LATE: "late",
    Status.AFTER_KEY_RELEASE: "after key release",
    Status.NEEDS_REVIEW: "needs review",
    Status.NOT_SUBMITTED: "not submitted",
}

COLUMNS: tuple[tuple[str, str], ...] = (
    ("Student", "name"),
    ("Class", "class_code"),
    ("Status", "status"),
    ("Submitted", "submitted_at"),
    ("Score", "score"),
    ("Points", "points"),
    ("P", "precision"),
    ("R", "recall"),
    ("F1", "f1"),
    ("Strict P", "strict_precision"),
    ("Strict R", "strict_recall"),
    ("Strict F1", "strict_f1"),
    ("Correct", "correct"),
    ("Partial", "partial"),
    ("Wrong label", "wrong_label"),
    ("Missed", "missed"),
    ("Spurious", "spurious"),
    *((f"{label.info.title} F1", f"label:{label.value}") for label in LABELS),
)


FIRST_NUMBER = 4  # columns from here on are numbers, right-aligned


def cell_value(row: ClassRow, field: str) -> str | float | int | None:
    if field in ("name", "class_code", "submitted_at"):
        value: str = getattr(row, field)
        return value
    if field == "status":
        return STATUS_TEXT[row.status]
    if field == "points":
        return row.points
    report = row.report
    if report is None:
        return None
    if field.startswith("label:"):
        label = LABELS[[lab.value for lab in LABELS].index(field[6:])]
        return report.for_label(label).f1
    number: float | int = getattr(report, field)
    return number


class StudentTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[ClassRow, ...] = ()
        self.decimals = 1  # of the points column (the lesson's rounding)

    def set_rows(self, rows: Sequence[ClassRow], *, decimals: int = 1) -> None:
        self.decimals = decimals
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        field = COLUMNS[index.column()][1]
        value = cell_value(row, field)
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "name" and row.off_roster:
                return f"{value} (not on roster)"
            if field == "submitted_at" and isinstance(value, str):
                return minute(value)
            if field == "score" and isinstance(value, float):
                return f"{value:.1f}"
            if field == "points" and isinstance(value, float):
                return f"{value:.{self.decimals}f}"
            if isinstance(value, float):
                return ratio(value)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            if value is None:
                return -1.0
            return value.casefold() if isinstance(value, str) else float(value)
        if role == Qt.ItemDataRole.FontRole and field == "name" and row.off_roster:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= FIRST_NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 2):
            return row_tip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.student_id
        return None


class StudentFilter(QSortFilterProxyModel):
    """Sorts numbers as numbers; filters on name, class and id, ignoring case and accents
    (a teacher types "zoe" for Zoë: `names.fold`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, StudentTableModel)
        row = model.rows[source_row]
        fields = (row.name, row.class_code, row.student_id, STATUS_TEXT[row.status])
        return any(self.needle in fold(s) for s in fields)


def row_tip(row: ClassRow) -> str:
    """Who, which ids, why the status, and what Enter does."""
    s = row.student
    ids = sorted({h.header.student_id for h in s.handed})
    tip = s.name + (f" ({', '.join(ids)})" if ids else "")
    if s.entry is None:
        tip += "\nNot on the roster"
        if s.proposals:
            close = ", ".join(p.entry_name for p in s.proposals)
            tip += f": close to {close} (link it under Submissions)"
    if row.scored is not None and row.scored.orphans:
        lost = plural(row.scored.orphans, "span")
        tip += f"\n{lost} from an earlier text could not be placed"
    held = [s.choice.held[h.key] for h in s.handed if h.key in s.choice.held]
    tip += "".join(f"\nHeld back: {reason}" for reason in held)
    if s.choice.status is Status.AFTER_KEY_RELEASE:
        tip += "\nImported after the key was released: graded only if you pick it"
    if row.scored is not None:
        tip += "\nDouble-click (or Enter) to see this student's work against the key."
    return tip
