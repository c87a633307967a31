"""The review window says why a stray label on a key span does not count (scoring.md v2).

The trial: a student's speculation "On October 21, Baldwin" sits inside the bundled
lesson's boxed claim "On October 21, Baldwin was reportedly handed a gun on the set" (22 of
its 61 characters, under half: spurious). Clicked in the article, hovered or read in the
list, it no longer says "It matches nothing in the key"; a stray label on no key span does.
"""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Label, Lesson, Span
from medialit.core.review import Audience
from medialit.core.scoring import OutcomeKind
from medialit.gui.review import ReviewWindow

ON_CLAIM = "On October 21, Baldwin"
SAID = (
    "labelled this as speculation. It covers less than half of the key's claim span here, "
    "so it does not count as an attempt at it and lowers {score}. "
    "A different label must cover at least half to count."
)


@pytest.fixture(scope="module")
def lesson() -> Lesson:
    return load_lesson(default_lesson_path())


def trial_work(lesson: Lesson) -> list[Span]:
    text = lesson.article.text
    spans = []
    for quote, label in ((ON_CLAIM, Label.SPECULATION), ("makes an emphatic claim", Label.FACT)):
        start = text.index(quote)
        spans.append(Span.create(lesson.article, start, start + len(quote), label))
    return spans


def open_review(qtbot: QtBot, lesson: Lesson, **kw) -> ReviewWindow:
    window = ReviewWindow(lesson, trial_work(lesson), **kw)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def click_on(qtbot: QtBot, window: ReviewWindow, quote: str) -> str:
    """Click inside `quote` in the article; the tooltip hovering there shows."""
    view = window.view
    assert view is not None
    start = window.lesson.article.text.index(quote)
    bar = view.verticalScrollBar()  # scrolled to it, as a student would, selecting nothing
    bar.setValue(bar.value() + int(view.rects_cp(start, start + 1)[0].top()) - 100)
    assert window.current_row < 0 or window.items[window.current_row].start != start
    point = view.rects_cp(start + 3, start + 4)[0].center().toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    return html.unescape(QToolTip.text())


def test_clicking_the_stray_label_says_it_covers_too_little_of_the_claim(
    qtbot: QtBot, lesson: Lesson
) -> None:
    window = open_review(qtbot, lesson)
    tip = click_on(qtbot, window, ON_CLAIM)
    item = window.items[window.current_row]
    assert (item.kind, item.quote) == (OutcomeKind.SPURIOUS, ON_CLAIM)
    assert window.outcome_list is not None
    row = window.outcome_list.item(window.current_row).text()
    assert row.splitlines()[0] == "? Not in the key · speculation"
    assert row.splitlines()[2] == "You " + SAID.format(score="your score")
    assert "You " + SAID.format(score="your score") in tip
    assert "matches nothing in the key" not in tip.split("Missed")[0]
    # the claim it sits in is missed, boxed and badged beside it
    assert "Missed · claim" in tip
    # a stray label away from every key span keeps the old sentence
    other = click_on(qtbot, window, "makes an emphatic claim")
    assert window.items[window.current_row].quote == "makes an emphatic claim"
    assert "You labelled this as fact. It matches nothing in the key" in other


def test_the_teacher_reads_the_same_about_the_student(qtbot: QtBot, lesson: Lesson) -> None:
    window = open_review(qtbot, lesson, audience=Audience.TEACHER, student_name="Ben")
    click_on(qtbot, window, ON_CLAIM)
    assert window.outcome_list is not None
    row = window.outcome_list.item(window.current_row).text()
    assert row.splitlines()[2] == "Ben " + SAID.format(score="the score")
    assert window.view is not None
    assert "Ben " + SAID.format(score="the score") in window.view.accessibleDescription()
