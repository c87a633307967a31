"""Small teacher dialogs: a new lesson (file or pasted text), lesson details, the article text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.importing import looks_like_html, read_article_file, text_from_string
from medialit.core.model import FeedbackMode, Lesson
from medialit.core.teacher.authoring import new_lesson


def raw_text(edit: QPlainTextEdit) -> str:
    """The typed text with NBSP and friends intact (toPlainText() turns NBSP into spaces)."""
    block = edit.document().firstBlock()
    lines = []
    while block.isValid():
        lines.append(block.text())
        block = block.next()
    return "\n".join(lines)


FEEDBACK_TITLES = {
    FeedbackMode.NONE: "None: students see nothing",
    FeedbackMode.SCORE: "Score only",
    FeedbackMode.WHERE: "Score and where (which spans were right)",
    FeedbackMode.WHERE_WHY: "Score, where and why (with your explanations)",
}


def feedback_combo(parent: QWidget, current: FeedbackMode) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("feedback_mode")
    for mode, title in FEEDBACK_TITLES.items():
        combo.addItem(title, mode.value)
    combo.setCurrentIndex(list(FEEDBACK_TITLES).index(current))
    combo.setToolTip(
        "Takes effect for students only through a review pack: a student pack never shows review."
    )
    return combo


class LessonDialog(QDialog):
    """New lesson (text empty, with 'Load file…') or lesson details (text not shown)."""

    def __init__(
        self, parent: QWidget | None = None, *, lesson: Lesson | None = None, with_text: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lesson_dialog")
        self.setWindowTitle("New lesson" if lesson is None else "Lesson details")
        self.resize(720, 560 if with_text else 200)
        form = QFormLayout(self)
        self.title = QLineEdit(lesson.title if lesson else "", self)
        self.title.setObjectName("lesson_title")
        form.addRow("Title", self.title)
        self.source = QLineEdit(lesson.source if lesson else "", self)
        self.source.setObjectName("lesson_source")
        self.source.setPlaceholderText("Outlet, author, address…")
        form.addRow("Source", self.source)
        self.date = QLineEdit(lesson.date if lesson else dt.date.today().isoformat(), self)
        self.date.setObjectName("lesson_date")
        form.addRow("Date", self.date)
        self.feedback = feedback_combo(self, lesson.feedback if lesson else FeedbackMode.WHERE_WHY)
        form.addRow("Feedback in review", self.feedback)
        self.text: QPlainTextEdit | None = None
        if with_text:
            row = QHBoxLayout()
            load = QPushButton("Load .txt, .md or .html file…", self)
            load.setObjectName("lesson_load_file")
            load.clicked.connect(self.on_load_clicked)
            row.addWidget(load)
            row.addWidget(QLabel("or paste the article below.", self), 1)
            form.addRow(row)
            self.text = QPlainTextEdit(self)
            self.text.setObjectName("lesson_text")
            form.addRow(self.text)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_lesson: Lesson | None = None

    def load_file(self, path: str | Path) -> None:
        try:
            imported = read_article_file(path)
        except MedialitError as exc:
            self.error.setText(str(exc))
            return
        if self.text is not None:
            self.text.setPlainText(imported.text)
        if not self.title.text().strip():
            self.title.setText(imported.title)
        if not self.source.text().strip():
            self.source.setText(Path(path).name)
        self.error.setText("")

    def on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Article file", "", "Articles (*.txt *.md *.markdown *.html *.htm)"
        )
        if path:
            self.load_file(path)

    def feedback_mode(self) -> FeedbackMode:
        value = self.feedback.currentData()
        return FeedbackMode(value) if isinstance(value, str) else FeedbackMode.NONE

    def on_buttons_accepted(self) -> None:
        if self.text is None:
            if not self.title.text().strip():
                self.error.setText("The lesson needs a title.")
                return
            self.accept()
            return
        raw = raw_text(self.text)
        kind = "html" if looks_like_html(raw) else "txt"
        try:
            imported = text_from_string(raw, kind=kind)
            self.result_lesson = new_lesson(
                imported.text,
                title=self.title.text() or imported.title,
                source=self.source.text(),
                date=self.date.text(),
                feedback=self.feedback_mode(),
            )
        except MedialitError as exc:
            self.error.setText(str(exc).capitalize() + ".")
            return
        self.accept()


class TextDialog(QDialog):
    """Edit the article text: OK makes a new lesson version (late work re-anchors)."""

    def __init__(self, lesson: Lesson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("text_dialog")
        self.setWindowTitle("Edit the article text")
        self.resize(760, 600)
        form = QFormLayout(self)
        note = QLabel(
            "Saving a changed text makes version "
            f"{lesson.version + 1} of this lesson. Key spans move with their text; "
            "submissions made on the earlier text are re-anchored when scored. "
            "Hand out a new student pack afterwards.",
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.text = QPlainTextEdit(lesson.article.text, self)
        self.text.setObjectName("article_text_edit")
        form.addRow(self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
