"""Lesson ▸ My last review: the last submission as handed in, against the current key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson, save_lesson
from medialit.core.model import FeedbackMode
from medialit.core.scoring import score_lesson
from medialit.gui import lesson_flow, review_flow
from medialit.gui.review import ReviewWindow
from tests.gui.test_workspace_submit import submit_by_keyboard
from tests.gui.window import open_window


def label(qtbot: QtBot, window, quote: str, key: Qt.Key) -> None:
    text = window.session.lesson.article.text
    start = text.index(quote)
    window.view.select_cp(start, start + len(quote))
    qtbot.keyClick(window.view, key)


def lesson_menu_actions(window) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Lesson")
    return [a.objectName() for a in menu.actions() if not a.isSeparator()]


def test_nothing_submitted_yet_disables_it_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    action = window.acts.last_review
    assert "last_review" in lesson_menu_actions(window)
    assert window.session.lesson.review_allowed
    assert not action.isEnabled()
    assert action.toolTip() == action.statusTip() == review_flow.NOT_SUBMITTED
    action.trigger()  # a disabled action does nothing
    assert window.review_window is None
    store.close()


def test_it_reopens_the_spans_as_handed_in_not_the_current_work(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    window.prefs.set_last_submit_folder(str(tmp_path))
    label(qtbot, window, "I have done thousands of interviews over the last 20 years", Qt.Key.Key_1)
    first = submit_by_keyboard(qtbot, window)
    label(qtbot, window, "his recent sit-down", Qt.Key.Key_2)
    second = submit_by_keyboard(qtbot, window)  # the last submission: two spans
    handed_in = list(window.session.index)
    assert first != second and len(handed_in) == 2
    label(qtbot, window, "journalist George Stephanopoulos said", Qt.Key.Key_4)  # not handed in
    assert len(window.session.index) == 3
    action = window.acts.last_review
    assert action.isEnabled() and action.toolTip() == review_flow.OPENS
    window.review_window.close()
    window.review_window = None

    action.trigger()
    review = window.review_window
    assert isinstance(review, ReviewWindow)
    qtbot.waitUntil(review.isVisible)
    expected = score_lesson(window.session.lesson, handed_in)
    assert review.report == expected  # the spans as submitted, scored against the key
    assert len(review.report.spans) == 2
    assert review.report != score_lesson(window.session.lesson, list(window.session.index))
    store.close()


def test_against_the_current_key(qtbot: QtBot, tmp_path: Path) -> None:
    """After the submission the lesson's key changes: the review uses the key as it is now."""
    lesson = load_lesson(default_lesson_path())
    path = tmp_path / "lesson.json"
    save_lesson(path, lesson)
    store, window, _ = open_window(qtbot, tmp_path / "m.db", path)
    window.prefs.set_last_submit_folder(str(tmp_path))
    label(qtbot, window, "I have done thousands of interviews over the last 20 years", Qt.Key.Key_1)
    submit_by_keyboard(qtbot, window)
    submitted = list(window.session.index)
    window.review_window.close()
    # the teacher hands out a corrected key: only the first key span is left
    key = lesson.key or ()
    first = next(k for k in key if not k.optional)
    changed = dataclasses.replace(lesson, key=(first,))
    save_lesson(path, changed)
    lesson_flow.open_lesson_at(window, str(path))
    window.acts.last_review.trigger()
    review = window.review_window
    assert isinstance(review, ReviewWindow)
    assert review.report == score_lesson(changed, submitted)
    assert review.report.missed + review.report.correct + review.report.partial <= 1
    store.close()


def test_a_lesson_without_review_disables_it_and_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    lesson = load_lesson(default_lesson_path())
    for kind, feedback in (("student-pack", lesson.feedback), ("lesson", FeedbackMode.NONE)):
        path = tmp_path / f"{kind}.json"
        save_lesson(path, dataclasses.replace(lesson, feedback=feedback), kind=kind)
        store, window, _ = open_window(qtbot, tmp_path / f"{kind}.db", path)
        window.prefs.set_last_submit_folder(str(tmp_path))
        label(qtbot, window, "his recent sit-down", Qt.Key.Key_2)
        submit_by_keyboard(qtbot, window)  # handed in, but this lesson shows no review
        action = window.acts.last_review
        assert not action.isEnabled(), kind
        assert action.toolTip() == action.statusTip() == review_flow.NO_REVIEW
        action.trigger()
        assert window.review_window is None
        store.close()
