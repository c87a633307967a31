"""The article, read-only but selectable by mouse and keyboard, with spans painted on it.

This is the one place where Qt's UTF-16 positions meet medialit's code-point
offsets: `to_qt()` and `to_cp()` below, backed by core.text.OffsetMap. The
canonical text comes from the core and is never read back from Qt
(`toPlainText()` would turn NBSP into spaces).

Spans are painted, not formatted: each paint draws only the spans overlapping
the visible text (`SpanIndex.overlapping`), as a translucent tint behind the
text (overlaps mix, so no colour hides another), then the marks of
`gui.span_marks`: an underline on the label's own track below the line, the
span's ends, a note mark, and the labels' initials in the left margin. Nothing
is stored per span in the QTextDocument, so opening 5,000 spans costs nothing
in Qt and a label edit only schedules a repaint. (ExtraSelections would be
rebuilt in full on every edit and can show only one format per character.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget

from medialit.core.model import LABELS, Lesson, Span
from medialit.core.spanindex import SpanIndex
from medialit.core.text import OffsetMap
from medialit.gui.label_style import tint, underline_words
from medialit.gui.span_marks import paint_marks

if TYPE_CHECKING:  # made by PySide when the first mouse event comes, not before the first paint
    from PySide6.QtGui import QMouseEvent

LINE_HEIGHT_PERCENT = 200  # room under each line for the four underline tracks
ZOOM_FACTOR = 1.1


class ArticleView(QTextEdit):
    line_height_percent = LINE_HEIGHT_PERCENT  # a subclass may want more room under lines

    selection_changed_cp = Signal()
    span_clicked = Signal(str)  # id of the span clicked, "" for a click on no span

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The first `viewport()` from Python makes PySide find the viewport's class among every
        # widget class Qt has (~8 ms, start-up's first paint waits on it); found by the name
        # Qt gives it, it is wrapped as the plain QWidget it is, and `viewport()` returns that
        # wrapper (PySide keeps it while the widget lives: no reference needs keeping here).
        self.findChild(QWidget, "qt_scrollarea_viewport")
        self.setObjectName("article_view")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(True)
        self.setMouseTracking(True)
        self.index = SpanIndex()
        self.lesson: Lesson | None = None  # for label definitions in tooltips
        self.selected_id: str | None = None
        self._press: QPoint | None = None
        self._clicked_id: str | None = None  # the span the last click selected
        base = QFont(self.font())
        base.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.25)
        self._base_font = base
        self._zoom = 0
        self.document().setUndoRedoEnabled(False)
        self.document().setDefaultFont(base)
        self.set_text(text)
        self.selectionChanged.connect(self.selection_changed_cp)
        # Spans are painted over laid-out text only, and the first paint can come before
        # Qt has laid the text out; repaint when it has (an unfocused view gets no other cue).
        self.document().documentLayout().documentSizeChanged.connect(self.on_layout_resized)

    def on_layout_resized(self, _size: object) -> None:
        self.viewport().update()

    # -- the UTF-16 <-> code point boundary ----------------------------------------------

    def to_qt(self, cp: int) -> int:
        return self._map.to_utf16(cp)

    def to_cp(self, pos: int) -> int:
        return self._map.to_codepoint(pos)

    # -- text, spans and selection, in code points -------------------------------------------

    def set_text(self, text: str) -> None:
        """Show `text` with room under each line for the underline tracks."""
        self._text = text
        self._map = OffsetMap(text)
        doc = self.document()
        doc.clear()
        cursor = QTextCursor(doc)
        block = QTextBlockFormat()
        block.setLineHeight(
            self.line_height_percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.setBlockFormat(block)  # every block inserted below inherits it
        cursor.insertText(text)
        self._set_margins()
        self.setTextCursor(QTextCursor(doc))

    @property
    def text(self) -> str:
        return self._text

    def set_index(self, index: SpanIndex) -> None:
        self.index = index
        self.viewport().update()

    def set_selected_span(self, span_id: str | None) -> None:
        self.selected_id = span_id
        self.viewport().update()

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

    def place_caret_cp(self, cp: int) -> None:
        """Caret at `cp`, no selection, scrolled into view."""
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(cp))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    # -- zoom --------------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        self._zoom = steps
        font = QFont(self._base_font)
        font.setPointSizeF(self._base_font.pointSizeF() * ZOOM_FACTOR**steps)
        self.document().setDefaultFont(font)
        self._set_margins()

    def _set_margins(self) -> None:
        """Left margin wide enough for the initials of all four labels, at this font size."""
        metrics = QFontMetricsF(self._gutter_font())
        gutter = metrics.horizontalAdvance(" ".join(lab.info.initial for lab in LABELS)) + 20
        root = self.document().rootFrame()
        frame = root.frameFormat()
        frame.setMargin(16)
        frame.setLeftMargin(gutter)
        root.setFrameFormat(frame)

    def _gutter_font(self) -> QFont:
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(font.pointSizeF() * 0.7)
        font.setBold(True)
        return font

    # -- geometry ------------------------------------------------------------------------

    def rects_cp(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of [start, end), one per visual line (for painting and tests)."""
        return [rect for rect, _ in self._segments(self.to_qt(start), self.to_qt(end))]

    def _segments(self, qa: int, qb: int) -> list[tuple[QRectF, tuple[int, int]]]:
        """(rectangle, (block, line)) for each visual line that [qa, qb) touches."""
        doc = self.document()
        doc_layout = doc.documentLayout()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        out: list[tuple[QRectF, tuple[int, int]]] = []
        block = doc.findBlock(qa)
        while block.isValid() and block.position() < qb:
            layout = block.layout()
            count = layout.lineCount()
            if count:  # a block Qt has not laid out yet has no lines: nothing to draw
                origin = doc_layout.blockBoundingRect(block).topLeft()
                bpos = block.position()
                s, e = max(qa - bpos, 0), min(qb - bpos, block.length() - 1)
                first = layout.lineForTextPosition(s)
                last = layout.lineForTextPosition(e)
                lo = first.lineNumber() if first.isValid() else 0
                hi = last.lineNumber() if last.isValid() else count - 1
                for i in range(lo, min(hi, count - 1) + 1):
                    line = layout.lineAt(i)
                    ls = line.textStart()
                    le = ls + line.textLength()
                    x1 = cast(tuple[float, int], line.cursorToX(max(s, ls)))[0]
                    x2 = cast(tuple[float, int], line.cursorToX(min(e, le)))[0]
                    if x2 <= x1:
                        continue
                    rect = QRectF(
                        origin.x() + x1 + dx, origin.y() + line.y() + dy, x2 - x1, line.height()
                    )
                    out.append((rect, (block.blockNumber(), i)))
            block = block.next()
        return out

    def visible_range_cp(self, area: QRectF) -> tuple[int, int]:
        """[start, end) in code points of the blocks that a viewport area shows."""
        bottom = self.cursorForPosition(QPoint(self.viewport().width(), int(area.bottom()))).block()
        top = self.cursorForPosition(QPoint(0, int(area.top()))).block()
        if top.position() > bottom.position():
            # Right after the text or width changed, blocks below `bottom` are not laid out
            # yet and all sit at y=0, so the hit above landed on one of them: start from the
            # first block (this paint then walks a few more spans; the next one is exact).
            top = self.document().firstBlock()
        qa, qb = top.position(), bottom.position() + bottom.length()
        return self.to_cp(qa), min(self.to_cp(qb), len(self._text))

    def _visible_spans(self, area: QRectF) -> list[Span]:
        return self.index.overlapping(*self.visible_range_cp(area))

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        spans = self._visible_spans(QRectF(event.rect()))
        drawn = [
            (span, self._segments(self.to_qt(span.start), self.to_qt(span.end))) for span in spans
        ]
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)  # a rectangle with no pen: filled, as fillRect would
        for span, segments in drawn:  # tints first: behind the text, mixing where they overlap
            painter.setBrush(tint(span.label, selected=span.id == self.selected_id))
            for rect, _ in segments:  # (fillRect's overloads make PySide build QGradient: 1 ms)
                painter.drawRect(rect)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_marks(painter, drawn)
        painter.end()

    def _paint_marks(
        self, painter: QPainter, drawn: list[tuple[Span, list[tuple[QRectF, tuple[int, int]]]]]
    ) -> None:
        """Underlines, span ends, the selected outline, note marks, margin initials."""
        paint_marks(
            painter,
            drawn,
            font=self.document().defaultFont(),
            gutter_font=self._gutter_font(),
            selected_id=self.selected_id,
        )

    # -- mouse: hover tooltips and clicking a span ------------------------------------------

    def spans_at_point(self, point: QPoint) -> list[Span]:
        """Spans under a viewport point, innermost first."""
        cp = self.to_cp(self.cursorForPosition(point).position())
        for candidate in (cp, cp - 1):
            # a span's rectangles, stretched down over its underline tracks
            found = [
                s
                for s in self.index.at(candidate)
                if any(
                    r.adjusted(0, 0, 0, r.height()).contains(QPointF(point))
                    for r in self.rects_cp(s.start, s.end)
                )
            ]
            if found:
                return found
        return []

    def tooltip_html(self, spans: list[Span]) -> str:
        import html  # loaded at the first tooltip, not before the first paint

        parts = []
        for span in spans:
            info = span.label.info
            definition = self.lesson.definition_of(span.label) if self.lesson else info.definition
            text = (
                f"<b>{html.escape(info.title)} ({html.escape(info.initial)}, "
                f"{underline_words(span.label)} underline)</b><br>{html.escape(definition)}"
            )
            if span.note:
                text += f"<br><i>Your note:</i> {html.escape(span.note)}"
            parts.append(text)
        return "<hr>".join(parts)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            from PySide6.QtGui import QHelpEvent  # loaded by the first hover, not at start-up
            from PySide6.QtWidgets import QToolTip

            if isinstance(event, QHelpEvent):
                spans = self.spans_at_point(event.pos())
                if spans:
                    QToolTip.showText(event.globalPos(), self.tooltip_html(spans), self.viewport())
                else:
                    QToolTip.hideText()
                    event.ignore()
                return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and press is not None
            and (point - press).manhattanLength() < QApplication.startDragDistance()
            and not self.textCursor().hasSelection()
        ):
            self.plain_click(point)

    def plain_click(self, point: QPoint) -> None:
        """A click that made no selection and dragged nothing: the span there is chosen, and
        on a second click the next one out (a subclass adds what else a click means)."""
        ids = [str(s.id) for s in self.spans_at_point(point)]
        clicked = self._clicked_id
        if clicked in ids and clicked == self.selected_id:  # clicking again: the next one out
            ids = ids[ids.index(clicked) + 1 :] + ids[: ids.index(clicked) + 1]
        self._clicked_id = ids[0] if ids else None
        self.span_clicked.emit(ids[0] if ids else "")
