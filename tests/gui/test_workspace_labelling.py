"""Labelling by keyboard and mouse through the real window; the database checked after each step."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.errors import StoreError
from medialit.gui.dialogs import NoteDialog
from tests.gui.window import db_spans, open_window, press

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def select_words_from_top(qtbot: QtBot, view, n: int) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    for _ in range(n):
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)


def test_keyboard_only_overlap_relabel_delete_undo_redo_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    store, window, _ = open_window(qtbot, db)
    view = window.view

    # two overlapping spans, by keyboard alone
    select_words_from_top(qtbot, view, 4)  # "Alec Baldwin Makes A "
    qtbot.keyClick(view, Qt.Key.Key_1)
    select_words_from_top(qtbot, view, 2)  # "Alec Baldwin "
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert db_spans(store, window) == [
        ("Alec Baldwin", "sourcing", 0, 12, ""),
        ("Alec Baldwin Makes A", "claim", 0, 20, ""),
    ]
    assert window.saved_label.text() == "✓ Saved"

    # the new span is selected: another number relabels it
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert db_spans(store, window)[0] == ("Alec Baldwin", "fact", 0, 12, "")

    # next span (Alt+Down) and Delete
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    assert window.selected_span().quote == "Alec Baldwin Makes A"
    press(qtbot, view, QKeySequence.StandardKey.Delete)
    assert db_spans(store, window) == [("Alec Baldwin", "fact", 0, 12, "")]
    assert window.selected_span() is None  # a second Delete deletes nothing more

    # undo and redo, each one committed
    assert window.undo_action.text() == "&Undo Delete claim span"
    press(qtbot, view, QKeySequence.StandardKey.Undo)
    assert [s[:2] for s in db_spans(store, window)] == [
        ("Alec Baldwin", "fact"),
        ("Alec Baldwin Makes A", "claim"),
    ]
    press(qtbot, view, QKeySequence.StandardKey.Undo)
    assert db_spans(store, window)[0][1] == "sourcing"
    assert window.redo_action.text() == "&Redo Relabel as fact"
    press(qtbot, view, QKeySequence.StandardKey.Redo)
    assert db_spans(store, window)[0][1] == "fact"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)  # the other usual Redo key
    assert db_spans(store, window) == [("Alec Baldwin", "fact", 0, 12, "")]
    press(qtbot, view, QKeySequence.StandardKey.Undo)
    expected = db_spans(store, window)
    assert len(expected) == 2 and window.saved_label.text() == "✓ Saved"
    window.close()
    store.close()

    # everything is still there after a restart, and shown
    store2, window2, _ = open_window(qtbot, db)
    assert db_spans(store2, window2) == expected
    assert [s.quote for s in window2.session.index] == ["Alec Baldwin", "Alec Baldwin Makes A"]
    assert window2.span_list.model.rowCount() == 2
    store2.close()


def test_previous_span_and_escape(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    for n, key in ((1, Qt.Key.Key_1), (3, Qt.Key.Key_3)):
        select_words_from_top(qtbot, view, n)
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert window.selected_span().quote == "Alec Baldwin Makes"
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert window.selected_span().quote == "Alec"
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert "no spans before" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.selected_span() is None and not window.acts.delete.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_2)  # nothing selected: nothing happens
    assert "Select some text first" in window.statusBar().currentMessage()
    assert [s[1] for s in db_spans(store, window)] == ["claim", "speculation"]
    store.close()


def test_note_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    select_words_from_top(qtbot, view, 2)
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_N)
    dialog = window.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClicks(dialog.edit, "He says it himself")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, CTRL)  # Enter alone starts a new line
    assert db_spans(store, window) == [("Alec Baldwin", "claim", 0, 12, "He says it himself")]
    assert window.undo_action.text() == "&Undo Edit note"
    assert "He says it himself" in view.tooltip_html(view.index.at(3))
    assert window.span_list.model.index(0, 2).data() == "He says it himself"
    store.close()


def test_mouse_drag_snaps_to_words_and_click_selects_a_span(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    text = window.session.article.text
    start = text.index("journalist") + 3  # "rnalist George Stephanopo"
    end = text.index("Stephanopoulos") + 5
    a = view.rects_cp(start, start + 1)[0]
    b = view.rects_cp(end, end + 1)[0]
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a.center().toPoint())
    qtbot.mouseMove(viewport, b.topLeft().toPoint() + QPoint(0, int(b.height() / 2)))
    qtbot.mouseRelease(
        viewport,
        Qt.MouseButton.LeftButton,
        pos=b.topLeft().toPoint() + QPoint(0, int(b.height() / 2)),
    )
    assert view.selection_cp() == (start, end)
    window.label_actions[next(iter(window.label_actions))].trigger()  # the toolbar button
    assert db_spans(store, window)[0][0] == "journalist George Stephanopoulos"

    # double-click a word inside that span, label it: two overlapping spans
    word = view.rects_cp(text.index("George"), text.index("George") + 6)[0]
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=word.center().toPoint())
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert [s[:2] for s in db_spans(store, window)] == [
        ("journalist George Stephanopoulos", "claim"),
        ("George", "sourcing"),
    ]

    # a click selects the innermost span; a second click on the same spot the next one
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # else Qt sees a triple click
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=word.center().toPoint())
    assert window.selected_span().quote == "George"
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=word.center().toPoint())
    assert window.selected_span().quote == "journalist George Stephanopoulos"
    qtbot.keyClick(view, Qt.Key.Key_3)  # relabel the clicked span
    assert ("journalist George Stephanopoulos", "speculation") in [
        s[:2] for s in db_spans(store, window)
    ]
    # a click on plain text lets go
    plain = view.rects_cp(text.index("interviews"), text.index("interviews") + 5)[0]
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=plain.center().toPoint())
    assert window.selected_span() is None
    store.close()


def test_exact_labelling_and_the_snapping_setting(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    text = window.session.article.text
    i = text.index("Baldwin")
    view.select_cp(i + 1, i + 4)  # "ald"
    qtbot.keyClick(view, Qt.Key.Key_1, ALT)  # Alt+1: exactly what is selected
    assert db_spans(store, window) == [("ald", "claim", i + 1, i + 4, "")]
    window.acts.snap.trigger()  # View > Snap to whole words: off, and remembered
    assert window.prefs.snap_words() is False
    view.select_cp(i + 1, i + 3)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert ("al", "fact") in [s[:2] for s in db_spans(store, window)]
    store.close()


def test_punctuation_only_is_refused_and_a_duplicate_is_not_added(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    text = window.session.article.text
    i = text.index('," journalist')
    view.select_cp(i, i + 3)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert "only spaces or punctuation" in window.statusBar().currentMessage()
    select_words_from_top(qtbot, view, 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    select_words_from_top(qtbot, view, 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert "already labelled" in window.statusBar().currentMessage()
    assert len(db_spans(store, window)) == 1 and window.undo_stack.count() == 1
    store.close()


def test_a_failed_write_says_not_saved_and_leaves_nothing_behind(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")

    def disk_full(*_args: object) -> None:
        raise StoreError("could not save: database or disk is full")

    monkeypatch.setattr(store.work, "add_span", disk_full)
    select_words_from_top(qtbot, window.view, 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.saved_label.text() == "Not saved"
    assert window.undo_stack.count() == 0 and len(window.session.index) == 0
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None and "disk is full" in box.text()
    box.close()
    monkeypatch.undo()
    select_words_from_top(qtbot, window.view, 1)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.saved_label.text() == "✓ Saved" and len(db_spans(store, window)) == 1

    # an undo that cannot be written leaves the span (shown and saved) and drops the step
    monkeypatch.setattr(store.work, "delete_span", disk_full)
    press(qtbot, window.view, QKeySequence.StandardKey.Undo)
    assert window.saved_label.text() == "Not saved"
    assert len(db_spans(store, window)) == 1 and len(window.session.index) == 1
    assert window.undo_stack.count() == 0
    store.close()


def test_context_menu_labels_and_relabels(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    text = window.session.article.text
    i = text.index("Stephanopoulos")
    view.select_cp(i, i + 14)
    point = view.rects_cp(i, i + 1)[0].center().toPoint()
    view.customContextMenuRequested.emit(point)  # what a right-click or the Menu key sends
    menu = window.context_menu
    assert menu is not None and menu.isVisible()
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names[:4] == ["label_claim", "label_fact", "label_speculation", "label_sourcing"]
    next(a for a in menu.actions() if a.objectName() == "label_sourcing").trigger()
    menu.close()
    assert db_spans(store, window) == [("Stephanopoulos", "sourcing", i, i + 14, "")]
    # right-click on the span (no text selected): it is selected, and the menu relabels it
    view.place_caret_cp(0)
    window.select_span(None)
    view.customContextMenuRequested.emit(point)
    assert window.selected_span().quote == "Stephanopoulos"
    next(a for a in window.context_menu.actions() if a.objectName() == "label_claim").trigger()
    window.context_menu.close()
    assert db_spans(store, window)[0][1] == "claim"
    store.close()
