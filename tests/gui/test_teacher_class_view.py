"""Class results: sortable/filterable table, student work, most missed, heatmap, exports."""

import dataclasses
import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import FeedbackMode, Label, Span
from medialit.core.scoring import OutcomeKind
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher.authoring import import_lesson_file, new_lesson, update_details
from medialit.gui.review import ReviewWindow
from medialit.gui.teacher.window import TeacherWindow
from tests.fsnodes import FifoReader, make_fifo


def _submission(lesson, i: int, found: int) -> Submission:
    """Student i labels the first `found` required key spans correctly, and one stray span."""
    required = [k for k in lesson.key if not k.optional]
    spans = [Span.create(lesson.article, k.start, k.end, k.label) for k in required[:found]]
    spans.append(Span.create(lesson.article, 0, 4, Label.FACT))
    return Submission(
        lesson_id=lesson.id,
        lesson_version=lesson.version,
        article_sha256=lesson.article.sha256,
        student_id=f"id{i}",
        student_name=["Zed", "amy", "Bob", "Cy"][i],
        class_code="8A" if i % 2 else "8B",
        submitted_at=f"2026-11-30T09:0{i}:00+00:00",
        spans=tuple(spans),
        lesson_title=lesson.title,
    )


@pytest.fixture
def teacher(qtbot: QtBot, tmp_path: Path) -> TeacherWindow:
    store = Store.memory()
    lesson, _ = import_lesson_file(store, load_lesson(default_lesson_path()))
    folder = tmp_path / "in"
    folder.mkdir()
    for i, found in enumerate((29, 5, 15, 0)):
        write_submission(folder, _submission(lesson, i, found))
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.imports.import_paths([folder], show_report=False)
    qtbot.waitUntil(lambda: window.imports.run is None)
    window.tabs.setCurrentWidget(window.class_tab)
    qtbot.waitUntil(lambda: window.class_tab.model.rowCount() == 4)
    yield window
    store.close()


def _column(view, title: str) -> list[str]:
    from medialit.gui.teacher.class_table import COLUMNS

    col = [c[0] for c in COLUMNS].index(title)
    proxy = view.proxy
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_table_sorts_numbers_as_numbers_and_filters(teacher: TeacherWindow) -> None:
    view = teacher.class_tab
    assert _column(view, "Student") == ["amy", "Bob", "Cy", "Zed"]  # case-insensitive by name
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    scores = [float(s) for s in _column(view, "Score")]
    assert scores == sorted(scores, reverse=True) and scores[0] > 90
    assert _column(view, "Student")[0] == "Zed"
    view.filter_edit.setText("8a")
    assert sorted(_column(view, "Student")) == ["Cy", "amy"]
    view.filter_edit.setText("")
    assert view.proxy.rowCount() == 4
    assert "4 students graded" in view.headline.text() and "4 submitted" in view.headline.text()
    titles = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(21)]
    assert titles[:6] == ["Student", "Class", "Status", "Submitted", "Score", "Points"]
    assert "Claim F1" in titles


def test_column_titles_and_the_filter_hint_are_not_cut_off(teacher: TeacherWindow) -> None:
    from medialit.gui.teacher.class_table import COLUMNS

    view = teacher.class_tab
    metrics = view.table.horizontalHeader().fontMetrics()
    for column, (title, _field) in enumerate(COLUMNS):
        assert view.table.columnWidth(column) > metrics.horizontalAdvance(title), title
    hint = view.filter_edit.placeholderText()
    assert view.filter_edit.width() > view.filter_edit.fontMetrics().horizontalAdvance(hint)


