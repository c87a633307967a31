"""The review of one student's work against the key: score, figures, outcomes on the article.

`ReviewWindow(lesson, spans, report, *, mode, student_name, audience)` needs no
main window: the student's window opens it after a submit
(`MainWindow.open_review`), and the teacher's window opens it for any student's
submission (gui.teacher.student_work: mode where+why, in the teacher's voice,
"Ben found this claim…" instead of "You found…"). What it shows follows
the feedback mode (core.review): `score` the score and per-label figures;
`where` also the article with the student's spans (tinted and underlined as
while working) and the key's spans (boxed, with a badge: how it went and the
key's label), and the outcomes in text order; `where+why` also the key's
explanation for each. Every figure and word comes from core.review, and so
from core.scoring; code points become Qt positions only in ArticleView.

Keys: Up/Down in the outcome list, or Alt+Down/Alt+Up, F8/Shift+F8, N/P from
anywhere, go through the outcomes and select each in the article; F6 switches
between list and article; Esc closes.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from medialit.core.model import FeedbackMode, Lesson, Span, SpanId
from medialit.core.review import (
    FIGURE_COLUMNS,
    STUDENT,
    Audience,
    FigureRow,
    ReviewItem,
    Voice,
    counts_text,
    figure_help,
    figure_rows,
    review_items,
    score_lesson,
    shows_explanations,
    shows_outcomes,
)
from medialit.core.scoring import ScoreReport, SpanLike
from medialit.core.spanindex import SpanIndex
from medialit.gui.article_view import ArticleView
from medialit.gui.outcome_style import (
    badge_size,
    draw_badge,
    legend_html,
    outcome_icon,
    outline_pen,
)

STATUS_MS = 8000
ItemRole = int(Qt.ItemDataRole.UserRole)  # the outcome's row
RichTextRole = ItemRole + 1  # the row as HTML, for the delegate
AnyIndex = QModelIndex | QPersistentModelIndex
KEYS_HINT = (
    "Up/Down or Alt+Down/Alt+Up (also F8, N and P): next or previous outcome. "
    "F6: list or article. Esc: close."
)


def student_spans(report: ScoreReport) -> list[Span]:
    """The student's spans as scored (trimmed, merged), as Spans the article can paint."""
    return [
        Span(SpanId(f"scored{n}"), s.start, s.end, s.label, s.quote, note=s.note)
        for n, s in enumerate(report.spans)
    ]


# -- the article ----------------------------------------------------------------------------


