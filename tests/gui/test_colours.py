"""Colour-blind safe, measured: label tints and outcome colours under four kinds of vision,
and WCAG contrast for every label colour, badge and underline.

Colour differences are CIEDE2000 (`colour.delta_E(..., method="CIE 2000")`) between
colours as painted on white, after simulating protanopia, deuteranopia and tritanopia
with Machado et al. 2009 (`colour.matrix_cvd_Machado2009`, severity 1.0, applied to
linear sRGB). A pair passes at dE00 >= 10, or when the two also differ by fill pattern
(an underline pattern does not count: it sits under the line, not on the text).
Contrast is WCAG 2's ratio of relative luminances: 4.5:1 for text (initials, badges,
the legend's chips), 3:1 for graphics (underlines, outlines).
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPainter

with warnings.catch_warnings():  # "SciPy/Matplotlib related API features are not available"
    warnings.simplefilter("ignore")
    import colour

from medialit.core.model import LABELS, Label
from medialit.core.scoring import OutcomeKind
from medialit.gui import label_style, outcome_style

# colour-science says its tritanomaly matrix is an approximation (the shift paradigm): known.
pytestmark = pytest.mark.filterwarnings("ignore:.*Machado et al. \\(2009\\).*")

MIN_DE00 = 10.0
TEXT, GRAPHICS = 4.5, 3.0
VISIONS = ("normal", "protanopia", "deuteranopia", "tritanopia")
_MACHADO = {
    "protanopia": "Protanomaly",
    "deuteranopia": "Deuteranomaly",
    "tritanopia": "Tritanomaly",
}
WHITE = QColor("white")
BLACK = QColor("black")


def rgb(c: QColor) -> np.ndarray:
    return np.array([c.redF(), c.greenF(), c.blueF()])


def painted_on_white(c: QColor) -> QColor:
    """What Qt paints for `c` (alpha and all) on a white page: one pixel, read back."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(WHITE)
    painter = QPainter(image)
    painter.fillRect(0, 0, 1, 1, c)
    painter.end()
    return QColor(image.pixel(0, 0))


def seen(c: QColor, vision: str) -> np.ndarray:
    """The sRGB colour as a person with this vision sees it (Machado 2009, severity 1)."""
    value = rgb(c)
    if vision == "normal":
        return value
    matrix = colour.matrix_cvd_Machado2009(_MACHADO[vision], 1.0)
    linear = colour.cctf_decoding(value, function="sRGB")
    return colour.cctf_encoding(np.clip(matrix @ linear, 0, 1), function="sRGB")


def de00(a: QColor, b: QColor, vision: str) -> float:
    lab = [colour.XYZ_to_Lab(colour.sRGB_to_XYZ(seen(c, vision))) for c in (a, b)]
    return float(colour.delta_E(lab[0], lab[1], method="CIE 2000"))


def luminance(c: QColor) -> float:
    r, g, b = colour.cctf_decoding(rgb(c), function="sRGB")
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def tints() -> dict[str, QColor]:
    return {label.value: painted_on_white(label_style.tint(label)) for label in LABELS}


def outcome_colours() -> dict[str, QColor]:
    return {kind.value: outcome_style.ink(kind) for kind in OutcomeKind}


def failing_pairs(colours: dict[str, QColor], vision: str) -> list[tuple[str, str, float]]:
    out = []
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        d = de00(ca, cb, vision)
        if d < MIN_DE00:  # every tint is a solid fill and an outline has no fill: no pattern
            out.append((a, b, round(d, 1)))
    return out


def test_the_simulation_is_machado_2009() -> None:
    """Pure red seen by a protanope is dark (the long-wave cones are missing), and the
    Fact and Sourcing tints of the old palette look almost the same to a deuteranope."""
    red = seen(QColor("red"), "protanopia")
    assert red[0] < 0.5 and red[1] < 0.5
    old_fact, old_sourcing = (
        painted_on_white(QColor(0, 158, 115, 50)),
        painted_on_white(QColor(0, 114, 178, 50)),
    )
    assert de00(old_fact, old_sourcing, "deuteranopia") < MIN_DE00
    assert de00(old_fact, old_sourcing, "normal") > de00(old_fact, old_sourcing, "deuteranopia")


@pytest.mark.parametrize("vision", VISIONS)
def test_label_tints_on_white_stay_apart(vision: str) -> None:
    page = {"white page": painted_on_white(WHITE)}
    assert failing_pairs({**tints(), **page}, vision) == []


@pytest.mark.parametrize("vision", VISIONS)
def test_outcome_colours_stay_apart(vision: str) -> None:
    assert failing_pairs(outcome_colours(), vision) == []


@pytest.mark.parametrize("label", LABELS, ids=lambda label: label.value)
def test_label_contrast(label: Label) -> None:
    ink = label_style.ink(label)
    assert contrast(ink, WHITE) >= TEXT  # initials in the margin, ticks
    assert contrast(label_style.underline_colour(label), WHITE) >= GRAPHICS
    for selected in (False, True):  # black text on the highlight, alone or selected
        background = painted_on_white(label_style.tint(label, selected=selected))
        assert contrast(BLACK, background) >= TEXT
    # the definitions panel's chip ("Src"): black on the tint
    assert contrast(BLACK, QColor(label.info.tint)) >= TEXT


@pytest.mark.parametrize("kind", list(OutcomeKind), ids=lambda kind: kind.value)
def test_outcome_contrast(kind: OutcomeKind) -> None:
    ink = outcome_style.ink(kind)
    assert contrast(ink, WHITE) >= TEXT  # the badge's symbol and initial, the legend
    assert contrast(WHITE, ink) >= TEXT  # a selected badge: white on the ink
    assert contrast(outcome_style.outline_pen(kind).color(), WHITE) >= GRAPHICS


def test_the_tooltip_and_the_definitions_say_the_same_pattern_words(qtbot) -> None:
    from medialit.core.lesson import default_lesson_path, load_lesson
    from medialit.core.model import Span
    from medialit.gui.article_view import ArticleView
    from medialit.gui.legend import legend_html

    lesson = load_lesson(default_lesson_path())
    view = ArticleView(lesson.article.text)
    qtbot.addWidget(view)
    span = Span.create(lesson.article, 0, 4, Label.SPECULATION)
    assert "wavy underline" in view.tooltip_html([span])
    assert "wave" not in view.tooltip_html([span])
    assert "Drawn with a wavy underline" in legend_html(lesson)
    words = {label_style.underline_words(label) for label in LABELS}
    assert words == {"solid", "dashed", "wavy", "dotted"}
