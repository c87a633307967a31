"""Heard, not only seen: what a screen reader gets from the student window, read through Qt's
accessibility interfaces (roles, names, text, table cells) and the announcements medialit sends.
Real key events; the database checked where an edit is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from medialit.gui import caret_voice
from medialit.gui.caret_voice import labels_here
from tests.gui.test_first_hour import heard, words  # noqa: F401 - the fixture
from tests.gui.window import db_spans, open_window

Role = QAccessible.Role
CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def label_words(qtbot: QtBot, window, quote: str, key: Qt.Key) -> None:
    text = window.session.article.text
    start = text.index(quote)
    window.view.select_cp(start, start + len(quote))
    qtbot.keyClick(window.view, key)


def test_span_list_cells_are_named_by_their_column(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    label_words(qtbot, window, "Alec Baldwin", Qt.Key.Key_4)
    label_words(qtbot, window, "journalist George Stephanopoulos", Qt.Key.Key_2)
    table = QAccessible.queryAccessibleInterface(window.span_list.table)
    children = [table.child(i) for i in range(table.childCount())]
    headers = [c.text(QAccessible.Text.Name) for c in children if c.role() == Role.ColumnHeader]
    cells = [c.text(QAccessible.Text.Name) for c in children if c.role() == Role.Cell]
    assert headers == ["Label", "Quote", "Note"]  # the reader says the column, then the cell
    assert cells == [
        *("Sourcing", "Alec Baldwin", "no note"),
        *("Fact", "journalist George Stephanopoulos", "no note"),
    ]
    window.close()
    store.close()


def test_definitions_are_text_read_line_by_line(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    legend = window.legend
    assert legend.hasFocus()
    iface = QAccessible.queryAccessibleInterface(legend)
    assert iface.role() == QAccessible.Role.EditableText  # not StaticText ("… label")
    assert iface.state().readOnly and iface.state().focusable
    assert iface.text(QAccessible.Text.Name) == "Label definitions"
    text = iface.textInterface()
    whole = text.text(0, text.characterCount())
    for definition in ("1 · Claim", "2 · Fact", "3 · Speculation", "4 · Sourcing"):
        assert definition in whole
    before = text.cursorPosition()
    qtbot.keyClick(legend, Qt.Key.Key_Down)  # a caret: the reader moves (and reads) a line
    assert text.cursorPosition() > before
    window.close()
    store.close()


def test_save_state_is_readable(qtbot: QtBot, tmp_path: Path) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    saved = QAccessible.queryAccessibleInterface(window.saved_label)
    assert saved.text(QAccessible.Text.Name) == "Saved"
    assert saved.text(QAccessible.Text.Description) == "Save state"
    window.close()
    store.close()


def test_the_labels_at_the_caret_are_said_as_the_student_reads(
    qtbot: QtBot,
    tmp_path: Path,
    heard: list[tuple[str, object]],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(caret_voice, "DESCRIPTION_HEARD", True)  # AT-SPI: Orca speaks it
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    article = QAccessible.queryAccessibleInterface(view)

    def description() -> str:
        return article.text(QAccessible.Text.Description)

    label_words(qtbot, window, "Alec Baldwin Makes", Qt.Key.Key_1)
    label_words(qtbot, window, "Alec Baldwin", Qt.Key.Key_4)
    assert [r[1] for r in db_spans(store, window)] == ["sourcing", "claim"]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)  # far away: out of every label
    assert description() == "No label."
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)  # into both
    assert description() == "Claim and Sourcing."
    seen = [description()]
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)  # word by word: "Baldwin", "Makes", "A"
        seen.append(description())
    assert seen == ["Claim and Sourcing.", "Claim and Sourcing.", "Claim.", "No label."]

    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)  # the next span: the window says it whole
    assert description().startswith("Sourcing: “Alec Baldwin”. 1-4 relabel")
    assert not any(w.startswith("Sourcing: “Alec") for w in words(heard))  # once, not twice
    window.close()
    store.close()


def test_labels_here_in_words() -> None:
    from medialit.core.model import Article, Label, Span

    article = Article.from_canonical("Police said the bridge may fall.")
    said = Span.create(article, 0, 11, Label.SOURCING, note="They are named")
    fall = Span.create(article, 16, 31, Label.SPECULATION)
    assert labels_here([]) == "No label."
    assert labels_here([said]) == "Sourcing. Note on Sourcing: They are named."
    assert labels_here([said, fall]) == (
        "Speculation and Sourcing. Note on Sourcing: They are named."
    )
