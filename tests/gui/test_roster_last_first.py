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

from medialit.core.store import Store
from tests.gui.gradebook_class import Hand, authored, hand_in, import_into
from tests.gui.window import open_teacher


def test_last_comma_first_lines_are_names_in_the_typed_class(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "teacher.db")
    lesson = authored(store)
    hands = [
        Hand("Daniel Okafor", "laptop-7", 0, class_code="9C"),
        Hand("Søren Kierkegaard", "laptop-8", 0, class_code="9C"),
    ]
    window = open_teacher(qtbot, store)
    import_into(qtbot, window, hand_in(tmp_path / "usb", lesson, hands))
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
