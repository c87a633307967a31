"""The review's side panel parts: the summary, the outcome list, the figures behind "More details".

The summary (what the student can check, then the score) is the review's first focus:
a screen reader reads a focused panel's name and then its labels, so the score and the
lead are heard as the review opens (Orca 43 does: "Your result panel. You found …").

The outcome list paints each row as rich text (bold heading, quote, what
happened, why). The figures (precision, recall and F1 per label) sit behind
a toggle, each explained in one plain sentence: the review leads with what a
student can check on the page, not with ratios (core.review.lead).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medialit.core.review import STUDENT, ReviewItem, Voice
from medialit.core.review_figures import (
    FIGURE_COLUMNS,
    FigureRow,
    all_labels_text,
    figure_help,
    figure_rows,
)
from medialit.core.scoring import ScoreReport
from medialit.gui.outcome_style import outcome_icon
from medialit.gui.review_article import item_html

ItemRole = int(Qt.ItemDataRole.UserRole)  # the outcome's row
RichTextRole = ItemRole + 1  # the row as HTML, for the delegate
AnyIndex = QModelIndex | QPersistentModelIndex


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


class SummaryPanel(QFrame):
    """The lead and the score in one focusable, named panel; Up/Down go on to the outcomes."""

    arrowed = Signal()  # Up or Down pressed here: the window moves the focus to the outcomes

    def __init__(self, name: str, parts: list[QLabel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_summary")
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # where the focus is, seen: the highlight colour around the panel
        self.setStyleSheet(
            "QFrame#review_summary { border: 2px solid transparent; border-radius: 4px; }"
            "QFrame#review_summary:focus { border-color: palette(highlight); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for part in parts:
            layout.addWidget(part)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.arrowed.emit()
            return
        super().keyPressEvent(event)


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


# -- the figures ----------------------------------------------------------------------------


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


# -- the details toggle -----------------------------------------------------------------------


class DetailsPanel(QWidget):
    """A "More details" toggle (closed at first) over the figures table and what each means.

    Keyboard: Tab reaches the toggle, Space opens and closes it; a screen reader
    hears it as a button that is expanded or not.
    """

    def __init__(
        self, report: ScoreReport, parent: QWidget | None = None, *, voice: Voice = STUDENT
    ) -> None:
        super().__init__(parent)
        self.setObjectName("review_details")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("details_toggle")
        self.toggle.setText(voice.say("details"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(voice.say("details"))
        self.toggle.toggled.connect(self.on_toggle_toggled)
        layout.addWidget(self.toggle)
        self.body = QWidget(self)
        self.body.setObjectName("details_body")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(16, 0, 0, 0)
        self.figures = FiguresTable(figure_rows(report, voice=voice), self.body, voice=voice)
        body.addWidget(self.figures)
        self.all_labels = _sentence(all_labels_text(report, voice=voice), "all_labels", self.body)
        body.addWidget(self.all_labels)
        self.help_lines = [
            _sentence(line, f"figures_help_{n}", self.body)
            for n, line in enumerate(figure_help(voice))
        ]
        for label in self.help_lines:
            body.addWidget(label)
        layout.addWidget(self.body)
        self.body.setVisible(False)

    @property
    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def on_toggle_toggled(self, checked: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if checked else Qt.ArrowType.RightArrow)
        self.body.setVisible(checked)


def _sentence(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(text)
    return label
