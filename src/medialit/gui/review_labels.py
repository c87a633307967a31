"""The review's "What the labels mean": the lesson's own label definitions, behind a toggle.

A teacher may word the definitions for a class (Lesson > Label definitions…);
the review a student reads after submitting shows those words, not the app's
defaults, as the student window's definitions panel does. Closed at first, so
the score and the lead stay on top; F1 opens it and puts the focus on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from medialit.core.model import LABELS, Lesson

TITLE = "What the labels mean"


class LabelsPanel(QWidget):
    def __init__(self, lesson: Lesson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_labels")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("labels_toggle")
        self.toggle.setText(TITLE)
        self.toggle.setAccessibleName(TITLE)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.on_toggle_toggled)
        layout.addWidget(self.toggle)
        self.definitions: list[QLabel] = []
        for label in LABELS:
            text = f"{label.info.title} ({label.info.initial}): {lesson.definition_of(label)}"
            line = QLabel(text, self)
            line.setObjectName(f"definition_{label.value}")
            line.setWordWrap(True)
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setAccessibleName(text)
            line.setContentsMargins(16, 0, 0, 0)
            line.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader can stop on each
            line.setVisible(False)
            layout.addWidget(line)
            self.definitions.append(line)

    def open_and_focus(self) -> None:
        self.toggle.setChecked(True)
        self.definitions[0].setFocus()

    def on_toggle_toggled(self, checked: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if checked else Qt.ArrowType.RightArrow)
        for line in self.definitions:
            line.setVisible(checked)
