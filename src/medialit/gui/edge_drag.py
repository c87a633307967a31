"""Dragging an end of the selected span with the mouse, to move that edge to another word.

An event filter on the article's viewport: over the start or end of the
selected span the pointer becomes a left-right arrow; pressing there and
letting go over another word moves that edge (`dropped(edge, cp)`: the
window runs `span_edits.drag_selected_edge`, one undo step; `core.edges`
decides the word). While dragging, a bar in the label's ink shows where the
edge will land, and the press does not start a text selection.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame

from medialit.core.edges import Edge, drag_edge
from medialit.core.model import Span
from medialit.gui.article_view import ArticleView
from medialit.gui.label_style import ink

GRAB = 5  # pixels either side of an end that pick it up


class EdgeDrag(QObject):
    dropped = Signal(str, int)  # edge ("start" or "end"), code point where it was let go

    def __init__(self, view: ArticleView, selected: Callable[[], Span | None]) -> None:
        super().__init__(view)
        self.view = view
        self.selected = selected
        self.edge: Edge | None = None  # the edge being dragged
        self.bar = QFrame(view.viewport())
        self.bar.setObjectName("edge_drag_bar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.bar.hide()
        view.viewport().installEventFilter(self)

    def handle_at(self, point: QPoint) -> Edge | None:
        """The end of the selected span under `point` (viewport coordinates), if any."""
        span = self.selected()
        if span is None:
            return None
        rects = self.view.rects_cp(span.start, span.end)
        if not rects:
            return None
        for edge, rect, x in (
            ("start", rects[0], rects[0].left()),
            ("end", rects[-1], rects[-1].right()),
        ):
            reach = QRectF(x - GRAB, rect.top() - 2, 2 * GRAB, rect.height() * 2)
            if reach.contains(point.toPointF()):
                return edge  # type: ignore[return-value]
        return None

    def cp_at(self, point: QPoint) -> int:
        return self.view.to_cp(self.view.cursorForPosition(point).position())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        point = event.position().toPoint()
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self.edge = self.handle_at(point)
            return self.edge is not None  # a drag of an edge: no text selection starts
        if kind == QEvent.Type.MouseMove:
            if self.edge is not None:
                self.show_bar(point)
                return True
            hover = self.handle_at(point) is not None
            self.view.viewport().setCursor(
                Qt.CursorShape.SizeHorCursor if hover else Qt.CursorShape.IBeamCursor
            )
            return False
        if kind == QEvent.Type.MouseButtonRelease and self.edge is not None:
            edge, self.edge = self.edge, None
            self.bar.hide()
            self.dropped.emit(edge, self.cp_at(point))
            return True
        return False

    def show_bar(self, point: QPoint) -> None:
        """Where the edge would land if let go here: a bar in the label's ink, or none."""
        span = self.selected()
        if span is None or self.edge is None:
            return
        found = drag_edge(self.view.text, span.start, span.end, self.edge, self.cp_at(point))
        if found is None:
            self.bar.hide()
            return
        at = found[0] if self.edge == "start" else found[1]
        rects = self.view.rects_cp(max(at - 1, 0), at) if self.edge == "end" else []
        rects = rects or self.view.rects_cp(at, at + 1)
        if not rects:
            self.bar.hide()
            return
        rect = rects[0]
        x = rect.right() if self.edge == "end" and at > 0 else rect.left()
        self.bar.setStyleSheet(f"background: {ink(span.label).name()};")
        self.bar.setGeometry(int(x) - 1, int(rect.top()), 3, int(rect.height() * 1.6))
        self.bar.show()
