"""The student window's action table: each row is one field of `StudentActions`, named once."""

from dataclasses import fields
from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from medialit.gui.actions import ACTIONS, StudentActions
from tests.gui.window import open_window


def test_every_row_of_the_action_table_is_a_window_action(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    names = [spec.name for spec in ACTIONS]
    attrs = [spec.attr for spec in ACTIONS]
    assert len(set(names)) == len(names)
    assert attrs == [field.name for field in fields(StudentActions)]  # one field a row, in order
    for spec in ACTIONS:
        action = getattr(window.acts, spec.attr)
        assert action.objectName() == spec.name and action in window.actions()
        assert action.shortcuts() == [QKeySequence(k) for k in spec.keys]
    store.close()