def test_double_click_opens_the_students_review_in_the_teachers_words(
    teacher: TeacherWindow,
) -> None:
    view = teacher.class_tab
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    index = view.proxy.index(1, 0)  # Bob
    view.table.doubleClicked.emit(index)
    work = teacher.student_work.window
    assert isinstance(work, ReviewWindow) and work.isVisible()
    lesson = teacher.desk.require_lesson()
    assert work.windowTitle() == f"Bob's work on “{lesson.title}”"
    assert work.mode is FeedbackMode.WHERE_WHY and work.report is view.row_at(1).report
    about = work.findChild(QLabel, "review_about").text()
    assert about == "8B · submitted 2026-11-30 09:02"
    texts = [work.outcome_list.item(i).text() for i in range(work.outcome_list.count())]
    assert sum(t.startswith("✓ Correct") for t in texts) == 15
    # The stray fact span [0, 4) is under half of the claim it starts, so (outcomes v2) it
    # matches nothing in the key and comes first, before that claim's outcome.
    assert texts[0].startswith("? Not in the key · fact")
    assert texts[1].splitlines()[2] == "Bob found this claim with just the key's words."
    missed = next(t for t in texts if t.startswith("○ Missed"))
    assert "\nBob did not find this." in missed and "\nWhy: " in missed
    assert not any("you" in item.message.lower().split() for item in work.items)
    work.select_row(0)
    assert work.view is not None and work.view.selection_cp() is not None
    # the same symbols and words as the student's own review
    student = ReviewWindow(lesson, report=work.report, mode=FeedbackMode.WHERE_WHY)
    try:
        assert [i.heading for i in student.items] == [i.heading for i in work.items]
    finally:
        student.deleteLater()


def test_the_line_under_the_heading_says_what_the_teacher_should_know(
    teacher: TeacherWindow,
) -> None:
    from medialit.gui.teacher.student_work import about_line

    lesson = teacher.desk.require_lesson()
    row = teacher.class_tab.row_at(0).scored  # amy, 8A
    assert row is not None
    assert about_line(lesson, row) == "8A · submitted 2026-11-30 09:01"
    late = dataclasses.replace(
        row,
        class_code="",
        orphans=2,
        submission=dataclasses.replace(row.submission, lesson_version=lesson.version + 1),
    )
    assert about_line(dataclasses.replace(lesson, version=lesson.version + 2), late) == (
        "no class · submitted 2026-11-30 09:01 · written on version 2 of the text, placed on "
        "version 3 · 2 spans could not be placed on this text, so not scored"
    )


def test_enter_opens_the_current_students_work_and_replaces_the_last(
    teacher: TeacherWindow, qtbot: QtBot
) -> None:
    view = teacher.class_tab
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(2, 0))  # Cy
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    first = teacher.student_work.window
    assert first is not None and first.windowTitle().startswith("Cy's work")
    view.table.setCurrentIndex(view.proxy.index(3, 0))  # Zed
    view.open_work_action.trigger()  # what Enter and the context menu do
    second = teacher.student_work.window
    assert second is not None and second is not first
    assert second.windowTitle().startswith("Zed's work")
    assert not [w for w in teacher.findChildren(ReviewWindow) if w.isVisible() and w is not second]
    assert second.report is view.row_at(3).report
    assert second.current_row == 0  # another student starts at their first outcome


def test_the_teacher_sees_where_and_why_whatever_the_students_are_shown(
    teacher: TeacherWindow,
) -> None:
    lesson = teacher.desk.require_lesson()
    teacher.desk.apply(lambda s: update_details(s, lesson, feedback=FeedbackMode.NONE)[1])
    assert teacher.desk.require_lesson().feedback is FeedbackMode.NONE
    view = teacher.class_tab
    view.refresh()
    work = teacher.student_work.open(view.row_at(0).scored)
    assert work is not None and work.mode is FeedbackMode.WHERE_WHY
    assert work.outcome_list is not None and any(i.explanation for i in work.items)


def test_the_open_work_follows_key_edits_and_closes_with_its_lesson(
    teacher: TeacherWindow, qtbot: QtBot
) -> None:
    view = teacher.class_tab
    view.table.doubleClicked.emit(view.proxy.index(0, 0))  # amy: found the first 5
    work = teacher.student_work.window
    assert work is not None
    work.select_row(10)
    at = work.items[10].start
    before, title, geometry = work.report.score, work.windowTitle(), work.geometry()
    found = next(i for i in work.items if i.kind is OutcomeKind.CORRECT)
    teacher.key_editor.select_span(found.key.key.id)  # type: ignore[union-attr]
    teacher.key_editor.delete_action.trigger()  # amy's correct span is no longer in the key
    qtbot.waitUntil(lambda: teacher.student_work.window is not work)  # the turn after the table
    rescored = teacher.student_work.window
    assert rescored is not None and rescored.isVisible()
    assert rescored.windowTitle() == title and rescored.report.score < before
    assert rescored.geometry() == geometry
    assert rescored.items[rescored.current_row].start == at  # still at the same outcome
    teacher.key_editor.undo_stack.undo()
    qtbot.waitUntil(lambda: teacher.student_work.window is not rescored)
    assert teacher.student_work.window is not None
    assert teacher.student_work.window.report.score == before
    teacher.desk.open_lesson(None)
    assert teacher.student_work.window is None


