"""What the article shows about spans: a note mark a student notices, and same-label spans that
touch or overlap told apart. Made with real keys and mouse clicks, read back from the pixels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from pytestqt.qtbot import QtBot

from medialit.core.model import Label
from medialit.gui.dialogs import NoteDialog
from medialit.gui.label_style import ink, track_y, underline_colour
from medialit.gui.span_marks import note_size, same_label_neighbours
from tests.gui.window import db_spans, open_window

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def label(qtbot: QtBot, window, start: int, end: int, key: Qt.Key) -> None:
    window.view.select_cp(start, end)
    qtbot.keyClick(window.view, key, ALT)  # the exact selection
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)


def near(colour: QColor, target: QColor, tolerance: int = 60) -> bool:
    return (
        abs(colour.red() - target.red())
        + abs(colour.green() - target.green())
        + abs(colour.blue() - target.blue())
        <= tolerance
    )


def ink_pixels(image: QImage, area: QRectF, target: QColor) -> int:
    """How many pixels in `area` are (nearly) the label's ink."""
    rect = area.toAlignedRect().intersected(image.rect())
    return sum(
        near(QColor(image.pixel(x, y)), target)
        for y in range(rect.top(), rect.bottom() + 1)
        for x in range(rect.left(), rect.right() + 1)
    )


def shot(window) -> QImage:
    window.view.viewport().repaint()
    return window.view.viewport().grab().toImage()


def test_a_note_shows_as_a_mark_on_the_article(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    text = window.session.article.text
    start = text.index("journalist")
    label(qtbot, window, start, start + len("journalist"), Qt.Key.Key_4)
    (last,) = view.rects_cp(start, start + len("journalist"))
    size = note_size(QFontMetricsF(view.document().defaultFont()).height())
    mark = QRectF(last.right() + 1, last.top() - size, size * 1.6, size * 1.2)
    assert ink_pixels(shot(window), mark, ink(Label.SOURCING)) == 0  # no note, no mark

    window.select_span(window.session.index[0].id)
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert isinstance(window.dialog, NoteDialog)
    qtbot.keyClicks(window.dialog.edit, "He is named")
    qtbot.keyClick(window.dialog.edit, Qt.Key.Key_Return, CTRL)
    assert db_spans(store, window)[0][4] == "He is named"
    assert ink_pixels(shot(window), mark, ink(Label.SOURCING)) > 20  # the bubble
    window.close()
    store.close()


def test_double_clicking_the_note_cell_edits_the_note(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    text = window.session.article.text
    start = text.index("journalist")
    label(qtbot, window, start, start + len("journalist"), Qt.Key.Key_4)
    table = window.span_list.table
    cell = table.visualRect(window.span_list.model.index(0, 2))
    # a double click as the system sends it: press, release, then press again as a double click
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    qtbot.waitUntil(lambda: isinstance(window.dialog, NoteDialog))
    dialog = window.dialog
    qtbot.keyClicks(dialog.edit, "first line")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.edit, "second line")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert db_spans(store, window)[0][4] == "first line\nsecond line"
    # a double click elsewhere on the row still goes to the article
    quote = table.visualRect(window.span_list.model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=quote.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=quote.center())
    assert window.dialog is None and window.view.hasFocus()
    window.close()
    store.close()


def test_same_label_spans_that_touch_have_clear_ends(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    label(qtbot, window, 0, 4, Qt.Key.Key_1)  # "Alec"
    label(qtbot, window, 5, 12, Qt.Key.Key_1)  # "Baldwin": one space apart, same label
    assert [s[:2] for s in db_spans(store, window)] == [("Alec", "claim"), ("Baldwin", "claim")]
    image = shot(window)
    (alec,) = view.rects_cp(0, 4)
    y = track_y(alec.bottom(), Label.CLAIM, QFontMetricsF(view.document().defaultFont()).height())
    colour = ink(Label.CLAIM)
    # a bracket as tall as the text at the end of "Alec" (a tick would reach only the track)
    bracket = QRectF(alec.right() - 1.5, alec.top() + 2, 3, alec.height() / 2)
    assert ink_pixels(image, bracket, colour) >= alec.height() / 2
    # and the underline stops short of the end, so the two do not run together
    gap = QRectF(alec.right() - 2.5, y - 0.5, 1, 1)
    assert ink_pixels(image, gap, underline_colour(Label.CLAIM)) == 0
    window.close()
    store.close()


def test_overlapping_same_label_spans_are_boxed_apart(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    text = window.session.article.text
    first = (text.index("Alec"), text.index("Makes") + len("Makes"))
    second = (text.index("Baldwin"), text.index(" A ") + 2)  # "Baldwin Makes A"
    label(qtbot, window, *first, Qt.Key.Key_1)
    label(qtbot, window, *second, Qt.Key.Key_1)
    assert len(db_spans(store, window)) == 2
    image = shot(window)
    (inner,) = view.rects_cp(*second)
    (outer,) = view.rects_cp(*first)
    top_edge = QRectF(inner.left() + 4, inner.top() + 1, inner.width() - 8, 1)
    assert ink_pixels(image, top_edge, ink(Label.CLAIM)) > inner.width() / 4  # a dashed box
    outer_only = QRectF(outer.left() + 4, outer.top() + 1, inner.left() - outer.left() - 8, 1)
    assert ink_pixels(image, outer_only, ink(Label.CLAIM)) == 0  # the first has no box
    window.close()
    store.close()


def test_which_spans_get_clear_ends() -> None:
    from medialit.core.model import Article, Span

    article = Article.from_canonical("Alec Baldwin said it was an accident, police said.")
    claim = Label.CLAIM

    def span(a: int, b: int, lab: Label = claim) -> Span:
        return Span.create(article, a, b, lab)

    alec, baldwin, far = span(0, 4), span(5, 12), span(38, 50)
    other_label = span(5, 12, Label.FACT)
    overlapping = span(2, 9)
    assert same_label_neighbours([alec, baldwin, far]) == ({alec.id, baldwin.id}, set())
    assert same_label_neighbours([alec, other_label]) == (set(), set())
    assert same_label_neighbours([alec, overlapping, far]) == (
        {alec.id, overlapping.id},
        {overlapping.id},
    )
