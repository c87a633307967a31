"""Importing submission files without freezing the window.

Files are read by the one intake (`core.teacher.collection.check_inputs`, the code
`medialit score` runs) a few at a time from a zero-delay timer (no threads: each check is a
small local file), with a progress dialog for large batches; then every accepted file is
stored in one transaction and a report lists each file with what happened to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medialit.core.intake.folders import gather
from medialit.core.intake.gathering import Duplicate
from medialit.core.intake.sources import Source
from medialit.core.model import Lesson
from medialit.core.store import Store
from medialit.core.teacher.collection import (
    Accepted,
    ImportReport,
    Rejected,
    check_inputs,
    commit_import,
)
from medialit.core.teacher.import_words import plain_reason
from medialit.core.wording import plural
from medialit.gui.screen_fit import fit_window

FILES_PER_TICK = 10  # about 10 ms of checking per turn of the event loop
PROGRESS_FROM = 40  # show a progress dialog for batches at least this large


class ImportRun(QObject):
    """One import: `start()`, then `finished(ImportReport)` (or `failed(exc)`)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        store: Store,
        paths: Sequence[str | Path],
        lessons: Sequence[Lesson],
        parent: QWidget | None = None,
        *,
        record: Callable[[list[Accepted | Duplicate | Rejected]], ImportReport] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._record = record or (lambda results: commit_import(store, results))
        self.total = sum(1 for item in gather(paths) if isinstance(item, Source))
        self._checks: Iterator[Accepted | Duplicate | Rejected] = check_inputs(
            store, paths, lessons
        )
        self.results: list[Accepted | Duplicate | Rejected] = []
        self.cancelled = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.on_timer_timeout)
        self.dialog: QProgressDialog | None = None
        if self.total >= PROGRESS_FROM and parent is not None:
            self.dialog = QProgressDialog(
                "Checking submission files…", "Cancel", 0, self.total, parent
            )
            self.dialog.setObjectName("import_progress")
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.canceled.connect(self.cancel)
            self.progress.connect(self.on_progress)

    def on_progress(self, done: int, _total: int) -> None:
        if self.dialog is not None:
            self.dialog.setValue(done)

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self.cancelled = True
        self._timer.stop()
        self._close_dialog()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def on_timer_timeout(self) -> None:
        for _ in range(FILES_PER_TICK):
            result = next(self._checks, None)
            if result is None:
                self._timer.stop()
                self._commit()
                return
            self.results.append(result)
        self.progress.emit(min(len(self.results), self.total), self.total)

    def _commit(self) -> None:
        self._close_dialog()
        try:
            report = self._record(self.results)
        except Exception as exc:
            self.failed.emit(exc)
            return
        # The views refresh on `finished`: in the next turn of the loop, not on top of the commit.
        QTimer.singleShot(0, self, lambda: self.finished.emit(report))


class ImportReportDialog(QDialog):
    """What became of each file, reasons in plain words and wrapped (never cut); files kept
    but held back from grading (a date that cannot be trusted, a copied id) say why."""

    def __init__(
        self,
        report: ImportReport,
        parent: QWidget | None = None,
        *,
        held: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle("Import report")
        fit_window(self, 760, 420)
        layout = QVBoxLayout(self)
        summary = report.summary
        if report.superseded:
            summary += f"; {plural(len(report.superseded), 'earlier submission')} kept as history"
        if held:
            summary += f"; {plural(len(held), 'file')} held back from grading"
        self.summary = QLabel(summary.capitalize() + ".", self)
        self.summary.setObjectName("import_summary")
        layout.addWidget(self.summary)
        lines = [
            (file, outcome, plain_reason(detail) if outcome == "rejected" else detail)
            for file, outcome, detail in report.lines()
        ]
        lines += [(file, "held back", reason) for file, reason in held]
        self.table = QTableWidget(len(lines), 3, self)
        self.table.setObjectName("import_lines")
        self.table.setHorizontalHeaderLabels(("File", "Result", "Student or reason"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, cells in enumerate(lines):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(0, min(260, max(120, self.table.sizeHintForColumn(0))))
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self.table.resizeRowsToContents()
        )
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
