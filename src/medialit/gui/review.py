"""The review of one student's work against the key: what they can check, the score, outcomes.

`ReviewWindow(lesson, spans, report, *, mode, student_name, audience)` needs no
main window: the student's window opens it after a submit (and from Lesson >
My last review), and the teacher's window opens it for any student's
submission (gui.teacher.student_work: mode where+why, in the teacher's voice,
"Ben found this claim…" instead of "You found…"). What it shows follows the
feedback mode (core.review): `score` the score, and the per-label figures
behind "More details"; `where` first a line the student can check on the page
("You found 7 of the 29 key spans · 5 exactly right · 2 of your labels match
nothing in the key"), then the score, the article with the student's spans
and the key's outcomes (gui.review_article) and the outcomes in text order
(gui.review_panel); `where+why` also the key's explanation for each. Every
figure and word comes from core.review, and so from core.scoring.

The review opens with the focus on the summary (gui.review_panel.SummaryPanel: the
lead, then the score), so a screen reader reads both first. Keys: Up/Down there go
to the outcome list; Up/Down in the list, or Alt+Down/Alt+Up, F8/Shift+F8, N/P from
anywhere, go through the outcomes and select each in the article (from the summary,
into the list); F6 switches between list and article; Esc closes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from medialit.core.model import FeedbackMode, Lesson
from medialit.core.review import (
    Audience,
    Voice,
    lead,
    review_items,
    score_text,
    shows_explanations,
    shows_outcomes,
    spoken_lead,
    spoken_summary,
)
from medialit.core.review_figures import other_counts
from medialit.core.scoring import ScoreReport, SpanLike, score_lesson
from medialit.core.spanindex import SpanIndex
from medialit.gui.announce import AT_SPI, announce
from medialit.gui.outcome_style import legend_html
from medialit.gui.review_article import ReviewArticleView, student_spans
from medialit.gui.review_labels import LabelsPanel
from medialit.gui.review_panel import DetailsPanel, FiguresTable, OutcomeList, SummaryPanel
from medialit.gui.screen_fit import SizeMemory, fit_window
from medialit.gui.shortcuts import install_menu_bar_key

__all__ = ["OutcomeList", "ReviewArticleView", "ReviewWindow"]

STATUS_MS = 8000
ANNOUNCE_AFTER_MS = 300  # once the screen reader has said the window's name and focus
# Orca (AT-SPI) reads the focused summary panel's labels; elsewhere the summary is announced
ANNOUNCES_SUMMARY = not AT_SPI
KEYS_HINT = (
    "Up/Down or Alt+Down/Alt+Up (also F8, N and P): next or previous outcome. "
    "F6: list or article. Esc: close."
)


class ReviewWindow(QMainWindow):
    """One submission reviewed against the key; opened with show(), never modal."""

    def __init__(
        self,
        lesson: Lesson,
        spans: Iterable[SpanLike] = (),
        report: ScoreReport | None = None,
        *,
        mode: FeedbackMode | None = None,
        student_name: str = "",
        audience: Audience = Audience.STUDENT,
        about: str = "",
        parent: QWidget | None = None,
        sizes: SizeMemory | None = None,
    ) -> None:
        """`report` defaults to scoring `spans` against the lesson's key; `mode` to the lesson's.

        `audience` is whom the words speak to: the student ("You found…", the
        default) or their teacher ("<student_name> found…", titled with the
        name); `about` is a line under the heading (the teacher's: class, when).
        `sizes` keeps a size the user gives the window. Raises ValueError for mode `none` (nothing to show) and, via core.review,
        UnscorableKeyError for a lesson without a key.
        """
        super().__init__(parent, Qt.WindowType.Window)
        self.sizes = sizes  # where a size the user gives the review is kept (the settings table)
        self.mode = lesson.feedback if mode is None else mode
        if self.mode is FeedbackMode.NONE:
            raise ValueError("feedback mode 'none' shows no review")
        self.lesson = lesson
        self.report = report if report is not None else score_lesson(lesson, spans)
        self.voice = (
            Voice.teacher(student_name)
            if audience is Audience.TEACHER
            else Voice(audience, student_name)
        )
        self.items = review_items(self.report, mode=self.mode, voice=self.voice)
        self.student_name = student_name
        self.about = about
        self.setObjectName("review_window")
        heading = self.voice.work_heading(lesson.title)
        if audience is Audience.TEACHER:
            self.setWindowTitle(heading)
            self.setAccessibleName(heading)
        else:
            self.setWindowTitle(f"Review: {lesson.title}")
            self.setAccessibleName(f"Review of {lesson.title}")
        self.details = DetailsPanel(self.report, self, voice=self.voice)
        self.figures: FiguresTable = self.details.figures
        self.view: ReviewArticleView | None = None
        self.outcome_list: OutcomeList | None = None
        self.current_row = -1
        self._announced = False

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 8, 8, 8)
        side_layout.addWidget(self._make_score())
        side_layout.addWidget(self.details)
        self.labels = LabelsPanel(lesson, side)  # the lesson's own definitions
        side_layout.addWidget(self.labels)
        # On a small screen an open "More details" may not fit: the column scrolls, nothing
        # is squeezed on top of anything else.
        column = QScrollArea(self)
        column.setObjectName("review_column")
        column.setWidgetResizable(True)
        column.setFrameShape(QFrame.Shape.NoFrame)
        column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.setWidget(side)
        if shows_outcomes(self.mode):
            self._make_outcome_parts(side_layout)
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            splitter.setObjectName("review_splitter")
            splitter.addWidget(self._make_article_side())
            splitter.addWidget(column)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setChildrenCollapsible(False)
            self.setCentralWidget(splitter)
            self._fit(1280, 800)
            splitter.setSizes([760, 520])  # in that ratio when the screen is smaller
        else:
            side_layout.addWidget(self._label(self.voice.say("score_only"), "score_only_note"))
            side_layout.addStretch(1)
            self.setCentralWidget(column)
            self._fit(520, 380)
        self._make_actions()
        if self.outcome_list is not None and self.items:
            self.select_row(0)
        self.summary.arrowed.connect(self.enter_outcomes)
        self.summary.setFocus()  # what a screen reader reads first: the lead and the score
        self.statusBar().showMessage(KEYS_HINT if self.items else "Esc closes this review.")

    # -- construction ------------------------------------------------------------------

    def _fit(self, width: int, height: int) -> None:
        """That size, or less on a small screen (a 1366x768 laptop) so all of it shows."""
        fit_window(self, width, height, memory=self.sizes, name="review")

    def _label(self, text: str, name: str, *, small: bool = False, rich: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        if small:
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * 0.9)
            label.setFont(font)
        label.setAccessibleName(text if not rich else name.replace("_", " "))
        return label

    def _make_score(self) -> QWidget:
        """The heading, then what the student can check (where modes), then the score."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        title = self._label(self.voice.work_heading(self.lesson.title), "review_heading")
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if self.about:
            layout.addWidget(self._label(self.about, "review_about"))
        self.lead_label: QLabel | None = None
        if shows_outcomes(self.mode):
            self.lead_label = self._label(lead(self.report, voice=self.voice), "review_lead")
            bigger = QFont(self.lead_label.font())
            bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
            self.lead_label.setFont(bigger)
            self.lead_label.setAccessibleName(spoken_lead(self.report, voice=self.voice))
        said = score_text(self.report, voice=self.voice)
        number = f"{self.report.score:.1f}"
        big = f"<span style='font-size:20pt; font-weight:bold'>{number}</span>"
        self.score_label = self._label(
            html.escape(said).replace(number, big, 1), "score_label", rich=True
        )
        self.score_label.setAccessibleName(said)
        parts = [self.lead_label] if self.lead_label is not None else []
        self.summary = SummaryPanel(self.voice.say("summary_name"), [*parts, self.score_label], box)
        layout.addWidget(self.summary)
        return box

    def _make_outcome_parts(self, layout: QVBoxLayout) -> None:
        heading = "Outcomes, in text order" + (
            ", with the key's explanations" if shows_explanations(self.mode) else ""
        )
        others = other_counts(self.report)
        caption = self._label(
            heading + (f" ({others})" if others else "") + ":", "outcomes_caption"
        )
        layout.addWidget(caption)
        self.outcome_list = OutcomeList(self.items, self)
        self.outcome_list.setMinimumHeight(160)  # a few rows, even with the details open
        caption.setBuddy(self.outcome_list)
        layout.addWidget(self.outcome_list, 1)
        self.outcome_list.currentRowChanged.connect(self.on_outcome_list_current_row_changed)
        self.outcome_list.itemActivated.connect(self.on_outcome_list_item_activated)

    def _make_article_side(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 8, 0, 8)
        legend = self._label(
            html.escape(self.voice.say("legend"), quote=False) + "<br>" + legend_html(),
            "review_legend",
            small=True,
            rich=True,
        )
        legend.setAccessibleName(self.voice.say("legend_said"))
        layout.addWidget(legend)
        view = ReviewArticleView(self.lesson.article.text, box, voice=self.voice)
        view.lesson = self.lesson
        view.set_index(SpanIndex(student_spans(self.report)))
        view.set_items(self.items)
        view.outcome_clicked.connect(self.on_view_outcome_clicked)
        layout.addWidget(view, 1)
        self.view = view
        return box

    def _make_actions(self) -> None:
        menu = self.menuBar().addMenu("&Review")
        install_menu_bar_key(self)  # F10, as in the student and teacher windows

        def add(text: str, slot: Callable[[], object], name: str, keys: list[str]) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            menu.addAction(action)
            return action

        if self.outcome_list is not None:
            self.next_action = add(
                "&Next outcome", self.select_next, "next_outcome", ["Alt+Down", "F8", "N"]
            )
            self.previous_action = add(
                "&Previous outcome",
                self.select_previous,
                "previous_outcome",
                ["Alt+Up", "Shift+F8", "P"],
            )
            self.focus_action = add(
                "Outcome &list / article", self.toggle_focus, "toggle_focus", ["F6"]
            )
            menu.addSeparator()
            self.zoom_in_action = add(
                "Zoom &in", lambda: self._zoom(+1), "zoom_in", ["Ctrl++", "Ctrl+="]
            )
            self.zoom_out_action = add("Zoom &out", lambda: self._zoom(-1), "zoom_out", ["Ctrl+-"])
            menu.addSeparator()
        self.labels_action = add(
            "What the &labels mean", self.labels.open_and_focus, "label_definitions", ["F1"]
        )
        self.close_action = add("&Close", self.close, "close_review", ["Escape", "Ctrl+W"])

    # -- opening ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the review shows, a screen reader hears the score and the lead: from
        the focused summary; where a reader may not read a panel's labels, announced too."""
        super().showEvent(event)
        if not self._announced and ANNOUNCES_SUMMARY:
            self._announced = True
            QTimer.singleShot(ANNOUNCE_AFTER_MS, self.announce_summary)

    def announce_summary(self) -> None:
        announce(self, spoken_summary(self.report, mode=self.mode, voice=self.voice))

    # -- navigation ----------------------------------------------------------------------

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    def tell(self, message: str) -> None:
        """In the status bar and to a screen reader (the outcome itself it reads in the list)."""
        self.say(message)
        announce(self, message)

    def select_row(self, row: int) -> None:
        """Make outcome `row` current: in the list, selected in the article, said in words."""
        if not 0 <= row < len(self.items) or self.outcome_list is None or self.view is None:
            return
        self.current_row = row
        if self.outcome_list.currentRow() != row:
            self.outcome_list.setCurrentRow(row)  # comes back here once, with the same row
        self.outcome_list.scrollToItem(self.outcome_list.item(row))
        self.view.show_item(row)
        item = self.items[row]
        self.view.setAccessibleDescription(item.text(quote_chars=1000))
        self.say(f"{row + 1} of {len(self.items)}: {item.heading}. {item.message}")

    def select_next(self) -> None:
        if self.current_row + 1 >= len(self.items):
            self.tell("That was the last outcome.")
            return
        self.select_row(self.current_row + 1)
        self.enter_outcomes()

    def select_previous(self) -> None:
        if self.current_row <= 0:
            self.tell("That was the first outcome.")
            return
        self.select_row(self.current_row - 1)
        self.enter_outcomes()

    def enter_outcomes(self) -> None:
        """From the summary, the focus goes to the outcome list (where a reader says the row)."""
        if self.outcome_list is not None and self.summary.hasFocus():
            self.outcome_list.setFocus()

    def toggle_focus(self) -> None:
        if self.view is None or self.outcome_list is None:
            return
        if self.outcome_list.hasFocus():
            self.view.setFocus()
        else:
            self.outcome_list.setFocus()

    def _zoom(self, step: int) -> None:
        if self.view is not None:
            self.view.set_zoom(self.view.zoom + step)
            if self.current_row >= 0:
                self.view.show_item(self.current_row)

    def on_outcome_list_current_row_changed(self, row: int) -> None:
        if row >= 0 and row != self.current_row:
            self.select_row(row)

    def on_outcome_list_item_activated(self, _item: QListWidgetItem) -> None:
        if self.view is not None:
            self.view.setFocus()

    def on_view_outcome_clicked(self, row: int) -> None:
        self.select_row(row)
