"""Lesson ▸ Submit: what will be handed in, by whom, and to which folder.

Shown with `open()` like the other student dialogs (`gui.dialogs`); it writes nothing
itself: `gui.submit_flow` reads `folder()` once it is accepted and writes the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medialit.gui.dialogs import WIDTH
from medialit.gui.form_parts import ok_cancel
from medialit.gui.screen_fit import fit_dialog


class SubmitDialog(QDialog):
    """What will be handed in, by whom, and to which folder: typed, or chosen with Browse."""

    def __init__(self, parent: QWidget | None, *, summary: str, folder: Path) -> None:
        """`summary` is rich text; anything the student or a lesson wrote must be escaped."""
        super().__init__(parent)
        self.setObjectName("submit_dialog")
        self.setWindowTitle("Submit your work")
        self.setAccessibleName("Submit your work")
        text = QLabel(summary, self)
        text.setTextFormat(Qt.TextFormat.RichText)  # the caller escapes names and titles
        text.setWordWrap(True)
        text.setMinimumWidth(WIDTH)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_edit = QLineEdit(str(folder), self)  # it looks editable, so it is
        self.folder_edit.setObjectName("submit_folder")
        self.folder_edit.setAccessibleName("Folder the file goes to")
        self.folder_edit.setClearButtonEnabled(True)
        change = QPushButton("&Browse…", self)
        change.setObjectName("change_submit_folder")
        change.setToolTip("Choose the folder (or type it in the box)")
        change.clicked.connect(self.on_change_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(change)
        caption = QLabel("The file goes to this &folder (a USB stick is fine):", self)
        caption.setBuddy(self.folder_edit)
        self.buttons = ok_cancel(self, self.accept, text="Submit")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(caption)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.folder_edit.textChanged.connect(self.on_folder_edit_text_changed)
        fit_dialog(self)

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def on_folder_edit_text_changed(self, text: str) -> None:
        """Submit needs somewhere to write: not while the box is empty."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def on_change_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Submit to which folder?", str(self.folder())
        )
        if folder:
            self.folder_edit.setText(folder)
