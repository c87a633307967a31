"""Class results: the gradebook table (model/view, sortable, filterable, the Student column
frozen), one student's submissions, what the class missed, and a heatmap over the article.
Everything is recomputed from the current key, the roster and what the teacher decided on
every change (`teacher.grades.class_book`: the same rows as the CSVs and the PDF).

The table's model and filter are gui.teacher.class_table; the heatmap is gui.teacher.heatmap;
the student's submissions gui.teacher.handed_panel.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QElapsedTimer,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medialit.core.classroom import (
    HeatRun,
    MissedSpan,
    confusion_pairs,
    heatmap,
    label_averages,
    most_missed,
    summary,
)
from medialit.core.errors import MedialitError
from medialit.core.gradebook.rows import Status
from medialit.core.records import Change, Touches
from medialit.core.teacher.grades import ClassBook, class_book_steps
from medialit.core.wording import minute, plural
from medialit.gui.teacher.class_side import (
    averages_table,
    confusion_list,
    fill_averages,
    fill_confusions,
    fill_missed,
    missed_table,
)
from medialit.gui.teacher.class_table import (
    COLUMNS,
    STATUS_TEXT,
    ClassRow,
    StudentFilter,
    StudentTableModel,
)
from medialit.gui.teacher.desk import Desk
from medialit.gui.teacher.frozen_table import FrozenColumnTable
from medialit.gui.teacher.handed_panel import HandedPanel
from medialit.gui.teacher.heatmap import HeatmapView

SLICE_MS = 30  # the longest the class view keeps the event loop busy while rescoring


class ClassView(QWidget):
    student_opened = Signal(object)  # StudentRow
    scored = Signal(object)  # the ClassBook just shown: the open student's work follows it
    not_scored = Signal(str)  # why the class could not be scored (no required key span …)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("class_view")
        self.desk = desk
        self.book: ClassBook | None = None
        self.why_not_scored = ""  # the last rescoring's MedialitError, said plainly
        self.missed: list[MissedSpan] = []
        self.runs: list[HeatRun] = []
        self._dirty = True
        self._steps: Iterator[ClassBook | None] | None = None  # a rescoring under way
        self._step_timer = QTimer(self)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self.on_step_timer_timeout)

        self.headline = QLabel(self)
        self.headline.setObjectName("class_headline")
        self.headline.setWordWrap(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("class_filter")
        self.filter_edit.setPlaceholderText("Filter by name or class…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(
            self.filter_edit.fontMetrics().horizontalAdvance(self.filter_edit.placeholderText())
            + 48  # frame and clear button
        )

        self.model = StudentTableModel(self)
        self.proxy = StudentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.set_needle)
        self.table = FrozenColumnTable(self)
        self.table.setObjectName("class_table")
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(62)
        for column, (title, _field) in enumerate(COLUMNS):  # room for the title and sort arrow
            wanted = header.fontMetrics().horizontalAdvance(title) + 28
            self.table.setColumnWidth(column, max(62, wanted))
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(2, 120)
        self.table.setColumnWidth(3, 120)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_currentRowChanged)
        self.table.doubleClicked.connect(self.on_table_doubleClicked)
        self.open_work_action = QAction("&Open work against the key", self.table)
        self.open_work_action.setObjectName("open_student_work")
        self.open_work_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.open_work_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_work_action.triggered.connect(lambda _=False: self.open_current())
        self.table.addAction(self.open_work_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setAccessibleName("Students; Enter opens a student's work against the key")

        self.missed_table = missed_table(self)
        self.missed_table.cellClicked.connect(self.on_missed_table_cellClicked)
        self.confusions = confusion_list(self)
        self.handed = HandedPanel(desk, self)
        self.averages = averages_table(self)
        self.side = QTabWidget(self)
        self.side.setObjectName("class_side_tabs")
        self.side.addTab(self.handed, "Submissions")
        self.side.addTab(self.missed_table, "Most missed")
        self.side.addTab(self.confusions, "Confusions")
        self.side.addTab(self.averages, "Per label")

        self.heat = HeatmapView("", self)
        self.heat.setObjectName("class_heatmap")
        self.heat.setAccessibleName("Article heatmap")
        self.heat_legend = QLabel(self)
        self.heat_legend.setObjectName("heat_legend")
        self.heat_legend.setWordWrap(True)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.headline, 1)
        row.addWidget(self.filter_edit)
        top_layout.addLayout(row)
        top_layout.addWidget(self.table)
        heat_box = QWidget(self)
        heat_layout = QVBoxLayout(heat_box)
        heat_layout.setContentsMargins(0, 0, 0, 0)
        heat_layout.addWidget(self.heat_legend)
        heat_layout.addWidget(self.heat, 1)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.side)
        bottom.addWidget(heat_box)
        bottom.setSizes([460, 560])
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(bottom)
        outer.setSizes([360, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(outer)

        desk.changed.connect(self.on_desk_changed)
        desk.lesson_switched.connect(self.on_desk_lesson_switched)
        self.on_desk_lesson_switched()

    # -- recomputing -----------------------------------------------------------------------

    def on_desk_lesson_switched(self) -> None:
        lesson = self.desk.lesson
        self.heat.set_text(lesson.article.text if lesson else "")
        self.mark_dirty()

    def on_desk_changed(self, change: Change) -> None:
        watched = Touches.KEY | Touches.LESSON | Touches.IMPORTED | Touches.ROSTER
        if change.touches & (watched | Touches.GRADING):
            lesson = self.desk.lesson
            if lesson is not None and self.heat.text != lesson.article.text:
                self.heat.set_text(lesson.article.text)
            self.mark_dirty()

    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.rescore()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self.rescore()

    def want_book(self) -> None:
        """The gradebook after the last change is wanted (a student's work is open), even with
        this tab hidden: told by `scored` (or `not_scored`) now if it is shown already, when
        the rescoring under way ends, or after one started now. The view heard the change
        first (it connected to the desk before the window did), so `_dirty` is set; a
        rescoring begun before it (the tab was shown then) is of the old key: started afresh."""
        if self._dirty:
            self.rescore()
        elif self._steps is not None:
            return
        elif self.why_not_scored:
            self.not_scored.emit(self.why_not_scored)
        elif self.book is not None:
            self.scored.emit(self.book)

    @property
    def rescoring(self) -> bool:
        """A rescoring is under way (the table shows the rows from before it)."""
        return self._steps is not None

    def refresh(self) -> None:
        """The gradebook from the current key, roster and decisions, at once."""
        self.rescore()
        while self._steps is not None:
            self.on_step_timer_timeout()

    def rescore(self) -> None:
        """Start rescoring the class in time slices (`SLICE_MS` each, from a zero timer),
        so the window never stalls however big the class; a class that fits in one slice
        is done before this returns. A change meanwhile starts afresh."""
        self._dirty = False
        self._step_timer.stop()
        self.why_not_scored = ""
        lesson = self.desk.lesson
        if lesson is None:
            self._steps = None
            self.book, self.missed, self.runs = None, [], []
            self._show([], "No lesson yet.")
            return
        self._steps = class_book_steps(self.desk.store, lesson)
        self.on_step_timer_timeout()

    def on_step_timer_timeout(self) -> None:
        steps = self._steps
        if steps is None:
            return
        clock = QElapsedTimer()
        clock.start()
        try:
            while True:  # at least one step, then as many as fit in the slice
                book = next(steps)
                if book is not None:
                    first = not self._step_timer.isActive()
                    if not first and clock.elapsed() > SLICE_MS // 3:
                        self._steps = iter((book,))  # redrawing is a slice of its own
                        return
                    self._steps = None
                    self._step_timer.stop()
                    self._display(book)
                    return
                if clock.elapsed() >= SLICE_MS:
                    break
        except MedialitError as exc:
            self._steps = None
            self._step_timer.stop()
            self.book, self.missed, self.runs = None, [], []
            self.why_not_scored = str(exc)
            self._show([], f"Not scored: {exc}")
            self.not_scored.emit(self.why_not_scored)
            return
        if not self._step_timer.isActive():
            self.headline.setText(self.headline.text() + " · rescoring…")
            self._step_timer.start()

    def _display(self, book: ClassBook) -> None:
        """Everything redrawn from a finished gradebook."""
        lesson = book.lesson
        selected = self.current_key()
        self.book = book
        points = book.points
        rows = [
            ClassRow(s, row, points.of(row.report.score) if row else None, book.book.has_roster)
            for s in book.book.students
            for row in (book.row_of(s),)
        ]
        scored = [r for r in rows if r.scored is not None]
        reports = [r.scored.report for r in scored if r.scored is not None]
        self.missed = most_missed(reports)
        self.runs = heatmap(lesson.key or (), reports)
        self._show(rows, self._headline(rows, reports), decimals=points.decimals)
        fill_missed(self.missed_table, self.missed, len(reports))
        fill_confusions(self.confusions, confusion_pairs(reports, [r.name for r in scored]))
        fill_averages(self.averages, label_averages(reports))
        self.heat.show_heat(self.runs, len(reports))
        self.heat_legend.setText(
            "Key text shaded by how many students labelled it as the key does: "
            "<span style='background:#f99'>&nbsp;none&nbsp;</span> "
            "<span style='background:#fe9'>&nbsp;half&nbsp;</span> "
            "<span style='background:#9e9'>&nbsp;all&nbsp;</span>. Click a missed span to find it."
            if reports
            else "No student's work is graded yet: import submissions to see the key text shaded."
        )
        self.select_key(selected)
        self.scored.emit(book)

    def _headline(self, rows: Sequence[ClassRow], reports: Sequence[object]) -> str:
        lesson = self.desk.require_lesson()
        s = summary([r.scored.report for r in rows if r.scored is not None])
        counts = {status: 0 for status in Status}
        for r in rows:
            counts[r.status] += 1
        said = ", ".join(
            f"{n} {STATUS_TEXT[status]}" for status, n in counts.items() if n and status
        )
        stamp = self.desk.store.lessons.row(lesson.id).key_updated_at
        text = (
            f"{plural(len(reports), 'student')} graded"
            + (f", mean score <b>{s.mean_score:.1f}</b>" if s.mean_score is not None else "")
            + (f", median {s.median_score:.1f}" if s.median_score is not None else "")
            + (f" · {said}" if said else "")
            + f" · scores use the key as last changed {minute(stamp)} UTC"
        )
        if self.book is not None and self.book.scored.problems:
            text += f" · {len(self.book.scored.problems)} not scored"
        return text

    def _show(self, rows: Sequence[ClassRow], headline: str, *, decimals: int = 1) -> None:
        self.model.set_rows(rows, decimals=decimals)
        self.headline.setText(headline)
        if not rows:
            self.missed_table.setRowCount(0)
            self.confusions.clear()
            self.heat.show_heat([], 0)
            self.handed.show_student(None)

    # -- interaction -----------------------------------------------------------------------

    def on_missed_table_cellClicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.missed):
            k = self.missed[row].key
            self.heat.select_cp(k.start, k.end)

    def row_at(self, proxy_row: int) -> ClassRow:
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.rows[source.row()]

    def current_key(self) -> str:
        index = self.table.currentIndex()
        return self.row_at(index.row()).student.key if index.isValid() else ""

    def select_key(self, key: str) -> None:
        """Select the row of `key` again after a refresh (the teacher's place is kept)."""
        for r in range(self.proxy.rowCount()):
            if key and self.row_at(r).student.key == key:
                self.table.selectRow(r)
                return
        self.handed.show_student(None)

    def on_table_currentRowChanged(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.handed.show_student(self.row_at(current.row()).student if current.isValid() else None)

    def on_table_doubleClicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(self.row_at(index.row()))

    def open_current(self) -> None:
        """Enter on the table (or its context menu): the current student's work."""
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(self.row_at(index.row()))

    def open_row(self, row: ClassRow) -> None:
        """The graded submission's work against the key; with nothing graded, the student's
        submissions (to pick one)."""
        if row.scored is not None:
            self.student_opened.emit(row.scored)
        else:
            self.side.setCurrentWidget(self.handed)
