"""Every action of the teacher window, its menu, words, object name and shortcut, in one table.

`MENUS` lists the menus in order and the actions in each (`SEPARATOR` between
groups; a `Submenu` is made by a part, as Results ▸ CSV separator by `Exports`);
the Edit menu holds undo and redo from the key editor's stack.
`build_menus` only places them, keeping each action by its object name
(`actions_by_name`), so the window can enable them when a lesson is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar

from medialit.core.model import Lesson
from medialit.gui import help_menu
from medialit.gui.shortcuts import set_undo_redo_keys
from medialit.gui.teacher.exports import Exports
from medialit.gui.teacher.host import TeacherHost
from medialit.gui.teacher.imports import Imports
from medialit.gui.teacher.key_editor import KeyEditor
from medialit.gui.teacher.practice import fill_menu as fill_practice_menu
from medialit.gui.teacher.practice import works_without_lesson

SEPARATOR = None
EDIT = "&Edit"  # undo and redo of key edits, and moving a key span's edges


class ActionHost(TeacherHost, Protocol):
    """The teacher window as the table sees it: its parts, and what it does itself."""

    exports: Exports
    imports: Imports
    key_editor: KeyEditor  # Label definitions…, and Edit ▸ Move an edge of the key span

    def menuBar(self) -> QMenuBar: ...

    def new_lesson(self) -> object: ...

    def open_lesson_file(self) -> None: ...

    def take_lesson(self, lesson: Lesson) -> None: ...

    def edit_details(self) -> object: ...

    def edit_text(self) -> object: ...

    def delete_lesson(self) -> object: ...

    def import_doccano(self) -> None: ...

    def edit_grading(self) -> object: ...

    def close(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class TeacherAction:
    text: str  # what the menu shows and a screen reader reads
    name: str  # the object name, and its key in actions_by_name
    run: Callable[[ActionHost], object]
    key: str = ""


@dataclass(frozen=True, slots=True)
class Submenu:
    make: Callable[[ActionHost, QMenu], dict[str, QAction]]  # adds it; its actions by name


Row = TeacherAction | Submenu | None

MENUS: tuple[tuple[str, tuple[Row, ...]], ...] = (
    (
        "&Lesson",
        (
            TeacherAction("&New lesson…", "new_lesson", lambda w: w.new_lesson(), key="Ctrl+N"),
            TeacherAction("Open lesson &file…", "open_lesson_file", lambda w: w.open_lesson_file()),
            Submenu(fill_practice_menu),
            TeacherAction("Lesson &details…", "edit_details", lambda w: w.edit_details()),
            TeacherAction(
                "Label de&finitions…",
                "label_definitions",
                lambda w: w.key_editor.edit_definitions(),
            ),
            TeacherAction("Edit article &text…", "edit_text", lambda w: w.edit_text()),
            TeacherAction(
                "Export &student pack…", "student_pack", lambda w: w.exports.student_pack()
            ),
            TeacherAction(
                "Export &review pack…", "review_pack", lambda w: w.exports.review_pack_asked()
            ),
            TeacherAction(
                "Import key from doccano JSONL…", "doccano_in", lambda w: w.import_doccano()
            ),
            TeacherAction(
                "Export Web Annotation JSON-LD…", "w3c_out", lambda w: w.exports.web_annotations()
            ),
            TeacherAction("Export doccano JSONL…", "doccano_out", lambda w: w.exports.doccano()),
            SEPARATOR,
            TeacherAction("De&lete lesson…", "delete_lesson", lambda w: w.delete_lesson()),
            SEPARATOR,
            TeacherAction("&Close teacher mode", "close_teacher", lambda w: w.close()),
        ),
    ),
    (
        "&Submissions",
        (
            TeacherAction(
                "&Import files…", "import_files", lambda w: w.imports.ask_files(), key="Ctrl+I"
            ),
            TeacherAction("Import a &folder…", "import_folder", lambda w: w.imports.ask_folder()),
        ),
    ),
    (EDIT, (SEPARATOR, Submenu(lambda w, menu: w.key_editor.edges.fill_menu(menu)))),
    (
        "&Results",
        (
            TeacherAction(
                "&Grading: points, due date, classes…", "grading", lambda w: w.edit_grading()
            ),
            SEPARATOR,
            TeacherAction("Export results.csv…", "results_csv", lambda w: w.exports.results_csv()),
            TeacherAction("Export details.csv…", "details_csv", lambda w: w.exports.details_csv()),
            TeacherAction(
                "Export grades for &Canvas…", "canvas_csv", lambda w: w.exports.lms_csv("canvas")
            ),
            TeacherAction(
                "Export grades for &Moodle…", "moodle_csv", lambda w: w.exports.lms_csv("moodle")
            ),
            TeacherAction(
                "Export &name, email, points…", "plain_csv", lambda w: w.exports.lms_csv("plain")
            ),
            Submenu(lambda w, menu: w.exports.delimiter_menu(menu)),
            TeacherAction(
                "Export class report (PDF)…",
                "report_pdf",
                lambda w: w.exports.report_pdf(background=True),
            ),
        ),
    ),
    (
        "&Help",
        (
            TeacherAction(
                help_menu.TEXT, "open_log_folder", lambda w: help_menu.open_log_folder(w.window())
            ),
        ),
    ),
)

ALWAYS_ENABLED = (
    "new_lesson",
    "open_lesson_file",
    "close_teacher",
    "csv_comma",
    "csv_semicolon",
    "open_log_folder",
)
"""Actions that work with no lesson open; the others are enabled when one is."""


def always_enabled(name: str) -> bool:
    """Whether action `name` works with no lesson open (as the practice lessons do)."""
    return name in ALWAYS_ENABLED or works_without_lesson(name)


def make_action(window: ActionHost, spec: TeacherAction) -> QAction:
    action = QAction(spec.text, window.window())
    action.setObjectName(spec.name)
    if spec.key:
        action.setShortcut(QKeySequence(spec.key))
    action.triggered.connect(lambda _=False: spec.run(window))
    return action


def build_menus(
    window: ActionHost, undo_stack: QUndoStack
) -> tuple[dict[str, QAction], QAction, QAction]:
    """The menu bar from `MENUS`: the actions by object name, and undo and redo."""
    actions: dict[str, QAction] = {}
    undo = redo = None
    for title, rows in MENUS:
        menu = window.menuBar().addMenu(title)
        if title == EDIT:
            undo = undo_stack.createUndoAction(window.window(), "&Undo")
            redo = undo_stack.createRedoAction(window.window(), "&Redo")
            set_undo_redo_keys(undo, redo)  # Ctrl+Y and Ctrl+Shift+Z on every platform
            menu.addAction(undo)
            menu.addAction(redo)
        for spec in rows:
            if spec is SEPARATOR:
                menu.addSeparator()
            elif isinstance(spec, Submenu):
                actions.update(spec.make(window, menu))
            else:
                actions[spec.name] = make_action(window, spec)
                menu.addAction(actions[spec.name])
    assert undo is not None and redo is not None
    return actions, undo, redo
