"""Opening a lesson: the lesson picker (Lesson ▸ Open lesson…) and opening by place.

A lesson is found by file path or as "id:<lesson id>" (one kept in the
database); the one opened is remembered for the next start, and the student's
work on it continues. The session reads and keeps the lesson (`Session.load_lesson`,
`Session.open_lesson`); this flow asks and tells.
"""

from __future__ import annotations

from medialit.core import paths
from medialit.core.errors import MedialitError
from medialit.gui.errors import show_error
from medialit.gui.flow_host import FlowHost
from medialit.gui.lesson_picker import LessonPicker
from medialit.gui.span_list import counts_text


def choose_lesson(host: FlowHost) -> None:
    """Ctrl+O: the lesson picker; OK opens the lesson chosen there."""
    choices = host.session.lesson_choices()
    dialog = LessonPicker(host.window(), choices=choices, start_dir=str(paths.documents_dir()))
    host.open_dialog(dialog, lambda: open_lesson_at(host, dialog.chosen))


def open_lesson_at(host: FlowHost, where: str) -> bool:
    """Open a lesson by file path or "id:<lesson id>"; the work on it continues."""
    session = host.session
    try:
        lesson = session.load_lesson(where)
    except MedialitError as exc:
        show_error(host.window(), "Could not open the lesson", exc)
        return False
    session.open_lesson(lesson)
    host.say(f"Opened “{lesson.title}”. {counts_text(session.index.counts())}")
    return True
