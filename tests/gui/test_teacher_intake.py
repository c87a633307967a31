"""The teacher window reads through the one intake: a zip or a class file dropped on it is
imported as `medialit score` reads it, and a doccano key without `medialit_spans` is said."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from medialit.core.classroom import score_class
from medialit.core.interop import doccano_jsonl_bytes
from medialit.core.store import Store
from medialit.core.submission import submission_to_dict
from medialit.core.teacher.authoring import import_lesson_file
from medialit.core.teacher.collection import current_submissions
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import drop_on
from tests.score_files import KEY, TEXT, jsonl_line, make_lesson, make_submission, spans_for


@pytest.fixture
def teacher(qtbot: QtBot) -> TeacherWindow:
    store = Store.memory()
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    import_lesson_file(store, make_lesson())
    window.refresh_lessons()
    window.desk.open_lesson(make_lesson().id)
    window.show()
    yield window
    store.close()


def test_a_dropped_zip_with_a_class_file_is_imported(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path
) -> None:
    path = tmp_path / "class.zip"
    sub = make_submission("ann", spans_for(TEXT, [(KEY[0].quote, KEY[0].label)]))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("7b/ann.json", json.dumps(submission_to_dict(sub)))
        z.writestr(
            "7b/class.jsonl",
            jsonl_line("Ben", [(0, 45, "claim")])
            + "\n"
            + json.dumps({"student": "Cat", "text": TEXT})
            + "\n",
        )
        z.writestr("../escape.json", "{}")
    drop_on(teacher, path)
    qtbot.waitUntil(lambda: teacher.imports.last_report is not None, timeout=10_000)
    report = teacher.imports.last_report
    assert report is not None and report.summary == "2 imported, 2 rejected"
    rejected = {r.path: r.reason for r in report.rejected}
    assert (
        rejected[f"{path}!7b/class.jsonl:2"]
        == 'label: is missing (an empty answer is written "label": [])'
    )
    assert "leads out of the zip" in rejected[f"{path}!../escape.json"]
    rows = teacher.imports.report_dialog.table  # type: ignore[union-attr]
    results = [rows.item(r, 1).text() for r in range(rows.rowCount())]
    assert results.count("imported") == 2 and results.count("rejected") == 2
    kept = current_submissions(teacher.desk.store, make_lesson().id)
    assert sorted(s.student_name for s in kept) == ["Ben", "Student ann"]
    results = score_class(make_lesson(), kept)
    assert len(results.rows) == 2 and results.problems == ()


def test_a_doccano_key_without_extras_is_said_in_the_window(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path
) -> None:
    full = tmp_path / "full.jsonl"
    full.write_bytes(doccano_jsonl_bytes(make_lesson()))
    teacher.import_doccano(full)
    assert teacher.doccano_notice is None
    assert [k.also_accept for k in teacher.desk.key] == [k.also_accept for k in KEY]
    row = json.loads(full.read_text("utf-8").splitlines()[0])
    del row["medialit_spans"]
    bare = tmp_path / "bare.jsonl"
    bare.write_text(json.dumps(row) + "\n", "utf-8")
    teacher.import_doccano(bare)
    notice = teacher.doccano_notice
    assert notice is not None and notice.isVisible()
    assert "no medialit_spans" in notice.text() and "grades can be lower" in notice.text()
    assert all(not k.also_accept and not k.optional for k in teacher.desk.key)
    notice.close()
