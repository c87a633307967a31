"""The lessons a student can open: the bundled ones and every lesson opened here before.

A lesson opened once is kept in the database (`Store.remember_lesson`), so a
student pack that came on a USB stick can be reopened, and its work
continued, after the stick is gone. Places are strings: a file path, or
"id:<lesson id>" for the copy kept in the database.
"""

from __future__ import annotations

from pathlib import Path

from medialit.core.errors import MedialitError
from medialit.core.lesson import bundled_lessons, lesson_from_dict, lesson_to_dict, load_lesson
from medialit.core.model import Lesson
from medialit.core.store import Store

SAVED = "id:"
KIND_WORDS = {"lesson": "lesson", "student-pack": "from your teacher", "review-pack": "review"}


def lesson_choices(store: Store) -> list[tuple[str, str]]:
    """(text to show, place) for each lesson: bundled first, then others, newest first."""
    choices: list[tuple[str, str]] = []
    seen: set[str] = set()
    for path in bundled_lessons():
        try:
            lesson = load_lesson(path)
        except MedialitError:  # a damaged bundled file is simply not offered
            continue
        seen.add(lesson.id)
        choices.append((f"{lesson.title} (practice, comes with medialit)", str(path)))
    for record in store.remembered_lessons():
        if record.id not in seen:
            kind = KIND_WORDS.get(record.kind, record.kind)
            choices.append((f"{record.title} ({kind}, opened before)", SAVED + record.id))
    return choices


def load_choice(store: Store, place: str) -> Lesson:
    """Load a lesson from a file or from the database, and keep a copy for next time."""
    if place.startswith(SAVED):
        lesson_id = place[len(SAVED) :]
        lesson = lesson_from_dict(store.lesson_body(lesson_id), origin=f"saved lesson {lesson_id}")
    else:
        lesson = load_lesson(Path(place))
    store.remember_lesson(lesson, lesson_to_dict(lesson))
    return lesson


def place_to_remember(lesson: Lesson, place: str) -> str:
    """Where to reopen `lesson` next time: a bundled file itself (it may be updated with
    the app), anything else from the copy in the database (the USB stick may be gone)."""
    bundled = {str(path) for path in bundled_lessons()}
    return place if place in bundled else SAVED + lesson.id
