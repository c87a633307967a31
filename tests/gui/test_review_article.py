"""The review's article on screen: badges clear of the line above, missed spans kept quiet,
and the score and lead read to a screen reader when the review opens."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import FeedbackMode, Label, Lesson, Span
from medialit.core.review import spoken_summary
from medialit.core.scoring import OutcomeKind
from medialit.gui import review
from medialit.gui.outcome_style import ink
from medialit.gui.review import ANNOUNCE_AFTER_MS, ReviewWindow
from medialit.gui.review_article import ReviewArticleView

# One span per kind of outcome, and spans inside others (nested outlines).
WORK = (
    ("Alec Baldwin Makes A Stunning Claim", Label.CLAIM),
    ("I have done thousands of interviews over the last 20 years", Label.CLAIM),
    ("journalist George Stephanopoulos said", Label.FACT),
    ("George", Label.CLAIM),
    ("his recent sit-down", Label.FACT),
    ("makes an emphatic claim", Label.FACT),
    ("This was the most intense I have ever experienced", Label.CLAIM),
)


@pytest.fixture(scope="module")
def lesson() -> Lesson:
    return load_lesson(default_lesson_path())


def spans_of(lesson: Lesson, work=WORK) -> list[Span]:
    text = lesson.article.text
    out = []
    for quote, label in work:
        start = text.index(quote)
        out.append(Span.create(lesson.article, start, start + len(quote), label))
    return out


def open_review(qtbot: QtBot, lesson: Lesson, spans, **kw) -> ReviewWindow:
    window = ReviewWindow(lesson, spans, **kw)
    qtbot.addWidget(window)
    window.resize(1280, 740)
    window.show()
    qtbot.waitExposed(window)
    return window


def painted(view: ReviewArticleView):
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("zoom", [0, -3, 3])
def test_badges_clear_the_tracks_of_the_line_above(qtbot: QtBot, lesson: Lesson, zoom: int) -> None:
    window = open_review(qtbot, lesson, spans_of(lesson))
    view = window.view
    assert view is not None
    view.set_zoom(zoom)
    view.verticalScrollBar().setValue(0)
    painted(view)
    room = view.badge_clearance()
    assert len(room) >= 5  # badges under other lines were drawn and measured
    assert min(gap for _, gap in room) >= 1.0, room


def test_without_the_fitted_line_height_badges_would_touch(
    qtbot: QtBot, lesson: Lesson, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: at the old 260% line height the measure finds the overlap it guards."""
    monkeypatch.setattr(ReviewArticleView, "_fit_line_height", lambda self: None)
    monkeypatch.setattr(ReviewArticleView, "line_height_percent", 260)
    window = open_review(qtbot, lesson, spans_of(lesson))
    assert window.view is not None
    painted(window.view)
    assert min(gap for _, gap in window.view.badge_clearance()) < 0


def _edge_pixels(view: ReviewArticleView, row: int) -> int:
    """Pixels in the missed ink along the top edge of the outcome's outline."""
    image = painted(view)
    want = ink(OutcomeKind.MISSED)
    count = 0
    for rect in view.rects_cp(view.items[row].start, view.items[row].end):
        y = int(rect.top() - view._pads[row] / 2)
        assert 1 <= y < image.height() - 1, "the outcome must be on screen to be looked at"
        for x in range(int(rect.left()), int(rect.right())):
            for dy in (-1, 0, 1):
                c = QColor(image.pixel(x, y + dy))
                if max(abs(c.red() - want.red()), abs(c.green() - want.green())) < 40 and (
                    abs(c.blue() - want.blue()) < 40
                ):
                    count += 1
    return count


def test_missed_spans_are_outlined_one_at_a_time(qtbot: QtBot, lesson: Lesson) -> None:
    window = open_review(qtbot, lesson, [])  # nothing labelled: every key span missed
    view = window.view
    assert view is not None
    missed = [r for r, item in enumerate(window.items) if item.kind is OutcomeKind.MISSED]
    assert len(missed) >= 20
    visible = list(range(len(window.items)))
    window.select_row(missed[1])
    assert view.outlined_rows(visible) == [missed[1]]  # only the current one
    view.verticalScrollBar().setValue(0)
    window.select_row(missed[0])
    assert _edge_pixels(view, missed[0]) > 20  # the current missed span is outlined
    assert _edge_pixels(view, missed[1]) == 0  # the others are not
    assert {row for _, row in view._badges} >= {missed[0], missed[1]}  # each keeps its badge


