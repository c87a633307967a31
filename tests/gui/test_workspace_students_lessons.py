"""First start asks a name; each name keeps its own work; each lesson too; reopening continues."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from medialit.core.lesson import save_lesson
from medialit.core.store import Store
from medialit.gui import lesson_flow
from medialit.gui.app import build_window
from medialit.gui.dialogs import NameDialog
from tests.gui.window import answer_name_dialog, db_spans, open_window
from tests.helpers import UNICODE_TEXT, make_lesson


def label_first_word(qtbot: QtBot, window, key: Qt.Key = Qt.Key.Key_1) -> None:
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        view,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClick(view, key)


def test_first_start_asks_the_name_and_nothing_is_saved_before(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "m.db")
    window, _ = build_window(store)
    qtbot.addWidget(window)
    window.show()
    # The seed article's lesson, though the picker lists an easier practice lesson first.
    assert Path(window.session.lesson.origin).name == "000_baldwin_rust.json"
    dialog = window.dialog
    assert isinstance(dialog, NameDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert not window.label_actions[next(iter(window.label_actions))].isEnabled()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a name is required
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # first start: Escape does not skip it
    assert dialog.isVisible()
    assert any("not a password" in label.text() for label in dialog.findChildren(QLabel))
    answer_name_dialog(qtbot, window, "Ann Lee", "7B")
    # the student's next key (1-4) goes to the student window, not nowhere
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    student = window.session.student
    assert (student.name, student.class_code, len(student.id)) == ("Ann Lee", "7B", 32)
    assert store.students.get(student.id) == student
    assert window.student_label.text() == "Ann Lee · 7B"
    assert window.label_actions[next(iter(window.label_actions))].isEnabled()
    store.close()


def test_each_name_has_its_own_work(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db", name="Ann")
    ann = window.session.student
    label_first_word(qtbot, window)
    window.acts.switch_student.trigger()
    answer_name_dialog(qtbot, window, "Bob")
    assert window.session.student.name == "Bob" and window.session.student.id != ann.id
    assert db_spans(store, window) == [] and len(window.session.index) == 0
    assert window.undo_stack.count() == 0  # Bob cannot undo Ann's work
    label_first_word(qtbot, window, Qt.Key.Key_2)
    window.acts.switch_student.trigger()
    answer_name_dialog(qtbot, window, "ann")  # the same name continues that work
    assert window.session.student.id == ann.id
    assert [s[:2] for s in db_spans(store, window)] == [("Alec", "claim")]
    window.close()
    store.close()
    # the last student is remembered: no question on the next start
    store2 = Store.open(tmp_path / "m.db")
    window2, _ = build_window(store2)
    qtbot.addWidget(window2)
    window2.show()
    assert window2.dialog is None and window2.session.student.id == ann.id
    store2.close()


def test_edit_my_name_keeps_the_work(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db", name="Anne")
    label_first_word(qtbot, window)
    window.acts.rename.trigger()
    answer_name_dialog(qtbot, window, "Ann", "7C")
    assert (window.session.student.name, window.session.student.class_code) == ("Ann", "7C")
    assert len(db_spans(store, window)) == 1
    store.close()


def test_work_is_kept_per_lesson_and_the_last_lesson_reopens(qtbot: QtBot, tmp_path: Path) -> None:
    pack = tmp_path / "usb" / "pack.json"
    pack.parent.mkdir()
    save_lesson(pack, make_lesson(title="From the teacher"), kind="student-pack")
    db = tmp_path / "m.db"
    store, window, _ = open_window(qtbot, db)
    bundled_id = window.session.lesson.id
    label_first_word(qtbot, window)
    assert lesson_flow.open_lesson_at(window, str(pack))
    assert window.windowTitle().startswith("From the teacher")
    assert window.view.text == UNICODE_TEXT and db_spans(store, window) == []
    label_first_word(qtbot, window, Qt.Key.Key_4)
    assert db_spans(store, window) == [("Café", "sourcing", 0, 4, "")]
    window.close()
    store.close()

    pack.unlink()  # the USB stick went home with the teacher
    store2, window2, problems = open_window(qtbot, db)
    assert problems == [] and window2.session.lesson.title == "From the teacher"
    assert db_spans(store2, window2) == [("Café", "sourcing", 0, 4, "")]
    # the picker offers the bundled lessons first, easiest first (the seed article's is
    # level 2, so second); the first one's work is still there
    lesson_flow.choose_lesson(window2)
    dialog = window2.dialog
    shown = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert [text.split(" (")[-1] for text in shown] == [
        "practice, level 1: easy, comes with medialit)",
        "practice, level 2: medium, comes with medialit)",
        "practice, level 3: hard, comes with medialit)",
        "from your teacher, opened before)",
    ]
    assert shown[1].startswith("Alec Baldwin") and dialog.list.currentRow() == 0
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window2.session.lesson.id == bundled_id
    assert [s[:2] for s in db_spans(store2, window2)] == [("Alec", "claim")]
    store2.close()


def test_a_broken_lesson_file_is_reported_and_the_lesson_stays(
    qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "medialit-lesson"}', "utf-8")
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    before = window.session.lesson.id
    assert not lesson_flow.open_lesson_at(window, str(bad))
    assert window.session.lesson.id == before
    store.close()


def test_work_that_no_longer_fits_the_text_is_kept_apart_not_drawn_at_the_wrong_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    store, window, _ = open_window(qtbot, db)
    label_first_word(qtbot, window)
    store.db.execute("UPDATE work_spans SET quote = 'Alex'")  # as if the text had changed
    window.close()
    store.close()
    store2, window2, _ = open_window(qtbot, db)
    assert len(window2.session.index) == 0 and len(window2.session.orphans) == 1
    assert "could not be placed" in window2.statusBar().currentMessage()
    assert window2.span_list.orphan_panel.isVisible()
    assert [r["orphaned"] for r in store2.db.query("SELECT orphaned FROM work_spans")] == [1]
    store2.close()
