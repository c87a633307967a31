"""Lesson ▸ Practice lessons: the lessons that come with medialit, made the teacher's own.

A teacher's first class may well work on the practice lesson the students' app opens
on, and its key comes with it; but the teacher window lists only the teacher's own
lessons, and the bundled files sit deep inside the installed app where no teacher would
look for them. One click here does what Open lesson file… does with that file (the
lesson, its key and explanations), so the class's submissions on it import and score.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from medialit.core.library import bundled, by_level, practice_words
from medialit.core.model import Lesson

PREFIX = "practice_"  # object names of the actions: practice_<lesson id>


class PracticeHost(Protocol):
    def window(self) -> QWidget: ...

    def run(self, action: Callable[[], object]) -> object: ...

    def take_lesson(self, lesson: Lesson) -> None: ...


def fill_menu(host: PracticeHost, menu: QMenu) -> dict[str, QAction]:
    """Lesson ▸ Practice lessons ▸ one action per bundled lesson, easiest first."""
    submenu = menu.addMenu("&Practice lessons")
    submenu.setObjectName("practice_lessons")
    actions: dict[str, QAction] = {}
    for lesson in by_level(bundled()):
        action = QAction(f"{lesson.title} ({practice_words(lesson)})", host.window())
        action.setObjectName(PREFIX + lesson.id)
        action.setToolTip("Add this lesson and its answer key to your lessons")
        action.triggered.connect(lambda _=False, it=lesson: host.run(lambda: host.take_lesson(it)))
        submenu.addAction(action)
        actions[action.objectName()] = action
    return actions


def works_without_lesson(name: str) -> bool:
    return name.startswith(PREFIX)