class ReviewArticleView(ArticleView):
    """The article as while working (the student's spans), plus the outcomes on top.

    Each outcome is outlined in its colour and pattern (an item that contains
    another is outlined further out) and gets a badge above its first line:
    the outcome's symbol and, for key spans, the key's label initial.
    """

    line_height_percent = 260  # under each line: the four label tracks, then the badges
    outcome_clicked = Signal(int)  # row of the outcome clicked (its text or its badge)

    def __init__(self, text: str, parent: QWidget | None = None, *, voice: Voice = STUDENT) -> None:
        super().__init__(text, parent)
        self.setObjectName("review_article")
        self.setAccessibleName(voice.say("article_name"))
        self.items: tuple[ReviewItem, ...] = ()
        self.current_row = -1
        self._pads: list[float] = []
        self._badges: list[tuple[QRectF, int]] = []  # where the last paint put each badge
        self._press_at: QPoint | None = None
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            # a see-through selection, so the tints of the student's labels stay visible
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(0, 90, 200, 60))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("black"))
        self.setPalette(palette)

    def set_items(self, items: tuple[ReviewItem, ...]) -> None:
        """The outcomes to draw, in text order (as core.review gives them)."""
        self.items = items
        starts = [item.start for item in items]
        self._pads = []
        for row, item in enumerate(items):  # one step further out per outcome it contains
            lo, hi = bisect_left(starts, item.start), bisect_left(starts, item.end)
            inside = sum(1 for r in range(lo, hi) if r != row and items[r].end <= item.end)
            self._pads.append(2.0 + 3.0 * inside)
        self.viewport().update()

    def set_current(self, row: int) -> None:
        self.current_row = row
        self.viewport().update()

    def show_item(self, row: int) -> None:
        """Select the outcome's text and scroll it into view, its first line a third down."""
        item = self.items[row]
        self.set_current(row)
        self.select_cp(item.end, item.start)  # caret at the start: that is what scrolls in
        rects = self.rects_cp(item.start, item.end)
        if rects:
            top = rects[0].top() - self._badge_height() - 4
            bottom = rects[-1].bottom()
            height = self.viewport().height()
            if top < 0 or bottom > height:
                bar = self.verticalScrollBar()
                bar.setValue(
                    bar.value() + int(top - min(height / 3, max(0.0, height - (bottom - top))))
                )

    def items_at_cp(self, cp: int) -> list[int]:
        """Rows of the outcomes covering the character at `cp`, innermost first."""
        rows = [r for r, item in enumerate(self.items) if item.start <= cp < item.end]
        return sorted(rows, key=lambda r: self.items[r].end - self.items[r].start)

    def items_at_point(self, point: QPoint) -> list[int]:
        for rect, row in self._badges:
            if rect.contains(QPointF(point)):
                return [row]
        cp = self.to_cp(self.cursorForPosition(point).position())
        return [
            row
            for row in self.items_at_cp(cp)
            if any(r.contains(QPointF(point)) for r in self.rects_cp(*self._range(row)))
        ]

    def _range(self, row: int) -> tuple[int, int]:
        return self.items[row].start, self.items[row].end

    # -- margins and painting ---------------------------------------------------------------

    def _badge_font(self) -> QFont:
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(font.pointSizeF() * 0.62)
        font.setBold(True)
        return font

    def _badge_height(self) -> float:
        return badge_size(QFontMetricsF(self._badge_font()), "?")[1]

    def _set_margins(self) -> None:
        super()._set_margins()
        root = self.document().rootFrame()
        frame = root.frameFormat()
        frame.setTopMargin(16 + self._badge_height())  # room for the first line's badges
        root.setFrameFormat(frame)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the student's spans and the text, as while working
        if not self.items:
            return
        start, end = self.visible_range_cp(QRectF(event.rect()))
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = [
            row for row, item in enumerate(self.items) if item.start < end and item.end > start
        ]
        firsts: dict[int, QRectF] = {}
        for row in visible:  # outlines first, the current one last (on top)
            if row != self.current_row:
                firsts.update(self._outline(painter, row, selected=False))
        if self.current_row in visible:
            firsts.update(self._outline(painter, self.current_row, selected=True))
        self._paint_badges(painter, visible, firsts)
        painter.end()

    def _outline(self, painter: QPainter, row: int, *, selected: bool) -> dict[int, QRectF]:
        """Outline each line of the outcome (open where it goes on to the next line)."""
        item = self.items[row]
        rects = self.rects_cp(item.start, item.end)
        pad = self._pads[row]
        painter.setPen(outline_pen(item.kind, selected=selected))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for n, rect in enumerate(rects):
            box = self._box(rect, pad)
            painter.drawLine(box.topLeft(), box.topRight())
            painter.drawLine(box.bottomLeft(), box.bottomRight())
            if n == 0:
                painter.drawLine(box.topLeft(), box.bottomLeft())
            if n == len(rects) - 1:
                painter.drawLine(box.topRight(), box.bottomRight())
        return {row: self._box(rects[0], pad)} if rects else {}

    @staticmethod
    def _box(rect: QRectF, pad: float) -> QRectF:
        """The outline around a line of text: its bottom edge stays clear of the underlines."""
        return rect.adjusted(-pad, -pad / 2, pad, -1.5)

    def _paint_badges(self, painter: QPainter, rows: list[int], firsts: dict[int, QRectF]) -> None:
        """A badge above each outcome's first line; badges that would touch move right."""
        painter.setFont(self._badge_font())
        metrics = QFontMetricsF(painter.font())
        placed: list[tuple[QRectF, int]] = []
        for row in rows:
            first = firsts.get(row)
            if first is None:
                continue
            text = badge_text(self.items[row])
            width, height = badge_size(metrics, text)
            rect = QRectF(first.left(), first.top() - height - 1, width, height)
            for other, _ in placed:
                if other.intersects(rect.adjusted(-2, 0, 2, 0)):
                    rect.moveLeft(other.right() + 3)
            placed.append((rect, row))
        for rect, row in placed:
            draw_badge(
                painter,
                self.items[row].kind,
                rect,
                badge_text(self.items[row]),
                selected=row == self.current_row,
            )
        self._badges = placed

    # -- mouse: click an outcome, hover for its words -----------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press_at = self._press_at, None
        point = event.position().toPoint()
        if (
            event.button() == Qt.MouseButton.LeftButton
            and press is not None
            and (point - press).manhattanLength() < QApplication.startDragDistance()
            and not self.textCursor().hasSelection()
        ):
            rows = self.items_at_point(point)
            if rows:
                self.outcome_clicked.emit(rows[0])

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            rows = self.items_at_point(event.pos())
            if rows:
                tips = [item_html(self.items[row]) for row in rows]
                spans = self.spans_at_point(event.pos())
                if spans:
                    tips.append(self.tooltip_html(spans))
                QToolTip.showText(event.globalPos(), "<hr>".join(tips), self.viewport())
                return True
        return super().viewportEvent(event)


