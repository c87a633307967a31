"""Every action of the student window, its shortcut and words, and where it is offered.

`ACTIONS` is the one table of the window's commands: the field of
`StudentActions` that holds each action (the window keeps them all as
`window.acts`, so `window.acts.<attr>`), the text a menu shows and a screen
reader reads, the object name, what it runs, the keys and the tip.
The label actions (1-4, Alt+1-4) are made from `LABELS`; undo and redo come
from the undo stack. `build_menus`, `build_toolbar` and `article_menu` only
place those actions. Every action is added to the window, so its shortcut
works even when the menu bar is hidden. The window is typed as `ActionHost`:
what a flow may ask of it (`FlowHost`), plus the actions it holds and the
menu bar and tool bar that place them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

from medialit.core.model import LABELS, Label
from medialit.gui import (
    help_menu,
    lesson_flow,
    navigation,
    review_flow,
    span_edits,
    student_flow,
    submit_flow,
)
from medialit.gui.flow_host import FlowHost
from medialit.gui.label_style import label_icon
from medialit.gui.shortcuts import set_undo_redo_keys

Key = QKeySequence.StandardKey | str
SEPARATOR = None


class ActionHost(FlowHost, Protocol):
    """The student window as this module sees it: a `FlowHost` holding the actions below."""

    undo_stack: QUndoStack
    label_actions: dict[Label, QAction]
    exact_actions: dict[Label, QAction]
    edge_actions: list[QAction]
    undo_action: QAction
    redo_action: QAction
    acts: StudentActions  # one action per row of ACTIONS

    def menuBar(self) -> QMenuBar: ...

    def addToolBar(self, area: Qt.ToolBarArea, toolbar: QToolBar) -> None: ...

    def addAction(self, action: QAction) -> None: ...

    def close(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class StudentActions:
    """The actions made from `ACTIONS`, one field per row (`ActionSpec.attr`), kept as
    `window.acts` the way a Designer form holds its window's actions (Anki's `self.form`):
    declared once here, not on each class that holds them."""

    delete: QAction
    note: QAction
    next: QAction
    previous: QAction
    deselect: QAction
    focus_list: QAction
    definitions: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    snap: QAction
    open: QAction
    submit: QAction
    last_review: QAction
    save: QAction
    switch_student: QAction
    rename: QAction
    quit: QAction
    log_folder: QAction


@dataclass(frozen=True, slots=True)
class ActionSpec:
    attr: str  # the field of `StudentActions` that holds the action
    text: str  # what the menu shows and a screen reader reads
    name: str  # the object name
    run: Callable[[ActionHost], object]
    keys: tuple[Key, ...] = ()
    tip: str = ""
    checked: Callable[[ActionHost], bool] | None = None  # checkable: its state at start
    edits: bool = True  # changes what is saved: offered once the store is open (Session.is_open)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "delete",
        "&Delete span",
        "delete_span",
        span_edits.delete_selected_span,
        keys=(QKeySequence.StandardKey.Delete, "Backspace"),
        tip="Remove the selected span (Ctrl+Z brings it back)",
    ),
    ActionSpec(
        "note",
        "&Note…",
        "edit_note",
        span_edits.edit_note,
        keys=("N",),
        tip="Write why you chose this label for the selected span",
    ),
    ActionSpec(
        "next",
        "&Next span",
        "next_span",
        navigation.select_next_span,
        keys=("Alt+Down", "F8"),
        edits=False,
    ),
    ActionSpec(
        "previous",
        "&Previous span",
        "previous_span",
        navigation.select_previous_span,
        keys=("Alt+Up", "Shift+F8"),
        edits=False,
    ),
    ActionSpec(
        "deselect",
        "Let go (of the span or selected text)",
        "deselect",
        navigation.let_go,
        keys=("Escape",),
        edits=False,
    ),
    ActionSpec(
        "focus_list",
        "Span &list / article",
        "toggle_focus",
        navigation.toggle_list_focus,
        keys=("F6",),
        edits=False,
    ),
    ActionSpec(
        "definitions",
        "Label &definitions",
        "definitions",
        navigation.show_definitions,
        keys=("F1",),
        edits=False,
    ),
    ActionSpec(
        "zoom_in",
        "Zoom &in",
        "zoom_in",
        lambda w: w.set_zoom(w.view.zoom + 1),
        keys=(QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
    ),
    ActionSpec(
        "zoom_out",
        "Zoom &out",
        "zoom_out",
        lambda w: w.set_zoom(w.view.zoom - 1),
        keys=(QKeySequence.StandardKey.ZoomOut,),
    ),
    ActionSpec(
        "zoom_reset", "&Normal size", "zoom_reset", lambda w: w.set_zoom(0), keys=("Ctrl+0",)
    ),
    ActionSpec(
        "snap",
        "&Snap to whole words",
        "snap_words",
        lambda w: w.prefs.set_snap_words(w.acts.snap.isChecked()),
        tip="A selection that cuts a word grows to the whole word (Alt+1-4 labels exactly)",
        checked=lambda w: w.prefs.snap_words(),
    ),
    ActionSpec("open", "&Open lesson…", "open_lesson", lesson_flow.choose_lesson, keys=("Ctrl+O",)),
    ActionSpec(
        "submit",
        "&Submit…",
        "submit",
        submit_flow.submit,
        keys=("Ctrl+Shift+S",),
        tip="Write your work to a file for your teacher",
    ),
    ActionSpec(
        "last_review",
        "My last &review",
        "last_review",
        review_flow.open_last_review,
        tip=review_flow.OPENS,
        edits=False,
    ),
    ActionSpec(
        "save",
        "Save (automatic)",
        "save",
        lambda w: w.say("Your work is saved automatically after every change."),
        keys=(QKeySequence.StandardKey.Save,),
        edits=False,
    ),
    ActionSpec(
        "switch_student",
        "&Switch student…",
        "switch_student",
        lambda w: student_flow.ask_name(w, switch=True),
    ),
    ActionSpec(
        "rename",
        "&Edit my name and class…",
        "rename",
        lambda w: student_flow.ask_name(w, switch=False),
    ),
    ActionSpec("quit", "&Quit", "quit", lambda w: w.close(), keys=("Ctrl+Q",), edits=False),
    ActionSpec(
        "log_folder",
        help_menu.TEXT,
        "open_log_folder",
        lambda w: help_menu.open_log_folder(w.window()),
        tip=help_menu.TIP,
        edits=False,
    ),
)


def make_action(
    window: ActionHost,
    text: str,
    run: Callable[[], object],
    *,
    name: str,
    keys: Sequence[Key] = (),
    tip: str = "",
) -> QAction:
    """One action of `window`: named, with its keys (window-wide) and tip; `run` on trigger."""
    action = QAction(text, window.window())
    action.setObjectName(name)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: run())
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def make_label_actions(window: ActionHost, *, exact: bool = False) -> dict[Label, QAction]:
    """1-4 label the selection snapped to words; Alt+1-4 (`exact`) label it as it is."""
    actions = {}
    for label in LABELS:
        info = label.info
        key = f"Alt+{info.shortcut}" if exact else info.shortcut
        action = make_action(
            window,
            f"{info.shortcut} {info.title}" if not exact else f"{info.title}, exact selection",
            partial(span_edits.label_selection, window, label, exact=exact),
            name=f"label_{label.value}" + ("_exact" if exact else ""),
            keys=[key],
        )
        action.setIcon(label_icon(label))
        actions[label] = action
    return actions


def make_undo_actions(window: ActionHost) -> tuple[QAction, QAction]:
    """Undo and redo, from the window's undo stack: Ctrl+Z; Ctrl+Y and Ctrl+Shift+Z."""
    undo = window.undo_stack.createUndoAction(window.window(), "&Undo")
    redo = window.undo_stack.createRedoAction(window.window(), "&Redo")
    set_undo_redo_keys(undo, redo)
    window.addAction(undo)
    window.addAction(redo)
    stack = window.undo_stack  # said once Qt has done it: the undone edit is redo's text now
    undo.triggered.connect(
        lambda _checked=False: window.answer(
            f"Undone: {stack.redoText()}. Ctrl+Y does it again.", near_text=False
        )
    )
    redo.triggered.connect(
        lambda _checked=False: window.answer(f"Done again: {stack.undoText()}.", near_text=False)
    )
    return undo, redo


