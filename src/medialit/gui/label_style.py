"""How each label looks: colour, underline pattern, track and initial, drawn the same everywhere.

Colour is never the only cue (colour-blind students, grey-scale printouts):
every label also has its own underline pattern (solid, dashed, wavy, dotted),
its own underline track under the line (claim nearest the text, then fact,
speculation, sourcing) and an initial (C, F, S, Src) shown in the margin, on
the toolbar icons and in the span list.

The colours are measured, not assumed (tests/gui/test_colours.py): the tints
as painted on white stay at least 10 CIEDE2000 apart from each other and from
the page in normal vision and simulated protanopia, deuteranopia and
tritanopia (Machado 2009, severity 1); black text on a tint, and the label's
ink (initials) on white, reach 4.5:1 (WCAG text); every underline 3:1 (WCAG
graphics).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap

if TYPE_CHECKING:  # the icons are made for the actions, after start-up's first paint
    from PySide6.QtGui import QIcon

from medialit.core.model import LABELS, Label

TINT_ALPHA = 0.6
"""How opaque a tint is: overlapping spans mix, and one alone shows `LabelInfo.tint` on white."""
SELECTED_TINT_ALPHA = 0.85

PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
}

UNDERLINE_WORDS = {"solid": "solid", "dash": "dashed", "dot": "dotted", "wave": "wavy"}
"""The underline patterns in the words the definitions panel and tooltips use."""


def underline_words(label: Label) -> str:
    """ "wavy": the label's underline pattern as the student reads it everywhere."""
    return UNDERLINE_WORDS[label.info.underline]


def colour(label: Label) -> QColor:
    """The label's ink: underlines, initials and ticks (4.5:1 on white)."""
    return QColor(label.info.colour)


def ink(label: Label) -> QColor:
    """The label's colour as text and lines on white (the same ink as `colour`)."""
    return colour(label)


def underline_colour(label: Label) -> QColor:
    return colour(label)


def tint(label: Label, *, selected: bool = False) -> QColor:
    """The see-through highlight: over white it is `LabelInfo.tint`; selected, stronger."""
    return QColor(_tint_base(label, SELECTED_TINT_ALPHA if selected else TINT_ALPHA))


@cache
def _tint_base(label: Label, alpha: float) -> QColor:
    """The colour that, `TINT_ALPHA` opaque over white, paints `LabelInfo.tint`; at `alpha`."""
    painted = QColor(label.info.tint)
    channels = [
        round(max(0.0, (c / 255 - (1 - TINT_ALPHA)) / TINT_ALPHA) * 255)
        for c in (painted.red(), painted.green(), painted.blue())
    ]
    base = QColor(*channels)
    base.setAlphaF(alpha)
    return base


def track(label: Label) -> int:
    """Which underline track the label uses, 0 nearest the text."""
    return LABELS.index(label)


def underline_metrics(font_height: float) -> tuple[float, float]:
    """(step between tracks, line width) for text of this height: the one place that says how
    far under a line the tracks go (ArticleView paints them, the review keeps clear of them)."""
    step = max(3.0, font_height * 0.2)
    return step, max(2.0, step * 0.6)


def track_y(line_bottom: float, label: Label, font_height: float) -> float:
    """Where the label's underline runs under a line whose text ends at `line_bottom`."""
    step, _ = underline_metrics(font_height)
    return line_bottom + step * 0.8 + track(label) * step


def tracks_depth(font_height: float) -> float:
    """How far below a line's text the lowest track (and its wave or width) reaches."""
    step, width = underline_metrics(font_height)
    return step * 0.8 + (len(LABELS) - 1) * step + width / 2 + 1


def draw_underline(
    painter: QPainter, label: Label, x1: float, x2: float, y: float, *, width: float
) -> None:
    """One label's underline from x1 to x2 at height y, in its pattern."""
    style = label.info.underline
    if style == "wave":  # a tiled pattern: stroking a long zig-zag path is slow
        brush = _wave_brush(label, round(width))
        height = brush.texture().height()
        painter.save()  # drawn as a rectangle with no pen (fillRect's overloads cost a first paint
        painter.setPen(Qt.PenStyle.NoPen)  # a millisecond: PySide builds QGradient's types)
        painter.setBrush(brush)
        painter.setBrushOrigin(QPointF(0, y - height / 2))
        painter.drawRect(QRectF(x1, y - height / 2, x2 - x1, height))
        painter.restore()
        return
    pen = QPen(underline_colour(label), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setStyle(PEN_STYLES[style])
    painter.setPen(pen)
    painter.drawLine(QPointF(x1, y), QPointF(x2, y))


@cache
def _wave_brush(label: Label, width: int) -> QBrush:
    """One period of the wave, drawn once per label and size, then tiled."""
    step = max(2, round(width * 1.5))
    amplitude = max(1, width)
    tile = QPixmap(2 * step, 2 * amplitude + 2)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(underline_colour(label), max(1.0, width * 0.75))
    painter.setPen(pen)
    mid = amplitude + 1
    path = QPainterPath(QPointF(0, mid + amplitude / 2))
    path.lineTo(step, mid - amplitude / 2)
    path.lineTo(2 * step, mid + amplitude / 2)
    painter.drawPath(path)
    painter.end()
    brush = QBrush()  # the tile set after: QBrush(tile) checks its overloads, QGradient's too
    brush.setTexture(tile)
    return brush


def label_icon(label: Label, size: int = 22) -> QIcon:
    """A swatch: the tint, the initial and a sample of the underline pattern."""
    from PySide6.QtGui import QIcon

    pixmap = QPixmap(size * 2, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, size * 2, size * 0.75), tint(label, selected=True))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.5))
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(
        QRectF(0, 0, size * 2, size * 0.75), Qt.AlignmentFlag.AlignCenter, label.info.initial
    )
    draw_underline(painter, label, 1, size * 2 - 1, size * 0.88, width=2)
    painter.end()
    return QIcon(pixmap)
