"""Submitting: a file the teacher can read, checked field by field; each submission remembered."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core import paths
from medialit.core.lesson import save_lesson
from medialit.core.submission import check_against, load_submission
from medialit.gui import submit_flow
from medialit.gui.submit_dialog import SubmitDialog
from tests.gui.window import open_window
from tests.helpers import UNICODE_TEXT, make_lesson

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

# The submission format, version 1, as a JSON-Schema-like table: field -> type.
TOP = {
    "format": str,
    "format_version": int,
    "app_version": str,
    "lesson_id": str,
    "lesson_version": int,
    "lesson_title": str,
    "article_sha256": str,
    "student_id": str,
    "student_name": str,
    "class_code": str,
    "submitted_at": str,
    "spans": list,
}
SPAN = {
    "id": str,
    "start": int,
    "end": int,
    "label": str,
    "quote": str,
    "prefix": str,
    "suffix": str,
    "note": str,
}


def check_schema(data: dict) -> None:
    assert set(data) == set(TOP), set(data) ^ set(TOP)
    for field, kind in TOP.items():
        assert type(data[field]) is kind, field  # `type is`: a bool is not an int here
    assert data["format"] == "medialit-submission" and data["format_version"] == 1
    assert re.fullmatch(r"[0-9a-f]{64}", data["article_sha256"])
    assert re.fullmatch(r"[0-9a-f]{32}", data["student_id"])  # uuid4 hex
    assert dt.datetime.fromisoformat(data["submitted_at"]).tzinfo is not None
    for span in data["spans"]:
        assert set(span) == set(SPAN)
        for field, kind in SPAN.items():
            assert type(span[field]) is kind, field
        assert 0 <= span["start"] < span["end"]
        assert span["label"] in ("claim", "fact", "speculation", "sourcing")
    starts = [(s["start"], s["end"]) for s in data["spans"]]
    assert starts == sorted(starts)


def submit_by_keyboard(qtbot: QtBot, window) -> Path:
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL_SHIFT)
    dialog = window.dialog
    assert isinstance(dialog, SubmitDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "submitted_box"
    path = window.last_submission
    assert path is not None and str(path) in box.text()  # says where it went
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    return path


@pytest.fixture
def unicode_pack(tmp_path: Path) -> Path:
    """A student pack (never holds the key) of the emoji article."""
    path = tmp_path / "pack.json"
    save_lesson(path, make_lesson(title="Emoji / news: 1"), kind="student-pack")
    return path


def test_submission_file_content_and_name(qtbot: QtBot, tmp_path: Path, unicode_pack: Path) -> None:
    usb = tmp_path / "usb stick"
    usb.mkdir()
    store, window, _ = open_window(
        qtbot, tmp_path / "m.db", unicode_pack, name="Zoë O'Brien/../x", class_code="7B"
    )
    window.prefs.set_last_submit_folder(str(usb))
    view = window.view
    for word, key in (
        ("fast", Qt.Key.Key_2),
        ("東京", Qt.Key.Key_3),
        ("prices rose", Qt.Key.Key_1),
    ):
        start = UNICODE_TEXT.index(word)
        view.select_cp(start, start + len(word))
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClicks(window.dialog.edit, "no source")
    qtbot.keyClick(window.dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    path = submit_by_keyboard(qtbot, window)
    assert path.parent == usb
    # seconds, not microseconds: 20261130-210405
    assert re.fullmatch(r"Emoji-news-1_Zoe-O-Brien-x-[0-9a-f]{6}_\d{8}-\d{6}\.json", path.name)
    assert not list(usb.glob(".*.tmp"))  # written atomically: no temporary file left

    data = json.loads(path.read_text("utf-8"))
    check_schema(data)
    assert (data["student_name"], data["class_code"]) == ("Zoë O'Brien/../x", "7B")
    assert data["student_id"] == window.session.student.id
    assert data["lesson_id"] == window.session.lesson.id
    assert data["article_sha256"] == window.session.article.sha256
    spans = {s["quote"]: s for s in data["spans"]}
    for word, label in (("fast", "fact"), ("東京", "speculation"), ("prices rose", "claim")):
        assert spans[word]["label"] == label
        assert spans[word]["start"] == UNICODE_TEXT.index(word)  # code points, after emoji
    assert spans["prices rose"]["note"] == "no source"
    assert spans["fast"]["prefix"].endswith("😀 ")

    # the strict loader agrees, and so does the article check
    sub = load_submission(path)
    check_against(sub, window.session.article)
    assert len(sub.spans) == 3

    # a student pack has no key: no review
    assert "review" not in window.statusBar().currentMessage()
    store.close()


def test_submit_again_never_overwrites_and_each_is_remembered(
    qtbot: QtBot, tmp_path: Path, unicode_pack: Path
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db", unicode_pack)
    window.prefs.set_last_submit_folder(str(tmp_path))
    first = submit_by_keyboard(qtbot, window)
    start = UNICODE_TEXT.index("fast")
    window.view.select_cp(start, start + 4)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    second = submit_by_keyboard(qtbot, window)
    assert first != second and first.exists() and second.exists()
    assert len(load_submission(first).spans) == 0 and len(load_submission(second).spans) == 1
    records = store.submissions.own(window.session.student.id, window.session.lesson.id)
    assert [(r.path, r.span_count) for r in records] == [(str(first), 0), (str(second), 1)]
    store.close()


def test_default_folder_is_documents_and_a_bad_folder_is_reported(
    qtbot: QtBot, tmp_path: Path, unicode_pack: Path
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db", unicode_pack, name="<b>Bo</b>")
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL_SHIFT)
    dialog = window.dialog
    assert dialog.folder() == paths.documents_dir() and not dialog.folder().exists()
    assert any("&lt;b&gt;Bo" in label.text() for label in dialog.findChildren(QLabel))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Documents is made if it is missing
    assert window.last_submission.parent == paths.documents_dir()
    window.dialog.close()
    assert submit_flow.submit_to(window, tmp_path / "unplugged" / "stick") is None
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None and "Nothing was handed in" in box.text()
    records = store.submissions.own(window.session.student.id, window.session.lesson.id)
    assert len(records) == 1  # only the one that was written
    store.close()


def test_bundled_practice_lesson_opens_the_review_hook(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    assert window.session.lesson.review_allowed
    seen = []
    window.session.submitted.connect(seen.append)  # the review window plugs in here
    window.prefs.set_last_submit_folder(str(tmp_path))
    path = submit_by_keyboard(qtbot, window)
    assert len(seen) == 1 and seen[0].lesson_id == window.session.lesson.id
    assert load_submission(path).student_id == seen[0].student_id
    store.close()
