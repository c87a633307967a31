"""The key editor moves a key span's edges as the student's view moves a span's (issue 11):
the same keys (shown in the Edit menu), mouse dragging of its ends, merging into a key span of
the same label, each move one undo step; the database checked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import stored, teacher_on_text

TEXT = "Then he told NBC News the bridge may open in May, and critics fear it could cost more."
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def teacher(qtbot: QtBot, tmp_path: Path) -> Iterator[TeacherWindow]:
    yield from teacher_on_text(qtbot, tmp_path, TEXT)


def add(qtbot: QtBot, window: TeacherWindow, quote: str, key: Qt.Key) -> None:
    view = window.key_editor.view
    view.setFocus()
    start = TEXT.index(quote)
    view.select_cp(start, start + len(quote))
    qtbot.keyClick(view, key)


def test_the_students_keys_move_a_key_spans_edges_a_word_at_a_time(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add(qtbot, teacher, "the bridge may open", Qt.Key.Key_3)
    view, stack = teacher.key_editor.view, teacher.key_editor.undo_stack
    steps = stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)  # the end a word later: "in"
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)  # "May," ends at "May"
    assert stored(teacher) == [("speculation", "the bridge may open in May", "")]
    qtbot.keyClick(view, Qt.Key.Key_Period, ALT)  # the start a word later
    assert stored(teacher) == [("speculation", "bridge may open in May", "")]
    qtbot.keyClick(view, Qt.Key.Key_Comma, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Comma, ALT)
    assert stored(teacher) == [("speculation", "News the bridge may open in May", "")]
    assert stack.count() == steps + 5  # each move one step
    teacher.undo_action.trigger()
    assert stored(teacher) == [("speculation", "the bridge may open in May", "")]


def test_growing_into_a_key_span_of_the_same_label_merges_them_in_one_step(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add(qtbot, teacher, "critics fear", Qt.Key.Key_3)
    editor = teacher.key_editor
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, "Fear is a guess.")
    add(qtbot, teacher, "may open in May", Qt.Key.Key_3)
    add(qtbot, teacher, "and critics", Qt.Key.Key_1)  # another label: never merged
    editor.select_span(next(k.id for k in teacher.desk.key if k.quote == "may open in May"))
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, ALT)  # "and"
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, ALT)  # "critics": into "critics fear"
    assert stored(teacher) == [
        ("speculation", "may open in May, and critics fear", "Fear is a guess."),
        ("claim", "and critics", ""),
    ]
    assert "Joined with 1 other key span" in teacher.statusBar().currentMessage()
    teacher.undo_action.trigger()  # the merge undone in one step
    assert sorted(stored(teacher)) == sorted(
        [
            ("speculation", "critics fear", "Fear is a guess."),
            ("speculation", "may open in May, and", ""),
            ("claim", "and critics", ""),
        ]
    )


def test_dragging_an_end_of_the_selected_key_span_moves_it(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add(qtbot, teacher, "told NBC", Qt.Key.Key_4)
    view = teacher.key_editor.view
    span = teacher.key_editor.selected_span()
    assert span is not None
    (rect,) = view.rects_cp(span.start, span.end)
    handle = QPoint(int(rect.right()), int(rect.center().y()))
    news = view.rects_cp(TEXT.index("News") + 2, TEXT.index("News") + 3)[0].center().toPoint()
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=handle)
    qtbot.mouseMove(viewport, pos=(handle + news) / 2)
    qtbot.mouseMove(viewport, pos=news)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=news)
    assert stored(teacher) == [("sourcing", "told NBC News", "")]
    assert not view.textCursor().hasSelection()  # the drag selected no text
    teacher.undo_action.trigger()
    assert stored(teacher) == [("sourcing", "told NBC", "")]


def test_the_edit_menu_shows_the_edge_keys(teacher: TeacherWindow) -> None:
    edit = next(a.menu() for a in teacher.menuBar().actions() if a.text() == "&Edit")
    submenu = next(a.menu() for a in edit.actions() if isinstance(a.menu(), QMenu))
    assert submenu.title() == "&Move an edge of the key span"
    keys = [a.shortcut().toString() for a in submenu.actions()]
    assert keys == ["Alt+,", "Alt+.", "Alt+Left", "Alt+Right"]