def toolbar_undo(window: ActionHost) -> QAction:
    """The toolbar's Undo: always the word "Undo" (a button whose text grew with "Undo Label
    as claim" pushed every button after it); what it undoes is in its tip."""
    stack = window.undo_stack
    action = QAction("Undo", window.window())
    action.setObjectName("toolbar_undo")
    action.setEnabled(stack.canUndo())
    action.triggered.connect(lambda _checked=False: window.undo_action.trigger())
    stack.canUndoChanged.connect(action.setEnabled)

    def tip(text: str) -> None:
        said = f"Undo {text} (Ctrl+Z)" if text else "Nothing to undo"
        action.setToolTip(said)
        action.setStatusTip(said)

    stack.undoTextChanged.connect(tip)
    tip(stack.undoText())
    return action


def make_table_actions(window: ActionHost) -> tuple[StudentActions, list[QAction]]:
    """Make every row of `ACTIONS` into its field of `StudentActions` (a row without a field,
    or a field without a row, fails here); also the actions that change what is saved
    (`ActionSpec.edits`)."""
    made, edits = {}, []
    for spec in ACTIONS:
        run = partial(spec.run, window)
        action = make_action(window, spec.text, run, name=spec.name, keys=spec.keys, tip=spec.tip)
        if spec.checked is not None:
            action.setCheckable(True)
            action.setChecked(spec.checked(window))
        made[spec.attr] = action
        if spec.edits:
            edits.append(action)
    return StudentActions(**made), edits


