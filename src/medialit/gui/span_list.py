"""The span list: every span in text order with its label, quote and note, and counts per label.

The table shows `span_model.SpanListModel`. Choosing a row (click or arrow
keys) asks the window to select that span in the article; Enter or
double-click also moves the focus there, except on the Note cell, where they
open the note editor.

`OrphanPanel`, under the list, shows the spans that could not be placed on a
corrected article text ("Could not place"): label, quote and note, to read
and copy (Ctrl+C) and, when the student chooses, to delete (Delete; undoable).
It appears only when there are some.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medialit.core.model import LABELS, Label
from medialit.core.records import SavedSpan
from medialit.core.spanindex import SpanIndex
from medialit.core.wording import one_line, plural
from medialit.gui.label_style import label_icon
from medialit.gui.span_model import (
    COLUMNS,
    NOTE_COLUMN,
    QUOTE_CHARS,
    SpanIdRole,
    SpanListModel,
)

Flag = QItemSelectionModel.SelectionFlag


def counts_text(counts: dict[Label, int]) -> str:
    parts = [f"{label.info.title} {counts[label]}" for label in LABELS]
    return f"{plural(sum(counts.values()), 'span')}: " + " · ".join(parts)


def orphans_text(n: int, *, where: str = "below") -> str:
    """What the student is told about spans that could not be placed."""
    labels = plural(n, "label", "labels")
    kept = "it is" if n == 1 else "they are"
    return f"{labels} could not be placed on the corrected text; {kept} kept {where}."


def orphan_description(span_label: Label, quote: str, note: str) -> str:
    note_text = f" Note: {note}" if note else ""
    return f"{span_label.info.title}: “{one_line(quote, 1000)}”.{note_text}"


class OrphanTable(QTableWidget):
    """The orphans' rows; Delete, Backspace and Ctrl+C act here, not on the article's span."""

    delete_pressed = Signal()
    copy_pressed = Signal()

    def _ours(self, event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Copy) or event.key() in (
            Qt.Key.Key_Delete,
            Qt.Key.Key_Backspace,
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._ours(event)
        ):
            event.accept()  # the window's Delete (a span in the article) must not fire here
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_pressed.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)


class OrphanPanel(QWidget):
    """ "Could not place": spans kept from an earlier text, to read, copy and delete."""

    delete_requested = Signal(str)  # span id; the window turns it into an undo command
    copied = Signal(str)  # the quote now on the clipboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphan_panel")
        self.orphans: list[SavedSpan] = []
        self._shown: tuple[list[SavedSpan], str] | None = None
        self._icons = {label: label_icon(label) for label in LABELS}
        self.heading = QLabel(self)
        self.heading.setObjectName("orphan_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("orphan_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.table = OrphanTable(0, len(COLUMNS), self)
        self.table.setObjectName("orphan_list")
        self.table.setAccessibleName("Labels that could not be placed on the corrected text")
        self.table.setAccessibleDescription(
            "Ctrl+C copies the quote, Delete removes the label (Ctrl+Z brings it back)"
        )
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(32, 16))
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # room for about five rows: the student's own spans keep most of the dock
        self.table.setMaximumHeight(rows.defaultSectionSize() * 5 + header.sizeHint().height() + 4)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 118)
        header.resizeSection(2, 90)
        self.copy_button = QPushButton("&Copy quote", self)
        self.copy_button.setObjectName("copy_orphan_quote")
        self.copy_button.setToolTip("Copy the chosen label's quote (Ctrl+C in the list)")
        self.delete_button = QPushButton("De&lete label", self)
        self.delete_button.setObjectName("delete_orphan")
        self.delete_button.setToolTip("Delete the chosen label (Delete in the list; Ctrl+Z undoes)")
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.copy_pressed.connect(self.copy_current)
        self.table.delete_pressed.connect(self.delete_current)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.set_orphans([])

    def set_orphans(self, orphans: Sequence[SavedSpan], *, problem: str = "") -> None:
        """Show these orphans (hidden when there are none); `problem`: why they were not saved."""
        orphans = list(orphans)
        if (orphans, problem) == self._shown:
            return  # refreshed after every edit: keep the student's row when nothing changed
        self._shown = (orphans, problem)
        row = max(self.table.currentRow(), 0)
        self.orphans = orphans
        self.table.setRowCount(len(orphans))
        for n, orphan in enumerate(orphans):
            span = orphan.span
            description = orphan_description(span.label, span.quote, span.note)
            cells = (
                span.label.info.title,
                one_line(span.quote, QUOTE_CHARS),
                one_line(span.note, 80),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(description)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, description)
                item.setData(SpanIdRole, span.id)
                if col == 0:
                    item.setIcon(self._icons[span.label])
                self.table.setItem(n, col, item)
        count = len(orphans)
        self.heading.setText(f"Could not place ({count})")
        text = orphans_text(count)
        if problem:
            text += (
                f" Their new places could not be saved ({problem}); medialit tries again next time."
            )
        else:
            text += (
                " Each keeps its label, quote and note from the earlier text. If its words are "
                "still in the article (perhaps changed), label them again; then delete the old "
                "label here."
            )
        self.message.setText(text)
        self.message.setAccessibleName(text)
        if count:
            self.table.setCurrentCell(min(row, count - 1), 0)
        self.setVisible(bool(count))
        self._update_buttons()

    def current(self) -> SavedSpan | None:
        row = self.table.currentRow()
        return self.orphans[row] if 0 <= row < len(self.orphans) else None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.copy_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def copy_current(self) -> None:
        orphan = self.current()
        if orphan is not None:
            QGuiApplication.clipboard().setText(orphan.span.quote)
            self.copied.emit(orphan.span.quote)

    def delete_current(self) -> None:
        orphan = self.current()
        if orphan is not None:
            self.delete_requested.emit(orphan.span.id)


class SpanListPanel(QWidget):
    span_chosen = Signal(str)  # a row became current (click, arrow keys)
    span_activated = Signal(str)  # Enter or double-click: go to the article
    note_requested = Signal(str)  # Enter or double-click on the Note cell: edit the note

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
        self.orphan_panel = OrphanPanel(self)
        layout.addWidget(self.orphan_panel)
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
        selection.blockSignals(True)  # the view hears nothing: it is repainted below
        try:
            if span_id is None or span_id not in self.model.spans:
                selection.clear()  # no selected row and no current row: nothing highlighted
            else:
                index = self.model.index(self.model.spans.row_of(span_id), 0)
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
        if not index.isValid():
            return
        span_id = self.model.span_id(index.row())
        if index.column() == NOTE_COLUMN:
            self.note_requested.emit(span_id)
        else:
            self.span_activated.emit(span_id)
