"""What the student sees: overlaps drawn without hiding each other, hover, the span list,
zoom remembered, and every action reachable by keyboard with a readable name."""

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QKeySequence
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from medialit.core.model import LABELS, Label, Span, SpanId
from medialit.gui.label_style import ink, track, track_y, underline_colour
from tests.gui.window import open_window, press


def add(window, quote: str, label: Label, note: str = "") -> Span:
    text = window.session.article.text
    start = text.index(quote)
    span = Span.create(window.session.article, start, start + len(quote), label, note=note)
    window.session.add_span(span)
    return span


def colour_in(image: QImage, x1: int, x2: int, y1: int, y2: int, want: QColor) -> bool:
    """Is a pixel close to `want` anywhere in the box?"""
    for y in range(max(0, y1), min(image.height(), y2)):
        for x in range(max(0, x1), min(image.width(), x2)):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - want.red())
                + abs(c.green() - want.green())
                + abs(c.blue() - want.blue())
                < 60
            ):
                return True
    return False


def test_overlapping_spans_both_show_on_their_own_tracks(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    add(window, "Alec Baldwin Makes A Stunning Claim", Label.CLAIM)
    add(window, "Alec Baldwin", Label.SOURCING)
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    rect = view.rects_cp(0, 4)[0]  # "Alec": inside both spans
    height = QFontMetricsF(view.document().defaultFont()).height()
    x1, x2 = int(rect.left()) + 2, int(rect.right()) - 2
    for label in (Label.CLAIM, Label.SOURCING):
        # each label's underline sits on its own track below the line: neither hides the other
        y = int(track_y(rect.bottom(), label, height))
        assert track(label) == LABELS.index(label)
        assert colour_in(image, x1, x2, y - 3, y + 4, underline_colour(label)), label
    # the margin shows both initials on that line, in the labels' ink
    gutter = (0, int(rect.left()) - 4, int(rect.top()), int(rect.bottom()))
    for label in (Label.CLAIM, Label.SOURCING):
        assert colour_in(image, *gutter, ink(label)), label
    assert not colour_in(image, *gutter, ink(Label.FACT))
    store.close()


def test_hover_shows_label_definition_and_note(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    add(window, "Alec Baldwin Makes A Stunning Claim", Label.CLAIM, note="he says so")
    add(window, "Alec Baldwin", Label.SOURCING)
    point = view.rects_cp(0, 4)[0].center().toPoint()
    spans = view.spans_at_point(point)
    assert [s.label for s in spans] == [Label.SOURCING, Label.CLAIM]  # innermost first
    tip = view.tooltip_html(spans)
    assert "Sourcing (Src, dotted underline)" in tip and "Claim (C, solid underline)" in tip
    assert window.session.lesson.definition_of(Label.CLAIM)[:30] in tip
    assert "he says so" in tip
    plain = view.rects_cp(80, 84)[0].center().toPoint()
    assert view.spans_at_point(plain) == []
    store.close()


def test_span_list_in_text_order_with_counts_and_click_to_jump(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    add(window, "one-in-a-trillion event", Label.CLAIM)
    add(window, "Alec Baldwin", Label.SOURCING)
    add(window, "via CBS News", Label.SOURCING, note="outlet")
    model, table = window.span_list.model, window.span_list.table
    quotes = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert quotes == ["Alec Baldwin", "one-in-a-trillion event", "via CBS News"]
    assert model.index(2, 0).data() == "Sourcing" and model.index(2, 2).data() == "outlet"
    assert (
        window.span_list.counts.text() == "3 spans: Claim 1 · Fact 0 · Speculation 0 · Sourcing 2"
    )
    rect = table.visualRect(model.index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    span = window.selected_span()
    assert span is not None and span.quote == "one-in-a-trillion event"
    assert window.view.caret_cp() == span.start  # jumped there
    qtbot.keyClick(table, Qt.Key.Key_2)  # keys act on the span chosen in the list
    assert window.session.index.get(span.id).label is Label.FACT
    assert window.span_list.counts.text().startswith("3 spans: Claim 0 · Fact 1")
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.selected_span().quote == "via CBS News"
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter goes to the article
    assert window.view.hasFocus()
    store.close()


def test_zoom_by_keyboard_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    store, window, _ = open_window(qtbot, db)
    size = window.view.document().defaultFont().pointSizeF()
    press(qtbot, window.view, QKeySequence.StandardKey.ZoomIn)
    press(qtbot, window.view, QKeySequence.StandardKey.ZoomIn)
    assert window.view.document().defaultFont().pointSizeF() > size
    press(qtbot, window.view, QKeySequence.StandardKey.ZoomOut)
    assert window.prefs.zoom() == 1
    window.close()
    store.close()
    store2, window2, _ = open_window(qtbot, db)
    assert window2.view.zoom == 1
    store2.close()


def test_every_action_has_a_name_and_the_main_ones_a_shortcut(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    for action in window.actions():
        assert action.text().replace("&", "").strip(), action.objectName()
    for name in (
        "delete_span",
        "edit_note",
        "next_span",
        "previous_span",
        "deselect",
        "toggle_focus",
        "definitions",
        "zoom_in",
        "zoom_out",
        "open_lesson",
        "submit",
        *(f"label_{label.value}" for label in LABELS),
        *(f"label_{label.value}_exact" for label in LABELS),
    ):
        action = next(a for a in window.actions() if a.objectName() == name)
        assert not action.shortcut().isEmpty(), name
    for button in window.toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None:
            assert button.defaultAction().text()
    claim = window.label_actions[Label.CLAIM]
    assert window.session.lesson.definition_of(Label.CLAIM) in claim.toolTip()
    store.close()


def test_focus_moves_article_list_definitions(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view, table = window.view, window.span_list.table
    qtbot.keyClick(view, Qt.Key.Key_F6)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_F6)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # Tab leaves the article for the span list
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_F1)
    assert window.legend.hasFocus() and "Speculation" in window.legend.toPlainText()
    qtbot.keyClick(window.legend, Qt.Key.Key_F6)
    assert view.hasFocus()
    store.close()


def test_clicking_outside_any_span_selects_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    """A click beside a span, where the caret lands at the span's end, lets it go: only
    a click on a span's own text (or its underline tracks) selects it."""
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    title = "Alec Baldwin Makes A Stunning Claim In First Interview After Rust Shooting"
    span = add(window, title, Label.CLAIM)  # the whole first line
    qtbot.waitExposed(view)
    line = view.rects_cp(span.start, span.end)[-1]
    on_it = line.center().toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=on_it)
    assert window.selected_span() == span  # a click on the span selects it
    beside = QPoint(int(line.right()) + 40, on_it.y())  # the empty space after the line
    assert beside.x() < view.viewport().width()
    assert view.to_cp(view.cursorForPosition(beside).position()) == span.end
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    assert window.selected_span() is None
    store.close()


def test_the_first_paint_in_a_splitter_finds_the_visible_spans(qtbot: QtBot) -> None:
    """On the first paint after a splitter sized the view, the text below is not laid out
    yet: hit-testing the top of the view landed on a block further down, and that paint
    drew no span at all (nothing else repaints a window nobody touches)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

    from medialit.core.spanindex import SpanIndex
    from medialit.gui.article_view import ArticleView
    from tests.helpers import SEED

    class Recording(ArticleView):
        def paintEvent(self, event) -> None:
            seen.append(self.visible_range_cp(QRectF(event.rect())))
            super().paintEvent(event)

    seen: list[tuple[int, int]] = []
    text = SEED.read_text("utf-8").replace("\r\n", "\n")
    view = Recording(text)
    view.set_index(SpanIndex([Span(SpanId("a"), 0, 12, Label.CLAIM, text[:12])]))
    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter(window)
    splitter.addWidget(view)
    splitter.addWidget(QWidget())
    window.setCentralWidget(splitter)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: bool(seen))
    start, end = seen[0]
    assert start == 0 < end
