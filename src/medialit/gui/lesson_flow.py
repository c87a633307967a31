"""Opening a lesson: the lesson picker (Lesson ▸ Open lesson…) and opening by place.

A lesson is found by file path or as "id:<lesson id>" (one kept in the
database); the one opened is remembered for the next start, and the student's
work on it continues.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.core import paths
from medialit.core.errors import MedialitError
from medialit.core.library import SAVED, lesson_choices, load_choice
from medialit.gui.dialogs import LessonDialog
from medialit.gui.errors import show_error
from medialit.gui.span_list import counts_text

if TYPE_CHECKING:
    from medialit.gui.main_window import MainWindow


def choose_lesson(window: MainWindow) -> None:
    """Ctrl+O: the lesson picker; OK opens the lesson chosen there."""
    choices = lesson_choices(window.session.store)
    dialog = LessonDialog(window, choices=choices, start_dir=str(paths.documents_dir()))
    window.open_dialog(dialog, lambda: open_lesson_at(window, dialog.chosen))


def open_lesson_at(window: MainWindow, where: str) -> bool:
    """Open a lesson by file path or "id:<lesson id>"; the work on it continues."""
    session = window.session
    try:
        lesson = load_choice(session.store, where)
    except MedialitError as exc:
        show_error(window, "Could not open the lesson", exc)
        return False
    window.prefs.set_last_lesson(SAVED + lesson.id)
    session.switch(lesson=lesson)
    window.say(f"Opened “{lesson.title}”. {counts_text(session.index.counts())}")
    return True
