"""The student review: the scorer's figures, outcomes in text order, each mode, keys, opening."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolTip
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson, save_lesson
from medialit.core.model import FeedbackMode, Label, Lesson, Span
from medialit.core.review import EMPTY, Audience, Voice, review_items
from medialit.core.scoring import OutcomeKind, score, score_lesson
from medialit.gui.review import OutcomeList, ReviewArticleView, ReviewWindow
from tests.gui.test_workspace_submit import submit_by_keyboard
from tests.gui.window import open_window
from tests.helpers import UNICODE_TEXT, key_span, make_lesson

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# A student's work on the bundled lesson, one span per kind of outcome.
WORK = (
    ("Alec Baldwin Makes A Stunning Claim", Label.CLAIM),  # optional key span: bonus
    ("I have done thousands of interviews over the last 20 years", Label.CLAIM),  # correct
    ("journalist George Stephanopoulos said", Label.FACT),  # wrong label (key: sourcing)
    ("his recent sit-down", Label.FACT),  # partial (shorter)
    ("makes an emphatic claim", Label.FACT),  # in no key span: spurious
)


@pytest.fixture(scope="module")
def lesson() -> Lesson:
    return load_lesson(default_lesson_path())


def work(lesson: Lesson) -> list[Span]:
    text = lesson.article.text
    spans = []
    for quote, label in WORK:
        start = text.index(quote)
        spans.append(Span.create(lesson.article, start, start + len(quote), label))
    return spans


def open_review(qtbot: QtBot, lesson: Lesson, spans, **kw) -> ReviewWindow:
    window = ReviewWindow(lesson, spans, **kw)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def rows_text(window: ReviewWindow) -> list[str]:
    assert window.outcome_list is not None
    return [window.outcome_list.item(r).text() for r in range(window.outcome_list.count())]


def test_shows_the_scorers_score_and_figures_with_dashes_for_empty_cells(
    qtbot: QtBot, lesson: Lesson
) -> None:
    spans = work(lesson)
    window = open_review(qtbot, lesson, spans)
    report = score(lesson.key or (), spans, lesson.article.text)
    assert window.windowTitle() == f"Review: {lesson.title}"
    assert window.score_label.accessibleName() == f"Score {report.score:.1f} out of 100"
    assert f">{report.score:.1f}<" in window.score_label.text()
    figures = window.figures
    claim = report.for_label(Label.CLAIM)
    assert figures.cell_text("Claim", "Recall") == f"{round(100 * (claim.recall or 0))}%"
    # nobody labelled speculation or sourcing: precision is empty, not 0
    assert figures.cell_text("Speculation", "Precision") == EMPTY == "—"
    assert figures.cell_text("Sourcing", "Precision") == EMPTY
    assert figures.cell_text("Sourcing", "Recall") == "0%"
    with pytest.raises(KeyError):  # all labels' F1 is the score: shown once, as the score
        figures.cell_text("All labels", "F1")
    empty = figures.item(3, 0)
    assert empty.toolTip() == "You labelled nothing as sourcing."
    assert "empty" in empty.data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"○ {report.missed} missed" in window.findChild(QLabel, "outcomes_caption").text()


def test_the_review_leads_with_what_a_student_can_check(qtbot: QtBot, lesson: Lesson) -> None:
    spans = work(lesson)
    window = open_review(qtbot, lesson, spans)
    report = score(lesson.key or (), spans, lesson.article.text)
    required = report.correct + report.partial + report.wrong_label + report.missed
    assert (report.correct, report.partial, report.spurious) == (1, 1, 1)
    assert window.lead_label is not None
    assert window.lead_label.text() == (
        f"You found 2 of the {required} key spans · 1 exactly right · "
        "1 of your labels matches nothing in the key"
    )
    # first the lead, then the score, then the details toggle, top to bottom
    tops = [
        w.mapTo(window, w.rect().topLeft()).y()
        for w in (window.lead_label, window.score_label, window.details.toggle)
    ]
    assert tops == sorted(tops)
    # the score once: not again as the F1 of all labels (a percentage) anywhere in the window
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert f"{round(100 * report.f1)}%" not in shown
    assert "Your score is their F1, out of 100." in shown


def test_figures_are_behind_a_details_toggle_with_one_sentence_each(
    qtbot: QtBot, lesson: Lesson
) -> None:
    window = open_review(qtbot, lesson, work(lesson))
    details = window.details
    assert not details.is_open and not window.figures.isVisible()
    details.toggle.setFocus()
    qtbot.keyClick(details.toggle, Qt.Key.Key_Space)
    assert details.is_open and window.figures.isVisible()
    lines = [label.text() for label in details.help_lines]
    assert [line.split(":")[0].split()[0] for line in lines[:3]] == ["Precision", "Recall", "F1"]
    assert all(line.count(". ") <= 1 for line in lines)  # one plain sentence (two at most)
    assert all(label.isVisible() for label in details.help_lines)
    qtbot.keyClick(details.toggle, Qt.Key.Key_Space)
    assert not details.is_open and not window.figures.isVisible()


def test_one_row_per_required_key_span_plus_spurious_and_bonus_in_text_order(
    qtbot: QtBot, lesson: Lesson
) -> None:
    window = open_review(qtbot, lesson, work(lesson))
    key = lesson.key or ()
    required = [k for k in key if not k.optional]
    kinds = [item.kind for item in window.items]
    assert kinds.count(OutcomeKind.SPURIOUS) == 1 and kinds.count(OutcomeKind.BONUS) == 1
    assert len(rows_text(window)) == len(required) + 2
    starts = [item.start for item in window.items]
    assert starts == sorted(starts)
    first = rows_text(window)[:3]
    assert first[0].startswith("+ Bonus · claim\n“Alec Baldwin Makes A Stunning Claim In First")
    assert first[1].startswith("✓ Correct · claim\n“I have done thousands")
    assert first[2].startswith("✗ Wrong label · sourcing\n“journalist George Stephanopoulos said”")
    assert "You labelled this as fact, but the key says sourcing." in first[2]
    spurious = next(t for t in rows_text(window) if t.startswith("? Not in the key"))
    assert "“makes an emphatic claim”" in spurious


def test_where_and_why_shows_explanations_and_where_does_not(qtbot: QtBot, lesson: Lesson) -> None:
    assert lesson.feedback is FeedbackMode.WHERE_WHY  # the bundled lesson
    why = open_review(qtbot, lesson, work(lesson))
    explanation = next(k for k in lesson.key or () if k.quote.startswith("I have done")).explanation
    assert f"Why: {explanation}" in rows_text(why)[1]
    assert sum("\nWhy: " in t for t in rows_text(why)) == sum(
        1 for item in why.items if item.key is not None
    )
    where = open_review(qtbot, lesson, work(lesson), mode=FeedbackMode.WHERE)
    assert len(rows_text(where)) == len(rows_text(why))
    assert not any("Why:" in t for t in rows_text(where))
    assert explanation not in " ".join(rows_text(where))
    assert where.view is not None and where.view.items == where.items


def test_score_mode_shows_no_outcomes_and_no_key_spans(qtbot: QtBot, lesson: Lesson) -> None:
    window = open_review(qtbot, lesson, work(lesson), mode=FeedbackMode.SCORE)
    assert window.outcome_list is None and window.view is None and window.items == ()
    assert window.findChild(OutcomeList) is None
    assert window.findChild(ReviewArticleView) is None
    assert window.lead_label is None  # not even how many were found or missed
    assert window.findChild(QLabel, "outcomes_caption") is None
    assert window.figures.cell_text("Speculation", "Precision") == EMPTY
    qtbot.keyClick(window.figures, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_the_window_fits_a_small_screen(qtbot: QtBot, lesson: Lesson) -> None:
    window = open_review(qtbot, lesson, work(lesson))
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.width() <= 1280 and window.height() <= 800


def test_mode_none_has_no_review(lesson: Lesson) -> None:
    with pytest.raises(ValueError, match="none"):
        ReviewWindow(lesson, [], mode=FeedbackMode.NONE)


def test_keyboard_walks_the_outcomes_and_selects_each_in_the_article(
    qtbot: QtBot, lesson: Lesson
) -> None:
    window = open_review(qtbot, lesson, work(lesson))
    items, view, outcomes = window.items, window.view, window.outcome_list
    assert view is not None and outcomes is not None
    assert window.summary.hasFocus()  # a screen reader reads the lead and the score first
    assert outcomes.accessibleName() == "Outcomes, in text order"
    assert view.selection_cp() == (items[0].start, items[0].end)

    def at(row: int) -> None:
        assert outcomes.currentRow() == row == window.current_row
        assert view.selection_cp() == (items[row].start, items[row].end)
        assert view.current_row == row

    qtbot.keyClick(window.summary, Qt.Key.Key_Down)  # from the summary into the list
    assert outcomes.hasFocus()
    at(0)
    qtbot.keyClick(outcomes, Qt.Key.Key_Down)
    at(1)
    qtbot.keyClick(outcomes, Qt.Key.Key_Down, ALT)
    at(2)
    qtbot.keyClick(outcomes, Qt.Key.Key_F8)
    at(3)
    qtbot.keyClick(outcomes, Qt.Key.Key_N)
    at(4)
    qtbot.keyClick(outcomes, Qt.Key.Key_P)
    at(3)
    qtbot.keyClick(outcomes, Qt.Key.Key_Up, ALT)
    at(2)
    qtbot.keyClick(outcomes, Qt.Key.Key_F8, SHIFT)
    at(1)
    qtbot.keyClick(outcomes, Qt.Key.Key_Up)
    at(0)
    assert "1 of" in window.statusBar().currentMessage()
    qtbot.keyClick(outcomes, Qt.Key.Key_P)
    at(0)
    assert window.statusBar().currentMessage() == "That was the first outcome."
    qtbot.keyClick(outcomes, Qt.Key.Key_End)  # the list's own keys count too
    last = len(items) - 1
    at(last)
    qtbot.keyClick(outcomes, Qt.Key.Key_N)
    at(last)
    assert window.statusBar().currentMessage() == "That was the last outcome."

    # F6 to the article and back; the article keeps the selection, the keys still walk
    qtbot.keyClick(outcomes, Qt.Key.Key_F6)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    at(last - 1)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    assert outcomes.hasFocus()

    qtbot.keyClick(outcomes, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1
    at(last - 1)  # still selected after zooming
    qtbot.keyClick(outcomes, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 0

    qtbot.keyClick(outcomes, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_a_far_outcome_is_scrolled_into_view(qtbot: QtBot, lesson: Lesson) -> None:
    window = open_review(qtbot, lesson, work(lesson))
    view = window.view
    assert view is not None
    window.select_row(len(window.items) - 1)
    rects = view.rects_cp(window.items[-1].start, window.items[-1].end)
    assert rects and view.viewport().rect().contains(rects[0].center().toPoint())
    assert view.verticalScrollBar().value() > 0


def test_clicking_an_outcome_in_the_article_selects_it(qtbot: QtBot, lesson: Lesson) -> None:
    window = open_review(qtbot, lesson, work(lesson))
    view = window.view
    assert view is not None
    row = next(r for r, item in enumerate(window.items) if item.kind is OutcomeKind.PARTIAL)
    window.select_row(row)  # scrolled to it
    window.select_row(0)
    item = window.items[row]
    point = view.rects_cp(item.start + 1, item.start + 2)[0].center().toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_row == row
    assert window.outcome_list is not None and window.outcome_list.currentRow() == row
    assert view.items_at_point(QPoint(-50, -50)) == []
    # hovering says what happened there, in words
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert "Partly found · fact" in QToolTip.text() and "your span was shorter" in QToolTip.text()
    # so does its badge, above the text
    badge = next(rect for rect, r in view._badges if r == row)
    assert view.items_at_point(badge.center().toPoint()) == [row]


def test_offsets_in_code_points_after_emoji(qtbot: QtBot) -> None:
    text = UNICODE_TEXT
    key = (
        key_span(text, "prices rose", Label.CLAIM, explanation="A claim."),
        key_span(text, "東京 was calm", Label.CLAIM),
        key_span(text, "reportedly", Label.SOURCING),
    )
    lesson = make_lesson(text, key=key, feedback=FeedbackMode.WHERE_WHY)
    start = text.index("prices")
    spans = [Span.create(lesson.article, start, start + len("prices"), Label.CLAIM)]
    window = open_review(qtbot, lesson, spans, student_name="Zoë")
    assert (
        window.findChild(type(window.score_label), "review_heading")
        .text()
        .startswith("Zoë's work on")
    )
    view = window.view
    assert view is not None
    for row, k in enumerate(key):
        window.select_row(row)
        assert view.selection_cp() == (k.start, k.end)
        assert view.textCursor().selectedText() == k.quote  # Qt's UTF-16 matched up
    assert window.items[0].message == (
        "You found this claim, but your span was shorter. You got 6 of its 11 characters."
    )


def test_review_window_needs_only_the_lesson_and_a_report(qtbot: QtBot, lesson: Lesson) -> None:
    """As a teacher's window would open it: any student's spans, a report made elsewhere."""
    spans = work(lesson)
    report = score_lesson(lesson, spans)
    window = open_review(
        qtbot, lesson, (), report=report, mode=FeedbackMode.WHERE_WHY, student_name="Bo"
    )
    assert window.parent() is None and window.report is report
    assert window.items == review_items(report, mode=FeedbackMode.WHERE_WHY)


def test_in_the_teachers_voice_every_word_names_the_student(qtbot: QtBot, lesson: Lesson) -> None:
    spans = work(lesson)
    window = open_review(
        qtbot,
        lesson,
        spans,
        mode=FeedbackMode.WHERE_WHY,
        student_name="Ben <b>Haddad</b>",
        audience=Audience.TEACHER,
        about="8B · submitted 2026-11-30 09:01",
    )
    name = "Ben <b>Haddad</b>"
    assert window.windowTitle() == f"{name}'s work on “{lesson.title}”"
    heading = window.findChild(type(window.score_label), "review_heading")
    assert heading.text() == window.windowTitle()
    assert window.findChild(type(window.score_label), "review_about").text().startswith("8B")
    assert window.items == review_items(
        score_lesson(lesson, spans), mode=FeedbackMode.WHERE_WHY, voice=Voice.teacher(name)
    )
    assert f"{name} labelled this as fact, but the key says sourcing." in rows_text(window)[2]
    legend = window.findChild(type(window.score_label), "review_legend")
    assert "Ben &lt;b&gt;Haddad&lt;/b&gt;'s spans are tinted" in legend.text()  # not markup
    assert window.figures.item(3, 0).toolTip() == f"{name} labelled nothing as sourcing."
    help_text = " ".join(label.text() for label in window.details.help_lines)
    assert window.lead_label is not None
    assert window.lead_label.text().startswith(f"{name} found 2 of the ")
    assert window.summary.accessibleName() == f"{name}'s result"  # what a reader hears first
    assert window.lead_label.accessibleName().startswith(f"{name} found 2 of the ")
    said = [
        window.lead_label.text(),
        window.lead_label.accessibleName(),
        window.findChild(type(window.score_label), "all_labels").text(),
        window.figures.accessibleName(),
        legend.accessibleName(),
        window.view.accessibleName() if window.view else "",
        help_text,
        *(item.message for item in window.items),  # the key's explanations speak to students
    ]
    assert not [t for t in said if re.search(r"\byour?\b", t, re.IGNORECASE)]


# -- opened from the student's window ------------------------------------------------------


def test_submitting_the_bundled_lesson_opens_the_review(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    lesson = window.session.lesson
    assert lesson.review_allowed and lesson.feedback is FeedbackMode.WHERE_WHY
    window.prefs.set_last_submit_folder(str(tmp_path))
    text = lesson.article.text
    for quote, key in (("I have done thousands", Qt.Key.Key_1), ("his recent", Qt.Key.Key_2)):
        start = text.index(quote)
        window.view.select_cp(start, start + len(quote))
        qtbot.keyClick(window.view, key)
    submit_by_keyboard(qtbot, window)
    assert "your review opens" in window.findChild(QMessageBox, "submitted_box").text()
    review = window.review_window
    assert isinstance(review, ReviewWindow)
    qtbot.waitUntil(review.isVisible)
    assert review.windowTitle() == f"Review: {lesson.title}"
    assert review.windowModality() == Qt.WindowModality.NonModal and not review.isModal()
    expected = score_lesson(lesson, list(window.session.index))
    assert review.report.score == expected.score
    assert review.items[0].kind is OutcomeKind.PARTIAL  # "I have done thousands" (snapped)
    assert "Why: " in rows_text(review)[0]
    assert "review is open" in window.statusBar().currentMessage()
    # the student can still work in the main window: nothing is blocked
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert not QApplication.activeModalWidget()
    # submitting again replaces the review
    submit_by_keyboard(qtbot, window)
    assert window.review_window is not review and window.review_window is not None
    store.close()


def test_a_student_pack_never_shows_a_review(qtbot: QtBot, tmp_path: Path, lesson: Lesson) -> None:
    pack = tmp_path / "pack.json"
    save_lesson(pack, lesson, kind="student-pack")  # the same lesson, without its key
    store, window, _ = open_window(qtbot, tmp_path / "m.db", pack)
    assert window.session.lesson.key is None and not window.session.lesson.review_allowed
    window.prefs.set_last_submit_folder(str(tmp_path))
    text = window.session.lesson.article.text
    start = text.index("I have done")
    window.view.select_cp(start, start + 11)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    submit_by_keyboard(qtbot, window)
    assert window.review_window is None
    assert "review" not in window.findChild(QMessageBox, "submitted_box").text()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow)]
    store.close()


def test_a_key_that_cannot_be_scored_says_so_instead_of_a_review(
    qtbot: QtBot, tmp_path: Path
) -> None:
    text = UNICODE_TEXT
    lesson = make_lesson(
        text,
        key=(key_span(text, "prices rose", Label.CLAIM, optional=True),),
        feedback=FeedbackMode.WHERE,
    )
    path = tmp_path / "optional-only.json"
    save_lesson(path, lesson)
    store, window, _ = open_window(qtbot, tmp_path / "m.db", path)
    assert window.session.lesson.review_allowed
    window.prefs.set_last_submit_folder(str(tmp_path))
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | SHIFT)
    qtbot.keyClick(window.dialog, Qt.Key.Key_Return)
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None and "no required span" in box.text()
    assert window.review_window is None and window.last_submission is not None  # handed in
    store.close()
