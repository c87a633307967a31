"""The student's small dialogs: name and note (the lesson picker is `gui.lesson_picker`, the
submit dialog `gui.submit_dialog`).

Each is shown with `open()` (window-modal, no nested event loop), so the
window and tests keep running while it is up; the window connects to
`accepted` and reads the dialog's fields. None of them writes anything.
Each fits the screen (`gui.screen_fit`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medialit.core.submission import clean_name
from medialit.core.wording import one_line
from medialit.gui.form_parts import ok_cancel
from medialit.gui.screen_fit import fit_dialog, fit_window

WIDTH = 440
NOTE_MAX = 5_000
NOT_A_LOGIN = (
    "Your name keeps your work apart from other people using this computer. "
    "It is not a password: anyone here can type any name, so use your own."
)


class NameDialog(QDialog):
    """Who is working: a name (required) and an optional class code.

    On first start there is no Cancel and Escape does nothing: work cannot be
    kept apart without a name. A teacher is not a student: "I am the teacher"
    ends the dialog with `TEACHER`, and the window opens teacher mode instead.
    """

    TEACHER = 2  # the dialog's result when "I am the teacher" was chosen

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        name: str = "",
        class_code: str = "",
        known_names: list[str] | None = None,
        first_start: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("name_dialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.first_start = first_start
        intro = QLabel(
            ("Welcome to medialit! What is your name?\n\n" if first_start else "") + NOT_A_LOGIN,
            self,
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(WIDTH)  # a wrapped label needs a width to know its height
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setAccessibleName("Your name")
        self.name_edit.setMaxLength(100)
        if known_names:
            completer = QCompleter(known_names, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.name_edit.setCompleter(completer)
        self.class_edit = QLineEdit(class_code, self)
        self.class_edit.setObjectName("class_edit")
        self.class_edit.setAccessibleName("Class code (optional)")
        self.class_edit.setMaxLength(40)
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Class code (optional):", self.class_edit)
        self.buttons = ok_cancel(
            self, self.accept, text="Start" if first_start else "OK", cancel=not first_start
        )
        self.teacher_button: QPushButton | None = None
        if first_start:
            self.teacher_button = self.buttons.addButton(
                "I am the &teacher", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.teacher_button.setObjectName("i_am_the_teacher")
            self.teacher_button.setToolTip("Open teacher mode (asks for the teacher passphrase)")
            self.teacher_button.clicked.connect(lambda: self.done(self.TEACHER))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self.on_name_edit_text_changed)
        self.on_name_edit_text_changed(name)
        fit_dialog(self)

    def name(self) -> str:
        return clean_name(self.name_edit.text())

    def class_code(self) -> str:
        return clean_name(self.class_edit.text(), max_len=40)

    def on_name_edit_text_changed(self, _text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name()))

    def accept(self) -> None:
        if self.name():
            super().accept()

    def reject(self) -> None:
        if not self.first_start:
            super().reject()


class NoteDialog(QDialog):
    """The student's note on a span: why they think so, over as many lines as it takes.

    Enter starts a new line; Ctrl+Enter (or the Save note button) saves; Tab
    moves on to the buttons. An empty note removes the note.
    """

    def __init__(self, parent: QWidget | None, *, quote: str, label: str, note: str) -> None:
        super().__init__(parent)
        self.setObjectName("note_dialog")
        self.setWindowTitle("Note")
        self.setAccessibleName("Note on the span")
        about = QLabel(f"Why is “{one_line(quote, 200)}” {label}?", self)
        about.setWordWrap(True)
        about.setMinimumWidth(WIDTH)
        about.setTextFormat(Qt.TextFormat.PlainText)  # article text, never markup
        self.edit = QPlainTextEdit(note, self)
        self.edit.setObjectName("note_edit")
        self.edit.setAccessibleName("Your note")
        self.edit.setAccessibleDescription("Enter starts a new line; Ctrl+Enter saves the note.")
        self.edit.setPlaceholderText("I think so because…")
        self.edit.setTabChangesFocus(True)
        lines = self.edit.fontMetrics().lineSpacing()
        self.edit.setMinimumHeight(lines * 6)
        about.setBuddy(self.edit)
        hint = QLabel("Enter starts a new line. Ctrl+Enter saves.", self)
        hint.setObjectName("note_keys")
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.edit, 1)
        layout.addWidget(hint)
        layout.addWidget(ok_cancel(self, self.accept, text="Save note"))
        self.edit.installEventFilter(self)  # Ctrl+Enter saves (the editor would take it)
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        fit_window(self, WIDTH + 40, 300)

    def note(self) -> str:
        return self.edit.toPlainText().strip()[:NOTE_MAX]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.type() == QEvent.Type.KeyPress:
                self.accept()
            event.accept()
            return True
        return super().eventFilter(watched, event)
