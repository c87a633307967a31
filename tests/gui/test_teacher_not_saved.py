"""Teacher writes as safe as the student's (issue 13): with the database read-only, labelling
a key span said "Not saved: Error calling Python override of QUndoCommand::redo(): …", left a
command on the undo stack with nothing in the database, and Undo then raised."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.model import Label
from medialit.core.store import Store
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import open_teacher

HTML = (
    "<html><head><title>Bridge to open</title></head><body>"
    "<p>The mayor said the bridge will open on Monday.</p>"
    "<p>Critics fear it may cost twice the budget, the Gazette reported.</p></body></html>"
)


@pytest.fixture
def teacher(qtbot: QtBot, tmp_path: Path) -> TeacherWindow:
    store = Store.open(tmp_path / "medialit.db")
    window = open_teacher(qtbot, store)
    page = tmp_path / "bridge.html"
    page.write_text(HTML, "utf-8")
    window.create_lesson_from_file(page)
    window.activateWindow()
    yield window
    store.close()


def _error_boxes(window: TeacherWindow) -> list[tuple[str, str]]:
    boxes = [b for b in window.findChildren(QMessageBox, "error_box") if b.isVisible()]
    out = [(b.windowTitle(), b.text()) for b in boxes]
    for b in boxes:
        b.close()
        b.deleteLater()
    return out


def _label(qtbot: QtBot, window: TeacherWindow, quote: str, key: Qt.Key) -> None:
    text = window.desk.require_lesson().article.text
    start = text.index(quote)
    window.key_editor.view.select_cp(start, start + len(quote))
    window.key_editor.view.setFocus()
    qtbot.keyClick(window.key_editor.view, key)


def _in_database(window: TeacherWindow) -> list[str]:
    return [k.quote for k in window.desk.store.keys.spans(window.desk.require_lesson().id)]


def test_a_key_span_not_saved_leaves_nothing_on_the_stack_and_says_so_once(
    qtbot: QtBot, teacher: TeacherWindow
) -> None:
    editor = teacher.key_editor
    _label(qtbot, teacher, "The mayor said", Qt.Key.Key_4)
    assert editor.undo_stack.count() == 1 and _in_database(teacher) == ["The mayor said"]

    teacher.desk.store.db.execute("PRAGMA query_only = ON")  # the disk turned read-only
    _label(qtbot, teacher, "twice the budget", Qt.Key.Key_3)
    assert editor.undo_stack.count() == 1  # the failed step is not on the stack
    assert _in_database(teacher) == ["The mayor said"]
    assert [k.quote for k in teacher.desk.key] == ["The mayor said"]
    ((title, text),) = _error_boxes(teacher)  # said once
    assert title == "Not saved" and "read-only" in text
    assert "QUndoCommand" not in text and "Python" not in text
    assert teacher.statusBar().currentMessage().startswith("Not saved")

    teacher.undo_action.trigger()  # undo the first span: the write fails too, and says so
    assert _in_database(teacher) == ["The mayor said"]
    assert editor.undo_stack.count() == 0  # the step that could not be undone is dropped
    assert len(_error_boxes(teacher)) == 1

    teacher.desk.store.db.execute("PRAGMA query_only = OFF")  # writable again: work goes on
    _label(qtbot, teacher, "twice the budget", Qt.Key.Key_3)
    assert _in_database(teacher) == ["The mayor said", "twice the budget"]
    teacher.undo_action.trigger()
    assert _in_database(teacher) == ["The mayor said"]
    assert _error_boxes(teacher) == []


def test_every_teacher_write_reports_a_failure_once(
    qtbot: QtBot, teacher: TeacherWindow, tmp_path: Path
) -> None:
    """Details, a doccano key, a lesson file, an import: each through Desk.apply, each failure
    said once (never twice: the action's own handler stays quiet for a failure already said)."""
    from medialit.core.interop import doccano_jsonl_bytes
    from medialit.core.model import Span, new_id
    from medialit.core.submission import Submission, write_submission

    lesson = teacher.desk.require_lesson()
    key_file = tmp_path / "key.jsonl"
    key_file.write_bytes(doccano_jsonl_bytes(lesson))
    sub = Submission(
        lesson.id,
        lesson.version,
        lesson.article.sha256,
        "s1",
        "Ann",
        "7b",
        "2026-01-05T10:00:00+00:00",
        (Span.create(lesson.article, 0, 9, Label.CLAIM),),
    )
    handed_in = write_submission(tmp_path, sub)
    teacher.desk.store.db.execute("PRAGMA query_only = ON")

    teacher.import_doccano(key_file)
    assert [t for t, _ in _error_boxes(teacher)] == ["Not saved"]
    other = dataclasses.replace(lesson, id=new_id(), title="Another lesson")
    teacher.run(lambda: teacher.desk.adopt_lesson_file(other))
    assert [t for t, _ in _error_boxes(teacher)] == ["Not saved"]
    run = teacher.imports.import_paths([handed_in], show_report=False)
    qtbot.waitUntil(lambda: teacher.imports.run is None, timeout=10_000)
    del run
    assert [t for t, _ in _error_boxes(teacher)] == ["Not saved"]
    assert teacher.desk.key == () and _in_database(teacher) == []
    assert teacher.desk.store.submissions.imported(lesson.id, current_only=False) == []
    assert teacher.desk.require_lesson().title == lesson.title
    assert [row.title for row in teacher.desk.lessons()] == [lesson.title]


def test_the_student_and_teacher_commands_share_one_base() -> None:
    from medialit.gui import commands as student
    from medialit.gui.store_command import StoreCommand
    from medialit.gui.teacher import commands as teacher

    for module in (student, teacher):
        kinds = [
            value
            for name, value in vars(module).items()
            if isinstance(value, type) and name[0].isupper() and value.__module__ == module.__name__
        ]
        assert kinds and all(issubclass(kind, StoreCommand) for kind in kinds), module.__name__
