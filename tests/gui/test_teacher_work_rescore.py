"""A key edit with a student's work open scores the class once, not once per view.

The open student's work used to score the whole class itself, at once, on every key
edit, while the class view scored it again in time slices (gui.teacher.class_view): twice
the work, and the one-go scoring stalled the window. Now the student's work is rescored
from the class view's gradebook when it is ready.

The scoring the app really calls is `classroom.score_class`, from
`core.teacher.grades.class_book_steps`; the spy counts the submissions it scores.
`SLICE_MS = 0` makes the class view score in its smallest steps, one per turn of the event
loop, as it does for a class too big for one slice: the test does not depend on the speed of
the machine.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import medialit.core.teacher.grades as grades
import medialit.gui.teacher.class_view as class_view
from medialit.core.scoring import OutcomeKind
from medialit.gui.review import ReviewWindow
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.test_teacher_class_view import teacher  # noqa: F401  (the fixture)

CLASS_SIZE = 4  # the fixture's class: Zed, amy, Bob, Cy


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many submissions each call of the scoring scored."""
    calls: list[int] = []
    real = grades.score_class

    def spy(lesson, submissions, **kw):  # type: ignore[no-untyped-def]
        calls.append(len(submissions))
        return real(lesson, submissions, **kw)

    monkeypatch.setattr(grades, "score_class", spy)
    monkeypatch.setattr(class_view, "SLICE_MS", 0)
    yield calls


def _open_amys_work(teacher: TeacherWindow, qtbot: QtBot) -> ReviewWindow:  # noqa: F811
    view = teacher.class_tab
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, 0))  # amy, sorted first
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    work = teacher.student_work.window
    assert work is not None and work.windowTitle().startswith("amy")
    return work


def _amys_correct_key_span(work: ReviewWindow) -> str:
    found = next(i for i in work.items if i.kind is OutcomeKind.CORRECT)
    assert found.key is not None
    return found.key.key.id


def _select_amys_correct_key_span(window: TeacherWindow, work: ReviewWindow) -> None:
    """On the key editor's tab, the key span Amy found: the one the tests delete."""
    window.tabs.setCurrentWidget(window.key_editor)
    window.key_editor.select_span(_amys_correct_key_span(work))


def test_undoing_a_key_edit_on_the_class_tab_scores_the_class_once(
    teacher: TeacherWindow,  # noqa: F811
    qtbot: QtBot,
    scored: list[int],
) -> None:
    work = _open_amys_work(teacher, qtbot)
    before = work.report.score
    _select_amys_correct_key_span(teacher, work)
    teacher.key_editor.delete_action.trigger()  # amy's correct span leaves the key
    qtbot.waitUntil(
        lambda: not teacher.class_tab.rescoring and teacher.student_work.window is not work
    )
    lower = teacher.student_work.window
    assert lower is not None and lower.report.score < before
    teacher.tabs.setCurrentWidget(teacher.class_tab)
    qtbot.waitUntil(lambda: not teacher.class_tab.rescoring)
    scored.clear()

    teacher.undo_action.trigger()  # Edit ▸ Undo with the class results showing
    qtbot.waitUntil(lambda: teacher.student_work.window is not lower)
    qtbot.waitUntil(lambda: not teacher.class_tab.rescoring)
    back = teacher.student_work.window
    assert back is not None and back.isVisible() and back.report.score == before
    assert sum(scored) == CLASS_SIZE  # each submission scored once for both views


def test_a_key_edit_with_the_class_tab_hidden_scores_the_class_once_for_both(
    teacher: TeacherWindow,  # noqa: F811
    qtbot: QtBot,
    scored: list[int],
) -> None:
    work = _open_amys_work(teacher, qtbot)
    before = work.report.score
    _select_amys_correct_key_span(teacher, work)
    scored.clear()
    teacher.key_editor.delete_action.trigger()
    qtbot.waitUntil(lambda: teacher.student_work.window is not work)
    rescored = teacher.student_work.window
    assert rescored is not None and rescored.isVisible() and rescored.report.score < before
    teacher.tabs.setCurrentWidget(teacher.class_tab)  # the table is already up to date
    qtbot.waitUntil(lambda: not teacher.class_tab.rescoring)
    amy = next(r for r in teacher.class_tab.model.rows if r.name == "amy")
    assert amy.scored is not None and amy.scored.report.score == rescored.report.score
    assert sum(scored) == CLASS_SIZE


