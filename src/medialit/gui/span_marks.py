"""The marks an article paints over its text: underlines, span ends, notes, margin initials.

`paint_marks` is called by `ArticleView.paintEvent` after the text, with each
visible span and its rectangles (one per visual line). Each span's underline
runs on its label's own track; a short tick marks where it starts and ends.

Two spans of the same label that touch or overlap would otherwise draw one
long underline on one track, and read as one span. So such spans get clear
ends: the underline stops short of each end, and each end has a bracket as
tall as the text ("[" at the start, "]" at the end), so "[Alec][Baldwin]"
shows two claims that touch; a span that overlaps an earlier one of its
label is also boxed with a dashed line (its second lane), so where two claims
overlap the eye sees the underline of one and the box of the other.

A span with a note shows a small speech-bubble mark over its last word, in
the label's ink with a white rim, so it shows on any tint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from medialit.core.model import LABELS, Label, Span
from medialit.gui.label_style import draw_underline, ink, track_y, underline_metrics

Segments = list[tuple[QRectF, tuple[int, int]]]  # (rectangle, (block, line)) per visual line
END_GAP = 3.0  # pixels the underline stops short of a bracketed end
NEAR = 2  # same-label spans this few characters apart (a space, ", ") read as one: bracketed


def same_label_neighbours(spans: Sequence[Span]) -> tuple[set[str], set[str]]:
    """(ids of spans that overlap, touch or nearly touch (`NEAR`) a span of the same label,
    ids of those that overlap an earlier one of the same label: drawn on a second lane, boxed)."""
    by_label: dict[Label, list[Span]] = defaultdict(list)
    for span in spans:
        by_label[span.label].append(span)
    bracketed: set[str] = set()
    second: set[str] = set()
    for same in by_label.values():
        same.sort(key=lambda s: (s.start, s.end))
        lane_ends: list[int] = []  # where each lane's last span ends
        reach: Span | None = None  # the span reaching furthest right so far
        for span in same:
            if reach is not None and span.start <= reach.end + NEAR:
                bracketed.update((span.id, reach.id))
            if reach is None or span.end > reach.end:
                reach = span
            lane = next((n for n, end in enumerate(lane_ends) if end <= span.start), None)
            if lane is None:
                lane_ends.append(span.end)
                lane = len(lane_ends) - 1
            else:
                lane_ends[lane] = span.end
            if lane > 0:
                second.add(span.id)
    return bracketed, second


def note_mark(painter: QPainter, label: Label, right: float, top: float, size: float) -> QRectF:
    """A speech bubble raised at the end of a span's last line: the span has a note."""
    box = QRectF(right + 1, top - size * 0.7, size * 1.3, size)
    path = QPainterPath()
    path.addRoundedRect(box, size * 0.25, size * 0.25)
    tail = QPainterPath(QPointF(box.left() + size * 0.2, box.bottom() - 1))
    tail.lineTo(QPointF(box.left() + size * 0.05, box.bottom() + size * 0.35))
    tail.lineTo(QPointF(box.left() + size * 0.55, box.bottom() - 1))
    tail.closeSubpath()
    path = path.united(tail)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(ink(label))
    painter.drawPath(path)
    painter.setPen(QPen(QColor("white"), max(1.0, size * 0.12)))
    for n in (1, 2):  # two lines of "writing" in the bubble
        y = box.top() + box.height() * n / 3
        painter.drawLine(QPointF(box.left() + size * 0.3, y), QPointF(box.right() - size * 0.3, y))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    return box


def outline_lines(painter: QPainter, boxes: Sequence[QRectF]) -> None:
    """One outline around a stretch that runs over several lines: each line's box has its
    top and bottom, the first its left side and the last its right (open between lines)."""
    for n, box in enumerate(boxes):
        painter.drawLine(box.topLeft(), box.topRight())
        painter.drawLine(box.bottomLeft(), box.bottomRight())
        if n == 0:
            painter.drawLine(box.topLeft(), box.bottomLeft())
        if n == len(boxes) - 1:
            painter.drawLine(box.topRight(), box.bottomRight())


def note_size(font_height: float) -> float:
    """How tall a note mark is for text of this height: big enough to be noticed."""
    return max(12.0, font_height * 0.75)


def paint_marks(
    painter: QPainter,
    drawn: Sequence[tuple[Span, Segments]],
    *,
    font: QFont,
    gutter_font: QFont,
    selected_id: str | None,
) -> None:
    """Underlines on each label's track, span ends, the selected outline, notes, initials."""
    height = QFontMetricsF(font).height()
    step, width = underline_metrics(height)
    clear_ends, second_lane = same_label_neighbours([span for span, _ in drawn])
    margin: dict[tuple[int, int], tuple[float, set[Label]]] = {}
    notes: list[tuple[Span, QRectF]] = []
    for span, segments in drawn:
        bracket = span.id in clear_ends
        for n, (rect, line_key) in enumerate(segments):
            first, last = n == 0, n == len(segments) - 1
            y = track_y(rect.bottom(), span.label, height)
            x1 = rect.left() + (END_GAP if bracket and first else 0)
            x2 = rect.right() - (END_GAP if bracket and last else 0)
            if x2 > x1:
                draw_underline(painter, span.label, x1, x2, y, width=width)
            _paint_ends(painter, span.label, rect, y, step, first=first, last=last, tall=bracket)
            if span.id == selected_id:
                painter.setPen(QPen(ink(span.label), 2, Qt.PenStyle.SolidLine))
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))
            elif span.id in second_lane:  # overlaps another of its label: boxed, dashed
                painter.setPen(QPen(ink(span.label), 1.0, Qt.PenStyle.DashLine))
                painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -0.5))  # on pixel centres: crisp
            margin.setdefault(line_key, (rect.top(), set()))[1].add(span.label)
        if span.note and segments:
            notes.append((span, segments[-1][0]))
    for span, rect in notes:  # over every underline and outline
        note_mark(painter, span.label, rect.right(), rect.top(), note_size(height))
    _paint_initials(painter, gutter_font, margin)


def _paint_ends(
    painter: QPainter,
    label: Label,
    rect: QRectF,
    y: float,
    step: float,
    *,
    first: bool,
    last: bool,
    tall: bool,
) -> None:
    """A tick at each end of a span, or (`tall`) a bracket as high as the text."""
    painter.setPen(QPen(ink(label), 2.0 if tall else 1.5))
    top = rect.top() + 1 if tall else y - step
    serif = 3.0
    for x, inward, here in ((rect.left(), 1, first), (rect.right(), -1, last)):
        if not here:
            continue
        painter.drawLine(QPointF(x, top), QPointF(x, y + 1))
        if tall:  # a serif at the top only: at the bottom the underline stops short (a gap)
            painter.drawLine(QPointF(x, top), QPointF(x + inward * serif, top))


def _paint_initials(
    painter: QPainter, font: QFont, margin: dict[tuple[int, int], tuple[float, set[Label]]]
) -> None:
    """Each line's labels as initials in the left margin, in a fixed order."""
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for top, labels in margin.values():
        x = 6.0
        for label in LABELS:
            if label in labels:
                painter.setPen(QColor(ink(label)))
                painter.drawText(QPointF(x, top + metrics.ascent()), label.info.initial)
            x += metrics.horizontalAdvance(label.info.initial + " ")
