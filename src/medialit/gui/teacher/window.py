"""The teacher's window: lessons on the left; key editor, class results and roster as tabs.

Menus: Lesson (new, details, text, packs, interop), Submissions (import files or
a folder; files can also be dropped on the window), Results (CSV, PDF report).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medialit.core import export
from medialit.core.classroom import ClassResults, StudentRow, score_class
from medialit.core.errors import MedialitError
from medialit.core.interop import doccano_jsonl_bytes, read_doccano_key, web_annotations_bytes
from medialit.core.lesson import load_lesson
from medialit.core.model import FeedbackMode, Lesson
from medialit.core.outfile import write_output
from medialit.core.prefs import Prefs
from medialit.core.records import Change, ChangeKind, Touches
from medialit.core.store import Store
from medialit.core.teacher.authoring import (
    import_lesson_file,
    lesson_footprint,
    lesson_from_article_file,
    load_authored,
    revise_text,
    save_lesson_to_store,
    update_details,
)
from medialit.core.teacher.collection import ImportReport, current_submissions
from medialit.core.teacher.packs import pack_filename, write_review_pack, write_student_pack
from medialit.core.teacher.roster import not_submitted
from medialit.core.wording import plural
from medialit.gui.errors import show_error
from medialit.gui.review import ReviewWindow
from medialit.gui.screen_fit import fit_window
from medialit.gui.shortcuts import install_menu_bar_key, set_undo_redo_keys
from medialit.gui.teacher.class_view import ClassView
from medialit.gui.teacher.collect import ImportReportDialog, ImportRun
from medialit.gui.teacher.desk import Desk
from medialit.gui.teacher.dialogs import LessonDialog, TextDialog, raw_text
from medialit.gui.teacher.key_editor import KeyEditor
from medialit.gui.teacher.report import report_html, write_pdf
from medialit.gui.teacher.roster import RosterPanel
from medialit.gui.teacher.student_work import student_work_window

T = TypeVar("T")
_ALWAYS = ("csv_comma", "csv_semicolon")  # actions that need no open lesson


def when(stamp: str) -> str:
    """An ISO time stamp shown briefly: 2026-11-30 21:04 (UTC)."""
    return f"{stamp[:10]} {stamp[11:16]} UTC" if len(stamp) >= 16 else stamp or "never"


class TeacherWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teacher_window")
        self.setWindowTitle("Teacher — medialit")
        fit_window(self, 1280, 800, memory=Prefs(store), name="teacher")
        self.setAcceptDrops(True)
        self.desk = Desk(store)
        self.import_run: ImportRun | None = None
        self.last_report: ImportReport | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.student_window: ReviewWindow | None = None  # one student's work, at most one
        self.student_id = ""  # whose work student_window shows

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

        self._make_lesson_list()
        self._make_menus()
        install_menu_bar_key(self)
        self.key_stamp = QLabel("", self)
        self.key_stamp.setObjectName("key_stamp")
        self.statusBar().addPermanentWidget(self.key_stamp)

        self.desk.changed.connect(self.on_desk_changed)
        self.desk.lesson_switched.connect(self.on_desk_lesson_switched)
        self.refresh_lessons()
        rows = self.desk.lessons()
        self.desk.open_lesson(rows[0].id if rows else None)

    # -- construction ----------------------------------------------------------------------

    def _make_class_tab(self) -> ClassView:
        view = ClassView(self.desk, self)
        view.student_opened.connect(self.open_student)
        return view

    def _make_lesson_list(self) -> None:
        dock = QDockWidget("Lessons", self)
        dock.setObjectName("lessons_dock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        body = QWidget(dock)
        layout = QVBoxLayout(body)
        self.lesson_list = QListWidget(body)
        self.lesson_list.setObjectName("lesson_list")
        self.lesson_list.setWordWrap(True)
        self.lesson_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.lesson_list.setSpacing(2)
        body.setMinimumWidth(200)
        body.setMaximumWidth(280)
        self.lesson_list.currentItemChanged.connect(self.on_lesson_list_currentItemChanged)
        layout.addWidget(self.lesson_list, 1)
        new = QPushButton("New lesson…", body)
        new.setObjectName("new_lesson_button")
        new.clicked.connect(self.new_lesson)
        layout.addWidget(new)
        dock.setWidget(body)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def _action(
        self, menu_name: str, text: str, slot: Callable[[], object], *, name: str, key: str = ""
    ) -> QAction:
        menu = self._menus.get(menu_name)
        if menu is None:
            menu = self.menuBar().addMenu(menu_name)
            self._menus[menu_name] = menu
        action = QAction(text, self)
        action.setObjectName(name)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _make_menus(self) -> None:
        self._menus: dict[str, QMenu] = {}
        self.actions_by_name: dict[str, QAction] = {}
        lesson, subs, results = "&Lesson", "&Submissions", "&Results"
        self._action(lesson, "&New lesson…", self.new_lesson, name="new_lesson", key="Ctrl+N")
        self._action(lesson, "Open lesson &file…", self.open_lesson_file, name="open_lesson_file")
        self._action(lesson, "Lesson &details…", self.edit_details, name="edit_details")
        self._action(lesson, "Edit article &text…", self.edit_text, name="edit_text")
        self._action(lesson, "Export &student pack…", self.export_student_pack, name="student_pack")
        self._action(lesson, "Export &review pack…", self.export_review_pack, name="review_pack")
        self._action(
            lesson, "Import key from doccano JSONL…", self.import_doccano, name="doccano_in"
        )
        self._action(
            lesson, "Export Web Annotation JSON-LD…", self.export_web_annotations, name="w3c_out"
        )
        self._action(lesson, "Export doccano JSONL…", self.export_doccano, name="doccano_out")
        self._menus[lesson].addSeparator()
        self._action(lesson, "De&lete lesson…", self.delete_lesson, name="delete_lesson")
        self._menus[lesson].addSeparator()
        self._action(lesson, "&Close teacher mode", self.close, name="close_teacher")
        self._action(subs, "&Import files…", self.import_files, name="import_files", key="Ctrl+I")
        self._action(subs, "Import a &folder…", self.import_folder, name="import_folder")
        edit = self.menuBar().addMenu("&Edit")
        undo = self.key_editor.undo_stack.createUndoAction(self, "&Undo")
        redo = self.key_editor.undo_stack.createRedoAction(self, "&Redo")
        set_undo_redo_keys(undo, redo)  # Ctrl+Y and Ctrl+Shift+Z on every platform
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        self._action(results, "Export results.csv…", self.export_results, name="results_csv")
        self._action(results, "Export details.csv…", self.export_details, name="details_csv")
        self._make_delimiter_actions(self._menus[results])
        self._action(results, "Export class report (PDF)…", self.export_report, name="report_pdf")

    def _make_delimiter_actions(self, menu: QMenu) -> None:
        """Results ▸ CSV separator: "," or ";" with decimal commas (remembered), as `medialit
        score --delimiter` writes; for spreadsheets whose locale uses a decimal comma."""
        sub = menu.addMenu("CSV &separator")
        group = QActionGroup(self)
        current = Prefs(self.desk.store).csv_delimiter()
        for delimiter, text, name in (
            (",", "&Comma (1.5)", "csv_comma"),
            (";", "S&emicolon, decimal comma (1,5)", "csv_semicolon"),
        ):
            action = QAction(text, self, checkable=True)
            action.setObjectName(name)
            action.setChecked(delimiter == current)
            action.triggered.connect(lambda _=False, d=delimiter: self.set_csv_delimiter(d))
            group.addAction(action)
            sub.addAction(action)
            self.actions_by_name[name] = action

    def set_csv_delimiter(self, delimiter: str) -> None:
        self.run(lambda: self.desk.apply(lambda s: Prefs(s).set_csv_delimiter(delimiter)))

    @property
    def csv_delimiter(self) -> str:
        return Prefs(self.desk.store).csv_delimiter()

    # -- lessons ---------------------------------------------------------------------------

    def refresh_lessons(self) -> None:
        current = self.desk.lesson.id if self.desk.lesson else None
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for row in self.desk.lessons():
            item = QListWidgetItem(f"{row.title}\nv{row.version} · key {when(row.key_updated_at)}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(row.title)
            self.lesson_list.addItem(item)
            if row.id == current:
                self.lesson_list.setCurrentItem(item)
        self.lesson_list.blockSignals(False)

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
        path, _ = QFileDialog.getOpenFileName(self, "Lesson file", "", "Lessons (*.json)")
        if path:
            self.run(lambda: self._open_lesson_file(path))

    def _open_lesson_file(self, path: str) -> None:
        lesson = load_lesson(path)
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
        adopted, _change = import_lesson_file(self.desk.store, lesson)
        self.desk.open_lesson(adopted.id)
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
            message += f" {plural(len(revision.dropped), 'key span')} lost their text: {gone}"
            QMessageBox.information(self, "Key spans removed", message)
        self.show_message(message)

    # -- packs and interop -----------------------------------------------------------------

    def _save_path(self, title: str, name: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path

    def export_student_pack(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        target = path or self._save_path(
            "Export student pack", pack_filename(lesson, "student-pack"), "Lesson (*.json)"
        )
        if not target:
            return None
        written = self.run(lambda: write_student_pack(lesson, target))
        if written:
            self.show_message(f"Student pack saved (no key inside): {written}")
        return written

    def export_review_pack(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        target = path or self._save_path(
            "Export review pack (releases the key)",
            pack_filename(lesson, "review-pack"),
            "Lesson (*.json)",
        )
        if not target:
            return None
        written = self.run(lambda: write_review_pack(lesson, target))
        if written and lesson.feedback is FeedbackMode.NONE:
            self.show_message(
                f"Review pack saved: {written}. Its feedback mode is “none”, so students see "
                "no review; change it in Lesson details and export again."
            )
        elif written:
            self.show_message(f"Review pack saved, with the key: {written}")
        return written

    def export_web_annotations(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        name = pack_filename(lesson, "annotations").replace(".json", ".jsonld")
        target = path or self._save_path("Export Web Annotations", name, "JSON-LD (*.jsonld)")
        if not target:
            return None
        subs = current_submissions(self.desk.store, lesson.id)
        self.run(lambda: write_output(target, web_annotations_bytes(lesson, subs)))
        return Path(target)

    def export_doccano(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        name = pack_filename(lesson, "doccano").replace(".json", ".jsonl")
        target = path or self._save_path("Export doccano JSONL", name, "JSONL (*.jsonl)")
        if not target:
            return None
        subs = current_submissions(self.desk.store, lesson.id)
        self.run(lambda: write_output(target, doccano_jsonl_bytes(lesson, subs)))
        return Path(target)

    def import_doccano(self, path: str | Path | None = None) -> None:
        lesson = self.desk.lesson
        if lesson is None:
            return
        source = path or QFileDialog.getOpenFileName(self, "doccano JSONL", "", "*.jsonl")[0]
        if not source:
            return

        def replace_key() -> None:
            _text, key = read_doccano_key(source, article=lesson.article)
            replaced = dataclasses.replace(lesson, key=tuple(key))
            self.desk.apply(lambda s: save_lesson_to_store(s, replaced))
            self.key_editor.undo_stack.clear()
            self.show_message(
                f"Key replaced by {plural(len(key), 'span')} from {Path(source).name}"
            )

        self.run(replace_key)

    # -- submissions -----------------------------------------------------------------------

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Submission files", "", "Submissions (*.json)"
        )
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder of submission files")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str | Path], *, show_report: bool = True) -> ImportRun:
        lessons = [load_authored(self.desk.store, row.id) for row in self.desk.lessons()]
        run = ImportRun(self.desk.store, paths, lessons, self)
        run.finished.connect(lambda report: self.on_import_finished(report, show_report))
        run.failed.connect(self.on_desk_failed)
        self.import_run = run
        self.statusBar().showMessage(f"Checking {plural(len(run.files), 'file')}…")
        run.start()
        return run

    def on_import_finished(self, report: ImportReport, show_report: bool) -> None:
        self.last_report = report
        self.import_run = None
        lesson_id = self.desk.lesson.id if self.desk.lesson else ""
        self.desk.changed.emit(Change(ChangeKind.SUBMISSIONS_IMPORTED, lesson_id))
        self.show_message(report.summary.capitalize() + ".")
        if show_report:
            self.report_dialog = ImportReportDialog(report, self)
            self.report_dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- results ---------------------------------------------------------------------------

    def class_results(self) -> ClassResults | None:
        """The class scored against the current key (the same numbers as the Class tab)."""
        lesson = self.desk.lesson
        if lesson is None:
            return None
        subs = current_submissions(self.desk.store, lesson.id)
        return self.run(lambda: score_class(lesson, subs))

    def _export(
        self,
        path: str | Path | None,
        title: str,
        suffix: str,
        write: Callable[[str | Path], object],
    ) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        name = pack_filename(lesson, suffix.split(".")[0]).replace(
            ".json", "." + suffix.split(".")[1]
        )
        target = path or self._save_path(title, name, f"*.{suffix.split('.')[1]}")
        if not target:
            return None

        def written() -> bool:
            write(target)
            return True

        if not self.run(written):
            return None
        self.show_message(f"Saved {target}")
        return Path(target)

    def export_results(self, path: str | Path | None = None) -> Path | None:
        results = self.class_results()
        if results is None:
            return None
        return self._export(
            path,
            "Export results.csv",
            "results.csv",
            lambda p: export.write_results(p, results.results, delimiter=self.csv_delimiter),
        )

    def export_details(self, path: str | Path | None = None) -> Path | None:
        results = self.class_results()
        if results is None:
            return None
        return self._export(
            path,
            "Export details.csv",
            "details.csv",
            lambda p: export.write_details(p, results.results, delimiter=self.csv_delimiter),
        )

    def export_report(self, path: str | Path | None = None) -> Path | None:
        results = self.class_results()
        lesson = self.desk.lesson
        if results is None or lesson is None:
            return None
        roster = self.desk.store.roster.entries()
        missing = not_submitted(roster, [row.submission for row in results.rows]) if roster else []
        stamp = self.desk.store.lessons.row(lesson.id).key_updated_at
        document = report_html(results, key_updated_at=stamp, not_submitted=missing)

        def write(target: str | Path) -> None:
            write_pdf(target, document, title=lesson.title)

        return self._export(path, "Export class report", "report.pdf", write)

    # -- one student's work ----------------------------------------------------------------

    def open_student(self, row: StudentRow, *, activate: bool = True) -> ReviewWindow | None:
        """Show `row`'s work against the key (the student's review, in the teacher's words).

        It replaces the one open before, in the same place (for the same student,
        at the same outcome); `activate=False` (a rescore after a key edit)
        leaves the focus where it is.
        """
        lesson = self.desk.lesson
        if lesson is None:
            return None
        window = self.run(lambda: student_work_window(lesson, row, self))
        if window is None:
            return None
        same = row.student_id == self.student_id
        old, self.student_window, self.student_id = self.student_window, window, row.student_id
        if old is not None:
            if old.isVisible():
                window.setGeometry(old.geometry())
                if same and old.current_row >= 0 and old.items and window.items:
                    start = old.items[old.current_row].start
                    later = [r for r, item in enumerate(window.items) if item.start >= start]
                    window.select_row(later[0] if later else len(window.items) - 1)
            old.close()
            old.deleteLater()
        window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        window.show()
        if activate:
            window.raise_()
            window.activateWindow()
        return window

    def close_student(self) -> None:
        if self.student_window is not None:
            self.student_window.close()
            self.student_window.deleteLater()
        self.student_window, self.student_id = None, ""

    def rescore_student(self) -> None:
        """After a key or submission change: the open student's work from the current key."""
        window, lesson = self.student_window, self.desk.lesson
        if window is None or not window.isVisible():
            return
        row = None
        if lesson is not None:
            subs = [
                s
                for s in current_submissions(self.desk.store, lesson.id)
                if s.student_id == self.student_id
            ]
            try:
                rows = score_class(lesson, subs).rows if subs else ()
            except MedialitError as exc:  # e.g. no required key span left: the class tab says so
                self.show_message(f"Closed the student's work: {exc}")
                rows = ()
            row = rows[0] if rows else None
        if row is None:
            self.close_student()
        else:
            self.open_student(row, activate=False)

    # -- refresh and messages --------------------------------------------------------------

    def on_desk_changed(self, change: Change) -> None:
        if change.touches & (Touches.KEY | Touches.LESSON):
            self.refresh_stamp()
        if change.touches & (Touches.KEY | Touches.LESSON | Touches.IMPORTED):
            self.rescore_student()

    def on_desk_lesson_switched(self) -> None:
        if self.student_window is not None and (
            self.desk.lesson is None or self.student_window.lesson.id != self.desk.lesson.id
        ):
            self.close_student()
        lesson = self.desk.lesson
        self.setWindowTitle(f"{lesson.title} — Teacher — medialit" if lesson else "Teacher")
        has = lesson is not None
        for name, action in self.actions_by_name.items():
            if name not in ("new_lesson", "open_lesson_file", "close_teacher", *_ALWAYS):
                action.setEnabled(has)
        self.refresh_stamp()

    def refresh_stamp(self) -> None:
        lesson = self.desk.lesson
        if lesson is None:
            self.key_stamp.setText("No lesson yet: Lesson → New lesson…")
            return
        row = self.desk.store.lessons.row(lesson.id)
        self.key_stamp.setText(
            f"Version {row.version} · key last changed {when(row.key_updated_at)}"
        )

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def on_desk_failed(self, exc: object) -> None:
        show_error(self, "Not saved", exc if isinstance(exc, BaseException) else str(exc))

    def run(self, action: Callable[[], T]) -> T | None:
        """Run a user action; a MedialitError is shown once, here, and the action is dropped."""
        try:
            return action()
        except MedialitError as exc:
            show_error(self, "medialit", exc)
            return None
