"""The review's article: the student's spans as while working, and the key's outcomes on top.

Each outcome is outlined in its colour and pattern (gui.outcome_style) with a
badge above its first line: the outcome's symbol and, for a key span, the
key's label initial. Code points become Qt positions only in ArticleView.
"""

from __future__ import annotations

import html
import math
from bisect import bisect_left

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QToolTip, QWidget

from medialit.core.model import Span, SpanId
from medialit.core.review import STUDENT, ReviewItem, Voice
from medialit.core.scoring import OutcomeKind, ScoreReport
from medialit.gui.article_view import ArticleView
from medialit.gui.label_style import tracks_depth
from medialit.gui.outcome_style import badge_size, draw_badge, outline_pen
from medialit.gui.span_marks import outline_lines

MAX_NESTING = 2
"""An outline steps out 3 px per outcome inside it, up to this many (then stays there)."""
BADGE_LIFT = 2 + (2 + 3 * MAX_NESTING) / 2
"""Pixels between a line's text and the bottom of its badges: above the widest outline."""


def student_spans(report: ScoreReport) -> list[Span]:
    """The student's spans as scored (trimmed, merged), as Spans the article can paint."""
    return [
        Span(SpanId(f"scored{n}"), s.start, s.end, s.label, s.quote, note=s.note)
        for n, s in enumerate(report.spans)
    ]


