"""The Edit menu's edge moves: the selected span's start or end, one word earlier or later.

Alt+Left / Alt+Right move the end, Alt+, / Alt+. the start (`shortcuts.EDGE_KEYS`,
shared with the teacher's key editor). Each move is one undo step
(`span_edits.move_selected_edge`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction

from medialit.gui import span_edits
from medialit.gui.actions import ActionHost, make_action
from medialit.gui.shortcuts import EDGE_KEYS  # the teacher's key editor moves edges by them too


def make_edge_actions(window: ActionHost) -> list[QAction]:
    """The four edge moves of `EDGE_KEYS`, each one undo step (gui.span_edits)."""
    return [
        make_action(
            window,
            text,
            partial(span_edits.move_selected_edge, window, edge, step),
            name=f"move_{edge}_{'earlier' if step < 0 else 'later'}",
            keys=[keys],
            tip="Move an edge of the selected span by one word (or drag the edge with the mouse)",
        )
        for edge, step, keys, text in EDGE_KEYS
    ]