def test_other_outcomes_stay_outlined(qtbot: QtBot, lesson: Lesson) -> None:
    window = open_review(qtbot, lesson, spans_of(lesson))
    assert window.view is not None
    rows = list(range(len(window.items)))
    outlined = set(window.view.outlined_rows(rows))
    for row, item in enumerate(window.items):
        assert (row in outlined) == (
            item.kind is not OutcomeKind.MISSED or row == window.current_row
        )


@pytest.mark.parametrize("mode", [FeedbackMode.WHERE_WHY, FeedbackMode.SCORE])
def test_the_score_and_lead_are_read_first_on_opening(
    qtbot: QtBot, lesson: Lesson, monkeypatch: pytest.MonkeyPatch, mode: FeedbackMode
) -> None:
    """The summary panel has the focus: a screen reader reads its name, then its labels (Orca
    43.1, by hand: "Your result panel. You found 3 of the 29 key spans … Score 12.5 out of
    100."). Nothing is announced on top of it: a reader that speaks announcements would say
    the score twice."""
    heard: list[str] = []

    def capture(event) -> None:  # what Qt would hand to the screen reader
        if event.type() == QAccessible.Event.Announcement:
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(capture))
    window = open_review(qtbot, lesson, spans_of(lesson), mode=mode)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = QAccessible.queryAccessibleInterface(window.summary)
    assert window.summary.hasFocus() and panel.state().focused
    assert panel.text(QAccessible.Text.Name) == "Your result"
    said = [panel.child(i).text(QAccessible.Text.Name) for i in range(panel.childCount())]
    assert said[-1].startswith(f"Score {window.report.score:.1f} out of 100")
    if mode is FeedbackMode.SCORE:
        assert len(said) == 1
    else:
        assert said[0].startswith("You found 3 of the ") and "exactly right" in said[0]
    qtbot.wait(ANNOUNCE_AFTER_MS + 100)
    assert heard == []


def test_where_a_reader_may_not_read_the_panel_the_summary_is_announced_once(
    qtbot: QtBot, lesson: Lesson, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[tuple[str, object, object]] = []

    def capture(event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            heard.append((event.message(), event.object(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(capture))
    monkeypatch.setattr(review, "ANNOUNCES_SUMMARY", True)  # not AT-SPI: UIA, macOS
    window = open_review(qtbot, lesson, spans_of(lesson), mode=FeedbackMode.WHERE_WHY)
    qtbot.waitUntil(lambda: bool(heard))
    message, source, politeness = heard[0]
    assert message == spoken_summary(window.report, mode=FeedbackMode.WHERE_WHY)
    assert message.startswith(f"Score {window.report.score:.1f} out of 100.")
    assert "You found 3 of the " in message and "·" not in message
    assert source is window and politeness == QAccessible.AnnouncementPoliteness.Polite
    window.hide()
    window.show()
    qtbot.wait(ANNOUNCE_AFTER_MS + 100)
    assert len(heard) == 1  # once, on opening


def _overlaps(window: ReviewWindow) -> list[tuple[str, str]]:
    """Pairs of visible parts of the side column drawn on top of each other."""
    details = window.details
    parts = [
        ("score", window.score_label),
        ("toggle", details.toggle),
        ("figures", details.figures),
        ("all labels", details.all_labels),
        *((f"help {n}", label) for n, label in enumerate(details.help_lines)),
        ("labels toggle", window.labels.toggle),
    ]
    if window.outcome_list is not None:
        parts.append(("outcomes", window.outcome_list))
    boxes = [
        (name, QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
        for name, widget in parts
        if widget.isVisible()
    ]
    out = []
    for (a, ra), (b, rb) in itertools.pairwise(boxes):
        if ra.intersects(rb):
            out.append((a, b))
    return out


@pytest.mark.parametrize("mode", [FeedbackMode.SCORE, FeedbackMode.WHERE_WHY])
def test_open_details_never_squeeze_parts_on_top_of_each_other(
    qtbot: QtBot, lesson: Lesson, mode: FeedbackMode
) -> None:
    window = open_review(qtbot, lesson, spans_of(lesson), mode=mode)
    window.resize(*((520, 380) if mode is FeedbackMode.SCORE else (1000, 520)))
    window.details.toggle.click()
    qtbot.waitUntil(window.details.figures.isVisible)
    QApplication.processEvents()
    assert _overlaps(window) == []
