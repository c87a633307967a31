"""The label definitions panel: what each label means in this lesson and how it is drawn.

A read-only QTextEdit with a caret rather than labels, so keyboard and
screen-reader users can focus it (F1) and read it line by line like any text.
(Not a QTextBrowser: Qt exposes that as a label, read in one go.)
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit, QWidget

from medialit.core.model import LABELS, Lesson
from medialit.gui.label_style import underline_words


def legend_html(lesson: Lesson) -> str:
    rows = []
    for n, label in enumerate(LABELS):
        info = label.info
        rows.append(
            f"<p><span style='background:{info.tint}; color:black;'>&nbsp;<b>"
            f"{html.escape(info.initial)}</b>&nbsp;</span> <b>{info.shortcut} · "
            f"{html.escape(info.title)}</b><br>{html.escape(lesson.definition_of(label))}<br>"
            f"<small>Drawn with a {underline_words(label)} underline, "
            f"{('nearest the text' if n == 0 else f'track {n + 1} below the line')}.</small></p>"
        )
    keys = (
        "<p><small><b>Keys:</b> select text (Shift+arrows, Ctrl+Shift+arrows), then 1-4. "
        "Alt+1-4 labels the exact selection (no word snapping). "
        "Alt+Down / Alt+Up: next / previous span; 1-4 relabels it, N adds a note, "
        "Delete removes it, Alt+Left / Alt+Right move its end a word, Alt+, / Alt+. its start "
        "(or drag its ends), Esc lets go. Ctrl+Z undo, F6 span list, F1 this panel.</small></p>"
    )
    return "".join(rows) + keys


class Legend(QTextEdit):
    """Read with a caret: a screen reader reads it line by line with the arrow keys (as a
    QTextBrowser it was exposed as a label and read as "Label definitions label")."""

    def __init__(self, lesson: Lesson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Label definitions")
        self.setAccessibleDescription("Arrow keys read the definitions line by line.")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setTabChangesFocus(True)
        self.set_lesson(lesson)

    def set_lesson(self, lesson: Lesson) -> None:
        self.setHtml(legend_html(lesson))
