"""The key editor works like the student's view, and saves every field without a button
(issue 11): word snapping with real key events, explanations saved as typed, one undo step
per burst, nothing typed lost by clicking elsewhere or closing the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.model import Label
from medialit.core.prefs import Prefs
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import stored, teacher_on_text

TEXT = (
    "Reporters waited outside the hall. Then he told NBC News the bridge may open in May.\n\n"
    "The council met on 3 June and voted 7 to 2, the Gazette reported."
)


@pytest.fixture
def teacher(qtbot: QtBot, tmp_path: Path) -> Iterator[TeacherWindow]:
    yield from teacher_on_text(qtbot, tmp_path, TEXT)


def select_by_keys(qtbot: QtBot, window: TeacherWindow, inside: str, chars: int) -> None:
    """Caret just after `inside`'s first character, then Shift+Right `chars` times: real keys."""
    view = window.key_editor.view
    view.setFocus()
    view.place_caret_cp(TEXT.index(inside) + 1)
    for _ in range(chars):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def label_key(qtbot: QtBot, window: TeacherWindow, label: Label, *, exact: bool = False) -> None:
    key = getattr(Qt.Key, f"Key_{label.info.shortcut}")
    modifier = Qt.KeyboardModifier.AltModifier if exact else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.key_editor.view, key, modifier)


