"""How the key editor is laid out, and its list of key spans.

The article with its toolbar on the left; on the right the counts, the key's
spans, the suggestion panel (in suggestion mode), the selected span's
details and the warnings. It fits a 1366x768 laptop beside the lessons list:
the list of spans gives up height first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medialit.core.model import LABELS, KeySpan
from medialit.gui.teacher.key_details import short

COLUMNS = ("Label", "Text", "Also", "Optional", "Why")
STRETCH = {"key_table": 3, "key_warnings": 1}


class KeyTable(QTableWidget):
    """The key's spans in text order; choosing a row says which span (`span_chosen`)."""

    span_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("key_table")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setMinimumHeight(90)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._updating = False
        self.itemSelectionChanged.connect(self.on_itemSelectionChanged)

    def show_key(self, key: Sequence[KeySpan], selected_id: str | None) -> None:
        self._updating = True
        try:
            self.setRowCount(len(key))
            selected_row = -1
            for row, k in enumerate(key):
                cells = (
                    k.label.info.title,
                    short(k.quote),
                    ", ".join(lab.info.title for lab in LABELS if lab in k.also_accept),
                    "optional" if k.optional else "",
                    "✓" if k.explanation.strip() else "⚠",
                )
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, k.id)
                    if col == 0:
                        item.setBackground(QColor(k.label.info.tint))
                    if col == 1:
                        item.setToolTip(k.quote)
                    if col == 4:
                        item.setToolTip(k.explanation or "No explanation yet")
                    self.setItem(row, col, item)
                if k.id == selected_id:
                    selected_row = row
            if selected_row >= 0:
                self.selectRow(selected_row)
                index = self.model().index(selected_row, 0)
                self.scrollTo(index)
                QTimer.singleShot(0, lambda: self.scrollTo(index))  # again, once laid out
            else:
                self.clearSelection()
        finally:
            self._updating = False

    def on_itemSelectionChanged(self) -> None:
        if self._updating:
            return
        items = self.selectedItems()
        span_id = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        if isinstance(span_id, str):
            self.span_chosen.emit(span_id)


def arrange(editor: QWidget, left_parts: Sequence[QWidget], right_parts: Sequence[QWidget]) -> None:
    """Put the editor's parts in place (they are made by the editor): the toolbar and the
    article on the left; counts, key list, suggestion panel, details, warnings on the right
    (the key list and the warnings give up height first)."""
    left = QWidget(editor)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    for part in left_parts:
        left_layout.addWidget(part, 1 if part is left_parts[-1] else 0)

    right = QWidget(editor)
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    for part in right_parts:
        right_layout.addWidget(part, STRETCH.get(part.objectName(), 0))
    right.setMinimumWidth(300)

    splitter = QSplitter(Qt.Orientation.Horizontal, editor)
    splitter.setObjectName("key_splitter")
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setChildrenCollapsible(False)
    splitter.setSizes([620, 420])
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
