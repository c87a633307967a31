"""A new teacher's first class on the practice lesson: Lesson ▸ Practice lessons adds it
(with its key) to an empty teacher window, and the class's files on it import and score."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from medialit.core.lesson import bundled_lessons, default_lesson_path, load_lesson
from medialit.core.store import Store
from medialit.core.teacher.authoring import load_authored
from tests.gui.window import open_teacher

VALID = Path(__file__).resolve().parents[1] / "data" / "valid"


def test_a_practice_lesson_is_added_from_the_menu_and_its_class_files_score(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "fresh.db")
    window = open_teacher(qtbot, store)
    assert window.desk.lessons() == []
    assert "Practice lessons" in window.key_stamp.text()
    menu = window.findChild(QMenu, "practice_lessons")
    files = [load_lesson(path) for path in bundled_lessons()]
    assert menu is not None and menu.menuAction().isEnabled()
    titles = [a.text() for a in menu.actions()]
    assert sorted(t.split(" (")[0] for t in titles) == sorted(f.title for f in files)

    practice = load_lesson(default_lesson_path())  # what the students' app opens on
    action = window.findChild(QAction, f"practice_{practice.id}")
    assert action is not None and action.isEnabled()  # enabled with no lesson open
    action.trigger()

    assert [row.id for row in window.desk.lessons()] == [practice.id]
    adopted = load_authored(store, practice.id)
    assert adopted.key is not None and practice.key is not None
    assert [(k.start, k.end, k.label) for k in adopted.key] == [
        (k.start, k.end, k.label) for k in practice.key
    ]
    assert window.desk.lesson is not None and window.desk.lesson.id == practice.id

    # no work yet: nothing shaded (not every key span red as "nobody found it")
    view = window.class_tab
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: not view.rescoring and view.book is not None)
    assert view.heat.runs == [] and "No student's work" in view.heat_legend.text()

    window.imports.import_paths([VALID], show_report=False)
    qtbot.waitUntil(lambda: window.imports.run is None)
    report = window.imports.last_report
    assert report is not None and len(report.added) == len(list(VALID.glob("*.json")))
    qtbot.waitUntil(lambda: view.model.rowCount() == len(report.added))
    qtbot.waitUntil(lambda: bool(view.heat.runs))
    assert "shaded by how many students" in view.heat_legend.text()
    window.close()
    store.close()


def test_an_empty_lesson_list_says_how_to_begin_and_offers_the_practice_lessons(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A new teacher's first view: the hint and the Practice lessons button stand where the
    lessons will be, not only in the status bar; taking one from the button's menu lists it
    and the hint goes."""
    from PySide6.QtWidgets import QLabel, QPushButton

    store = Store.open(tmp_path / "fresh.db")
    window = open_teacher(qtbot, store)
    window.show()
    qtbot.waitExposed(window)
    hint = window.findChild(QLabel, "no_lessons_hint")
    button = window.findChild(QPushButton, "practice_lessons_button")
    assert hint is not None and button is not None
    assert hint.isVisible() and "practice lesson" in hint.text()
    assert window.lesson_list.accessibleDescription() == hint.text()  # heard on the list too
    assert button.isVisible() and button.menu() is window.findChild(QMenu, "practice_lessons")

    practice = load_lesson(default_lesson_path())
    chosen = [a for a in button.menu().actions() if a.objectName() == f"practice_{practice.id}"]
    assert len(chosen) == 1
    chosen[0].trigger()

    assert window.lesson_list.count() == 1
    assert window.lesson_list.item(0).data(Qt.ItemDataRole.UserRole) == practice.id
    assert not hint.isVisible() and not button.isVisible()
    assert window.lesson_list.accessibleDescription() == ""
    window.close()
    store.close()


def test_a_new_lesson_made_after_a_practice_lesson_is_the_one_the_list_marks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A teacher took the practice lesson, then made a new lesson from an article: the key
    editor shows the new article, so the lesson list must mark the new one, not the practice
    lesson (it kept marking the practice lesson, the old current row, once the new lesson
    was listed above it)."""
    store = Store.open(tmp_path / "fresh.db")
    window = open_teacher(qtbot, store)
    practice = load_lesson(default_lesson_path())
    action = window.findChild(QAction, f"practice_{practice.id}")
    assert action is not None
    action.trigger()
    assert window.lesson_list.currentItem().data(Qt.ItemDataRole.UserRole) == practice.id

    dialog = window.new_lesson()
    assert dialog.text is not None
    dialog.title.setText("Pool")
    dialog.text.setPlainText("The pool will close in August, the council said.")
    dialog.on_buttons_accepted()

    opened = window.desk.require_lesson()
    assert opened.title == "Pool"
    marked = window.lesson_list.currentItem()
    assert marked is not None and marked.data(Qt.ItemDataRole.UserRole) == opened.id
    assert [item.isSelected() for item in window.lesson_list.selectedItems()] == [True]
    assert window.lesson_list.selectedItems()[0] is marked
    window.close()
    store.close()
