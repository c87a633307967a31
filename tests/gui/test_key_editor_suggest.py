"""Suggest key in the key editor, driven by keys as a teacher would (issue 11): Enter accepts
(the reason becomes the explanation), 1-4 accepts as another label, Delete rejects, Alt+Down/Up
walk, Ctrl+Enter accepts all of a label in one step, Esc ends; each accept one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from pytestqt.qtbot import QtBot

from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import stored, teacher_on_text

TEXT = (
    "Reporters waited outside the hall. Then he told NBC News the bridge may open in May.\n\n"
    "The council met on 3 June and voted 7 to 2, the Gazette reported. Critics fear it could "
    "cost twice as much. Officials said it might rain."
)
SPOKEN: list[str] = []


@pytest.fixture
def teacher(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TeacherWindow]:
    SPOKEN.clear()

    def hear(event: object) -> None:  # what medialit hands Qt for the screen reader
        if isinstance(event, QAccessibleAnnouncementEvent):
            SPOKEN.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(hear))
    yield from teacher_on_text(qtbot, tmp_path, TEXT, active=False)


def shown(window: TeacherWindow) -> list[tuple[str, str]]:
    """The suggestions the article draws, as (label, words)."""
    return [(s.label.value, TEXT[s.start : s.end]) for s in window.key_editor.view.suggestions]


def current(window: TeacherWindow) -> tuple[str, str, str]:
    s = window.key_editor.view.current_suggestion
    assert s is not None
    return (s.label.value, TEXT[s.start : s.end], s.reason)


def key(qtbot: QtBot, window: TeacherWindow, name: str, modifier: str = "") -> None:
    modifiers = {
        "": Qt.KeyboardModifier.NoModifier,
        "alt": Qt.KeyboardModifier.AltModifier,
        "ctrl": Qt.KeyboardModifier.ControlModifier,
    }
    qtbot.keyClick(window.key_editor.view, getattr(Qt.Key, f"Key_{name}"), modifiers[modifier])


def start(qtbot: QtBot, window: TeacherWindow) -> None:
    window.key_editor.view.setFocus()
    key(qtbot, window, "G", "ctrl")
    assert window.key_editor.suggesting.active


def test_suggestions_show_apart_from_the_key_and_enter_accepts_with_the_reason(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    start(qtbot, teacher)
    editor = teacher.key_editor
    assert editor.suggesting.panel.isVisible()
    assert shown(teacher)[:3] == [
        ("sourcing", "Then he told NBC News"),
        ("speculation", "the bridge may open in May"),
        ("fact", "The council met on 3 June and voted 7 to 2"),
    ]
    assert len(editor.view.index) == 0  # suggestions are not key spans until accepted
    first = current(teacher)
    assert first[1] == "Then he told NBC News"
    assert "Suggestion 1 of 6" in SPOKEN[-1] and first[2] in SPOKEN[-1]  # said, with its reason
    assert first[2] in editor.view.accessibleDescription()  # and read with the article
    key(qtbot, teacher, "Return")
    assert stored(teacher) == [first]  # the reason is the explanation
    assert ("sourcing", "Then he told NBC News") not in shown(teacher)
    assert current(teacher)[1] == "the bridge may open in May"
    assert "Accepted as Sourcing" in SPOKEN[-1] and "Suggestion 1 of 5" in SPOKEN[-1]
    assert editor.explanation_edit.toPlainText() == first[2]  # the accepted span, to edit

    teacher.undo_action.trigger()  # accepting is one undoable change
    assert stored(teacher) == []
    assert ("sourcing", "Then he told NBC News") in shown(teacher)


def test_delete_rejects_digits_relabel_and_alt_arrows_walk(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    start(qtbot, teacher)
    key(qtbot, teacher, "Delete")
    assert stored(teacher) == []
    assert ("sourcing", "Then he told NBC News") not in shown(teacher)
    assert current(teacher)[1] == "the bridge may open in May"
    key(qtbot, teacher, "Down", "alt")
    assert current(teacher)[1] == "The council met on 3 June and voted 7 to 2"
    key(qtbot, teacher, "Up", "alt")
    key(qtbot, teacher, "Up", "alt")  # wraps to the last
    assert current(teacher)[1] == "Officials said"
    key(qtbot, teacher, "Down", "alt")
    assert current(teacher)[1] == "the bridge may open in May"
    key(qtbot, teacher, "1")  # accepted as a claim: its reason spoke of a guess, so none
    assert stored(teacher) == [("claim", "the bridge may open in May", "")]
    assert "Write why" in SPOKEN[-1]
    assert ("speculation", "the bridge may open in May") not in shown(teacher)
    teacher.undo_action.trigger()
    assert stored(teacher) == []
    assert ("speculation", "the bridge may open in May") in shown(teacher)


def test_with_text_selected_1_to_4_label_the_selection_as_usual(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    start(qtbot, teacher)
    view = teacher.key_editor.view
    at = TEXT.index("aited outside")
    view.select_cp(at, at + len("aited outsi"))
    key(qtbot, teacher, "2")
    assert stored(teacher) == [("fact", "waited outside", "")]  # snapped, no suggestion taken
    assert current(teacher)[1] == "Then he told NBC News"


def test_a_suggestion_overlapping_a_same_label_key_span_is_hidden(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    view = teacher.key_editor.view
    view.setFocus()
    at = TEXT.index("may open")
    view.select_cp(at, at + len("may open"))
    key(qtbot, teacher, "3")  # speculation, overlapping the suggested "the bridge may open…"
    view.select_cp(at, at + len("may open"))
    key(qtbot, teacher, "1")  # a claim there hides nothing of another label
    start(qtbot, teacher)
    assert ("speculation", "the bridge may open in May") not in shown(teacher)
    assert ("sourcing", "Then he told NBC News") in shown(teacher)


def test_accept_all_of_a_label_is_one_step_and_says_how_many_it_skipped(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    view = teacher.key_editor.view
    view.setFocus()
    at = TEXT.index("could cost")
    view.select_cp(at, at + len("could cost"))
    key(qtbot, teacher, "3")
    before = stored(teacher)
    start(qtbot, teacher)
    key(qtbot, teacher, "Down", "alt")
    assert current(teacher)[0] == "speculation"
    steps = teacher.key_editor.undo_stack.count()
    key(qtbot, teacher, "Return", "ctrl")
    spans = stored(teacher)
    assert [s for s in spans if s not in before] == [
        ("speculation", "the bridge may open in May", current_reason(spans)),
    ]
    assert "Accepted 1 Speculation suggestion" in SPOKEN[-1]
    assert "Skipped 1 suggestion that overlap" in SPOKEN[-1]
    assert teacher.key_editor.undo_stack.count() == steps + 1
    assert all(label != "speculation" for label, _ in shown(teacher))
    teacher.undo_action.trigger()
    assert stored(teacher) == before


def current_reason(spans: list[tuple[str, str, str]]) -> str:
    reason = next(r for label, quote, r in spans if quote == "the bridge may open in May")
    assert reason.startswith('"may" shows this is a guess')
    return reason


def test_accept_all_undo_takes_back_every_span_in_one_step(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    start(qtbot, teacher)
    assert current(teacher)[0] == "sourcing"
    teacher.key_editor.suggesting.panel.accept_all_button.click()
    assert [q for label, q, _ in stored(teacher)] == [
        "Then he told NBC News",
        "the Gazette reported",
        "Officials said",
    ]
    teacher.undo_action.trigger()
    assert stored(teacher) == []
    teacher.redo_action.trigger()
    assert len(stored(teacher)) == 3


def test_escape_ends_suggestion_mode(qtbot: QtBot, teacher: TeacherWindow) -> None:
    start(qtbot, teacher)
    key(qtbot, teacher, "Escape")
    editor = teacher.key_editor
    assert not editor.suggesting.active and not editor.suggesting.panel.isVisible()
    assert shown(teacher) == [] and SPOKEN[-1] == "Suggestion mode ended."
    key(qtbot, teacher, "Return")  # Enter does nothing outside the mode
    assert stored(teacher) == []


def test_a_click_on_a_suggestions_words_makes_it_the_current_one(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    start(qtbot, teacher)
    view = teacher.key_editor.view
    at = TEXT.index("Gazette reported")
    rect = view.rects_cp(at, at + len("Gazette"))[0]
    point = QPoint(int(rect.center().x()), int(rect.center().y()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert current(teacher)[1] == "the Gazette reported"
    assert "Suggestion 4 of 6: Sourcing" in SPOKEN[-1]
    key(qtbot, teacher, "Return")
    assert [q for _, q, _ in stored(teacher)] == ["the Gazette reported"]