class ReviewArticleView(ArticleView):
    """The article as while working (the student's spans), plus the outcomes on top.

    Each outcome is outlined in its colour and pattern (an item that contains
    another is outlined further out) and gets a badge above its first line:
    the outcome's symbol and, for key spans, the key's label initial.
    """

    line_height_percent = 280  # a start: `_fit_line_height` sets what the font needs
    outcome_clicked = Signal(int)  # row of the outcome clicked (its text or its badge)

    def __init__(self, text: str, parent: QWidget | None = None, *, voice: Voice = STUDENT) -> None:
        super().__init__(text, parent)
        self.setObjectName("review_article")
        self.setAccessibleName(voice.say("article_name"))
        self.items: tuple[ReviewItem, ...] = ()
        self.current_row = -1
        self._pads: list[float] = []
        self._badges: list[tuple[QRectF, int]] = []  # where the last paint put each badge
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            # a see-through selection, so the tints of the student's labels stay visible
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(0, 90, 200, 60))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("black"))
        self.setPalette(palette)

    def set_items(self, items: tuple[ReviewItem, ...]) -> None:
        """The outcomes to draw, in text order (as core.review gives them)."""
        self.items = items
        starts = [item.start for item in items]
        self._pads = []
        for row, item in enumerate(items):  # one step further out per outcome it contains
            lo, hi = bisect_left(starts, item.start), bisect_left(starts, item.end)
            inside = sum(1 for r in range(lo, hi) if r != row and items[r].end <= item.end)
            self._pads.append(2.0 + 3.0 * min(inside, MAX_NESTING))
        self.viewport().update()

    def set_current(self, row: int) -> None:
        self.current_row = row
        self.viewport().update()

    def show_item(self, row: int) -> None:
        """Select the outcome's text and scroll it into view, its first line a third down."""
        item = self.items[row]
        self.set_current(row)
        self.select_cp(item.end, item.start)  # caret at the start: that is what scrolls in
        rects = self.rects_cp(item.start, item.end)
        if rects:
            top = rects[0].top() - self._badge_height() - BADGE_LIFT
            bottom = rects[-1].bottom()
            height = self.viewport().height()
            if top < 0 or bottom > height:
                bar = self.verticalScrollBar()
                bar.setValue(
                    bar.value() + int(top - min(height / 3, max(0.0, height - (bottom - top))))
                )

    def items_at_cp(self, cp: int) -> list[int]:
        """Rows of the outcomes covering the character at `cp`, innermost first."""
        rows = [r for r, item in enumerate(self.items) if item.start <= cp < item.end]
        return sorted(rows, key=lambda r: self.items[r].end - self.items[r].start)

    def items_at_point(self, point: QPoint) -> list[int]:
        for rect, row in self._badges:
            if rect.contains(QPointF(point)):
                return [row]
        cp = self.to_cp(self.cursorForPosition(point).position())
        return [
            row
            for row in self.items_at_cp(cp)
            if any(r.contains(QPointF(point)) for r in self.rects_cp(*self._range(row)))
        ]

    def _range(self, row: int) -> tuple[int, int]:
        return self.items[row].start, self.items[row].end

    # -- margins and painting ---------------------------------------------------------------

    def _badge_font(self) -> QFont:
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(font.pointSizeF() * 0.62)
        font.setBold(True)
        return font

    def _badge_height(self) -> float:
        return badge_size(QFontMetricsF(self._badge_font()), "?")[1]

    def _set_margins(self) -> None:
        super()._set_margins()
        root = self.document().rootFrame()
        frame = root.frameFormat()
        frame.setTopMargin(16 + self._badge_height())  # room for the first line's badges
        root.setFrameFormat(frame)
        self._fit_line_height()

    def _fit_line_height(self) -> None:
        """Lines far enough apart that a badge clears the underline tracks of the line above.

        Under each line: the four label tracks (`label_style.tracks_depth`), a
        gap, then the next line's badges (BADGE_LIFT above its text). Worked out
        for the font at this zoom, and applied to every block when it changes.
        """
        metrics = QFontMetricsF(self.document().defaultFont())
        line = math.ceil(metrics.height())
        gap = tracks_depth(metrics.height()) + 2 + self._badge_height() + BADGE_LIFT
        percent = math.ceil(100 * (line + gap) / line)
        if percent == getattr(self, "_applied_percent", None):
            return
        self._applied_percent = self.line_height_percent = percent
        block = QTextBlockFormat()
        block.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)

    def badge_clearance(self) -> list[tuple[int, float]]:
        """(row, room) for each badge the last paint drew: how far its top is below the
        lowest track of the line above (negative: they overlap). For tests and checks."""
        metrics = QFontMetricsF(self.document().defaultFont())
        depth = tracks_depth(metrics.height())
        bottoms = sorted(rect.bottom() for rect in self._line_rects())
        out = []
        for rect, row in self._badges:
            first = self.rects_cp(*self._range(row))[0]
            above = [b for b in bottoms if b < first.top()]
            if above:
                out.append((row, rect.top() - (above[-1] + depth)))
        return out

    def _line_rects(self) -> list[QRectF]:
        """The text rectangle of every laid-out visual line, in viewport coordinates."""
        return self.rects_cp(0, len(self.text))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the student's spans and the text, as while working
        if not self.items:
            return
        start, end = self.visible_range_cp(QRectF(event.rect()))
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = [
            row for row, item in enumerate(self.items) if item.start < end and item.end > start
        ]
        for row in self.outlined_rows(visible):  # the current one last (on top)
            self._outline(painter, row, selected=row == self.current_row)
        self._paint_badges(painter, visible)
        painter.end()

    def outlined_rows(self, rows: list[int]) -> list[int]:
        """Which of `rows` get an outline: every outcome but a missed one, which is outlined
        only while it is the current one (20 missed spans would be a wall of dotted boxes;
        each keeps its badge), and the current one last, so it is drawn on top."""
        quiet = [
            row
            for row in rows
            if row != self.current_row and self.items[row].kind is not OutcomeKind.MISSED
        ]
        return quiet + ([self.current_row] if self.current_row in rows else [])

    def _outline(self, painter: QPainter, row: int, *, selected: bool) -> None:
        """Outline each line of the outcome (open where it goes on to the next line)."""
        item = self.items[row]
        rects = self.rects_cp(item.start, item.end)
        pad = self._pads[row]
        painter.setPen(outline_pen(item.kind, selected=selected))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        outline_lines(painter, [self._box(rect, pad) for rect in rects])

    @staticmethod
    def _box(rect: QRectF, pad: float) -> QRectF:
        """The outline around a line of text: its bottom edge stays clear of the underlines."""
        return rect.adjusted(-pad, -pad / 2, pad, -1.5)

    def _paint_badges(self, painter: QPainter, rows: list[int]) -> None:
        """A badge just above each outcome's first line, clear of the line above's tracks
        (`_fit_line_height` makes the room); badges that would touch move right."""
        painter.setFont(self._badge_font())
        metrics = QFontMetricsF(painter.font())
        placed: list[tuple[QRectF, int]] = []
        for row in rows:
            rects = self.rects_cp(*self._range(row))
            if not rects:
                continue
            text = badge_text(self.items[row])
            width, height = badge_size(metrics, text)
            first = rects[0]
            left = first.left() - self._pads[row]
            rect = QRectF(left, first.top() - BADGE_LIFT - height, width, height)
            for other, _ in placed:
                if other.intersects(rect.adjusted(-2, 0, 2, 0)):
                    rect.moveLeft(other.right() + 3)
            placed.append((rect, row))
        for rect, row in placed:
            draw_badge(
                painter,
                self.items[row].kind,
                rect,
                badge_text(self.items[row]),
                selected=row == self.current_row,
            )
        self._badges = placed

    # -- mouse: click an outcome, hover for its words -----------------------------------------

    def plain_click(self, point: QPoint) -> None:
        super().plain_click(point)
        rows = self.items_at_point(point)
        if rows:
            self.outcome_clicked.emit(rows[0])

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            rows = self.items_at_point(event.pos())
            if rows:
                tips = [item_html(self.items[row]) for row in rows]
                spans = self.spans_at_point(event.pos())
                if spans:
                    tips.append(self.tooltip_html(spans))
                QToolTip.showText(event.globalPos(), "<hr>".join(tips), self.viewport())
                return True
        return super().viewportEvent(event)


def badge_text(item: ReviewItem) -> str:
    """The symbol, and the key's label initial for a key span ("✗ Src"; "?" when not in the key)."""
    if item.key is None:
        return item.symbol
    return f"{item.symbol} {item.label.info.initial}"


def item_html(item: ReviewItem) -> str:
    parts = [
        f"<b>{html.escape(item.heading)}</b>",
        f"“{html.escape(' '.join(item.quote.split()))}”",
        html.escape(item.message),
    ]
    if item.explanation:
        parts.append(f"<i>Why:</i> {html.escape(item.explanation)}")
    if item.note:
        parts.append(f"<i>Student's note:</i> “{html.escape(item.note)}”")
    return "<br>".join(parts)
