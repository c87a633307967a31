"""The span list: every span in text order with its label, quote and note, and counts per label.

`SpanListModel` is a Qt table model over the session's `SpanIndex`; it
listens to the index row by row (insert, remove, change), so a new label adds
one row instead of resetting 5,000. Choosing a row (click or arrow keys) asks
the window to select that span in the article; Enter or double-click also
moves the focus there.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medialit.core.model import LABELS, Label
from medialit.core.spanindex import SpanIndex
from medialit.gui.label_style import label_icon

COLUMNS = ("Label", "Quote", "Note")
QUOTE_CHARS = 140
SpanIdRole = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex
Flag = QItemSelectionModel.SelectionFlag


def one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class SpanListModel(QAbstractTableModel):
    def __init__(self, index: SpanIndex, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spans = index
        self._icons = {label: label_icon(label) for label in LABELS}
        self.changing = False  # rows are being added or removed: the current row moves by itself
        index.listeners.append(self)

    # -- IndexListener: turn index changes into Qt's row notifications -------------------

    def index_about_to_change(self, kind: str, row: int) -> None:
        self.changing = True
        if kind == "insert":
            self.beginInsertRows(QModelIndex(), row, row)
        elif kind == "remove":
            self.beginRemoveRows(QModelIndex(), row, row)
        elif kind == "reset":
            self.beginResetModel()

    def index_changed(self, kind: str, row: int) -> None:
        if kind == "insert":
            self.endInsertRows()
        elif kind == "remove":
            self.endRemoveRows()
        elif kind == "reset":
            self.endResetModel()
        else:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.changing = False

    # -- the model -----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spans)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.spans):
            return None
        span = self.spans[index.row()]
        info = span.label.info
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return info.title
            return one_line(span.quote if col == 1 else span.note, QUOTE_CHARS)
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icons[span.label]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            note = f" Note: {span.note}" if span.note else ""
            return f"{info.title}: “{one_line(span.quote, 1000)}”.{note}"
        if role == SpanIdRole:
            return span.id
        return None

    def span_id(self, row: int) -> str:
        return self.spans[row].id


def counts_text(counts: dict[Label, int]) -> str:
    parts = [f"{label.info.title} {counts[label]}" for label in LABELS]
    return f"{sum(counts.values())} spans: " + " · ".join(parts)


class SpanListPanel(QWidget):
    span_chosen = Signal(str)  # a row became current (click, arrow keys)
    span_activated = Signal(str)  # Enter or double-click: go to the article

    def __init__(self, index: SpanIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("span_list_panel")
        self.model = SpanListModel(index, self)
        self.counts = QLabel(self)
        self.counts.setObjectName("span_counts")
        self.counts.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("span_list")
        self.table.setAccessibleName("Your spans, in text order")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, arrows move in it
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(32, 16))
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 118)
        header.resizeSection(2, 90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.counts)
        layout.addWidget(self.table)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_row_changed)
        self.table.activated.connect(self.on_table_activated)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        text = counts_text(self.model.spans.counts())
        self.counts.setText(text)
        self.counts.setAccessibleName(text)

    def select_span(self, span_id: str | None) -> None:
        """Show `span_id` as the current row (no signal back), or no row."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if span_id is None or span_id not in self.model.spans:
                selection.clear()
                return
            row = self.model.spans.row_of(span_id)
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, Flag.ClearAndSelect | Flag.Rows)
            self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()

    def on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The student chose a row; not when a deleted row hands "current" to its neighbour."""
        if current.isValid() and not self.model.changing:
            self.span_chosen.emit(self.model.span_id(current.row()))

    def on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.span_activated.emit(self.model.span_id(index.row()))
