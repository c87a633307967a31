"""The student window's action table: each row is a declared window attribute, named once."""

from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from medialit.gui.actions import ACTIONS
from medialit.gui.main_window import MainWindow
from tests.gui.window import open_window


def test_every_row_of_the_action_table_is_a_window_action(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    names = [spec.name for spec in ACTIONS]
    attrs = [spec.attr for spec in ACTIONS]
    assert len(set(names)) == len(names) and len(set(attrs)) == len(attrs)
    for spec in ACTIONS:
        assert spec.attr in MainWindow.__annotations__, spec.attr
        action = getattr(window, spec.attr)
        assert action.objectName() == spec.name and action in window.actions()
        assert action.shortcuts() == [QKeySequence(k) for k in spec.keys]
    store.close()
