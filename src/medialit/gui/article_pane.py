"""The student window's middle: a one-line hint above the article, and short messages beside it.

A student looks at the article, not at the status bar, so what answers their
last key press ("Select some text first", "Deleted … Ctrl+Z brings it back")
is shown next to the text: a small note just under the selection (or the
caret), or at the article's top when that is off screen. It fades after a few
seconds and never takes the focus. The hint above the article says how to
start ("Select words, then press 1 Claim, 2 Fact, …") until the first span
exists, then what comes next (N, Delete, Ctrl+Z, Ctrl+Shift+S). Its row keeps
one height through that change, so the first label does not move the text
under the student's mouse. A screen reader hears the messages through
`gui.announce` (the window does that); this module only shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from medialit.core.model import LABELS
from medialit.gui.article_view import ArticleView

MESSAGE_MS = 5000
GAP = 6  # pixels between the selection and the message under it


NEXT_STEPS = "N adds a note, Delete removes a label, Ctrl+Z undoes, Ctrl+Shift+S submits."


def hint_text() -> str:
    keys = ", ".join(f"{label.info.shortcut} {label.info.title}" for label in LABELS)
    return f"Select words, then press {keys}."


class HintLine(QLabel):
    """The line above the article: how to start, then what comes next.

    It is as tall as the taller of its two wordings at any width (a hidden copy of each
    measures it), so changing words never moves the article: it used to hide at the
    first label, and the text jumped up under the mouse right after a first success."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("start_hint")
        self.wordings = [self._styled(QLabel(text, self)) for text in (hint_text(), NEXT_STEPS)]
        for wording in self.wordings:
            wording.hide()
        self._styled(self)
        self.show_first_step(True)

    @staticmethod
    def _styled(label: QLabel) -> QLabel:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setContentsMargins(10, 6, 10, 6)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        label.setFont(font)
        return label

    def show_first_step(self, first: bool) -> None:
        """How to start (no span yet), or the keys for what comes next."""
        text = hint_text() if first else NEXT_STEPS
        self.setText(text)
        self.setAccessibleName(text)

    def heightForWidth(self, width: int) -> int:
        return max(wording.heightForWidth(width) for wording in self.wordings)

    def sizeHint(self) -> QSize:
        return self._tallest(super().sizeHint(), [w.sizeHint() for w in self.wordings])

    def minimumSizeHint(self) -> QSize:
        return self._tallest(
            super().minimumSizeHint(), [w.minimumSizeHint() for w in self.wordings]
        )

    @staticmethod
    def _tallest(own: QSize, sizes: list[QSize]) -> QSize:
        return QSize(own.width(), max(size.height() for size in sizes))


class NearMessage(QLabel):
    """A transient note over the article: dark text on pale yellow, a border, no focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("near_message")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFrameShape(QFrame.Shape.Box)
        # #1a1a1a on #fff6bf: contrast 16:1; the border (#7a5c00 on white 6.6:1) shows its edge
        self.setStyleSheet(
            "QLabel#near_message { background: #fff6bf; color: #1a1a1a; "
            "border: 1px solid #7a5c00; border-radius: 4px; padding: 4px 8px; }"
        )
        self.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)


class ArticlePane(QWidget):
    """The hint, then the article; messages float over the article near the selection."""

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_pane")
        self.view = view
        self.hint = HintLine(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.hint)
        layout.addWidget(view, 1)
        self.message = NearMessage(self)

    def set_first_step(self, first: bool) -> None:
        """The hint says how to start while there is no span, then what comes next."""
        self.hint.show_first_step(first)

    def show_message(self, text: str) -> None:
        """Show `text` just under the selection or caret, or at the article's top."""
        message = self.message
        message.setText(text)
        width = max(160, min(self.view.width() - 2 * GAP, 460))
        message.setFixedWidth(width)
        message.adjustSize()
        message.move(self._place(message.width(), message.height()))
        message.show()
        message.raise_()
        message.timer.start(MESSAGE_MS)

    def _place(self, width: int, height: int) -> QPoint:
        """Top-left for a message of that size: under the selection's end, kept in the view."""
        viewport = self.view.viewport()  # the text's area, without scroll bars, in this pane
        area = QRect(viewport.mapTo(self, QPoint(0, 0)), viewport.size())
        cursor = self.view.textCursor()
        rect: QRect = self.view.cursorRect(cursor)
        if cursor.hasSelection():
            start = self.view.textCursor()
            start.setPosition(cursor.selectionStart())
            rect = rect.united(self.view.cursorRect(start))
        top_left = viewport.mapTo(self, rect.bottomLeft())
        inside = viewport.rect().intersects(rect)
        x = top_left.x() if inside else area.left() + GAP
        y = top_left.y() + GAP if inside else area.top() + GAP
        if y + height > area.bottom() - GAP:  # no room under the text: above it
            y = max(area.top() + GAP, viewport.mapTo(self, rect.topLeft()).y() - height - GAP)
        x = max(area.left() + GAP, min(x, area.right() - width - GAP))
        return QPoint(x, y)