def test_a_key_left_with_no_required_span_closes_the_work_saying_why(
    teacher: TeacherWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    work = _open_amys_work(teacher, qtbot)
    teacher.tabs.setCurrentWidget(teacher.key_editor)
    required = [k for k in teacher.desk.key if not k.optional]
    teacher.desk.delete_key_spans(required)
    qtbot.waitUntil(lambda: teacher.student_work.window is None)
    assert not work.isVisible()
    assert teacher.statusBar().currentMessage().startswith("Closed the student's work:")


def test_a_key_edit_while_the_class_is_still_being_rescored_shows_the_newest_key(
    teacher: TeacherWindow,  # noqa: F811
    qtbot: QtBot,
    scored: list[int],
) -> None:
    work = _open_amys_work(teacher, qtbot)
    first, second = [i.key.key.id for i in work.items if i.kind is OutcomeKind.CORRECT][:2]
    teacher.key_editor.select_span(first)
    teacher.key_editor.delete_action.trigger()  # the class tab shows: its rescoring begins
    assert teacher.class_tab.rescoring
    teacher.tabs.setCurrentWidget(teacher.key_editor)  # hidden before that rescoring ends
    teacher.key_editor.select_span(second)
    teacher.key_editor.delete_action.trigger()
    qtbot.waitUntil(lambda: not teacher.class_tab.rescoring)
    qtbot.waitUntil(lambda: not teacher.student_work.waiting)
    lesson = teacher.desk.require_lesson()
    assert first not in {k.id for k in lesson.key} and second not in {k.id for k in lesson.key}
    book = grades.class_book(teacher.desk.store, lesson)  # the gradebook of the key as it is
    amy = next(r for r in book.scored.rows if r.name == "amy")
    shown = teacher.student_work.window
    assert shown is not None and shown.report.score == amy.report.score


def test_the_work_is_rebuilt_on_the_turn_after_the_class_tables_redraw(
    teacher: TeacherWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """Rebuilding the review window (about 21 ms for a class of 150) waits for the loop's
    next turn, so the window stalls for the table's redraw or the work's, never both."""
    work = _open_amys_work(teacher, qtbot)
    view = teacher.class_tab
    told: list[bool] = []  # at each gradebook the view tells of: the old work still up?
    view.scored.connect(lambda _book: told.append(teacher.student_work.window is work))
    teacher.key_editor.select_span(_amys_correct_key_span(work))
    teacher.key_editor.delete_action.trigger()
    qtbot.waitUntil(lambda: not view.rescoring and teacher.student_work.window is not work)
    assert told and all(told)
    rescored = teacher.student_work.window
    assert (
        rescored is not None and rescored.isVisible() and rescored.report.score < work.report.score
    )


def test_a_gradebook_overtaken_by_a_newer_key_edit_is_passed_over(
    teacher: TeacherWindow,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two key edits in one turn, each scored at once (the class fits in a slice): the work
    comes a turn later, from the newest key's gradebook, rebuilt once."""
    monkeypatch.setattr(class_view, "SLICE_MS", 60_000)
    work = _open_amys_work(teacher, qtbot)
    first, second = [i.key.key.id for i in work.items if i.kind is OutcomeKind.CORRECT][:2]
    teacher.tabs.setCurrentWidget(teacher.key_editor)
    opened: list[object] = []
    real_open = teacher.student_work.open

    def counted(row, **kw):  # type: ignore[no-untyped-def]
        opened.append(row)
        return real_open(row, **kw)

    monkeypatch.setattr(teacher.student_work, "open", counted)
    for key_id in (first, second):
        teacher.key_editor.select_span(key_id)
        teacher.key_editor.delete_action.trigger()
        assert not teacher.class_tab.rescoring  # scored at once: its gradebook is on its way
    assert teacher.student_work.window is work  # not in this turn
    qtbot.waitUntil(lambda: not teacher.student_work.waiting)
    book = grades.class_book(teacher.desk.store, teacher.desk.require_lesson())
    amy = next(r for r in book.scored.rows if r.name == "amy")
    shown = teacher.student_work.window
    assert shown is not None and shown is not work and shown.report.score == amy.report.score
    assert len(opened) == 1
