"""The class heatmap: the article with the key's text shaded by how many students found it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from medialit.core.classroom import HeatRun
from medialit.gui.article_view import ArticleView


def heat_colour(count: int, total: int) -> QColor:
    """Red (nobody) through yellow to green (everybody), light enough to read text on."""
    share = count / total if total else 0.0
    hue = int(120 * share)  # 0 red .. 120 green
    return QColor.fromHsv(hue, 150 if count else 190, 250)


class HeatmapView(ArticleView):
    """The article with key text shaded by how many students labelled it as the key does.

    Painted like the spans (behind the text, only what is visible), never stored
    in the document; Qt positions come from ArticleView (`rects_cp`, `to_cp`).
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.runs: list[HeatRun] = []
        self.total = 0

    def show_heat(self, runs: Sequence[HeatRun], total: int) -> None:
        """Shade `runs` out of `total` students; with no student's work there is nothing to
        shade (every key span would read "nobody found it", a page of red)."""
        self.runs, self.total = (list(runs) if total else []), total
        self.viewport().update()

    def run_at(self, cp: int) -> HeatRun | None:
        for run in self.runs:
            if run.start <= cp < run.end:
                return run
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        area = QRectF(event.rect())
        painter = QPainter(self.viewport())
        for run in self.runs:
            colour = heat_colour(run.count, self.total)
            for rect in self.rects_cp(run.start, run.end):
                if rect.intersects(area):
                    painter.fillRect(rect, colour)
        painter.end()
        super().paintEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cp = self.to_cp(self.cursorForPosition(event.pos()).position())
            run = self.run_at(cp)
            if run is not None:
                QToolTip.showText(
                    event.globalPos(),
                    f"{run.count} of {self.total} students labelled this as the key does",
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
