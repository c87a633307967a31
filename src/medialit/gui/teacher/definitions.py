"""Lesson > Label definitions…: what each label means in this lesson, edited in one small dialog.

Every new lesson starts with the practice lesson's definitions
(`model.DEFAULT_DEFINITIONS`); the teacher may word them for a class. OK saves
all four as one committed, undoable step (`commands.EditDefinitions`); they
travel in the lesson file and both packs, and the student window and the
review show them. An empty or over-long definition is said here, naming the
label, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.model import DEFAULT_DEFINITIONS, LABELS, Label, LabelDefinition, Lesson
from medialit.core.teacher.authoring import checked_definitions
from medialit.gui.form_parts import error_line, ok_cancel
from medialit.gui.screen_fit import fit_dialog


class DefinitionsDialog(QDialog):
    """`save(definitions)` is called with the checked definitions when they changed."""

    def __init__(
        self,
        lesson: Lesson,
        save: Callable[[tuple[LabelDefinition, ...]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("definitions_dialog")
        self.setWindowTitle(f"Label definitions — {lesson.title}")
        self.lesson, self._save = lesson, save
        form = QFormLayout(self)
        form.addRow(QLabel("What each label means in this lesson. Students read these.", self))
        self.boxes: dict[Label, QPlainTextEdit] = {}
        for label in LABELS:
            box = QPlainTextEdit(lesson.definition_of(label), self)
            box.setObjectName(f"definition_{label.value}")
            box.setAccessibleName(f"Definition of {label.info.title}")
            box.setTabChangesFocus(True)
            box.setFixedHeight(64)
            form.addRow(f"{label.info.shortcut} {label.info.title}", box)
            self.boxes[label] = box
        self.error = error_line(self, "definitions_error")
        form.addRow(self.error)
        buttons = ok_cancel(self, self.on_buttons_accepted)
        self.default_button = QPushButton("Use the default definitions", self)
        self.default_button.setObjectName("definitions_default")
        buttons.addButton(self.default_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.default_button.clicked.connect(self.on_default_button_clicked)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())
        fit_dialog(self)

    def definitions(self) -> tuple[LabelDefinition, ...]:
        return tuple(LabelDefinition(lab, box.toPlainText()) for lab, box in self.boxes.items())

    def on_default_button_clicked(self) -> None:
        for item in DEFAULT_DEFINITIONS:
            self.boxes[item.label].setPlainText(item.definition)

    def on_buttons_accepted(self) -> None:
        try:
            checked = checked_definitions(self.definitions())
        except MedialitError as exc:
            self.error.setText(f"Not saved: {exc}.")
            return
        if checked != self.lesson.label_definitions:
            self._save(checked)
        self.accept()
