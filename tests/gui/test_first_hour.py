"""A student's first hour: the hint above the article, answers beside the text and spoken, the
teacher not asked for a student's name, a note over several lines, a folder typed by hand, a
lesson title shown whole. Real key and mouse events; the database checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.store import Store
from medialit.core.teacher.passphrase import has_passphrase
from medialit.gui import caret_voice
from medialit.gui.app import build_window
from medialit.gui.article_pane import NEXT_STEPS
from medialit.gui.dialogs import NameDialog, NoteDialog
from medialit.gui.lesson_picker import LessonPicker
from medialit.gui.main_window import MainWindow
from medialit.gui.submit_dialog import SubmitDialog
from medialit.gui.teacher.passphrase import PassphraseDialog
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import answer_name_dialog, db_spans, open_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Every announcement medialit hands Qt for the screen reader: (message, politeness)."""
    said: list[tuple[str, object]] = []

    def capture(event) -> None:
        if hasattr(event, "message"):
            said.append((event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(capture))
    return said


def words(heard: list[tuple[str, object]]) -> list[str]:
    return [message for message, _ in heard]


def article_top(window: MainWindow) -> tuple[int, int]:
    """Where the article's first character is drawn on the screen."""
    view = window.view
    first = view.textCursor()
    first.setPosition(0)
    QApplication.processEvents()  # the layout settles as it would before the next paint
    top = view.viewport().mapToGlobal(view.cursorRect(first).topLeft())
    return top.x(), top.y()


def test_hint_above_the_article_turns_into_the_next_steps(qtbot: QtBot, tmp_path: Path) -> None:
    """The first label leaves the article where it is on screen: the hint's row stays and its
    words turn to what comes next (it used to hide, and the text jumped up under the mouse
    right after the student's first success)."""
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    hint = window.pane.hint
    assert hint.isVisible()
    assert hint.text() == "Select words, then press 1 Claim, 2 Fact, 3 Speculation, 4 Sourcing."
    assert hint.geometry().bottom() < window.view.geometry().top()  # above the article
    before = article_top(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert len(db_spans(store, window)) == 1
    assert article_top(window) == before  # not a pixel up or down
    assert hint.isVisible()
    assert hint.text() == NEXT_STEPS and hint.accessibleName() == NEXT_STEPS
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert db_spans(store, window) == [] and hint.text().startswith("Select words")  # back
    assert article_top(window) == before
    window.close()
    store.close()


def test_first_label_leaves_a_narrow_article_in_place(qtbot: QtBot, tmp_path: Path) -> None:
    """In a narrow window the two wordings wrap onto different numbers of lines: the row
    is as tall as the taller one, so the text still does not move."""
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    window.resize(620, window.height())
    for dock in (window.legend_dock, window.span_list_dock):
        dock.hide()
    before = article_top(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert len(db_spans(store, window)) == 1
    assert article_top(window) == before
    window.close()
    store.close()


def test_answers_show_beside_the_text_and_are_spoken(
    qtbot: QtBot,
    tmp_path: Path,
    heard: list[tuple[str, object]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(caret_voice, "DESCRIPTION_HEARD", True)  # AT-SPI: Orca speaks it
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view, message = window.view, window.pane.message
    qtbot.keyClick(view, Qt.Key.Key_1)  # nothing selected
    assert message.isVisible() and message.text() == "Select some text first, then press 1-4."
    assert "Select some text first, then press 1-4." in words(heard)
    assert window.statusBar().currentMessage() == message.text()
    in_view = QRect(view.mapTo(window.pane, view.rect().topLeft()), view.size())
    assert in_view.contains(message.geometry())  # over the article, not in the status bar

    text = window.session.article.text
    start = text.index("journalist")
    view.select_cp(start - 2, start - 1)  # '," ' : only punctuation and spaces
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert message.text() == "That selection is only spaces or punctuation: nothing to label."
    caret = view.cursorRect()
    caret_in_pane = QRect(view.viewport().mapTo(window.pane, caret.topLeft()), caret.size())
    assert 0 <= message.geometry().top() - caret_in_pane.bottom() <= 20  # just under the text

    view.select_cp(start, start + len("journalist"))
    qtbot.keyClick(view, Qt.Key.Key_4)  # the article's description says it, once
    assert window.view.accessibleDescription().startswith("Sourcing: “journalist”")
    qtbot.keyClick(view, Qt.Key.Key_2)  # relabel
    assert window.view.accessibleDescription().startswith("Fact: “journalist”")
    assert not any(w.startswith(("Labelled", "Relabelled")) for w in words(heard))
    view.select_cp(start, start + len("journalist"))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert words(heard)[-1] == "That is already labelled Fact."
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert message.text() == "Deleted the Fact span. Ctrl+Z brings it back."
    assert words(heard)[-1] == message.text()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert words(heard)[-1] == "Undone: Delete fact span. Ctrl+Y does it again."
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert words(heard)[-1] == "Done again: Delete fact span."
    assert db_spans(store, window) == []
    assert window.saved_label.accessibleName() == "Saved"
    qtbot.waitUntil(lambda: not message.isVisible(), timeout=8000)  # it fades by itself
    window.close()
    store.close()


def _first_start_i_am_the_teacher(qtbot: QtBot, tmp_path: Path) -> tuple[Store, MainWindow]:
    """A first start on a new database, and "I am the teacher" clicked in the name dialog."""
    store = Store.open(tmp_path / "m.db")
    window, _ = build_window(store)
    qtbot.addWidget(window)
    window.show()
    name = window.dialog
    assert isinstance(name, NameDialog) and name.teacher_button is not None
    qtbot.mouseClick(name.teacher_button, Qt.MouseButton.LeftButton)
    return store, window


def _set_passphrase(qtbot: QtBot, gate: PassphraseDialog) -> None:
    """The first teacher passphrase, typed twice, then Enter."""
    qtbot.keyClicks(gate.passphrase, "sesame-open")
    qtbot.keyClicks(gate.repeat, "sesame-open")
    qtbot.keyClick(gate.passphrase, Qt.Key.Key_Return)


def test_i_am_the_teacher_opens_teacher_mode_not_a_name(qtbot: QtBot, tmp_path: Path) -> None:
    store, window = _first_start_i_am_the_teacher(qtbot, tmp_path)
    gate = window.findChild(PassphraseDialog)
    qtbot.waitUntil(lambda: gate is not None and gate.isVisible())
    assert window.dialog is None  # no name asked while the teacher is at the gate
    qtbot.keyClick(gate, Qt.Key.Key_Escape)  # cancelled: asked for a name again
    qtbot.waitUntil(lambda: isinstance(window.dialog, NameDialog))
    qtbot.mouseClick(window.dialog.teacher_button, Qt.MouseButton.LeftButton)
    gate = next(d for d in window.findChildren(PassphraseDialog) if d.isVisible())
    _set_passphrase(qtbot, gate)
    assert has_passphrase(store)
    code = gate.code_box  # the one-time recovery code comes first
    assert code is not None and code.isVisible()
    code.button(QMessageBox.StandardButton.Ok).click()
    teacher = window._teacher_window  # type: ignore[attr-defined]
    qtbot.addWidget(teacher)
    assert isinstance(teacher, TeacherWindow) and teacher.isVisible()
    assert store.db.execute("SELECT count(*) FROM students").fetchone()[0] == 0  # no student
    qtbot.waitUntil(lambda: not window.findChildren(PassphraseDialog))  # both gates deleted
    teacher.close()
    window.close()
    store.close()


def test_closing_teacher_mode_from_the_first_start_asks_the_next_one_for_a_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The teacher set up the laptop with "I am the teacher" and closed teacher mode: nobody is
    named, so a student sitting down was shown "press 1" and 1 did nothing. Now the name is
    asked as the teacher window closes, and the student's first label is saved."""
    store, window = _first_start_i_am_the_teacher(qtbot, tmp_path)
    gate = next(d for d in window.findChildren(PassphraseDialog) if d.isVisible())
    _set_passphrase(qtbot, gate)
    code = gate.code_box
    assert code is not None
    code.button(QMessageBox.StandardButton.Ok).click()
    teacher = window._teacher_window  # type: ignore[attr-defined]
    assert isinstance(teacher, TeacherWindow) and teacher.isVisible()
    assert window.dialog is None  # not asked while the teacher works
    teacher.close()
    qtbot.waitUntil(lambda: isinstance(window.dialog, NameDialog))
    asked = window.dialog
    assert isinstance(asked, NameDialog) and asked.isVisible()
    answer_name_dialog(qtbot, window, "Ana")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert [row[1] for row in db_spans(store, window)] == ["claim"]
    window.close()
    store.close()


def test_note_editor_takes_several_lines(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_N)
    dialog = window.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClicks(dialog.edit, "He says it.")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # a new line, not "save"
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.edit, "No proof given.")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert db_spans(store, window)[0][4] == "He says it.\nNo proof given."
    window.close()
    store.close()


def test_submit_folder_can_be_typed(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    usb = tmp_path / "USB"
    usb.mkdir()
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.dialog
    assert isinstance(dialog, SubmitDialog) and not dialog.folder_edit.isReadOnly()
    dialog.folder_edit.setFocus()
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.folder_edit, str(usb))
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(list(usb.glob("*.json"))))
    (written,) = usb.glob("*.json")
    assert json.loads(written.read_text("utf-8"))["student_name"] == "Ann"
    window.close()
    store.close()


def test_open_lesson_dialog_shows_a_long_title_whole(qtbot: QtBot) -> None:
    title = (
        "Alec Baldwin Makes A Stunning Claim In First Interview After Rust Shooting, "
        "and what the police, the producers and the crew said about it later that week"
    )
    dialog = LessonPicker(None, choices=[(title, "id:x"), ("Short", "id:y")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    lessons = dialog.findChild(QListWidget, "lesson_list")
    item = lessons.item(0)
    shown = lessons.visualItemRect(item)
    needed = lessons.fontMetrics().boundingRect(
        QRect(0, 0, shown.width(), 10_000), Qt.TextFlag.TextWordWrap, title
    )
    assert shown.height() >= needed.height()  # every line of it, none cut or elided
    assert needed.width() <= lessons.viewport().width()
