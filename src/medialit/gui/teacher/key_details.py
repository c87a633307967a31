"""The selected key span's fields, each saved as it changes: no Save button.

Label, also-accept and optional are saved when clicked (one undo step each).
The explanation is saved 1 s after the last key press, when the focus leaves
the box (another span clicked, a menu opened, the window closed) and before
the shown span or lesson changes; what was typed is saved on the span it was
typed for, even when another span is already being shown. The saves of one
burst of typing (one visit to the box on one span) are one undo step
(`commands.ExplainKeySpan` merges them). Ctrl+Z in the box saves first, then
undoes through the window's stack, so it takes back the whole burst.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from medialit.core.model import LABELS, KeySpan, Label
from medialit.core.wording import one_line

SAVE_AFTER_MS = 1000
UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
CTRL_Y = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y)  # the other redo key


def short(text: str, width: int = 60) -> str:
    """A quote in the key editor: one line, about `width` characters."""
    return one_line(text, width)


class ExplanationEdit(QPlainTextEdit):
    """A plain text box that says when the focus comes and goes, and leaves undo and redo
    keys to the window (its own undo would know nothing of what was saved)."""

    focus_in = Signal()
    focus_out = Signal()
    undo_key = Signal()  # pressed Ctrl+Z/Ctrl+Y here: save first, the window then undoes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            redo_y = event.keyCombination() == CTRL_Y
            if any(event.matches(key) for key in UNDO_KEYS) or redo_y:
                self.undo_key.emit()
                event.ignore()  # not ours: the window's Undo/Redo shortcut takes it
                return False
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_in.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_out.emit()
        super().focusOutEvent(event)


class KeyDetails(QGroupBox):
    """What the editor is told: `edit(what, **changes)` for label, accepted labels and the
    optional flag; `explain(span_id, text, burst)` for the explanation typed on `span_id`."""

    def __init__(
        self,
        edit: Callable[..., object],
        explain: Callable[[str, str, int], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Selected key span", parent)
        self._edit, self._explain = edit, explain
        self.span: KeySpan | None = None
        self._typed_for: str | None = None  # the span the unsaved typing belongs to
        self.burst = 0
        form = QFormLayout(self)
        self.selected_quote = QLabel(self)
        self.selected_quote.setObjectName("key_selected_quote")
        self.selected_quote.setWordWrap(True)
        form.addRow(self.selected_quote)
        self.label_combo = QComboBox(self)
        self.label_combo.setObjectName("key_detail_label")
        for label in LABELS:
            self.label_combo.addItem(label.info.title, label.value)
        self.label_combo.activated.connect(self.on_label_combo_activated)
        label_row = QHBoxLayout()
        label_row.addWidget(self.label_combo, 1)
        form.addRow("Label", label_row)
        accept_row = QGridLayout()
        self.accept_boxes: dict[Label, QCheckBox] = {}
        for i, label in enumerate(LABELS):
            check = QCheckBox(label.info.title, self)
            check.setObjectName(f"key_also_{label.value}")
            check.clicked.connect(self.on_accept_box_clicked)
            accept_row.addWidget(check, i // 2, i % 2)
            self.accept_boxes[label] = check
        form.addRow("Also accept", accept_row)
        self.optional_box = QCheckBox("Optional", self)
        self.optional_box.setObjectName("key_optional")
        self.optional_box.setToolTip("Optional: a bonus if a student finds it, never missed")
        self.optional_box.setAccessibleDescription(self.optional_box.toolTip())
        self.optional_box.clicked.connect(self.on_optional_box_clicked)
        label_row.addWidget(self.optional_box)
        self.explanation_edit = ExplanationEdit(self)
        self.explanation_edit.setObjectName("key_explanation")
        self.explanation_edit.setAccessibleName("Explanation, saved as you type")
        self.explanation_edit.setPlaceholderText(
            "Why is this the right label? Students see it. Saved as you type."
        )
        self.explanation_edit.setTabChangesFocus(True)
        self.explanation_edit.setMaximumHeight(80)
        self.explanation_edit.textChanged.connect(self.on_explanation_edit_textChanged)
        self.explanation_edit.focus_in.connect(self.new_burst)
        self.explanation_edit.focus_out.connect(self.save_explanation)
        self.explanation_edit.undo_key.connect(self.on_explanation_edit_undo_key)
        form.addRow("Explanation", self.explanation_edit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_AFTER_MS)
        self.timer.timeout.connect(self.save_explanation)

    # -- the explanation -------------------------------------------------------------------

    def new_burst(self) -> None:
        """What is typed from now on is a new undo step (the box was entered, a span shown,
        or an undo or redo happened)."""
        self.burst += 1

    def on_explanation_edit_undo_key(self) -> None:
        """Ctrl+Z/Ctrl+Y in the box: what was typed is saved (one step), then the window
        undoes or redoes; typing after that is a new step."""
        self.save_explanation()
        self.new_burst()

    def on_explanation_edit_textChanged(self) -> None:
        if self.span is None or self._showing:
            return
        self._typed_for = self.span.id
        self.timer.start()

    def pending(self) -> bool:
        return self._typed_for is not None

    def save_explanation(self) -> None:
        """Save what was typed (if anything) on the span it was typed for."""
        self.timer.stop()
        span_id, self._typed_for = self._typed_for, None
        if span_id is not None:
            text = self.explanation_edit.toPlainText().strip()
            saved = self._explain(span_id, text, self.burst)
            if not saved and self.span is not None and self.span.id == span_id:
                self._typed_for = span_id  # not saved: kept in the box, tried again later

    # -- the other fields, saved at once ---------------------------------------------------

    def on_label_combo_activated(self, index: int) -> None:
        value = self.label_combo.itemData(index)
        if isinstance(value, str):
            label = Label(value)
            self._edit(f"Relabel key span as {label.value}", label=label)

    def on_accept_box_clicked(self) -> None:
        accepted = frozenset(label for label, box in self.accept_boxes.items() if box.isChecked())
        self._edit("Change accepted labels", also_accept=accepted)

    def on_optional_box_clicked(self) -> None:
        self._edit("Change optional flag", optional=self.optional_box.isChecked())

    # -- showing a span --------------------------------------------------------------------

    _showing = False

    def show_span(self, span: KeySpan | None) -> None:
        """Show `span`'s fields. Typing not yet saved is saved first, on its own span; the box
        is left as it is while its span's saved text is what it shows."""
        if self.pending() and (span is None or span.id != self._typed_for):
            self.save_explanation()
        if (span and span.id) != (self.span and self.span.id):
            self.new_burst()
        self.span = span
        self.setEnabled(span is not None)
        self.selected_quote.setText(f"“{short(span.quote, 110)}”" if span else "(none selected)")
        self.selected_quote.setToolTip(span.quote if span else "")
        self.label_combo.setCurrentIndex(LABELS.index(span.label) if span else 0)
        for label, box in self.accept_boxes.items():
            box.setChecked(bool(span and label in span.also_accept))
            box.setEnabled(bool(span and label is not span.label))
        self.optional_box.setChecked(bool(span and span.optional))
        text = span.explanation if span else ""
        shown = self.explanation_edit.toPlainText()
        if shown.strip() != text and not self.pending():
            self._showing = True
            try:
                self.explanation_edit.setPlainText(text)
                self.explanation_edit.moveCursor(QTextCursor.MoveOperation.End)  # to add to it
            finally:
                self._showing = False
