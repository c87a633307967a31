"""The key editor: the same ArticleView as students use, plus the key's spans and their details.

Select text and press 1-4 (or a label button) to add a key span; pick a span in
the list to edit its label, accepted labels, optional flag and explanation.
Every edit is an undo command; the editor validates before pushing (no
same-label overlap, nothing empty), so `redo()` never fails on bad input.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.model import LABELS, KeySpan, Label, Span, SpanId
from medialit.core.records import Change
from medialit.core.spanindex import SpanIndex
from medialit.core.teacher.keycheck import check_key, check_no_overlap, make_key_span
from medialit.gui.article_view import ArticleView
from medialit.gui.teacher.commands import AddKeySpan, DeleteKeySpan, EditKeySpan
from medialit.gui.teacher.desk import Desk

COLUMNS = ("Label", "Text", "Also", "Optional", "Why")


def as_display_span(k: KeySpan) -> Span:
    """A key span drawn like a student's span (the explanation shows as its tooltip note)."""
    return Span(SpanId(k.id), k.start, k.end, k.label, k.quote, note=k.explanation)


def short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class KeyEditor(QWidget):
    message = Signal(str)  # for the window's status bar

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("key_editor")
        self.desk = desk
        self.undo_stack = QUndoStack(self)
        self._selected_id: str | None = None
        self._updating = False

        self.view = ArticleView("", self)
        self.view.setObjectName("key_article_view")
        self.view.setAccessibleName("Article text (key editor)")
        self.toolbar = QToolBar("Key labels", self)
        self.toolbar.setObjectName("key_toolbar")
        self.label_actions: dict[Label, QAction] = {}
        for label in LABELS:
            info = label.info
            action = QAction(f"{info.shortcut} {info.title}", self)
            action.setObjectName(f"key_label_{label.value}")
            action.setShortcut(QKeySequence(info.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.setToolTip(f"Add the selection to the key as {info.title} ({info.shortcut})")
            action.triggered.connect(lambda _=False, lab=label: self.add_selection(lab))
            self.view.addAction(action)
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setStyleSheet(
                    f"QToolButton {{ border-bottom: 4px solid {info.colour}; padding: 4px 10px; }}"
                )
            self.label_actions[label] = action
        self.toolbar.addSeparator()
        self.delete_action = QAction("Delete key span", self)
        self.delete_action.setObjectName("key_delete")
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.toolbar.addAction(self.delete_action)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.toolbar)
        left_layout.addWidget(self.view, 1)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("key_counts")
        self.counts_label.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("key_table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self.on_table_itemSelectionChanged)
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("key_warnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.setStyleSheet("color: #8a4b00;")

        self.details = self._make_details()

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.counts_label)
        right_layout.addWidget(self.table, 3)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.warnings_label, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        right.setMinimumWidth(300)
        splitter.setSizes([620, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.view.span_clicked.connect(self.on_view_span_clicked)
        desk.changed.connect(self.on_desk_changed)
        desk.lesson_switched.connect(self.on_desk_lesson_switched)
        self.on_desk_lesson_switched()

    def _make_details(self) -> QGroupBox:
        box = QGroupBox("Selected key span", self)
        form = QFormLayout(box)
        self.selected_quote = QLabel(box)
        self.selected_quote.setObjectName("key_selected_quote")
        self.selected_quote.setWordWrap(True)
        form.addRow(self.selected_quote)
        self.label_combo = QComboBox(box)
        self.label_combo.setObjectName("key_detail_label")
        for label in LABELS:
            self.label_combo.addItem(label.info.title, label.value)
        self.label_combo.activated.connect(self.on_label_combo_activated)
        form.addRow("Label", self.label_combo)
        accept_row = QGridLayout()
        self.accept_boxes: dict[Label, QCheckBox] = {}
        for i, label in enumerate(LABELS):
            check = QCheckBox(label.info.title, box)
            check.setObjectName(f"key_also_{label.value}")
            check.clicked.connect(self.on_accept_box_clicked)
            accept_row.addWidget(check, i // 2, i % 2)
            self.accept_boxes[label] = check
        form.addRow("Also accept", accept_row)
        self.optional_box = QCheckBox("Optional: a bonus if found, never missed", box)
        self.optional_box.setObjectName("key_optional")
        self.optional_box.clicked.connect(self.on_optional_box_clicked)
        form.addRow("", self.optional_box)
        self.explanation_edit = QPlainTextEdit(box)
        self.explanation_edit.setObjectName("key_explanation")
        self.explanation_edit.setPlaceholderText("Why is this the right label? Students see it.")
        self.explanation_edit.setTabChangesFocus(True)
        self.explanation_edit.setMaximumHeight(90)
        form.addRow("Explanation", self.explanation_edit)
        self.save_explanation = QPushButton("Save explanation", box)
        self.save_explanation.setObjectName("key_save_explanation")
        self.save_explanation.clicked.connect(self.on_save_explanation_clicked)
        form.addRow("", self.save_explanation)
        return box

    # -- reading state ---------------------------------------------------------------------

    def selected_span(self) -> KeySpan | None:
        for k in self.desk.key:
            if k.id == self._selected_id:
                return k
        return None

    # -- edits -----------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> bool:
        try:
            self.undo_stack.push(command)
        except MedialitError as exc:
            self.message.emit(f"Not saved: {exc}")
            return False
        return True

    def add_selection(self, label: Label) -> None:
        lesson = self.desk.lesson
        selection = self.view.selection_cp()
        if lesson is None:
            return
        if selection is None:
            self.message.emit("Select some text first, then press 1-4.")
            return
        try:
            span = make_key_span(lesson.article, *selection, label, existing=self.desk.key)
        except MedialitError as exc:
            self.message.emit(f"Not added: {exc}")
            return
        self._selected_id = span.id
        if self.push(AddKeySpan(self.desk, span)):
            self.message.emit(f"Added {label.value} key span: “{short(span.quote, 40)}”")

    def delete_selected(self) -> None:
        span = self.selected_span()
        if span is not None:
            self._selected_id = None
            self.push(DeleteKeySpan(self.desk, span))

    def edit_selected(self, what: str, **changes: object) -> bool:
        span = self.selected_span()
        if span is None:
            return False
        after = dataclasses.replace(span, **changes)  # type: ignore[arg-type]
        after = dataclasses.replace(after, also_accept=after.also_accept - {after.label})
        if after == span:
            return False
        try:
            check_no_overlap(after, self.desk.key)
        except MedialitError as exc:
            self.message.emit(f"Not changed: {exc}")
            self._show_details(span)
            return False
        return self.push(EditKeySpan(self.desk, span, after, what))

    def on_label_combo_activated(self, index: int) -> None:
        value = self.label_combo.itemData(index)
        if isinstance(value, str):
            label = Label(value)
            self.edit_selected(f"Relabel key span as {label.value}", label=label)

    def on_accept_box_clicked(self) -> None:
        accepted = frozenset(label for label, box in self.accept_boxes.items() if box.isChecked())
        self.edit_selected("Change accepted labels", also_accept=accepted)

    def on_optional_box_clicked(self) -> None:
        self.edit_selected("Change optional flag", optional=self.optional_box.isChecked())

    def on_save_explanation_clicked(self) -> None:
        text = self.explanation_edit.toPlainText().strip()
        if self.edit_selected("Edit explanation", explanation=text):
            self.message.emit("Explanation saved.")

    # -- refresh ---------------------------------------------------------------------------

    def on_desk_lesson_switched(self) -> None:
        self.undo_stack.clear()
        self._selected_id = None
        lesson = self.desk.lesson
        self.view.set_text(lesson.article.text if lesson else "")
        self.setEnabled(lesson is not None)
        self.refresh()

    def on_desk_changed(self, change: Change) -> None:
        if change.kind.startswith("key") or change.kind.startswith("lesson"):
            lesson = self.desk.lesson
            if change.kind == "lesson-saved" and lesson and self.view.text != lesson.article.text:
                self.undo_stack.clear()  # a new text version: old edits no longer apply
                self.view.set_text(lesson.article.text)
            self.refresh()

    def refresh(self) -> None:
        key = self.desk.key
        if self._selected_id and not any(k.id == self._selected_id for k in key):
            self._selected_id = None
        self.view.set_index(SpanIndex([as_display_span(k) for k in key]))
        self.view.set_selected_span(self._selected_id)
        self._updating = True
        try:
            self.table.setRowCount(len(key))
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
                    self.table.setItem(row, col, item)
                if k.id == self._selected_id:
                    selected_row = row
            if selected_row >= 0:
                self.table.selectRow(selected_row)
            else:
                self.table.clearSelection()
        finally:
            self._updating = False
        self._show_details(self.selected_span())
        check = check_key(key)
        optional = len(key) - check.required
        self.counts_label.setText(
            " · ".join(f"{lab.info.title} {check.counts[lab]}" for lab in LABELS)
            + f"  ({check.required} required, {optional} optional)"
        )
        warnings = check.warnings if self.desk.lesson else []
        self.warnings_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.delete_action.setEnabled(self._selected_id is not None)

    def _show_details(self, span: KeySpan | None) -> None:
        self.details.setEnabled(span is not None)
        self.selected_quote.setText(f"“{short(span.quote, 200)}”" if span else "(none selected)")
        self.label_combo.setCurrentIndex(LABELS.index(span.label) if span else 0)
        for label, box in self.accept_boxes.items():
            box.setChecked(bool(span and label in span.also_accept))
            box.setEnabled(bool(span and label is not span.label))
        self.optional_box.setChecked(bool(span and span.optional))
        text = span.explanation if span else ""
        if self.explanation_edit.toPlainText() != text:
            self.explanation_edit.setPlainText(text)

    def select_span(self, span_id: str | None) -> None:
        self._selected_id = span_id
        span = self.selected_span()
        if span is not None:
            self.view.select_cp(span.start, span.end)
        self.refresh()

    def on_table_itemSelectionChanged(self) -> None:
        if self._updating:
            return
        items = self.table.selectedItems()
        span_id = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        if span_id != self._selected_id:
            self.select_span(span_id)

    def on_view_span_clicked(self, span_id: str) -> None:
        if span_id and span_id != self._selected_id:
            self._selected_id = span_id
            self.refresh()
