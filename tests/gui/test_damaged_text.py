"""A garbled text cell at start-up (issue 13): plain words, nothing moved until the user
answers, the newest backup that reads cleanly offered, the damaged file moved aside
unchanged on a restore; or the work shown read-only, with every edit "Not saved"."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Label, Span
from medialit.core.prefs import Prefs
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.gui import app
from medialit.gui.recovery import Choice, open_store
from tests.core.test_damaged_text import garble

T0 = dt.datetime(2026, 3, 1, 9, 0, 0, tzinfo=dt.UTC)
LESSON = load_lesson(default_lesson_path())


class Answer:
    def __init__(self, choice: Choice) -> None:
        self.choice = choice
        self.asked: list[tuple[str, object, bool]] = []
        self.told: list[tuple[str, str]] = []

    def ask(self, message: str, backup: object, *, read_only: bool = False) -> Choice:
        self.asked.append((message, backup, read_only))
        return self.choice

    def tell(self, title: str, message: str) -> None:
        self.told.append((title, message))


def _damaged_with_backups(tmp_path: Path) -> tuple[Path, Path]:
    """Work with a clean backup, a newer backup that is itself garbled, then the database."""
    db = tmp_path / "medialit.db"
    store = Store.open(db)
    store.students.save(Student("s1", "Ann"))
    Prefs(store).set_current_student("s1")
    first = Span.create(LESSON.article, 0, 7, Label.CLAIM)
    store.work.add_span("s1", LESSON.id, LESSON.article.sha256, first)
    clean = store.backup(now=T0)
    second = Span.create(LESSON.article, 8, 12, Label.FACT)
    store.work.add_span("s1", LESSON.id, LESSON.article.sha256, second)
    bad_backup = store.backup(now=T0 + dt.timedelta(hours=1))
    store.close()
    garble(bad_backup)
    garble(db)
    return db, clean


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_moves_the_damaged_file_aside_unchanged_and_offers_a_clean_backup(
    tmp_path: Path,
) -> None:
    db, clean = _damaged_with_backups(tmp_path)
    before = _digest(db)
    answer = Answer(Choice.RESTORE)
    store = open_store(db, ask=answer.ask, tell=answer.tell, now=T0 + dt.timedelta(hours=2))
    assert store is not None
    ((message, offered, read_only),) = answer.asked
    assert read_only and "cannot be read" in message and "Nothing has been changed" in message
    assert offered is not None and offered.path == clean  # the garbled newer one is skipped
    moved = tmp_path / "medialit-damaged-20260301-110000.db"
    assert _digest(moved) == before
    assert any(str(moved) in told for _title, told in answer.told)
    assert len(store.work.spans("s1", LESSON.id)) == 1  # the clean backup's work
    names = sorted(b.path.name for b in store.backups())
    assert "medialit-20260301-100000.db" in names  # kept, never pruned or replaced
    store.close()


def test_quitting_leaves_the_damaged_file_where_it_was(tmp_path: Path) -> None:
    db, _clean = _damaged_with_backups(tmp_path)
    before = _digest(db)
    answer = Answer(Choice.QUIT)
    assert open_store(db, ask=answer.ask, tell=answer.tell, now=T0) is None
    assert _digest(db) == before
    assert not list(tmp_path.glob("medialit-damaged-*"))


def test_read_only_shows_the_work_and_every_edit_is_not_saved(qtbot: QtBot, tmp_path: Path) -> None:
    db, _clean = _damaged_with_backups(tmp_path)
    before = _digest(db)
    backups_before = sorted(p.name for p in (tmp_path / "backups").iterdir())
    answer = Answer(Choice.READ_ONLY)
    store = open_store(db, ask=answer.ask, tell=answer.tell, now=T0 + dt.timedelta(hours=3))
    assert store is not None and store.read_only
    window, problems = app.build_window(store, None)
    qtbot.addWidget(window)
    window.show()
    assert problems[0] == app.READ_ONLY_WORDS and "read-only" in window.windowTitle()
    assert window.session.student.name == "Ann"
    shown = [s.quote for s in window.session.spans()]
    orphans = [o.span.quote for o in window.session.orphans]
    assert len(shown) + len(orphans) == 2  # both spans; the garbled quote cannot be placed
    assert any("\ufffd" in quote for quote in shown + orphans)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    found = window.view.document().find("interviews")
    window.view.setTextCursor(found)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert "Not saved" in window.saved_label.text()
    assert window.undo_stack.count() == 0
    assert len(window.session.spans()) == len(shown)
    store.close()
    assert _digest(db) == before
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == backups_before
