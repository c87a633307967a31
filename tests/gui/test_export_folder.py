"""Where a teacher's file dialogs start: exports are first proposed, and files to open first
looked for, in the documents folder, not in the folder medialit was started from (with the
README's command that is the source checkout; with a bundle, the program's own folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from medialit.core import paths
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.store import Store
from medialit.core.teacher.authoring import import_lesson_file
from medialit.gui.teacher import exports
from tests.gui.window import open_teacher


@pytest.mark.parametrize("has_documents", [True, False])
def test_export_results_proposes_the_documents_folder_not_the_start_folder(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    has_documents: bool,
) -> None:
    home, start = tmp_path / "home", tmp_path / "program"
    start.mkdir()
    home.mkdir()
    documents = home / "Documents"
    if has_documents:
        documents.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(paths, "documents_dir", lambda: documents)
    monkeypatch.chdir(start)
    asked: list[str] = []

    def save_dialog(_parent: object, _title: str, proposed: str, _filter: str) -> tuple[str, str]:
        asked.append(proposed)
        return "", ""  # the teacher cancels: nothing is written

    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", save_dialog)
    store = Store.open(tmp_path / "teacher.db")
    import_lesson_file(store, load_lesson(default_lesson_path()))
    window = open_teacher(qtbot, store)
    action = window.findChild(QAction, "results_csv")
    assert action is not None and action.isEnabled()
    action.trigger()

    assert len(asked) == 1
    proposed = Path(asked[0])
    assert proposed.is_absolute()
    assert proposed.parent == (documents if has_documents else home)
    assert proposed.name.endswith("_results.csv")
    assert list(start.iterdir()) == []
    window.close()
    store.close()


def test_open_dialogs_start_in_the_documents_folder_not_the_start_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Submissions ▸ Import files/folder, Lesson ▸ Open lesson file, New lesson's article
    file, doccano key and the roster's CSV: each dialog opens in the documents folder."""
    home, start = tmp_path / "home", tmp_path / "program"
    documents = home / "Documents"
    for folder in (start, documents):
        folder.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(paths, "documents_dir", lambda: documents)
    monkeypatch.chdir(start)
    asked: dict[str, str] = {}

    def open_dialog(_parent: object, title: str, folder: str, _filter: str = "") -> tuple[str, str]:
        asked[title] = folder
        return "", ""  # the teacher cancels

    def folder_dialog(_parent: object, title: str, folder: str = "") -> str:
        asked[title] = folder
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_dialog)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", folder_dialog)
    store = Store.open(tmp_path / "teacher.db")
    import_lesson_file(store, load_lesson(default_lesson_path()))
    window = open_teacher(qtbot, store)
    for name in ("import_files", "import_folder", "open_lesson_file", "doccano_in"):
        action = window.findChild(QAction, name)
        assert action is not None and action.isEnabled(), name
        action.trigger()
    button = window.findChild(QPushButton, "roster_csv")
    assert button is not None
    button.click()  # the Roster tab's Import CSV…
    new_lesson = window.findChild(QAction, "new_lesson")
    assert new_lesson is not None
    new_lesson.trigger()
    load = window.findChild(QPushButton, "lesson_load_file")
    assert load is not None
    qtbot.mouseClick(load, Qt.MouseButton.LeftButton)

    assert asked == dict.fromkeys(
        [
            "Submission files",
            "Folder of submission files",
            "Lesson file",
            "doccano JSONL",
            "Roster CSV",
            "Article file",
        ],
        str(documents),
    )
    assert list(start.iterdir()) == []
    window.close()
    store.close()
