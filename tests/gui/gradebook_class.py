"""A small class for the gradebook's window tests: the bundled lesson, a roster, and
submission files written with chosen names, ids, times and how much of the key they found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Label, Lesson, Span
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher.authoring import import_lesson_file
from medialit.core.teacher_records import RosterLine
from medialit.gui.teacher.class_table import ClassRow
from medialit.gui.teacher.window import TeacherWindow

ROSTER = [
    RosterLine("8A", "Daniel Okafor", "daniel@school.example", "1001"),
    RosterLine("8A", "Zoë Ångström", "zoe@school.example", "1002"),
    RosterLine("8A", "Dora Missing", "dora@school.example", "1003"),
    RosterLine("8B", "Ben Ng", "ben@school.example", "2001"),
]


@dataclass
class Hand:
    name: str
    student_id: str
    found: int  # how many required key spans the student labelled exactly
    at: str = "2026-11-30T09:00:00+00:00"
    class_code: str = "8A"
    note: str = ""


def submission(lesson: Lesson, hand: Hand) -> Submission:
    required = [k for k in lesson.key or () if not k.optional]
    spans = [Span.create(lesson.article, k.start, k.end, k.label) for k in required[: hand.found]]
    spans.append(Span.create(lesson.article, 0, 4, Label.FACT).with_note(hand.note))
    return Submission(
        lesson_id=lesson.id,
        lesson_version=lesson.version,
        article_sha256=lesson.article.sha256,
        student_id=hand.student_id,
        student_name=hand.name,
        class_code=hand.class_code,
        submitted_at=hand.at,
        spans=tuple(spans),
        lesson_title=lesson.title,
    )


def hand_in(folder: Path, lesson: Lesson, hands: list[Hand]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_submission(folder, submission(lesson, h)) for h in hands]


def teacher_with(qtbot: QtBot, store: Store) -> TeacherWindow:
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.class_tab)
    return window


def rostered_class(qtbot: QtBot) -> tuple[Store, Lesson, TeacherWindow]:
    """A memory store with the bundled lesson authored and ROSTER listed, open on the teacher
    window's class tab: the start of every gradebook test that matches names to a roster."""
    store = Store.memory()
    lesson = authored(store)
    store.roster.add(ROSTER)
    return store, lesson, teacher_with(qtbot, store)


def select_student(window: TeacherWindow, name: str) -> None:
    """Select the class table's row named `name`, as the teacher's click does."""
    view = window.class_tab
    view.table.selectRow(
        next(r for r in range(view.proxy.rowCount()) if view.row_at(r).name == name)
    )


def authored(store: Store) -> Lesson:
    lesson, _ = import_lesson_file(store, load_lesson(default_lesson_path()))
    return lesson


def import_into(qtbot: QtBot, window: TeacherWindow, paths: list[Path]) -> None:
    window.imports.import_paths(paths, show_report=False)
    qtbot.waitUntil(lambda: window.imports.run is None)


def rows(window: TeacherWindow) -> dict[str, ClassRow]:
    return {r.name: r for r in window.class_tab.model.rows}