def test_most_missed_click_jumps_to_the_text_and_heatmap_is_drawn(
    teacher: TeacherWindow,
) -> None:
    view = teacher.class_tab
    first = view.missed[0]
    assert first.not_found >= view.missed[-1].not_found
    view.on_missed_table_cellClicked(0, 0)
    assert view.heat.selection_cp() == (first.key.start, first.key.end)
    assert view.heat.runs and view.heat.run_at(first.key.start) is not None
    assert view.confusions.count() >= 1
    assert view.averages.item(0, 2).text() != ""


def test_key_change_rescores_and_the_stamp_moves(teacher: TeacherWindow) -> None:
    view = teacher.class_tab
    before = {r.student_id: r.report.score for r in view.model.rows}
    stamp = teacher.desk.store.lessons.row(teacher.desk.require_lesson().id).key_updated_at
    missed_by_all = next(k for k in teacher.desk.key if not k.optional and k.start > 2000)
    teacher.key_editor.select_span(missed_by_all.id)
    teacher.key_editor.delete_action.trigger()
    after = {r.student_id: r.report.score for r in view.model.rows}
    assert after != before
    new_stamp = teacher.desk.store.lessons.row(teacher.desk.require_lesson().id).key_updated_at
    assert new_stamp > stamp and new_stamp[:10] in view.headline.text()


