"""Moving a span's edges in the student window: a word at a time from the keyboard, or by
dragging an end with the mouse; shrinking to nothing refused, growing into a span of the same
label merges them, each move one committed undo step. The database is read after every step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from medialit.gui.span_edits import NEEDS_A_WORD
from tests.gui.window import db_spans, open_window

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def label(qtbot: QtBot, window, quote: str, key: Qt.Key, note: str = "") -> None:
    text = window.session.article.text
    start = text.index(quote)
    window.view.select_cp(start, start + len(quote))
    qtbot.keyClick(window.view, key)
    if note:
        qtbot.keyClick(window.view, Qt.Key.Key_N)
        qtbot.keyClicks(window.dialog.edit, note)
        qtbot.keyClick(window.dialog.edit, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: window.dialog is None)


def quotes(store, window) -> list[tuple[str, str, str]]:
    return [(quote, label, note) for quote, label, _s, _e, note in db_spans(store, window)]


def test_edges_move_a_word_at_a_time_from_the_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view, stack = window.view, window.undo_stack
    label(qtbot, window, "Baldwin", Qt.Key.Key_1)
    steps = [
        ((Qt.Key.Key_Right, ALT), "Baldwin Makes"),
        ((Qt.Key.Key_Comma, ALT), "Alec Baldwin Makes"),
        ((Qt.Key.Key_Left, ALT), "Alec Baldwin"),
        ((Qt.Key.Key_Period, ALT), "Baldwin"),
    ]
    for (key, mods), expected in steps:
        before = stack.count()
        qtbot.keyClick(view, key, mods)
        assert quotes(store, window) == [(expected, "claim", "")]
        assert stack.count() == before + 1  # one undo step each
    assert window.selected_span().quote == "Baldwin"  # still the span the keys act on

    # one word left: shrinking it to nothing is refused, the database untouched
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Period):
        qtbot.keyClick(view, key, ALT)
        assert quotes(store, window) == [("Baldwin", "claim", "")]
        assert window.pane.message.text() == NEEDS_A_WORD
    assert stack.count() == 5

    for expected in ("Alec Baldwin", "Alec Baldwin Makes", "Baldwin Makes", "Baldwin"):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        assert quotes(store, window) == [(expected, "claim", "")]
    window.close()
    store.close()


def test_growing_into_a_span_of_the_same_label_merges_them(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    label(qtbot, window, "Makes A", Qt.Key.Key_1, note="big words")
    label(qtbot, window, "Alec Baldwin", Qt.Key.Key_4)  # another label: never merged
    label(qtbot, window, "Alec", Qt.Key.Key_1, note="his name")
    before = db_spans(store, window)
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)  # "Alec Baldwin": not into "Makes A" yet
    assert len(db_spans(store, window)) == 3
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)  # "Alec Baldwin Makes": into "Makes A"
    assert quotes(store, window) == [
        ("Alec Baldwin", "sourcing", ""),
        ("Alec Baldwin Makes A", "claim", "his name\nbig words"),  # both notes kept
    ]
    assert "Joined with 1 other span labelled Claim" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # one undo: both claims back as they were
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert db_spans(store, window) == before
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert len(db_spans(store, window)) == 2
    window.close()
    store.close()


def drag(qtbot: QtBot, view, start: QPoint, end: QPoint) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=(start + end) / 2)
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_dragging_an_end_with_the_mouse_moves_it(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view, stack = window.view, window.undo_stack
    text = window.session.article.text
    label(qtbot, window, "Baldwin", Qt.Key.Key_2)
    span = window.selected_span()
    (rect,) = view.rects_cp(span.start, span.end)
    end_handle = QPoint(int(rect.right()), int(rect.center().y()))
    makes = view.rects_cp(text.index("Makes") + 2, text.index("Makes") + 3)[0]
    before = stack.count()
    drag(qtbot, view, end_handle, makes.center().toPoint())  # let go inside "Makes"
    assert quotes(store, window) == [("Baldwin Makes", "fact", "")]
    assert stack.count() == before + 1
    assert not view.textCursor().hasSelection()  # the drag selected no text

    span = window.selected_span()
    (rect,) = view.rects_cp(span.start, span.end)
    start_handle = QPoint(int(rect.left()) + 1, int(rect.center().y()))
    drag(qtbot, view, start_handle, QPoint(int(rect.right()) + 40, int(rect.center().y())))
    assert quotes(store, window) == [("Baldwin Makes", "fact", "")]  # past the end: refused
    assert window.pane.message.text() == NEEDS_A_WORD
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert quotes(store, window) == [("Baldwin", "fact", "")]
    window.close()
    store.close()


def test_the_edit_menu_shows_the_edge_keys(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    submenu = next(a.menu() for a in edit.actions() if isinstance(a.menu(), QMenu))
    shown = [
        (a.text().replace("&", ""), a.shortcut().toString(QKeySequence.SequenceFormat.PortableText))
        for a in submenu.actions()
    ]
    assert shown == [
        ("Start one word earlier", "Alt+,"),
        ("Start one word later", "Alt+."),
        ("End one word earlier", "Alt+Left"),
        ("End one word later", "Alt+Right"),
    ]
    window.close()
    store.close()
