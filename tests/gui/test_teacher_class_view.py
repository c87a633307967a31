"""Class results: sortable/filterable table, student work, most missed, heatmap, exports."""

import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Label, Span
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher import import_lesson_file
from medialit.gui.teacher.window import TeacherWindow


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
    store.add_to_roster([("8A", "amy"), ("8B", "Dora Missing")])
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.import_paths([folder], show_report=False)
    qtbot.waitUntil(lambda: window.import_run is None)
    window.tabs.setCurrentWidget(window.class_tab)
    qtbot.waitUntil(lambda: window.class_tab.model.rowCount() == 4)
    yield window
    store.close()


def _column(view, title: str) -> list[str]:
    from medialit.gui.teacher.class_view import COLUMNS

    col = [c[0] for c in COLUMNS].index(title)
    proxy = view.proxy
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_table_sorts_numbers_as_numbers_and_filters(teacher: TeacherWindow) -> None:
    view = teacher.class_tab
    assert _column(view, "Student") == ["amy", "Bob", "Cy", "Zed"]  # case-insensitive by name
    view.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    scores = [float(s) for s in _column(view, "Score")]
    assert scores == sorted(scores, reverse=True) and scores[0] > 90
    assert _column(view, "Student")[0] == "Zed"
    view.filter_edit.setText("8a")
    assert sorted(_column(view, "Student")) == ["Cy", "amy"]
    view.filter_edit.setText("")
    assert view.proxy.rowCount() == 4
    assert "4</b> student(s) scored" in view.headline.text()
    assert "Claim F1" in [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(19)]


def test_double_click_opens_the_students_work(teacher: TeacherWindow) -> None:
    view = teacher.class_tab
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    index = view.proxy.index(1, 0)  # Bob
    view.table.doubleClicked.emit(index)
    dialog = teacher.student_dialog
    assert dialog is not None and "Bob" in dialog.windowTitle()
    texts = [dialog.outcomes.item(i).text() for i in range(dialog.outcomes.count())]
    assert sum(t.startswith("✓ correct") for t in texts) == 15
    assert any(t.startswith("○ missed") and "Why:" in t for t in texts)
    dialog.outcomes.setCurrentRow(0)
    assert dialog.view.selection_cp() is not None


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
    stamp = teacher.desk.store.lesson_row(teacher.desk.require_lesson().id).key_updated_at
    missed_by_all = next(k for k in teacher.desk.key if not k.optional and k.start > 2000)
    teacher.key_editor.select_span(missed_by_all.id)
    teacher.key_editor.delete_action.trigger()
    after = {r.student_id: r.report.score for r in view.model.rows}
    assert after != before
    new_stamp = teacher.desk.store.lesson_row(teacher.desk.require_lesson().id).key_updated_at
    assert new_stamp > stamp and new_stamp[:10] in view.headline.text()


def test_exports_csv_pdf_and_interop(teacher: TeacherWindow, tmp_path: Path) -> None:
    results = teacher.export_results(tmp_path / "results.csv")
    assert results is not None
    lines = results.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("student,class_code,lesson,submitted_at,score") and len(lines) == 5
    pdf = teacher.export_report(tmp_path / "report.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 5_000
    w3c = teacher.export_web_annotations(tmp_path / "a.jsonld")
    assert w3c is not None
    doc = json.loads(w3c.read_text("utf-8"))
    assert doc["type"] == "AnnotationCollection" and doc["total"] > 35
    jsonl = teacher.export_doccano(tmp_path / "d.jsonl")
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

    from medialit.core.export import formula_like

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
    window.import_paths([folder], show_report=False)
    qtbot.waitUntil(lambda: window.import_run is None)
    results = window.export_results(tmp_path / "results.csv")
    details = window.export_details(tmp_path / "details.csv")
    assert results is not None and details is not None
    rows = []
    for path in (results, details):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows += list(csv.DictReader(fh))
    assert rows[0]["student_name"] == "'" + evil and rows[0]["class_code"] == "'+1+1"
    assert "'@SUM(1)" in {row.get("student_note") for row in rows}
    assert not any(formula_like(v) for row in rows for v in row.values())
    store.close()
