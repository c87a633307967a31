"""The lessons a student can open: the bundled ones and every lesson opened here before.

A lesson opened once is kept in the database (`store.lessons.remember`), so a
student pack that came on a USB stick can be reopened, and its work
continued, after the stick is gone. A place is a file path, or
"id:<lesson id>" for a lesson opened before: that is the bundled file with
this id if there is one (so a lesson updated with the app is used), else the
copy in the database.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from medialit.core.errors import MedialitError, StoreError
from medialit.core.jsonfile import read_json_file
from medialit.core.lesson import bundled_lessons, lesson_from_dict, lesson_to_dict, load_lesson
from medialit.core.model import Lesson
from medialit.core.store import Store

SAVED = "id:"
KIND_WORDS = {"lesson": "lesson", "student-pack": "from your teacher", "review-pack": "review"}
LEVEL_WORDS = {1: "easy", 2: "medium", 3: "hard"}


def bundled() -> list[Lesson]:
    """The practice lessons that come with medialit (a damaged file is left out)."""
    lessons = []
    for path in bundled_lessons():
        try:
            lessons.append(load_lesson(path))
        except MedialitError:  # a damaged bundled file is simply not offered
            continue
    return lessons


def by_level(lessons: list[Lesson]) -> list[Lesson]:
    """Easiest first; a lesson without a level after those with one; otherwise kept in order."""
    return sorted(lessons, key=lambda lesson: (lesson.level is None, lesson.level or 0))


def practice_words(lesson: Lesson) -> str:
    if lesson.level is None:
        return "practice, comes with medialit"
    return f"practice, level {lesson.level}: {LEVEL_WORDS[lesson.level]}, comes with medialit"


def lesson_choices(store: Store) -> list[tuple[str, str]]:
    """(text to show, place) for each lesson: bundled first, easiest first, then the others
    opened before, newest first."""
    practice = by_level(bundled())
    choices = [
        (f"{lesson.title} ({practice_words(lesson)})", SAVED + lesson.id) for lesson in practice
    ]
    seen = {lesson.id for lesson in practice}
    for record in store.lessons.remembered():
        if record.id not in seen:
            kind = KIND_WORDS.get(record.kind, record.kind)
            choices.append((f"{record.title} ({kind}, opened before)", SAVED + record.id))
    return choices


def load_choice(store: Store, place: str, *, loaded: Lesson | None = None) -> Lesson:
    """Load a lesson from a file, a bundled lesson or the database; keep a copy for next time
    (when it can be saved: the lesson opens anyway). `loaded`: a lesson loaded from this
    same place and database file moments ago (start-up's glance), used if it is this
    place's rather than loaded again."""
    if loaded is not None and is_from(loaded, place):
        lesson = loaded
    elif place.startswith(SAVED):
        lesson_id = place[len(SAVED) :]
        lesson = _bundled_with_id(lesson_id) or _saved(store, lesson_id)
    else:
        lesson = load_lesson(Path(place))
    with contextlib.suppress(StoreError):  # a full disk, or a damaged database opened read-only
        store.lessons.remember(lesson, lesson_to_dict(lesson))
    return lesson


def is_from(lesson: Lesson, place: str) -> bool:
    """Whether `place` names `lesson`: its id (a lesson opened before), or its file."""
    return place == SAVED + lesson.id or place == lesson.origin


def _bundled_with_id(lesson_id: str) -> Lesson | None:
    """The bundled lesson with this id (None if there is none, or it is damaged). Each file's
    id is read before any lesson is built: a returning student's start-up, before its first
    paint, builds and hashes one lesson, not every bundled one."""
    for path in bundled_lessons():
        try:
            data = read_json_file(path)
        except MedialitError:
            continue
        if isinstance(data, dict) and data.get("id") == lesson_id:
            try:
                return lesson_from_dict(data, origin=str(path), base_dir=path.parent)
            except MedialitError:  # a damaged bundled file is simply not offered
                return None
    return None


def _saved(store: Store, lesson_id: str) -> Lesson:
    return lesson_from_dict(store.lessons.body(lesson_id), origin=f"saved lesson {lesson_id}")
