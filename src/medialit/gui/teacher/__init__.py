"""Teacher mode: lessons and keys, student packs, collecting submissions, class results.

`install_teacher_menu(window)` is the one hook into the student's main window:
it adds a Teacher menu whose action asks for the passphrase (setting it on first
use) and opens the TeacherWindow on the same store. The student window has at most
one: asked again while it is open, the gate brings that one to the front; closed,
it is deleted (and what it held collected), so the next opening builds it afresh.
The passphrase dialog is deleted once answered: each opening asks with a new one.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from medialit.core.store import Store
from medialit.core.teacher.passphrase import PassphraseGate

if TYPE_CHECKING:
    from medialit.gui.teacher.window import TeacherWindow

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
    window: QMainWindow,
    store: Store,
    *,
    gate: PassphraseGate | None = None,
    on_closed: Callable[[], object] | None = None,
) -> QDialog:
    """Ask for (or set) the passphrase; on success open the teacher window. Returns the dialog.
    `on_closed`: called once the teacher window this opening shows is closed and deleted."""
    from medialit.core.teacher.passphrase import has_recovery_code, new_code_for
    from medialit.gui.teacher.passphrase import PassphraseDialog
    from medialit.gui.teacher.recovery_code import code_box
    from medialit.gui.teacher.window import TeacherWindow

    dialog = PassphraseDialog(store, window, gate=gate or passphrase_gate(store))
    # answered (OK or Cancel) it is deleted on the loop's next turn, after its signals ran:
    # each opening builds a new one, and the student window must not collect them
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def open_window() -> None:
        teacher = _open_teacher_window(window, store)
        if teacher is None:
            teacher = TeacherWindow(store)
            teacher.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone
            window._teacher_window = teacher  # type: ignore[attr-defined]
            gone = weakref.ref(teacher)
            teacher.destroyed.connect(lambda _=None: _forget_teacher_window(window, gone))
        if on_closed is not None:
            teacher.destroyed.connect(on_closed)
        teacher.setWindowState(teacher.windowState() & ~Qt.WindowState.WindowMinimized)
        teacher.show()
        teacher.raise_()
        teacher.activateWindow()
        if not has_recovery_code(store):  # a passphrase set before recovery codes existed
            box = code_box(new_code_for(store), teacher)
            teacher.setProperty("recovery_code_box", box)
            box.open()

    dialog.accepted.connect(open_window)
    dialog.open()
    return dialog


def _open_teacher_window(window: QMainWindow, store: Store) -> TeacherWindow | None:
    """The student window's teacher window still open on `store`, to be shown again. One
    closed (its deletion pending) is not brought back; one on another store (start-up
    replaced it) is closed, which deletes it."""
    teacher: TeacherWindow | None = getattr(window, "_teacher_window", None)
    if teacher is None or not teacher.isVisible():
        return None
    if teacher.desk.store is store:
        return teacher
    teacher.close()
    return None


def _forget_teacher_window(window: QMainWindow, gone: weakref.ref[TeacherWindow]) -> None:
    """A closed teacher window was deleted: the student window lets go of it, and what it
    held (frozen out of the collector's passes when it was built) is collected once the
    deletion is over."""
    from medialit.gui.memory import release

    if getattr(window, "_teacher_window", None) is gone():
        window._teacher_window = None  # type: ignore[attr-defined]
    QTimer.singleShot(0, release)