def _add(menu: QMenu | QToolBar, actions: Iterable[QAction | None]) -> None:
    for action in actions:
        if action is SEPARATOR:
            menu.addSeparator()
        else:
            menu.addAction(action)


def build_menus(window: ActionHost) -> QMenu:
    """File, Lesson, Edit, Label, Go, View and Student; returns View, where the docks add theirs.

    File holds Quit (last, where every desktop program has it); the backup menu
    adds its entries above it.
    """
    w, bar = window, window.menuBar()
    file = bar.addMenu("&File")
    file.setObjectName("file_menu")
    _add(file, (w.acts.quit,))
    lesson = bar.addMenu("&Lesson")
    lesson.setToolTipsVisible(True)  # a disabled My last review says why in its tip
    _add(lesson, (w.acts.open, w.acts.submit, w.acts.last_review, w.acts.save))
    edit = bar.addMenu("&Edit")
    _add(edit, (w.undo_action, w.redo_action, SEPARATOR, w.acts.note, w.acts.delete))
    _add(edit.addMenu("&Move an edge of the span"), w.edge_actions)
    labels = bar.addMenu("La&bel")
    _add(labels, w.label_actions.values())
    _add(labels.addMenu("Label the &exact selection (no word snapping)"), w.exact_actions.values())
    go = bar.addMenu("&Go")
    _add(go, (w.acts.next, w.acts.previous, w.acts.deselect, w.acts.focus_list))
    view = bar.addMenu("&View")
    _add(view, (w.acts.zoom_in, w.acts.zoom_out, w.acts.zoom_reset, SEPARATOR))
    _add(view, (w.acts.snap, w.acts.definitions))
    _add(bar.addMenu("&Student"), (w.acts.switch_student, w.acts.rename))
    return view


def build_help_menu(window: ActionHost) -> None:
    """Help, last on the menu bar (after the teacher's menu)."""
    _add(window.menuBar().addMenu("&Help"), (window.acts.log_folder,))


def build_toolbar(window: ActionHost) -> QToolBar:
    """The label buttons, then note, delete, undo, then definitions and submit."""
    w = window
    toolbar = QToolBar("Labels", window.window())
    toolbar.setObjectName("label_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setIconSize(QSize(36, 18))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    _add(toolbar, (*w.label_actions.values(), SEPARATOR))
    _add(toolbar, (w.acts.note, w.acts.delete, toolbar_undo(window), SEPARATOR))
    _add(toolbar, (w.acts.definitions, w.acts.submit))
    return toolbar


def article_menu(window: ActionHost) -> QMenu:
    """The right-click menu on the article: the label actions, note, delete, definitions."""
    w = window
    menu = QMenu(window.window())
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per right-click
    menu.setObjectName("article_menu")
    menu.setAccessibleName("Label menu")
    _add(menu, (*w.label_actions.values(), SEPARATOR))
    _add(menu, (w.acts.note, w.acts.delete, w.acts.definitions))
    return menu
