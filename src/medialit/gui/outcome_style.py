"""How each review outcome looks: colour, outline pattern and symbol, drawn the same everywhere.

Colour is never the only cue: each outcome also has its own outline pattern
(correct solid, partly found dashed, wrong label dash-dot, missed dotted, not
in the key dash-dot-dot, bonus a thin solid line) and its own symbol
(✓ ◐ ✗ ○ ? +, from core.review.SYMBOLS) on a badge. The colours are chosen
by measurement to stay apart for the common colour-vision deficiencies and to
be readable as text on white (see COLOURS); the symbol and pattern carry the
meaning in grey-scale too.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPen, QPixmap

from medialit.core.review import SYMBOLS, TITLES
from medialit.core.scoring import OutcomeKind

COLOURS: dict[OutcomeKind, str] = {
    OutcomeKind.CORRECT: "#1A7F62",  # green
    OutcomeKind.PARTIAL: "#B85000",  # orange
    OutcomeKind.WRONG_LABEL: "#761C08",  # deep red, darker than the orange
    OutcomeKind.MISSED: "#4A4A4A",  # grey
    OutcomeKind.SPURIOUS: "#9447A0",  # purple
    OutcomeKind.BONUS: "#0E3470",  # navy
}
"""Outlines, badges and the legend's symbols, as drawn (no shade is taken from them): each
at least 4.5:1 on white, and every pair at least 10 CIEDE2000 apart in normal vision and in
simulated protanopia, deuteranopia and tritanopia (tests/gui/test_colours.py)."""

PATTERNS: dict[OutcomeKind, Qt.PenStyle] = {
    OutcomeKind.CORRECT: Qt.PenStyle.SolidLine,
    OutcomeKind.PARTIAL: Qt.PenStyle.DashLine,
    OutcomeKind.WRONG_LABEL: Qt.PenStyle.DashDotLine,
    OutcomeKind.MISSED: Qt.PenStyle.DotLine,
    OutcomeKind.SPURIOUS: Qt.PenStyle.DashDotDotLine,
    OutcomeKind.BONUS: Qt.PenStyle.SolidLine,
}

PATTERN_WORDS: dict[OutcomeKind, str] = {
    OutcomeKind.CORRECT: "solid",
    OutcomeKind.PARTIAL: "dashed",
    OutcomeKind.WRONG_LABEL: "dash-dot",
    OutcomeKind.MISSED: "dotted, one at a time",
    OutcomeKind.SPURIOUS: "dash-dot-dot",
    OutcomeKind.BONUS: "thin",
}


def colour(kind: OutcomeKind) -> QColor:
    return QColor(COLOURS[kind])


def ink(kind: OutcomeKind) -> QColor:
    """The colour as text and lines on white (4.5:1 or more): the outcome's colour itself."""
    return colour(kind)


def outline_pen(kind: OutcomeKind, *, selected: bool = False) -> QPen:
    width = 1.5 if kind is OutcomeKind.BONUS else 2.0
    pen = QPen(ink(kind), width * (1.75 if selected else 1.0))
    pen.setStyle(PATTERNS[kind])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def badge_size(metrics: QFontMetricsF, text: str) -> tuple[float, float]:
    """Width and height of a badge showing `text` in the font of `metrics`."""
    return metrics.horizontalAdvance(text) + metrics.height() * 0.5, metrics.height() + 2


def draw_badge(
    painter: QPainter, kind: OutcomeKind, rect: QRectF, text: str, *, selected: bool = False
) -> None:
    """A rounded badge: white with the outcome's outline and ink, or filled when selected."""
    painter.save()
    pen = QPen(ink(kind), 1.5)
    painter.setPen(pen)
    painter.setBrush(ink(kind) if selected else QColor("white"))
    radius = rect.height() / 3
    painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(QColor("white") if selected else ink(kind))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


@cache
def outcome_icon(kind: OutcomeKind, size: int = 20) -> QIcon:
    """The badge with the symbol and a sample of the outline pattern under it."""
    pixmap = QPixmap(size * 2, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.6))
    painter.setFont(font)
    draw_badge(painter, kind, QRectF(size * 0.5, 1, size, size * 0.72), SYMBOLS[kind])
    pen = outline_pen(kind)
    pen.setWidthF(2)
    painter.setPen(pen)
    y = size * 0.9
    painter.drawLine(QPointF(1, y), QPointF(size * 2 - 1, y))
    painter.end()
    return QIcon(pixmap)


def legend_html() -> str:
    """One line per outcome: coloured symbol, name and outline pattern (for the legend)."""
    parts = []
    for kind in OutcomeKind:
        parts.append(
            f"<span style='color:{ink(kind).name()}; font-weight:bold'>{SYMBOLS[kind]}</span>"
            f"&nbsp;{TITLES[kind].lower()} <small>({PATTERN_WORDS[kind]})</small>"
        )
    return " &nbsp; ".join(parts)