def badge_text(item: ReviewItem) -> str:
    """The symbol, and the key's label initial for a key span ("✗ Src"; "?" when not in the key)."""
    if item.key is None:
        return item.symbol
    return f"{item.symbol} {item.label.info.initial}"


def item_html(item: ReviewItem) -> str:
    parts = [
        f"<b>{html.escape(item.heading)}</b>",
        f"“{html.escape(' '.join(item.quote.split()))}”",
        html.escape(item.message),
    ]
    if item.explanation:
        parts.append(f"<i>Why:</i> {html.escape(item.explanation)}")
    return "<br>".join(parts)


# -- the outcome list ---------------------------------------------------------------------


class OutcomeDelegate(QStyledItemDelegate):
    """Paints a row as rich text (bold heading, quote, what happened, why), wrapped to the width."""

    PAD = 6

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, index: AnyIndex, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(self.view.font())
        doc.setDocumentMargin(0)
        doc.setHtml(str(index.data(RichTextRole) or ""))
        doc.setTextWidth(max(width, 50.0))
        return doc

    def _text_left(self) -> int:
        return self.view.iconSize().width() + 3 * self.PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self.view.viewport().width() - self._text_left() - self.PAD
        doc = self._document(index, width)
        height = max(doc.size().height(), self.view.iconSize().height()) + 2 * self.PAD
        return QSize(self.view.viewport().width(), int(height) + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()  # drawn below, at the top of the row
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        rect = option.rect
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        size = self.view.iconSize()
        if icon is not None:
            icon.paint(
                painter, rect.left() + self.PAD, rect.top() + self.PAD, size.width(), size.height()
            )
        left = rect.left() + self._text_left()
        doc = self._document(index, rect.right() - left - self.PAD)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(left, rect.top() + self.PAD)
        doc.documentLayout().draw(painter, context)
        painter.restore()


class OutcomeList(QListWidget):
    """The outcomes in text order; each row says what happened and (where+why) why."""

    def __init__(self, items: tuple[ReviewItem, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcome_list")
        self.setAccessibleName("Outcomes, in text order")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setIconSize(QSize(40, 20))
        self.setItemDelegate(OutcomeDelegate(self))
        for row, item in enumerate(items):
            entry = QListWidgetItem(outcome_icon(item.kind), item.text(quote_chars=1000), self)
            entry.setData(RichTextRole, item_html(item))
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, item.text(quote_chars=1000))
            entry.setData(ItemRole, row)


# -- the figures --------------------------------------------------------------------------


class FiguresTable(QTableWidget):
    """Precision, recall and F1 per label and for all labels; empty cells show — and say why."""

    def __init__(
        self, rows: tuple[FigureRow, ...], parent: QWidget | None = None, *, voice: Voice = STUDENT
    ) -> None:
        super().__init__(len(rows), len(FIGURE_COLUMNS), parent)
        self.setObjectName("figures_table")
        self.setAccessibleName(voice.say("figures_name"))
        self.setHorizontalHeaderLabels(list(FIGURE_COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            header = QTableWidgetItem(row.title)
            if row.label is None:
                header.setFont(bold)
            self.setVerticalHeaderItem(r, header)
            for c, cell in enumerate(row.cells):
                item = QTableWidgetItem(cell.text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                said = f"{row.title}, {FIGURE_COLUMNS[c].lower()}: {cell.text}"
                if cell.why:
                    item.setToolTip(cell.why)
                    said = f"{row.title}, {FIGURE_COLUMNS[c].lower()}: empty. {cell.why}"
                    item.setForeground(QColor("#555555"))
                if row.label is None:
                    item.setFont(bold)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, said)
                self.setItem(r, c, item)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height)

    def cell_text(self, title: str, column: str) -> str:
        """What the table shows for a row title and column name (for tests and readers)."""
        for r in range(self.rowCount()):
            header = self.verticalHeaderItem(r)
            if header is not None and header.text() == title:
                item = self.item(r, FIGURE_COLUMNS.index(column))
                return item.text() if item is not None else ""
        raise KeyError(title)


# -- the window ---------------------------------------------------------------------------


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
    ) -> None:
        """`report` defaults to scoring `spans` against the lesson's key; `mode` to the lesson's.

        `audience` is whom the words speak to: the student ("You found…", the
        default) or their teacher ("<student_name> found…", titled with the
        name); `about` is a line under the heading (the teacher's: class, when).
        Raises ValueError for mode `none` (nothing to show) and, via core.review,
        UnscorableKeyError for a lesson without a key.
        """
        super().__init__(parent, Qt.WindowType.Window)
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
        self.figures = FiguresTable(
            figure_rows(self.report, voice=self.voice), self, voice=self.voice
        )
        self.view: ReviewArticleView | None = None
        self.outcome_list: OutcomeList | None = None
        self.current_row = -1

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 8, 8, 8)
        side_layout.addWidget(self._make_score())
        side_layout.addWidget(self.figures)
        help_label = self._label(figure_help(self.voice), "figures_help", small=True)
        side_layout.addWidget(help_label)
        if shows_outcomes(self.mode):
            self._make_outcome_parts(side_layout)
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            splitter.setObjectName("review_splitter")
            splitter.addWidget(self._make_article_side())
            splitter.addWidget(side)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setChildrenCollapsible(False)
            self.setCentralWidget(splitter)
            self._fit(1280, 800)
            splitter.setSizes([760, 520])  # in that ratio when the screen is smaller
        else:
            side_layout.addWidget(self._label(self.voice.say("score_only"), "score_only_note"))
            side_layout.addStretch(1)
            self.setCentralWidget(side)
            self._fit(520, 380)
        self._make_actions()
        if self.outcome_list is not None and self.items:
            self.select_row(0)
            self.outcome_list.setFocus()
        else:
            self.figures.setFocus()
        self.statusBar().showMessage(KEYS_HINT if self.items else "Esc closes this review.")

    # -- construction ------------------------------------------------------------------

    def _fit(self, width: int, height: int) -> None:
        """That size, or less on a small screen (a 1366x768 laptop) so all of it shows."""
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None and room.isValid():
            width = min(width, room.width() * 19 // 20)
            height = min(height, room.height() * 9 // 10)
        self.resize(width, height)

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
        score = f"{self.report.score:.1f}"
        self.score_label = self._label(
            f"Score <span style='font-size:22pt; font-weight:bold'>{score}</span> out of 100",
            "score_label",
            rich=True,
        )
        self.score_label.setAccessibleName(f"Score {score} out of 100")
        layout.addWidget(self.score_label)
        if shows_outcomes(self.mode):
            self.counts_label = self._label(counts_text(self.report), "outcome_counts")
            layout.addWidget(self.counts_label)
        return box

    def _make_outcome_parts(self, layout: QVBoxLayout) -> None:
        heading = "Outcomes, in text order" + (
            ", with the key's explanations" if shows_explanations(self.mode) else ""
        )
        caption = self._label(heading + ":", "outcomes_caption")
        layout.addWidget(caption)
        self.outcome_list = OutcomeList(self.items, self)
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
        self.close_action = add("&Close", self.close, "close_review", ["Escape", "Ctrl+W"])

    # -- navigation ----------------------------------------------------------------------

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

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
            self.say("That was the last outcome.")
            return
        self.select_row(self.current_row + 1)

    def select_previous(self) -> None:
        if self.current_row <= 0:
            self.say("That was the first outcome.")
            return
        self.select_row(self.current_row - 1)

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
