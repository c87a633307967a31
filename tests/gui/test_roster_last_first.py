"""A teacher pastes the class list as school systems write it, "Last, First", one a line,
into the Roster tab: each line is one student's name in the class typed above it (the comma
gave the first name as the class: "Okafor" in class "Daniel"), and the roster name matches
the student's own "Daniel Okafor" as the README says; "Kierkegaard, Soren" typed on a
keyboard without ø is the Søren Kierkegaard who handed in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher.authoring import import_lesson_file
from tests.gui.window import open_teacher


def test_last_comma_first_lines_are_names_in_the_typed_class(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "teacher.db")
    lesson, _ = import_lesson_file(store, load_lesson(default_lesson_path()))
    folder = tmp_path / "usb"
    folder.mkdir()
    for laptop, name in (("laptop-7", "Daniel Okafor"), ("laptop-8", "Søren Kierkegaard")):
        write_submission(
            folder,
            Submission(
                lesson_id=lesson.id,
                lesson_version=lesson.version,
                article_sha256=lesson.article.sha256,
                student_id=laptop,
                student_name=name,
                class_code="9C",
                submitted_at="2026-11-30T09:00:00+00:00",
                spans=(),
                lesson_title=lesson.title,
            ),
        )
    window = open_teacher(qtbot, store)
    window.imports.import_paths([folder], show_report=False)
    qtbot.waitUntil(lambda: window.imports.run is None)
    window.tabs.setCurrentWidget(window.roster)
    klass = window.findChild(QLineEdit, "roster_class")
    paste = window.findChild(QPlainTextEdit, "roster_paste")
    add = window.findChild(QPushButton, "roster_add")
    assert klass is not None and paste is not None and add is not None
    qtbot.keyClicks(klass, "9C")
    paste.setFocus()
    for line in ("Okafor, Daniel", "Lee, Ann", "Smith, Mia", "Kierkegaard, Soren"):
        qtbot.keyClicks(paste, line)
        qtbot.keyClick(paste, Qt.Key.Key_Return)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)

    entries = [(e.class_code, e.name) for e in store.roster.entries()]
    assert sorted(entries) == [
        ("9C", "Kierkegaard, Soren"),
        ("9C", "Lee, Ann"),
        ("9C", "Okafor, Daniel"),
        ("9C", "Smith, Mia"),
    ]
    missing = window.roster.missing
    shown = sorted(missing.item(i).text() for i in range(missing.count()))
    assert shown == ["Lee, Ann", "Smith, Mia"]  # Daniel and Søren handed in: matched by name
    window.close()
    store.close()
