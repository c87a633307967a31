"""The span list's table model: every span in text order, its label, quote and note.

`SpanListModel` is a Qt table model over the session's `SpanIndex`; it
listens to the index row by row (insert, remove, change), so a new label adds
one row instead of resetting 5,000. Each cell is named for a screen reader by
its own column (the label, the whole quote, the note or "no note"), so a row
is not read three times over.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from medialit.core.model import LABELS, Span
from medialit.core.spanindex import SpanIndex
from medialit.core.wording import one_line
from medialit.gui.label_style import label_icon

COLUMNS = ("Label", "Quote", "Note")
QUOTE_CHARS = 140
SpanIdRole = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex
NOTE_COLUMN = 2


def describe_span(span: Span) -> str:
    """A span in words, as the status bar and a screen reader say it, with what keys do to it."""
    note = f" Your note: {one_line(span.note, 80)}." if span.note else ""
    return (
        f"{span.label.info.title}: “{one_line(span.quote, 60)}”.{note} "
        "1-4 relabel, N note, Delete remove, Esc let go."
    )


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
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole row, for the eye
            note = f" Note: {span.note}" if span.note else ""
            return f"{info.title}: “{one_line(span.quote, 1000)}”.{note}"
        if role == Qt.ItemDataRole.AccessibleTextRole:  # this cell only: its column says what
            if col == 0:
                return info.title
            if col == 1:
                return one_line(span.quote, 1000)
            return one_line(span.note, 1000) if span.note else "no note"
        if role == SpanIdRole:
            return span.id
        return None

    def span_id(self, row: int) -> str:
        return self.spans[row].id
