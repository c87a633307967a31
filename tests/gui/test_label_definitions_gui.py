"""Label definitions edited per lesson in a small editor (undoable, committed), shown in the
student window and the review from the packs the teacher exports (issue 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from medialit.core.lesson import load_lesson
from medialit.core.model import Label
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.core.teacher.authoring import lesson_from_text, load_authored
from medialit.gui.app import build_window
from medialit.gui.review import ReviewWindow
from tests.gui.window import open_teacher

TEXT = "The mayor said the bridge may open in May. The council voted 7 to 2 on Monday."
MINE = "A guess: look for may, might, could. Nobody knows yet."


def test_definitions_edited_in_the_dialog_are_one_undoable_committed_step(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "teacher.db")
    teacher = open_teacher(qtbot, store)
    teacher.adopt(lesson_from_text(TEXT, title="Bridge"))
    lesson_id = teacher.desk.require_lesson().id
    default = load_authored(store, lesson_id).definition_of(Label.SPECULATION)
    assert default.startswith("A guess about what might be true")

    dialog = teacher.key_editor.edit_definitions()
    assert dialog is not None
    box = dialog.boxes[Label.SPECULATION]
    box.selectAll()
    qtbot.keyClicks(box, MINE)
    dialog.boxes[Label.FACT].clear()
    dialog.on_buttons_accepted()  # an empty one: said, naming it, nothing saved
    assert dialog.isVisible() and "definition of Fact is empty" in dialog.error.text()
    assert load_authored(store, lesson_id).definition_of(Label.SPECULATION) == default
    dialog.default_button.click()  # all four back to the defaults, then Speculation again
    box.selectAll()
    qtbot.keyClicks(box, MINE)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert load_authored(store, lesson_id).definition_of(Label.SPECULATION) == MINE

    teacher.undo_action.trigger()
    assert load_authored(store, lesson_id).definition_of(Label.SPECULATION) == default
    teacher.redo_action.trigger()
    assert load_authored(store, lesson_id).definition_of(Label.SPECULATION) == MINE

    # the student pack carries them into the student window
    at = TEXT.index("the bridge")
    teacher.key_editor.view.select_cp(at, at + len("the bridge may open in May"))
    teacher.key_editor.add_selection(Label.SPECULATION)
    pack = teacher.exports.student_pack(tmp_path / "pack.json")
    review_pack = teacher.exports.review_pack(tmp_path / "review.json")
    assert pack is not None and review_pack is not None
    student_store = Store.open(tmp_path / "student.db")
    window, _problems = build_window(student_store, pack, student=Student("s1", "Ann"))
    qtbot.addWidget(window)
    assert MINE in window.legend.toPlainText()

    # and the review pack into the review
    reviewed = load_lesson(review_pack)
    review = ReviewWindow(reviewed, [])
    qtbot.addWidget(review)
    review.show()
    speculation = review.labels.definitions[2]
    assert MINE in speculation.text() and not speculation.isVisible()
    review.labels_action.trigger()  # F1
    assert speculation.isVisible()
    teacher.close()
    store.close()
    student_store.close()
