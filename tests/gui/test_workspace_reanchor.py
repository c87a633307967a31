"""A corrected article text: the student's labels move with their words; those that cannot
be placed are kept, listed under "Could not place", never handed in, deleted only on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core.errors import StoreError
from medialit.core.lesson import save_lesson
from medialit.core.model import Article, Lesson
from medialit.core.store import Store
from medialit.core.submission import load_submission
from medialit.core.tables.work import Work
from medialit.gui.dialogs import NoteDialog
from medialit.gui.main_window import MainWindow
from medialit.gui.submit_dialog import SubmitDialog
from tests.gui.window import open_window, press

LESSON_ID = "reanchor-lesson-1"
V1 = "Police said the car was red. Witnesses said it was loud. Nobody was hurt."
REMOVED = "Witnesses said it was loud. "
V2 = "Correction 👩‍👩‍👧 (東京): " + V1.replace(REMOVED, "")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def write_lesson(path: Path, text: str, version: int, previous: tuple[str, ...] = ()) -> Lesson:
    lesson = Lesson(
        LESSON_ID, version, "Car news", Article.from_canonical(text), previous_sha256=previous
    )
    save_lesson(path, lesson, kind="student-pack")
    return lesson


def label(qtbot: QtBot, window: MainWindow, quote: str, key: Qt.Key) -> None:
    start = window.session.article.text.index(quote)
    window.view.select_cp(start, start + len(quote))
    qtbot.keyClick(window.view, key)


def rows(store: Store) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in store.db.query(
            'SELECT quote, label, start, "end", note, article_sha256, orphaned FROM work_spans '
            "ORDER BY quote"
        )
    ]


def test_corrected_text_moves_labels_and_keeps_the_one_that_cannot_be_placed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    v1 = write_lesson(tmp_path / "v1.json", V1, 1)
    store, window, _ = open_window(qtbot, db, tmp_path / "v1.json")
    label(qtbot, window, "Police said", Qt.Key.Key_4)
    label(qtbot, window, "Witnesses said it was loud", Qt.Key.Key_1)
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    note = window.dialog
    assert isinstance(note, NoteDialog)
    qtbot.keyClicks(note.edit, "no source named")
    qtbot.keyClick(note.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    label(qtbot, window, "Nobody was hurt", Qt.Key.Key_2)
    before = {r["quote"]: r for r in rows(store)}
    assert len(before) == 3
    window.close()
    store.close()

    # the teacher corrected the text: words inserted before the spans, one sentence removed
    write_lesson(tmp_path / "v2.json", V2, 2, (v1.article.sha256,))
    store, window, _ = open_window(qtbot, db, tmp_path / "v2.json")
    v2_sha = window.session.article.sha256
    after = {r["quote"]: r for r in rows(store)}
    assert len(after) == 3  # nothing dropped
    for quote in ("Police said", "Nobody was hurt"):  # at their new code-point offsets
        start = V2.index(quote)
        assert (after[quote]["start"], after[quote]["end"]) == (start, start + len(quote))
        assert after[quote]["article_sha256"] == v2_sha and after[quote]["orphaned"] == 0
    assert after["Police said"]["start"] == len("Correction 👩‍👩‍👧 (東京): ")  # not UTF-16
    orphan = after["Witnesses said it was loud"]
    assert orphan == {**before["Witnesses said it was loud"], "orphaned": 1}  # kept as it was
    assert [s.quote for s in window.session.index] == ["Police said", "Nobody was hurt"]

    # the window lists it under "Could not place", says so, and keyboard reaches it
    panel = window.span_list.orphan_panel
    assert panel.isVisible() and panel.heading.text() == "Could not place (1)"
    assert panel.message.text().startswith(
        "1 label could not be placed on the corrected text; it is kept below."
    )
    assert "could not be placed" in window.statusBar().currentMessage()
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in range(3)] == [
        "Claim",
        "Witnesses said it was loud",
        "no source named",
    ]
    assert "Witnesses said it was loud" in panel.table.item(0, 1).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    assert panel.table.accessibleName()
    window.span_list.table.setFocus()
    qtbot.keyClick(window.span_list.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.table
    press(qtbot, panel.table, QKeySequence.StandardKey.Copy)
    assert QApplication.clipboard().text() == "Witnesses said it was loud"

    # submitting hands in the two placed labels only, and says so first
    window.prefs.set_last_submit_folder(str(tmp_path))
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL_SHIFT)
    dialog = window.dialog
    assert isinstance(dialog, SubmitDialog)
    summary = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "1 label that could not be placed on the corrected text will not be handed in" in (
        summary
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    box = window.dialog
    assert isinstance(box, QMessageBox)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert window.last_submission is not None
    sub = load_submission(window.last_submission)
    assert sub.article_sha256 == v2_sha
    assert [(s.quote, s.start) for s in sub.spans] == [
        ("Police said", V2.index("Police said")),
        ("Nobody was hurt", V2.index("Nobody was hurt")),
    ]

    # Delete in the list deletes the orphan, not the span selected in the article; undoable
    window.select_span(window.session.index[0].id)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert sorted(after) == ["Nobody was hurt", "Police said", "Witnesses said it was loud"]
    assert sorted(r["quote"] for r in rows(store)) == ["Nobody was hurt", "Police said"]
    assert window.session.orphans == [] and not panel.isVisible()
    assert window.undo_action.text() == "&Undo Delete unplaced claim label"
    press(qtbot, window.view, QKeySequence.StandardKey.Undo)
    assert {r["quote"]: r for r in rows(store)} == after  # back exactly as it was
    assert panel.isVisible() and panel.table.rowCount() == 1
    press(qtbot, window.view, QKeySequence.StandardKey.Redo)
    assert len(rows(store)) == 2 and not panel.isVisible()
    press(qtbot, window.view, QKeySequence.StandardKey.Undo)
    assert len(rows(store)) == 3

    # the button does the same; reopening re-anchors nothing more (idempotent)
    panel.table.setCurrentCell(0, 0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert len(rows(store)) == 2
    press(qtbot, window.view, QKeySequence.StandardKey.Undo)
    settled = rows(store)
    window.close()
    store.close()
    store, window, _ = open_window(qtbot, db, tmp_path / "v2.json")
    assert rows(store) == settled and window.session.reanchoring.empty
    assert len(window.session.orphans) == 1
    store.close()


def test_when_the_new_places_cannot_be_saved_nothing_moves_and_the_window_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "m.db"
    v1 = write_lesson(tmp_path / "v1.json", V1, 1)
    store, window, _ = open_window(qtbot, db, tmp_path / "v1.json")
    label(qtbot, window, "the car was red", Qt.Key.Key_2)  # still at its offsets in v2b
    label(qtbot, window, "Nobody was hurt", Qt.Key.Key_2)  # moves in v2b
    before = rows(store)
    window.close()
    store.close()

    write_lesson(tmp_path / "v2.json", V1.replace(REMOVED, ""), 2, (v1.article.sha256,))

    def disk_full(*_args: object, **_kw: object) -> None:
        raise StoreError("could not save: the disk is full")

    monkeypatch.setattr(Work, "apply_reanchoring", disk_full)
    store, window, _ = open_window(qtbot, db, tmp_path / "v2.json")
    assert rows(store) == before  # nothing moved, nothing marked
    assert [s.quote for s in window.session.index] == ["the car was red"]  # fits as saved
    assert [o.span.quote for o in window.session.orphans] == ["Nobody was hurt"]
    panel = window.span_list.orphan_panel
    assert panel.isVisible() and "the disk is full" in panel.message.text()
    assert window.saved_label.text() == "Not saved"
    window.close()
    store.close()

    monkeypatch.undo()  # next time it can be saved: placed, nothing kept apart
    store, window, _ = open_window(qtbot, db, tmp_path / "v2.json")
    assert [s.quote for s in window.session.index] == ["the car was red", "Nobody was hurt"]
    assert window.session.orphans == [] and not window.span_list.orphan_panel.isVisible()
    assert "1 label was moved" in window.statusBar().currentMessage()
    store.close()
