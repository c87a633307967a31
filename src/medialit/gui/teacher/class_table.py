"""The class table's model: one row per student, a column per figure, sorted as numbers.

`StudentTableModel` shows the rows `classroom.score_class` made (it computes
nothing); `StudentFilter` sorts numbers as numbers and filters on name, class
and id. `COLUMNS` is the one list of the table's columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from medialit.core.classroom import StudentRow
from medialit.core.model import LABELS
from medialit.core.wording import plural

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


COLUMNS: tuple[tuple[str, str], ...] = (
    ("Student", "name"),
    ("Class", "class_code"),
    ("Submitted", "submitted_at"),
    ("Score", "score"),
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


def cell_value(row: StudentRow, field: str) -> str | float | int | None:
    if field in ("name", "class_code", "submitted_at"):
        value: str = getattr(row, field)
        return value
    if field.startswith("label:"):
        label = LABELS[[lab.value for lab in LABELS].index(field[6:])]
        return row.report.for_label(label).f1
    number: float | int = getattr(row.report, field)
    return number


class StudentTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[StudentRow, ...] = ()

    def set_rows(self, rows: Sequence[StudentRow]) -> None:
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
            if field == "submitted_at" and isinstance(value, str):
                return value[:16].replace("T", " ")
            if field == "score" and isinstance(value, float):
                return f"{value:.1f}"
            if isinstance(value, float):
                return ratio(value)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            if value is None:
                return -1.0
            return value.casefold() if isinstance(value, str) else float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            tip = f"{row.name} ({row.student_id})"
            if row.orphans:
                tip += f"\n{plural(row.orphans, 'span')} from an earlier text could not be placed"
            return tip + "\nDouble-click (or Enter) to see this student's work against the key."
        if role == Qt.ItemDataRole.UserRole:
            return row.student_id
        return None


class StudentFilter(QSortFilterProxyModel):
    """Sorts numbers as numbers; filters on name, class and id (case-insensitive)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, StudentTableModel)
        row = model.rows[source_row]
        return any(self.needle in s.casefold() for s in (row.name, row.class_code, row.student_id))
