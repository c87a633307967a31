"""A table whose first column (the student's name) stays put while the rest scroll sideways.

Qt's "Frozen Column" example: a second `QTableView` over the first, showing only column 0,
sharing its model and selection, scrolled vertically with it. The class table has 30-odd
columns; without this the teacher loses whose row they are reading.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex


class FrozenColumnTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozen_column")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.frozen.setStyleSheet(
            "QTableView { border: none; border-right: 1px solid palette(mid); }"
        )
        self.viewport().stackUnder(self.frozen)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sectionResized.connect(self.on_header_sectionResized)
        self.verticalHeader().sectionResized.connect(self.on_rows_sectionResized)
        self.frozen.doubleClicked.connect(self.doubleClicked.emit)
        self.frozen.clicked.connect(self.on_frozen_clicked)
        self.frozen.horizontalHeader().sectionClicked.connect(self.on_frozen_header_clicked)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self.hide_frozen_columns)
            model.layoutChanged.connect(self.hide_frozen_columns)
        self.hide_frozen_columns()

    def hide_frozen_columns(self) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(1, model.columnCount()):
            self.frozen.setColumnHidden(column, True)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self.frozen.verticalHeader().setDefaultSectionSize(
            self.verticalHeader().defaultSectionSize()
        )
        self.update_frozen_geometry()

    def on_header_sectionResized(self, index: int, _old: int, size: int) -> None:
        if index == 0:
            self.frozen.setColumnWidth(0, size)
            self.update_frozen_geometry()

    def on_rows_sectionResized(self, index: int, _old: int, size: int) -> None:
        self.frozen.setRowHeight(index, size)

    def on_frozen_clicked(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.setFocus()

    def on_frozen_header_clicked(self, _section: int) -> None:
        if self.isSortingEnabled():
            header = self.horizontalHeader()
            ascending = not (
                header.sortIndicatorSection() == 0
                and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            )
            order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
            self.sortByColumn(0, order)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update_frozen_geometry()

    def scrollTo(
        self,
        index: Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.column() > 0:  # the frozen column is always in view
            super().scrollTo(index, hint)

    def update_frozen_geometry(self) -> None:
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            self.columnWidth(0),
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