def test_exports_csv_pdf_and_interop(teacher: TeacherWindow, tmp_path: Path) -> None:
    results = teacher.exports.results_csv(tmp_path / "results.csv")
    assert results is not None
    lines = results.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith('"student_name","class_code","status","score"') and len(lines) == 5
    pdf = teacher.exports.report_pdf(tmp_path / "report.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5_000
    w3c = teacher.exports.web_annotations(tmp_path / "a.jsonld")
    assert w3c is not None
    doc = json.loads(w3c.read_text("utf-8"))
    assert doc["type"] == "AnnotationCollection" and doc["total"] > 35
    jsonl = teacher.exports.doccano(tmp_path / "d.jsonl")
    assert jsonl is not None and len(jsonl.read_text("utf-8").splitlines()) == 5


def test_doccano_import_replaces_the_key(teacher: TeacherWindow, tmp_path: Path) -> None:
    lesson = teacher.desk.require_lesson()
    text = lesson.article.text
    row = {
        "text": text,
        "label": [[0, 12, "claim"], [text.index("Baldwin"), text.index("Baldwin") + 7, "sourcing"]],
    }
    path = tmp_path / "key.jsonl"
    path.write_text(json.dumps(row), "utf-8")
    teacher.import_doccano(path)
    assert [(k.label, k.quote) for k in teacher.desk.key] == [
        (Label.CLAIM, "Alec Baldwin"),
        (Label.SOURCING, "Baldwin"),
    ]
    assert teacher.class_tab.model.rowCount() == 4  # rescored against the new key
    assert dataclasses.replace(lesson, key=None).article == teacher.desk.require_lesson().article


def test_exported_csvs_neutralise_formula_names_and_notes(qtbot: QtBot, tmp_path: Path) -> None:
    import csv

    from medialit.core.cells import formula_like

    evil = '=HYPERLINK("http://x","y")'
    store = Store.memory()
    lesson, _ = import_lesson_file(store, load_lesson(default_lesson_path()))
    sub = _submission(lesson, 0, 3)
    spans = tuple(s.with_note("@SUM(1)") for s in sub.spans)
    folder = tmp_path / "in"
    folder.mkdir()
    write_submission(
        folder, dataclasses.replace(sub, student_name=evil, class_code="+1+1", spans=spans)
    )
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    window.imports.import_paths([folder], show_report=False)
    qtbot.waitUntil(lambda: window.imports.run is None)
    results = window.exports.results_csv(tmp_path / "results.csv")
    details = window.exports.details_csv(tmp_path / "details.csv")
    assert results is not None and details is not None
    rows = []
    for path in (results, details):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows += list(csv.DictReader(fh))
    assert rows[0]["student_name"] == "'" + evil and rows[0]["class_code"] == "'+1+1"
    assert "'@SUM(1)" in {row.get("student_note") for row in rows}
    assert not any(formula_like(v) for row in rows for v in row.values())
    store.close()


def test_delete_lesson_asks_first_saying_how_many_submissions_go_with_it(
    teacher: TeacherWindow, qtbot: QtBot
) -> None:
    lesson = teacher.desk.require_lesson()
    store = teacher.desk.store
    teacher.adopt(new_lesson("Another article, short.", title="Spare"))
    teacher.desk.open_lesson(lesson.id)
    view = teacher.class_tab
    view.table.doubleClicked.emit(view.proxy.index(0, 0))
    assert teacher.student_work.window is not None
    action = teacher.actions_by_name["delete_lesson"]
    assert action.isEnabled() and action.text() == "De&lete lesson…"

    action.trigger()
    box = teacher.findChild(QMessageBox, "delete_lesson_box")
    assert box is not None and box.isVisible()
    assert box.text() == (
        f"Delete “{lesson.title}” and its key ({len(lesson.key or ())} spans)? "
        "4 submissions from 4 students will be removed with it."
    )
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default is Cancel
    assert not box.isVisible() and store.lessons.is_authored(lesson.id)
    assert len(store.submissions.imported(lesson.id)) == 4

    box = teacher.delete_lesson()
    assert box is not None
    box.findChild(QPushButton, "delete_lesson_confirm").click()
    assert not store.lessons.is_authored(lesson.id) and store.submissions.imported(lesson.id) == []
    assert teacher.desk.lesson is not None and teacher.desk.lesson.title == "Spare"
    assert [teacher.lesson_list.item(r).text().split("\n")[0] for r in range(1)] == ["Spare"]
    assert teacher.lesson_list.count() == 1 and teacher.student_work.window is None
    assert view.model.rowCount() == 0 and teacher.key_editor.undo_stack.count() == 0
    assert teacher.statusBar().currentMessage().startswith(f"Deleted “{lesson.title}”")

    teacher.delete_lesson().findChild(QPushButton, "delete_lesson_confirm").click()
    assert teacher.desk.lesson is None and teacher.lesson_list.count() == 0
    assert not action.isEnabled()


def test_every_teacher_export_follows_the_output_rule(
    teacher: TeacherWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through a symlink the target is written and the link kept; into a FIFO the bytes
    stream and the FIFO stays; a folder is refused naming it (shown once, nothing written)."""
    shown: list[str] = []
    monkeypatch.setattr(
        "medialit.gui.teacher.window.show_error", lambda _w, _t, exc: shown.append(str(exc))
    )
    exports = {
        "results.csv": teacher.exports.results_csv,
        "details.csv": teacher.exports.details_csv,
        "report.pdf": teacher.exports.report_pdf,
        "a.jsonld": teacher.exports.web_annotations,
        "d.jsonl": teacher.exports.doccano,
        "student.json": teacher.exports.student_pack,
        "review.json": teacher.exports.review_pack,
    }
    for name, export_to in exports.items():
        real = tmp_path / "real" / name
        real.parent.mkdir(exist_ok=True)
        link = tmp_path / f"link-{name}"
        link.symlink_to(real)
        export_to(link)
        assert link.is_symlink() and real.stat().st_size > 0, name
        (tmp_path / f"fifo-{name}").mkdir()
        fifo = make_fifo(tmp_path / f"fifo-{name}")
        reader = FifoReader(fifo)
        export_to(fifo)
        assert reader.join() and stat.S_ISFIFO(os.lstat(fifo).st_mode), name
        folder = tmp_path / f"folder-{name}"
        folder.mkdir()
        export_to(folder)
        assert shown.pop().startswith(f"cannot write {folder}: it is a folder"), name
        assert list(folder.iterdir()) == [], name
    assert shown == []
