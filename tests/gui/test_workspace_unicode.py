"""Words right after emoji (ZWJ sequences, flags, skin tones), combining accents and CJK:
selected with real keys in Qt's UTF-16 world, stored as code points."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from medialit.core.lesson import save_lesson
from medialit.core.text import canonicalize
from tests.gui.window import db_spans, open_window
from tests.helpers import make_lesson

TEXT = canonicalize(
    "Zoë 👩‍👩‍👧 said 🇫🇷flags x\u0301enon rose 😀 fast; 東京 calm 👍🏽 ok. Ünïcödé ends here."
)
SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def lesson_file(tmp_path: Path) -> Path:
    path = tmp_path / "emoji.json"
    save_lesson(path, make_lesson(TEXT, id="e" * 32, title="Emoji"))
    return path


def test_the_text_really_has_what_we_test() -> None:
    assert "x\u0301enon" in TEXT  # no precomposed x-acute: the accent stays its own code point
    assert len("👩‍👩‍👧") == 5 and len("🇫🇷") == 2 and len("👍🏽") == 2


@pytest.mark.parametrize(
    ("before", "steps", "word", "key", "label"),
    [
        # caret before the emoji, Right steps over the whole cluster, then over the space
        ("👩‍👩‍👧", 2, "said", Qt.Key.Key_1, "claim"),
        ("🇫🇷", 1, "flags", Qt.Key.Key_2, "fact"),  # no space between flag and word
        ("😀", 2, "fast", Qt.Key.Key_3, "speculation"),
        ("👍🏽", 2, "ok", Qt.Key.Key_4, "sourcing"),
    ],
)
def test_word_after_emoji_selected_by_keyboard(
    qtbot: QtBot,
    tmp_path: Path,
    lesson_file: Path,
    before: str,
    steps: int,
    word: str,
    key: Qt.Key,
    label: str,
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db", lesson_file)
    view = window.view
    view.place_caret_cp(TEXT.index(before))
    for _ in range(steps):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.caret_cp() == TEXT.index(word)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(view, key)
    start = TEXT.index(word)
    assert db_spans(store, window) == [(word, label, start, start + len(word), "")]
    store.close()


@pytest.mark.parametrize(
    ("word", "part"),
    [
        ("x\u0301enon", "en"),  # combining accent before the selection: snapping keeps it
        ("東京", "東"),
        ("Ünïcödé", "nïc"),
    ],
)
def test_part_of_a_word_grows_to_the_word(
    qtbot: QtBot, tmp_path: Path, lesson_file: Path, word: str, part: str
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db", lesson_file)
    view = window.view
    view.place_caret_cp(TEXT.index(part, TEXT.index(word)))
    for _ in part:
        qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_1)
    start = TEXT.index(word)
    assert db_spans(store, window) == [(word, "claim", start, start + len(word), "")]
    # and back the other way: code points to the characters Qt shows
    view.select_cp(start, start + len(word))
    assert view.textCursor().selectedText() == word
    store.close()
