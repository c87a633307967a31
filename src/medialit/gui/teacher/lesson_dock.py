"""The teacher's lessons, on the left of the teacher window: newest first, New lesson… under
them, and, while there is no lesson yet, how to begin.

A new teacher's first view is this dock with nothing in it. The way in (write a
lesson from an article, or take a practice lesson that comes with medialit, key and
all) used to be said only in the status bar, far from where the teacher looks; the
empty dock now says it in its own place and offers both as buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medialit.core.teacher_records import LessonRow
from medialit.core.wording import minute

EMPTY_HINT = (
    "No lessons yet. Make one from a news article with New lesson…, "
    "or start with a practice lesson that comes with medialit, answer key included."
)


def when(stamp: str) -> str:
    """An ISO time stamp shown briefly: 2026-11-30 21:04 UTC (`minute`, with its zone)."""
    return f"{minute(stamp)} UTC" if len(stamp) >= 16 else stamp or "never"


def _line(row: LessonRow) -> str:
    return f"{row.title}\nv{row.version} · key {when(row.key_updated_at)}"


class LessonDock(QDockWidget):
    """The lesson list (`list`; an item's UserRole is its lesson id), New lesson…, and the
    empty-state hint with Practice lessons."""

    def __init__(self, window: QMainWindow, new_lesson: Callable[[], object]) -> None:
        super().__init__("Lessons", window)
        self.setObjectName("lessons_dock")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.list = QListWidget(body)
        self.list.setObjectName("lesson_list")
        self.list.setAccessibleName("Your lessons")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSpacing(2)
        body.setMinimumWidth(200)
        body.setMaximumWidth(280)
        self.hint = QLabel(EMPTY_HINT, body)  # first, where the eye starts on an empty dock
        self.hint.setObjectName("no_lessons_hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self.practice = QPushButton("Practice lessons", body)
        self.practice.setObjectName("practice_lessons_button")
        self.practice.setToolTip("Add a lesson that comes with medialit, with its answer key")
        layout.addWidget(self.practice)
        new = QPushButton("New lesson…", body)
        new.setObjectName("new_lesson_button")
        new.clicked.connect(lambda _checked=False: new_lesson())
        layout.addWidget(new)
        self.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)

    def offer_practice(self, menu: QMenu) -> None:
        """The Practice lessons button opens the same menu as Lesson ▸ Practice lessons."""
        self.practice.setMenu(menu)

    def show_rows(self, rows: Sequence[LessonRow], current: str | None) -> None:
        """Each lesson with its version and when its key last changed; the same lessons are
        updated in place (a key edit), so focus and scrolling stay."""
        items = [self.list.item(i) for i in range(self.list.count())]
        self.list.blockSignals(True)
        if [item.data(Qt.ItemDataRole.UserRole) for item in items] == [r.id for r in rows]:
            for item, row in zip(items, rows, strict=True):
                item.setText(_line(row))
                item.setToolTip(row.title)
        else:
            self.list.clear()
            for row in rows:
                item = QListWidgetItem(_line(row))
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(row.title)
                self.list.addItem(item)
        self._mark(current)
        self.list.blockSignals(False)
        empty = not rows
        self.hint.setVisible(empty)
        self.practice.setVisible(empty)
        # what a screen reader says on reaching the empty list: the hint, not just "0 items"
        self.list.setAccessibleDescription(EMPTY_HINT if empty else "")

    def _mark(self, current: str | None) -> None:
        """Mark the open lesson's row, and only it. The list is often filled while the old
        lesson is still the open one (a write's refresh comes before the new lesson opens),
        so the mark is set again on every refresh, not only when the rows change."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == current:
                self.list.setCurrentItem(item)
                return
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