def test_a_selection_from_inside_a_word_snaps_to_whole_words_as_for_students(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    """Dragging from inside "he" made the key span "e told NBC…": now it is "he told NBC"."""
    select_by_keys(qtbot, teacher, "he told", len("e told NB"))
    assert teacher.key_editor.view.selection_cp() == (
        TEXT.index("he told") + 1,
        TEXT.index("he told") + 10,
    )
    label_key(qtbot, teacher, Label.SOURCING)
    assert stored(teacher) == [("sourcing", "he told NBC", "")]
    assert teacher.key_editor.view.selection_cp() is None  # let go, as a student's view does

    select_by_keys(qtbot, teacher, "may open", len("ay open in May. "))  # trailing space and dot
    label_key(qtbot, teacher, Label.SPECULATION)
    assert ("speculation", "may open in May", "") in stored(teacher)


def test_alt_1_to_4_keeps_the_exact_selection_and_1_to_4_relabel_the_selected_span(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    select_by_keys(qtbot, teacher, "Reporters", len("eporters wai"))
    label_key(qtbot, teacher, Label.CLAIM, exact=True)
    assert stored(teacher) == [("claim", "eporters wai", "")]
    label_key(qtbot, teacher, Label.FACT)  # nothing selected: the selected key span relabelled
    assert stored(teacher) == [("fact", "eporters wai", "")]
    teacher.undo_action.trigger()
    teacher.undo_action.trigger()
    assert stored(teacher) == []


def test_word_snapping_off_in_the_preferences_is_off_here_too(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    Prefs(teacher.desk.store).set_snap_words(False)
    select_by_keys(qtbot, teacher, "he told", len("e told NB"))
    label_key(qtbot, teacher, Label.SOURCING)
    assert stored(teacher) == [("sourcing", "e told NB", "")]


def add_span(qtbot: QtBot, window: TeacherWindow, quote: str, label: Label) -> str:
    start = TEXT.index(quote)
    window.key_editor.view.setFocus()
    window.key_editor.view.select_cp(start, start + len(quote))
    label_key(qtbot, window, label)
    return next(k.id for k in window.desk.key if k.quote == quote)


def click_span(qtbot: QtBot, window: TeacherWindow, quote: str) -> None:
    """A real mouse click on the middle of `quote` in the article."""
    view = window.key_editor.view
    start = TEXT.index(quote)
    rect = view.rects_cp(start, start + len(quote))[0]
    point = QPoint(int(rect.center().x()), int(rect.center().y()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_an_explanation_typed_then_another_span_clicked_is_in_the_database(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    add_span(qtbot, teacher, "the Gazette reported", Label.SOURCING)
    editor = teacher.key_editor
    first = next(k for k in teacher.desk.key if k.quote == "he told NBC News")
    editor.select_span(first.id)
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, "He names who he spoke to.")
    assert stored(teacher)[0][2] == ""  # not yet: the 1 s pause has not come
    click_span(qtbot, teacher, "the Gazette reported")
    assert editor.selected_span() is not None
    assert editor.selected_span().quote == "the Gazette reported"  # type: ignore[union-attr]
    assert stored(teacher) == [
        ("sourcing", "he told NBC News", "He names who he spoke to."),
        ("sourcing", "the Gazette reported", ""),
    ]
    assert editor.explanation_edit.toPlainText() == ""  # the clicked span's own


def test_an_explanation_typed_then_the_window_closed_is_in_the_database(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    editor = teacher.key_editor
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, "Named outlet.")
    teacher.close()
    assert stored(teacher) == [("sourcing", "he told NBC News", "Named outlet.")]


def test_an_explanation_is_saved_after_a_pause_and_a_burst_is_one_undo_step(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    editor = teacher.key_editor
    steps = editor.undo_stack.count()
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, "He names")
    assert editor.details.timer.isActive() and editor.details.timer.interval() == 1000
    qtbot.waitUntil(lambda: stored(teacher)[0][2] == "He names", timeout=5000)
    qtbot.keyClicks(editor.explanation_edit, " the outlet.")
    qtbot.waitUntil(lambda: stored(teacher)[0][2] == "He names the outlet.", timeout=5000)
    assert editor.undo_stack.count() == steps + 1  # two saves, one step
    qtbot.keyClick(editor.explanation_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(teacher)[0][2] == ""  # the whole burst taken back
    assert editor.explanation_edit.toPlainText() == ""
    teacher.redo_action.trigger()
    assert stored(teacher)[0][2] == "He names the outlet."
    # a later visit to the box is a step of its own
    editor.view.setFocus()
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, " Check it.")
    editor.view.setFocus()
    assert stored(teacher)[0][2] == "He names the outlet. Check it."
    teacher.undo_action.trigger()
    assert stored(teacher)[0][2] == "He names the outlet."


def test_label_also_accept_and_optional_are_each_one_committed_step(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    span_id = add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    editor = teacher.key_editor
    steps = editor.undo_stack.count()
    editor.accept_boxes[Label.CLAIM].click()
    editor.optional_box.click()
    editor.label_combo.setFocus()
    qtbot.keyClick(editor.label_combo, Qt.Key.Key_Up)  # Sourcing -> Speculation, at once
    spans = teacher.desk.store.keys.spans(teacher.desk.require_lesson().id)
    assert [(k.id, k.label, k.also_accept, k.optional) for k in spans] == [
        (span_id, Label.SPECULATION, frozenset({Label.CLAIM}), True)
    ]
    assert editor.undo_stack.count() == steps + 3


def test_explanation_edits_do_not_rescore_the_class(qtbot: QtBot, teacher: TeacherWindow) -> None:
    add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    teacher.tabs.setCurrentWidget(teacher.class_tab)  # scored now, as the teacher looks
    teacher.tabs.setCurrentWidget(teacher.key_editor)
    assert not teacher.class_tab._dirty
    editor = teacher.key_editor
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, "Named outlet.")
    editor.view.setFocus()
    assert stored(teacher)[0][2] == "Named outlet."
    assert not teacher.class_tab._dirty  # nothing to rescore
    editor.optional_box.click()
    assert teacher.class_tab._dirty  # scoring reads the optional flag


def test_a_span_deleted_while_its_explanation_is_typed_loses_nothing_else(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    editor = teacher.key_editor
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, "Gone soon")
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert stored(teacher) == []
    teacher.undo_action.trigger()  # the span comes back with what was typed
    assert stored(teacher) == [("sourcing", "he told NBC News", "Gone soon")]
    QApplication.processEvents()


def test_the_warnings_stay_a_few_lines_so_the_key_list_keeps_its_room(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    for quote in ("Reporters waited", "he told NBC News", "the Gazette reported", "voted 7 to 2"):
        add_span(qtbot, teacher, quote, Label.SOURCING)
    lines = teacher.key_editor.warnings_label.text().splitlines()
    assert lines[:3] == [
        "⚠ No key span is labelled claim.",
        "⚠ No key span is labelled fact.",
        "⚠ No key span is labelled speculation.",
    ]
    assert lines[3:] == ["… and 4 more (⚠ in the Why column)"]
    assert "No explanation: sourcing “voted 7 to 2”" in teacher.key_editor.warnings_label.toolTip()


def test_delete_in_the_key_list_deletes_the_selected_span(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    table = teacher.key_editor.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert stored(teacher) == []


def test_an_explanation_not_saved_stays_in_the_box_and_is_saved_when_it_can_be(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    add_span(qtbot, teacher, "he told NBC News", Label.SOURCING)
    editor = teacher.key_editor
    steps = editor.undo_stack.count()
    teacher.desk.store.db.execute("PRAGMA query_only = ON")  # the disk turned read-only
    editor.explanation_edit.setFocus()
    qtbot.keyClicks(editor.explanation_edit, "Named outlet.")
    editor.view.setFocus()  # focus out: a save that fails
    boxes = [b for b in teacher.findChildren(QMessageBox, "error_box") if b.isVisible()]
    assert [b.windowTitle() for b in boxes] == ["Not saved"]
    for box in boxes:
        box.close()
    assert editor.undo_stack.count() == steps  # nothing unsaved on the stack
    assert stored(teacher) == [("sourcing", "he told NBC News", "")]
    assert editor.explanation_edit.toPlainText() == "Named outlet."  # not lost
    teacher.desk.store.db.execute("PRAGMA query_only = OFF")
    teacher.close()  # closing tries again, and now it is saved
    assert stored(teacher) == [("sourcing", "he told NBC News", "Named outlet.")]
