"""Small teacher dialogs: a new lesson (file or pasted text), lesson details, the article text."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.importing import ImportedText, read_article_file
from medialit.core.model import FeedbackMode, Lesson
from medialit.core.paths import dialog_folder
from medialit.core.teacher.authoring import lesson_from_text
from medialit.gui.form_parts import error_line, ok_cancel
from medialit.gui.screen_fit import fit_window

log = logging.getLogger(__name__)


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


PASTE_KINDS = (("txt", "Plain text"), ("md", "Markdown"), ("html", "HTML source"))


class LessonDialog(QDialog):
    """New lesson (text empty, with 'Load file…') or lesson details (text not shown).

    A file is read off the GUI thread (`ArticleLoad`), with a progress bar and the core's
    10 s cap; its text lands in the box as plain text. On OK the box is read exactly once,
    as the kind chosen under it (plain text unless the teacher says it is Markdown or HTML
    source), by `lesson_from_text`, the code `medialit lesson new` uses too.
    """

    def __init__(
        self, parent: QWidget | None = None, *, lesson: Lesson | None = None, with_text: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lesson_dialog")
        self.setWindowTitle("New lesson" if lesson is None else "Lesson details")
        fit_window(self, 720, 560 if with_text else 200)
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
        self.kind = QComboBox(self)
        self.kind.setObjectName("lesson_text_kind")
        self.kind.setAccessibleName("The text below is")
        for value, title in PASTE_KINDS:
            self.kind.addItem(title, value)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("lesson_load_progress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.load: ArticleLoad | None = None
        if with_text:
            row = QHBoxLayout()
            self.load_button = QPushButton("Load .txt, .md or .html file…", self)
            self.load_button.setObjectName("lesson_load_file")
            self.load_button.clicked.connect(self.on_load_clicked)
            row.addWidget(self.load_button)
            row.addWidget(QLabel("or paste the article below.", self), 1)
            form.addRow(row)
            form.addRow(self.progress)
            self.text = QPlainTextEdit(self)
            self.text.setObjectName("lesson_text")
            form.addRow(self.text)
            form.addRow("The text above is", self.kind)
        self.error = error_line(self)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.on_buttons_accepted))
        self.result_lesson: Lesson | None = None

    def load_file(self, path: str | Path) -> ArticleLoad:
        """Read the file off the GUI thread; the box is filled when it is done."""
        if self.load is not None:
            self.load.cancel()
        self.error.setText("")
        self.progress.setValue(0)
        self.progress.show()
        self.load = ArticleLoad(Path(path), self)
        self.load.done.connect(self.on_load_done)
        self.load.moved.connect(self.progress.setValue)
        self.load.start()
        return self.load

    def is_loading(self) -> bool:
        return self.load is not None

    def on_load_done(self, load: ArticleLoad) -> None:
        if load is not self.load:
            return
        self.load = None
        self.progress.hide()
        if load.error is not None:
            self.error.setText(str(load.error))
            return
        imported = load.result
        assert imported is not None
        if self.text is not None:
            self.text.setPlainText(imported.text)
        self.kind.setCurrentIndex(0)  # what was read from the file is plain text now
        if not self.title.text().strip():
            self.title.setText(imported.title)
        if not self.source.text().strip():
            self.source.setText(load.path.name)

    def on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Article file",
            str(dialog_folder()),
            "Articles (*.txt *.md *.markdown *.html *.htm)",
        )
        if path:
            self.load_file(path)

    def reject(self) -> None:
        if self.load is not None:
            self.load.cancel()
            self.load = None
        super().reject()

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
        if self.load is not None:
            self.error.setText("The file is still being read.")
            return
        try:
            self.result_lesson = lesson_from_text(
                raw_text(self.text),
                kind=str(self.kind.currentData()),
                title=self.title.text(),
                source=self.source.text(),
                date=self.date.text(),
                feedback=self.feedback_mode(),
            )
        except MedialitError as exc:
            self.error.setText(str(exc).capitalize() + ".")
            return
        self.accept()


class _Cancelled(Exception):
    """Raised in the reading thread when the dialog no longer wants the file."""


class ArticleLoad(QObject):
    """One article file read on a worker thread (`read_article_file`, with its time cap).

    `moved(percent)` and `done(self)` are emitted on the GUI thread by a timer that looks at
    what the worker left; the worker never touches a widget.
    """

    moved = Signal(int)
    done = Signal(object)
    POLL_MS = 40

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.result: ImportedText | None = None
        self.error: MedialitError | None = None
        self.fraction = 0.0
        self._cancelled = False
        self._thread = threading.Thread(target=self._read, name="article-load", daemon=True)
        self.timer = QTimer(self)
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self.on_timer_timeout)

    def start(self) -> None:
        self._thread.start()
        self.timer.start()

    def cancel(self) -> None:
        self._cancelled = True
        self.timer.stop()

    def _progress(self, fraction: float) -> None:
        if self._cancelled:
            raise _Cancelled
        self.fraction = fraction

    def _read(self) -> None:
        try:
            self.result = read_article_file(self.path, progress=self._progress)
        except _Cancelled:
            pass
        except MedialitError as exc:
            self.error = exc
        except Exception as exc:  # never lose a failure in the thread: say it in the dialog
            log.exception("reading an article file failed unexpectedly")
            self.error = MedialitError(f"{self.path}: could not be read ({exc})")

    def on_timer_timeout(self) -> None:
        self.moved.emit(round(self.fraction * 100))
        if not self._thread.is_alive() and not self._cancelled:
            self.timer.stop()
            self.done.emit(self)


class TextDialog(QDialog):
    """Edit the article text: OK makes a new lesson version (late work re-anchors)."""

    def __init__(self, lesson: Lesson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("text_dialog")
        self.setWindowTitle("Edit the article text")
        fit_window(self, 760, 600)
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
        form.addRow(ok_cancel(self, self.accept))
