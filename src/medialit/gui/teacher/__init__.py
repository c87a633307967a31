"""Teacher mode: lessons and keys, student packs, collecting submissions, class results.

`install_teacher_menu(window)` is the one hook into the student's main window:
it adds a Teacher menu whose action asks for the passphrase (setting it on first
use) and opens the TeacherWindow on the same store.
"""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from medialit.core.store import Store
from medialit.core.teacher.passphrase import PassphraseGate

_gates: WeakKeyDictionary[Store, PassphraseGate] = WeakKeyDictionary()


def passphrase_gate(store: Store) -> PassphraseGate:
    """The one gate of a store, so wrong guesses count across dialogs while the app runs."""
    gate = _gates.get(store)
    if gate is None:
        gate = _gates[store] = PassphraseGate(store)
    return gate


def install_teacher_menu(window: QMainWindow, store: Callable[[], Store]) -> QMenu:
    """The Teacher menu; `store` gives the store when the action runs (start-up paints from a
    glance at the database, and the store it opens afterwards replaces it)."""
    menu = window.menuBar().addMenu("&Teacher")
    menu.setObjectName("teacher_menu")
    action = QAction("Teacher &mode…", window)
    action.setObjectName("teacher_mode")
    action.setShortcut(QKeySequence("Ctrl+Shift+T"))
    action.triggered.connect(lambda _=False: open_teacher_mode(window, store()))
    menu.addAction(action)
    return menu


def open_teacher_mode(
    window: QMainWindow, store: Store, *, gate: PassphraseGate | None = None
) -> QDialog:
    """Ask for (or set) the passphrase; on success open the teacher window. Returns the dialog."""
    from medialit.core.teacher.passphrase import has_recovery_code, new_code_for
    from medialit.gui.teacher.passphrase import PassphraseDialog
    from medialit.gui.teacher.recovery_code import code_box
    from medialit.gui.teacher.window import TeacherWindow

    dialog = PassphraseDialog(store, window, gate=gate or passphrase_gate(store))

    def open_window() -> None:
        teacher = TeacherWindow(store)
        window.setProperty("teacher_window", teacher)  # keep it alive with the student window
        window._teacher_window = teacher  # type: ignore[attr-defined]
        teacher.show()
        teacher.raise_()
        if not has_recovery_code(store):  # a passphrase set before recovery codes existed
            box = code_box(new_code_for(store), teacher)
            teacher.setProperty("recovery_code_box", box)
            box.open()

    dialog.accepted.connect(open_window)
    dialog.open()
    return dialog
