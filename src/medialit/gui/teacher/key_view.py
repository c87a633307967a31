"""The key editor's article: the key painted as a student's spans are, and in suggestion mode
the suggested spans drawn faintly around the text, apart from the key.

The key is tints and underlines (`ArticleView`); a suggestion is only a thin
dotted outline in its label's colour, so the page still reads as the key plus
a few pencil marks. The current suggestion gets a dashed, thicker outline and
a pale wash, and is scrolled into view. Nothing here decides which
suggestions show (`core.teacher.suggesting` does).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from medialit.core.suggest import Suggestion
from medialit.gui.article_view import ArticleView
from medialit.gui.label_style import ink
from medialit.gui.span_marks import outline_lines

FAINT_ALPHA = 150  # the outline of a suggestion that is not the current one
WASH_ALPHA = 28  # the current suggestion's tint, painted over the text


class KeyArticleView(ArticleView):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.suggestions: tuple[Suggestion, ...] = ()
        self.current_suggestion: Suggestion | None = None

    def set_suggestions(
        self, suggestions: Sequence[Suggestion], current: Suggestion | None
    ) -> None:
        self.suggestions, self.current_suggestion = tuple(suggestions), current
        if current is not None:
            rects = self.rects_cp(current.start, current.end)
            if not rects or rects[0].top() < 0 or rects[-1].bottom() > self.viewport().height():
                self.place_caret_cp(current.start)  # scrolled into view, no text selected
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.suggestions:
            return
        start, end = self.visible_range_cp(QRectF(event.rect()))
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for s in self.suggestions:
            if s.start < end and s.end > start and s != self.current_suggestion:
                self._outline(painter, s, current=False)
        current = self.current_suggestion
        if current is not None and current.start < end and current.end > start:
            self._outline(painter, current, current=True)
        painter.end()

    def _outline(self, painter: QPainter, s: Suggestion, *, current: bool) -> None:
        colour = QColor(ink(s.label))
        if not current:
            colour.setAlpha(FAINT_ALPHA)
        pen = QPen(colour, 2.0 if current else 1.0)
        pen.setStyle(Qt.PenStyle.DashLine if current else Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        boxes = [rect.adjusted(-2, -1, 2, -1) for rect in self.rects_cp(s.start, s.end)]
        if current:
            wash = QColor(s.label.info.tint)
            wash.setAlpha(WASH_ALPHA)
            for box in boxes:
                painter.fillRect(box, wash)
        outline_lines(painter, boxes)
