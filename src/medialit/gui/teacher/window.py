"""The teacher's window: lessons on the left; key editor, class results and roster as tabs.

The window is the composition, as the student's is: it builds the tabs and the
lesson list, places the menus (gui.teacher.actions: every action in one table),
and does the lesson work itself (new, open a file, details, text versions, a
key from doccano, delete). Its parts get it as a `TeacherHost`: `exports`
(packs, interop, CSV, PDF), `imports` (importing submission files, also
dropped on the window) and `student_work` (the one student's work open).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.interop import read_doccano_key
from medialit.core.lesson import load_lesson
from medialit.core.model import Lesson
from medialit.core.paths import dialog_folder
from medialit.core.prefs import Prefs
from medialit.core.records import Change, Touches
from medialit.core.store import Store
from medialit.core.teacher.authoring import (
    lesson_footprint,
    lesson_from_article_file,
    revise_text,
    save_lesson_to_store,
    update_details,
)
from medialit.core.wording import plural
from medialit.gui.errors import show_error, show_notice
from medialit.gui.memory import settle
from medialit.gui.screen_fit import fit_dialog, fit_window
from medialit.gui.shortcuts import install_menu_bar_key
from medialit.gui.teacher.actions import always_enabled, build_menus
from medialit.gui.teacher.class_view import ClassView
from medialit.gui.teacher.desk import Desk
from medialit.gui.teacher.dialogs import LessonDialog, TextDialog, raw_text
from medialit.gui.teacher.exports import Exports
from medialit.gui.teacher.grading_dialog import GradingDialog
from medialit.gui.teacher.imports import Imports, accept_drag, dropped_paths
from medialit.gui.teacher.key_editor import KeyEditor
from medialit.gui.teacher.lesson_dock import LessonDock, when
from medialit.gui.teacher.roster import RosterPanel
from medialit.gui.teacher.student_work import StudentWork

T = TypeVar("T")


class TeacherWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teacher_window")
        self.setWindowTitle("Teacher — medialit")
        fit_window(self, 1280, 800, memory=Prefs(store), name="teacher")
        self.setAcceptDrops(True)
        self.desk = Desk(store)
        self.exports = Exports(self)
        self.imports = Imports(self)
        self.student_work = StudentWork(self)
        self.doccano_notice: QMessageBox | None = None  # what a doccano key did not carry

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("teacher_tabs")
        self.key_editor = KeyEditor(self.desk, self)
        self.key_editor.message.connect(self.show_message)
        self.tabs.addTab(self.key_editor, "Answer key")
        self.class_tab = self._make_class_tab()
        self.tabs.addTab(self.class_tab, "Class results")
        self.roster = RosterPanel(self.desk, self)
        self.tabs.addTab(self.roster, "Roster")
        self.setCentralWidget(self.tabs)

        self.lessons_dock = LessonDock(self, self.new_lesson)
        self.lesson_list = self.lessons_dock.list
        self.lesson_list.currentItemChanged.connect(self.on_lesson_list_currentItemChanged)
        self.actions_by_name, self.undo_action, self.redo_action = build_menus(
            self, self.key_editor.undo_stack
        )
        practice = self.menuBar().findChild(QMenu, "practice_lessons")
        if practice is not None:
            self.lessons_dock.offer_practice(practice)
        install_menu_bar_key(self)
        self.key_stamp = QLabel("", self)
        self.key_stamp.setObjectName("key_stamp")
        self.statusBar().addPermanentWidget(self.key_stamp)

        self.desk.changed.connect(self.on_desk_changed)
        self.desk.failed.connect(self.on_desk_failed)
        self.desk.lesson_switched.connect(self.on_desk_lesson_switched)
        self.refresh_lessons()  # the newest lesson opens: the list's first, not read again
        first = self.lesson_list.item(0)
        self.desk.open_lesson(first.data(Qt.ItemDataRole.UserRole) if first else None)
        settle()  # what the window holds is kept out of full GC passes: no stall mid-import

    # -- construction ----------------------------------------------------------------------

    def _make_class_tab(self) -> ClassView:
        view = ClassView(self.desk, self)
        self.student_work.follow(view)
        return view

    def refresh_lessons(self) -> None:
        """The lesson list, each with its version and when its key last changed."""
        lesson = self.desk.lesson
        self.lessons_dock.show_rows(self.desk.lessons(), lesson.id if lesson else None)

    def on_lesson_list_currentItemChanged(
        self, item: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        lesson_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if lesson_id and (self.desk.lesson is None or self.desk.lesson.id != lesson_id):
            self.run(lambda: self.desk.open_lesson(lesson_id))

    def adopt(self, lesson: Lesson) -> None:
        """Store a new or opened lesson and make it the open one."""
        self.desk.apply(lambda s: save_lesson_to_store(s, lesson))
        self.desk.open_lesson(lesson.id)
        self.refresh_lessons()

    def new_lesson(self) -> LessonDialog:
        dialog = LessonDialog(self)

        def adopt() -> None:
            if dialog.result_lesson is not None:
                lesson = dialog.result_lesson
                self.run(lambda: self.adopt(lesson))

        dialog.accepted.connect(adopt)
        dialog.open()
        return dialog

    def create_lesson_from_file(self, path: str | Path, *, title: str = "") -> Lesson:
        """New lesson from a .txt/.md/.html file, without dialogs (tests, drops)."""
        lesson = lesson_from_article_file(path, title=title)
        self.adopt(lesson)
        return lesson

    def open_lesson_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Lesson file", str(dialog_folder()), "Lessons (*.json)"
        )
        if path:
            self.run(lambda: self.take_lesson(load_lesson(path)))

    def take_lesson(self, lesson: Lesson) -> None:
        """A lesson file's or a practice lesson's lesson made one of the teacher's."""
        if lesson.kind == "student-pack" or lesson.key is None:
            lesson = dataclasses.replace(lesson, key=())
        if self.desk.store.lessons.is_authored(lesson.id):
            answer = QMessageBox.question(
                self,
                "Replace lesson?",
                f"“{lesson.title}” is already one of your lessons. Replace it (and its key) "
                "with the file's?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.desk.adopt_lesson_file(lesson)
        self.refresh_lessons()

    def delete_lesson(self) -> QMessageBox | None:
        """Ask (saying what goes with it, submissions counted), then delete the open lesson."""
        lesson = self.desk.lesson
        if lesson is None:
            return None
        footprint = self.run(lambda: lesson_footprint(self.desk.store, lesson.id))
        if footprint is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Delete lesson?",
            f"Delete {footprint.describe()}? {footprint.submissions_text()}",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("delete_lesson_box")
        backup = (
            "A backup of the database is taken first: File → Restore from backup… in the "
            "student window brings the lesson back. "
            if self.desk.store.path is not None
            else ""
        )
        box.setInformativeText(
            backup + "Files you exported and the students' own copies are not touched."
        )
        delete = box.addButton("Delete lesson", QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("delete_lesson_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        fit_dialog(box)
        lesson_id = lesson.id

        def on_box_finished() -> None:
            if box.clickedButton() is not delete:
                return
            if self.run(lambda: self.desk.delete_lesson(lesson_id)) is not None:
                self.refresh_lessons()
                self.show_message(footprint.deleted_text())

        box.finished.connect(on_box_finished)
        box.open()
        return box

    def edit_details(self) -> LessonDialog | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        dialog = LessonDialog(self, lesson=lesson, with_text=False)

        def save() -> None:
            self.desk.apply(
                lambda s: update_details(
                    s,
                    lesson,
                    title=dialog.title.text(),
                    source=dialog.source.text(),
                    date=dialog.date.text(),
                    feedback=dialog.feedback_mode(),
                )[1]
            )
            self.refresh_lessons()

        dialog.accepted.connect(lambda: self.run(save))
        dialog.open()
        return dialog

    def edit_grading(self) -> GradingDialog | None:
        """Results ▸ Grading…: points, rounding, non-submitters, due date, classes."""
        if self.desk.lesson is None:
            return None
        dialog = GradingDialog(self.desk, self)
        dialog.open()
        return dialog

    def edit_text(self) -> TextDialog | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        dialog = TextDialog(lesson, self)
        dialog.accepted.connect(lambda: self.run(lambda: self.revise(raw_text(dialog.text))))
        dialog.open()
        return dialog

    def revise(self, text: str) -> None:
        lesson = self.desk.require_lesson()
        revision = revise_text(lesson, text)
        if revision.lesson is lesson:
            self.show_message("The text did not change.")
            return
        self.desk.apply(lambda s: save_lesson_to_store(s, revision.lesson))
        self.key_editor.undo_stack.clear()
        self.refresh_lessons()
        message = f"Saved version {revision.lesson.version} of the text."
        if revision.dropped:
            gone = ", ".join(f"“{k.quote[:30]}”" for k in revision.dropped)
            lost = "lost its text" if len(revision.dropped) == 1 else "lost their text"
            message += f" {plural(len(revision.dropped), 'key span')} {lost}: {gone}"
            self.say_key_spans_removed(message)
        self.show_message(message)

    def say_key_spans_removed(self, message: str) -> QMessageBox:
        """Which key spans a new text version lost: a box that waits for OK without holding
        up the window (`open`, not a nested event loop), fitted to the screen."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Key spans removed",
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("key_spans_removed_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_dialog(box)
        box.open()
        return box

    # -- a key from doccano ----------------------------------------------------------------

    def import_doccano(self, path: str | Path | None = None) -> None:
        lesson = self.desk.lesson
        if lesson is None:
            return
        source = (
            path
            or QFileDialog.getOpenFileName(self, "doccano JSONL", str(dialog_folder()), "*.jsonl")[
                0
            ]
        )
        if not source:
            return

        def replace_key() -> None:
            found = read_doccano_key(source, article=lesson.article)
            self.desk.replace_key(found.key)
            self.key_editor.undo_stack.clear()
            self.show_message(
                f"Key replaced by {plural(len(found.key), 'span')} from {Path(source).name}"
            )
            if found.notices:  # never silently: a key without medialit_spans changes grades
                self.doccano_notice = show_notice(self, "About this doccano key", [*found.notices])

        self.run(replace_key)

    # -- files dropped on the window are imported ---------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            self.imports.import_paths(paths)

    # -- refresh and messages --------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """An explanation still being typed is saved before the window goes."""
        self.key_editor.save_typing()
        super().closeEvent(event)

    def on_desk_changed(self, change: Change) -> None:
        if change.touches & (Touches.KEY | Touches.EXPLANATIONS | Touches.LESSON):
            self.refresh_stamp()
            self.refresh_lessons()  # the list says when each key last changed
        if change.touches & (Touches.KEY | Touches.LESSON | Touches.IMPORTED | Touches.GRADING):
            self.student_work.rescore()

    def on_desk_failed(self, exc: BaseException) -> None:
        """A teacher write did not happen: said once, in plain words; nothing changed."""
        self.statusBar().showMessage("Not saved.", 15000)
        show_error(self, "Not saved", exc)

    def on_desk_lesson_switched(self) -> None:
        self.student_work.close_unless_on_open_lesson()
        lesson = self.desk.lesson
        self.setWindowTitle(f"{lesson.title} — Teacher — medialit" if lesson else "Teacher")
        has = lesson is not None
        for name, action in self.actions_by_name.items():
            if not always_enabled(name):
                action.setEnabled(has)
        self.refresh_stamp()

    def refresh_stamp(self) -> None:
        lesson = self.desk.lesson
        if lesson is None:
            self.key_stamp.setText(
                "No lesson yet: Lesson → New lesson… or Lesson → Practice lessons"
            )
            return
        row = self.desk.store.lessons.row(lesson.id)
        self.key_stamp.setText(
            f"Version {row.version} · key last changed {when(row.key_updated_at)}"
        )

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def run(self, action: Callable[[], T]) -> T | None:
        """Run a user action; a MedialitError is shown once (here, or by `on_desk_failed` for
        a failed write) and the action is dropped."""
        try:
            return action()
        except MedialitError as exc:
            if exc is not self.desk.reported:
                show_error(self, "medialit", exc)
            return None
