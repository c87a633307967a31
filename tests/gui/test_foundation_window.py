"""The Foundation slice end to end: keyboard selection, key 1, saved, reopened."""

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from medialit.core.lesson import load_lesson
from medialit.core.model import Label
from tests.gui.window import open_window
from tests.helpers import UNICODE_TEXT

REPO = Path(__file__).parents[2]


def _open(qtbot: QtBot, db: Path, lesson: Path | None = None):
    # First start asks the student's name (a window-modal dialog): answer it as a student would.
    return open_window(qtbot, db, lesson)


def test_select_word_with_keyboard_press_1_and_find_it_after_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "medialit.db"
    store, window, problems = _open(qtbot, db)
    assert problems == []
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        view,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert view.selection_cp() is not None
    qtbot.keyClick(view, Qt.Key.Key_1)
    spans = store.work.spans(window.session.student.id, window.session.lesson.id)
    assert [(s.quote, s.label, s.start) for s in spans] == [("Alec", Label.CLAIM, 0)]
    assert window.saved_label.text() == "✓ Saved"
    assert len(view.index) == 1 and view.rects_cp(0, 4)  # painted from the index, on screen
    window.close()
    store.close()

    store2, window2, _ = _open(qtbot, db)
    spans2 = store2.work.spans(window2.session.student.id, window2.session.lesson.id)
    assert [(s.quote, s.label) for s in spans2] == [("Alec", Label.CLAIM)]
    assert len(window2.view.index) == 1
    store2.close()


def test_offsets_after_emoji_are_code_points(
    qtbot: QtBot, tmp_path: Path, unicode_lesson_file: Path
) -> None:
    store, window, _ = _open(qtbot, tmp_path / "m.db", unicode_lesson_file)
    view = window.view
    for word, key, label in (
        ("fast", Qt.Key.Key_2, Label.FACT),
        ("東京", Qt.Key.Key_3, Label.SPECULATION),
        ("staff", Qt.Key.Key_4, Label.SOURCING),
    ):
        found = view.document().find(word)  # Qt finds it in its own UTF-16 positions
        assert not found.isNull()
        view.setTextCursor(found)
        qtbot.keyClick(view, key)
        spans = {
            s.quote: s
            for s in store.work.spans(window.session.student.id, window.session.lesson.id)
        }
        assert spans[word].start == UNICODE_TEXT.index(word)
        assert spans[word].label is label
    # the view maps back the other way too
    start = UNICODE_TEXT.index("staff")
    view.select_cp(start, start + 5)
    assert view.textCursor().selectedText() == "staff"
    store.close()


def test_selection_of_only_punctuation_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = _open(qtbot, tmp_path / "m.db")
    text = window.session.article.text
    i = text.index(". ")
    window.view.select_cp(i, i + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert store.work.spans(window.session.student.id, window.session.lesson.id) == []
    assert "only spaces or punctuation" in window.statusBar().currentMessage()
    store.close()


def test_bad_lesson_file_falls_back_to_bundled_with_message(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{oops", "utf-8")
    store, window, problems = _open(qtbot, tmp_path / "m.db", bad)
    assert len(problems) == 1 and "broken.json" in problems[0] and "not valid JSON" in problems[0]
    bundled = load_lesson(REPO / "lessons" / "000_baldwin_rust.json")  # what a first start opens
    assert window.session.lesson.id == bundled.id
    assert window.session.article.text == bundled.article.text
    store.close()
