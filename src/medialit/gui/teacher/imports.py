"""Bringing submission files in: Submissions ▸ Import files / a folder, and files dropped
on the teacher window.

Each import is one `ImportRun` (gui.teacher.collect: checked a few files at a time,
stored in one transaction); when it is done the desk's views hear
`submissions-imported` and the report dialog lists what became of each file.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from medialit.core.paths import dialog_folder
from medialit.core.teacher.authoring import load_authored
from medialit.core.teacher.collection import ImportReport
from medialit.core.teacher.grades import book_of
from medialit.core.wording import plural
from medialit.gui.errors import show_error
from medialit.gui.teacher.collect import ImportReportDialog, ImportRun
from medialit.gui.teacher.host import TeacherHost


class Imports:
    def __init__(self, host: TeacherHost) -> None:
        self.host = host
        self.desk = host.desk
        self.run: ImportRun | None = None  # the import under way, if any
        self.last_report: ImportReport | None = None
        self.held: list[tuple[str, str]] = []  # (file, why) held back by the last import
        self.report_dialog: ImportReportDialog | None = None

    def ask_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.host.window(),
            "Submission files",
            str(dialog_folder()),
            "Submissions (*.json *.jsonl *.zip);;All files (*)",
        )
        if paths:
            self.import_paths(paths)

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.host.window(), "Folder of submission files", str(dialog_folder())
        )
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: Sequence[str | Path], *, show_report: bool = True) -> ImportRun:
        lessons = [load_authored(self.desk.store, row.id) for row in self.desk.lessons()]
        run = ImportRun(
            self.desk.store, paths, lessons, self.host.window(), record=self.desk.record_import
        )
        run.finished.connect(lambda report: self.on_run_finished(report, show_report))
        run.failed.connect(self.on_run_failed)
        self.run = run
        self.host.statusBar().showMessage(f"Checking {plural(run.total, 'file')}…")
        run.start()
        return run

    def on_run_finished(self, report: ImportReport, show_report: bool) -> None:
        self.last_report = report
        self.run = None  # the desk tells the views next turn (`Desk.record_import`)
        self.host.show_message(report.summary.capitalize() + ".")
        self.held = self.held_back(report)
        if show_report:
            self.report_dialog = ImportReportDialog(report, self.host.window(), held=self.held)
            self.report_dialog.open()

    def held_back(self, report: ImportReport) -> list[tuple[str, str]]:
        """The files just imported that are kept but not graded unless picked, and why."""
        added = {a.record.content_sha256[:32]: Path(a.path).name for a in report.added}
        out: list[tuple[str, str]] = []
        for lesson_id in sorted({a.record.lesson_id for a in report.added}):
            lesson = self.host.run(partial(load_authored, self.desk.store, lesson_id))
            if lesson is None:
                continue
            book, _grading = book_of(self.desk.store, lesson)
            out += [(added[key], why) for key, why in book.held.items() if key in added]
        return out

    def on_run_failed(self, exc: object) -> None:
        self.run = None
        if exc is not self.desk.reported:  # a store failure was shown once, by Desk.failed
            show_error(
                self.host.window(), "Not saved", exc if isinstance(exc, BaseException) else str(exc)
            )


# -- drag and drop: files dropped on the teacher window are imported --------------------------


def accept_drag(event: QDragEnterEvent) -> None:
    if event.mimeData().hasUrls():
        event.acceptProposedAction()


def dropped_paths(event: QDropEvent) -> list[str]:
    """The local files dropped (accepting the drop when there are any)."""
    paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
    if paths:
        event.acceptProposedAction()
    return paths
