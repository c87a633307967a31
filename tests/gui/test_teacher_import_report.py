"""The import report in plain words (issue 12): reasons a teacher can read, wrapped and never
cut, and files kept but held back from grading named with why."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from medialit.core.store import Store
from medialit.core.teacher.import_words import plain_reason
from tests.gui.gradebook_class import Hand, authored, hand_in, teacher_with

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile" / "submissions"


def test_programmer_messages_become_plain_words() -> None:
    assert (
        plain_reason(
            "not valid JSON: Unterminated string starting at: line 38 column 13 (char 1234)"
        )
        == "the file is cut off or is not valid JSON (line 38)"
    )
    assert plain_reason("not valid JSON: Expecting value: line 1 column 1 (char 0)") == (
        "the file is not a medialit submission: it is not JSON at all"
    )
    assert "UTF-8" in plain_reason("not UTF-8 text (byte 382)")
    assert plain_reason("student_name: is missing") == "student_name: is missing"  # already plain


def test_the_report_says_it_plainly_and_names_held_files(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.memory()
    lesson = authored(store)
    folder = tmp_path / "in"
    hand_in(folder, lesson, [Hand("Ann Lee", "a", 4, at="9999-12-31T23:59:59+00:00")])
    for name in ("sub-truncated.json", "sub-raw-control-char.json", "sub-latin1.json"):
        shutil.copy(HOSTILE / name, folder / name)
    window = teacher_with(qtbot, store)
    window.imports.import_paths([folder])
    qtbot.waitUntil(lambda: window.imports.run is None)
    dialog = window.imports.report_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {
        dialog.table.item(r, 0).text(): (
            dialog.table.item(r, 1).text(),
            dialog.table.item(r, 2).text(),
        )
        for r in range(dialog.table.rowCount())
    }
    assert rows["sub-truncated.json"] == (
        "rejected",
        "the file is cut off or is not valid JSON (line 15)",
    )
    assert rows["sub-raw-control-char.json"][1] == (
        "the file has a character that JSON does not allow (line 10)"
    )
    assert not any("column" in why or "char " in why for _what, why in rows.values())
    held = [(f, why) for f, (what, why) in rows.items() if what == "held back"]
    assert len(held) == 1 and "more than a day after it was imported" in held[0][1]
    assert "1 file held back from grading" in dialog.summary.text()
    # wrapped, not cut: the reason's row is as tall as its wrapped text needs
    row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "held back"
    )
    assert dialog.table.wordWrap() and dialog.table.rowHeight(row) >= dialog.table.sizeHintForRow(
        row
    )
    store.close()
