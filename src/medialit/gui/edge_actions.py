"""The Edit menu's edge moves: the selected span's start or end, one word earlier or later.

Alt+Left / Alt+Right move the end, Alt+, / Alt+. the start. No desktop (GNOME,
KDE, Windows) takes these: Alt+Shift+arrows and Ctrl+Alt+arrows, which move
windows and workspaces, are left alone, and Alt+Up / Alt+Down already walk
the spans. Each move is one undo step (`span_edits.move_selected_edge`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction

from medialit.core.edges import Edge
from medialit.gui import span_edits
from medialit.gui.actions import ActionHost, make_action

# (edge, step, keys, menu text)
EDGE_KEYS: tuple[tuple[Edge, int, str, str], ...] = (
    ("start", -1, "Alt+,", "Start one word &earlier"),
    ("start", 1, "Alt+.", "Start one word &later"),
    ("end", -1, "Alt+Left", "End one word ea&rlier"),
    ("end", 1, "Alt+Right", "End one word la&ter"),
)


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
