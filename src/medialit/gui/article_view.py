"""The article, read-only but selectable by mouse and keyboard, with spans drawn on it.

This is the one place where Qt's UTF-16 positions meet medialit's code-point
offsets: `to_qt()` and `to_cp()` below, backed by core.text.OffsetMap. The
canonical text comes from the core and is never read back from Qt
(`toPlainText()` would turn NBSP into spaces).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit, QWidget

from medialit.core.model import Label, Span
from medialit.core.text import OffsetMap

UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
}


def label_format(label: Label, *, selected: bool = False) -> QTextCharFormat:
    """Colour plus an underline style per label, so colour is never the only cue."""
    info = label.info
    fmt = QTextCharFormat()
    background = QColor(info.colour)
    background.setAlpha(110 if selected else 60)
    fmt.setBackground(background)
    fmt.setUnderlineColor(QColor(info.colour).darker(130))
    fmt.setUnderlineStyle(UNDERLINES[info.underline])
    if selected:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class ArticleView(QTextEdit):
    selection_changed_cp = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(24)
        self.setTabChangesFocus(True)
        self.set_text(text)
        self.selectionChanged.connect(self.selection_changed_cp)

    # -- the UTF-16 <-> code point boundary ----------------------------------------------

    def to_qt(self, cp: int) -> int:
        return self._map.to_utf16(cp)

    def to_cp(self, pos: int) -> int:
        return self._map.to_codepoint(pos)

    # -- text and selection, in code points -------------------------------------------------

    def set_text(self, text: str) -> None:
        self._text = text
        self._map = OffsetMap(text)
        self.setPlainText(text)

    @property
    def text(self) -> str:
        return self._text

    def selection_cp(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.to_cp(cursor.selectionStart()), self.to_cp(cursor.selectionEnd())

    def caret_cp(self) -> int:
        return self.to_cp(self.textCursor().position())

    def select_cp(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def show_spans(self, spans: Sequence[Span], *, selected_id: str | None = None) -> None:
        selections = []
        for span in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_qt(span.start))
            cursor.setPosition(self.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = label_format(span.label, selected=span.id == selected_id)
            tip = f"{span.label.info.title}: {span.label.info.definition}"
            sel.format.setToolTip(tip + (f"\nNote: {span.note}" if span.note else ""))
            selections.append(sel)
        self.setExtraSelections(selections)
