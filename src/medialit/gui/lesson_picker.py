"""Lesson ▸ Open lesson: the student picks a bundled lesson, one opened before, or a file.

Shown with `open()` like the other student dialogs (`gui.dialogs`); it only says what
was chosen (`chosen`: a file path or "id:<lesson id>"); `gui.lesson_flow` opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medialit.gui.form_parts import ok_cancel
from medialit.gui.screen_fit import available_area, fit_window


class LessonPicker(QDialog):
    """Pick a bundled lesson or one opened before, or open a lesson/student-pack file."""

    def __init__(
        self, parent: QWidget | None, *, choices: list[tuple[str, str]], start_dir: str = ""
    ) -> None:
        """`choices` are (label shown, where) with where a file path or "id:<lesson id>"."""
        super().__init__(parent)
        self.setObjectName("lesson_dialog")
        self.setWindowTitle("Open a lesson")
        self.setAccessibleName("Open a lesson")
        self.start_dir = start_dir
        self.chosen = ""
        self.list = QListWidget(self)
        self.list.setObjectName("lesson_list")
        self.list.setAccessibleName("Lessons")
        self.list.setWordWrap(True)  # a title longer than the screen is wide wraps, never cut
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setUniformItemSizes(False)
        for text, where in choices:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, where)
            item.setToolTip(text)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        file_button = QPushButton("Open a &file…", self)
        file_button.setObjectName("open_lesson_file")
        file_button.setToolTip("A lesson or student-pack file from your teacher (.json)")
        file_button.clicked.connect(self.on_file_button_clicked)
        buttons = ok_cancel(self, self.accept, text="Open")
        row = QHBoxLayout()
        row.addWidget(file_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Lessons on this computer:", self))
        layout.addWidget(self.list)
        layout.addLayout(row)
        fit_window(self, self._width_for(choices), 380)

    def _width_for(self, choices: list[tuple[str, str]]) -> int:
        """Wide enough for the longest title on one line, if the screen has room for it."""
        metrics = self.list.fontMetrics()
        longest = max((metrics.horizontalAdvance(text) for text, _ in choices), default=0)
        room = available_area(self).width() * 9 // 10
        return max(520, min(longest + 90, room))

    def accept(self) -> None:
        item = self.list.currentItem()
        if not self.chosen and item is not None:
            self.chosen = str(item.data(Qt.ItemDataRole.UserRole))
        if self.chosen:
            super().accept()

    def on_file_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a lesson file", self.start_dir, "medialit lessons (*.json);;All files (*)"
        )
        if path:
            self.chosen = path
            self.accept()
