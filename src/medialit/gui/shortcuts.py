"""Keys every medialit main window shares: both Redo keys, F10 to the menu bar, and the keys
that move a selected span's edges (the student's spans and the teacher's key spans alike).

Redo: `setShortcuts(QKeySequence.StandardKey.Redo)` gives only what the
platform theme lists, and under X11 (GNOME, KDE) that is Ctrl+Shift+Z alone,
so a student used to Ctrl+Y found it dead; offscreen tests, whose theme lists
both, hid it. The two keys are bound by name here, on every platform.

Edges: Alt+Left / Alt+Right move the end, Alt+, / Alt+. the start, a word at a
time. No desktop (GNOME, KDE, Windows) takes these: Alt+Shift+arrows and
Ctrl+Alt+arrows, which move windows and workspaces, are left alone, and
Alt+Up / Alt+Down already walk the spans.

F10: GTK and Windows open the menu bar with F10 and screen-reader users
expect it; Qt Widgets does not. `install_menu_bar_key` opens the first menu,
from where the arrow keys reach every other one.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

REDO_KEYS = ("Ctrl+Y", "Ctrl+Shift+Z")
UNDO_KEYS = ("Ctrl+Z",)
MENU_BAR_KEY = "F10"
# (edge, step, keys, menu text): `core.edges.Edge` is the same two words
EDGE_KEYS: tuple[tuple[Literal["start", "end"], int, str, str], ...] = (
    ("start", -1, "Alt+,", "Start one word &earlier"),
    ("start", 1, "Alt+.", "Start one word &later"),
    ("end", -1, "Alt+Left", "End one word ea&rlier"),
    ("end", 1, "Alt+Right", "End one word la&ter"),
)


def set_undo_redo_keys(undo: QAction, redo: QAction) -> None:
    """Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z both redo, whatever the platform's theme says."""
    undo.setShortcuts([QKeySequence(k) for k in UNDO_KEYS])
    redo.setShortcuts([QKeySequence(k) for k in REDO_KEYS])
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)


def open_menu_bar(window: QMainWindow) -> None:
    """Open the first menu of the window's menu bar, as F10 does in other desktop programs."""
    bar = window.menuBar()
    menus = [a for a in bar.actions() if a.menu() is not None and a.isVisible()]
    if menus:
        bar.setActiveAction(menus[0])


def install_menu_bar_key(window: QMainWindow) -> QAction:
    """F10 opens the menu bar of `window` (also when a child widget has the focus)."""
    action = QAction("Menu bar", window)
    action.setObjectName("menu_bar_key")
    action.setShortcut(QKeySequence(MENU_BAR_KEY))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: open_menu_bar(window))
    window.addAction(action)
    return action
