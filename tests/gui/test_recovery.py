"""Reliability as the user sees it: failed saves are not shown as saved, a damaged database is
moved aside and a backup offered, a second window is told, backups can be restored."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core import backup as rolling
from medialit.core.errors import CorruptDatabaseError
from medialit.core.lock import InstanceLock
from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.core.teacher.passphrase import set_passphrase
from medialit.gui.app import build_window
from medialit.gui.backup_menu import RestoreDialog, install_recovery_menu
from medialit.gui.main_window import MainWindow
from medialit.gui.recovery import Choice, message_box, open_store
from medialit.gui.teacher.passphrase import PassphraseDialog
from tests.helpers import make_lesson

T0 = dt.datetime(2026, 3, 1, 9, 0, 0, tzinfo=dt.UTC)


def _window(qtbot: QtBot, store: Store, lesson: Path | None = None) -> MainWindow:
    window, _ = build_window(store, lesson, student=Student(id="r" * 32, name="Rea"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # label shortcuts work in the active window
    return window


def _label_word(qtbot: QtBot, window: MainWindow, word: str, key: Qt.Key) -> None:
    found = window.view.document().find(word)
    assert not found.isNull(), word
    window.view.setTextCursor(found)
    window.view.setFocus()
    qtbot.keyClick(window.view, key)


def _spans(window: MainWindow) -> list[Span]:
    return window.session.spans()


def _close_error_boxes(window: MainWindow) -> list[str]:
    texts = []
    for box in window.findChildren(QMessageBox, "error_box"):
        texts.append(box.text())
        box.close()
        box.deleteLater()
    return texts


# -- a save that fails is never shown as saved --------------------------------------------------


def _full_disk(store: Store) -> None:
    """SQLite's max_page_count caps the file at its present size; then fill the span table's
    pages until not even a tiny row fits, so the next span needs a page it cannot have."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    student = store.students.all()[0].id
    n = 0
    for size in (3000, 300, 30, 0):
        while True:
            n += 1
            try:
                store.db.execute(
                    "INSERT INTO work_spans (id, student_id, lesson_id, article_sha256, start, "
                    '"end", label, quote, note, created_at, updated_at) '
                    "VALUES (?, ?, 'filler', '', 0, 1, 'claim', 'x', ?, '', '')",
                    [f"f{n}", student, "n" * size],
                )
            except sqlite3.OperationalError as exc:
                assert "full" in str(exc)
                break


@pytest.mark.parametrize(
    ("break_it", "mend_it", "words"),
    [
        (
            _full_disk,
            lambda s: s.db.execute("PRAGMA max_page_count = 1073741823"),
            "disk is full",
        ),
        (
            lambda s: s.db.execute("PRAGMA query_only = ON"),
            lambda s: s.db.execute("PRAGMA query_only = OFF"),
            "read-only",
        ),
    ],
    ids=["disk-full", "read-only"],
)
def test_a_failed_save_is_not_shown_as_saved_and_the_app_keeps_working(
    qtbot: QtBot,
    tmp_path: Path,
    break_it: Callable[[Store], object],
    mend_it: Callable[[Store], object],
    words: str,
) -> None:
    store = Store.open(tmp_path / "medialit.db")
    window = _window(qtbot, store)
    _label_word(qtbot, window, "Stephanopoulos", Qt.Key.Key_4)
    assert window.saved_label.text() == "✓ Saved"
    assert len(_spans(window)) == 1

    break_it(store)
    _label_word(qtbot, window, "Baldwin", Qt.Key.Key_1)
    assert window.saved_label.text() != "✓ Saved"
    assert len(_spans(window)) == 1  # nothing half-written
    messages = _close_error_boxes(window)
    assert messages and words in messages[0]
    assert window.isVisible()

    mend_it(store)
    _label_word(qtbot, window, "interviews", Qt.Key.Key_2)
    assert window.saved_label.text() == "✓ Saved"
    assert {s.quote for s in _spans(window)} == {"Stephanopoulos", "interviews"}
    store.close()


# -- opening: second window, damaged file --------------------------------------------------------


class Recorder:
    def __init__(self, choice: Choice = Choice.QUIT) -> None:
        self.told: list[tuple[str, str]] = []
        self.details: list[str] = []
        self.asked: list[tuple[str, rolling.Backup | None]] = []
        self.choice = choice

    def tell(self, title: str, message: str, *, details: str = "") -> None:
        self.told.append((title, message))
        self.details.append(details)

    def ask(
        self, message: str, backup: rolling.Backup | None, *, read_only: bool = False
    ) -> Choice:
        self.asked.append((message, backup))
        return self.choice


def test_a_second_copy_is_told_and_does_not_open(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    first = open_store(db, tell=Recorder().tell)
    assert first is not None and first.lock is not None
    rec = Recorder()
    assert open_store(db, ask=rec.ask, tell=rec.tell) is None
    assert rec.told and rec.told[0][0] == "already open"
    said = rec.told[0][1]
    assert said.startswith("medialit is already open on this computer (since ")
    assert said.endswith("). Use that window.") and str(db) not in said
    assert str(db) in rec.details[0] and "Held by process" in rec.details[0]
    box = message_box(*rec.told[0], details=rec.details[0])  # what the app shows
    qtbot.addWidget(box)
    assert box.text() == said and box.detailedText() == rec.details[0]
    assert any("Details" in b.text() for b in box.buttons())  # the facts behind a button
    first.close()
    again = open_store(db, tell=rec.tell)  # closing the first frees the database
    assert again is not None
    again.close()


def test_open_makes_a_backup(tmp_path: Path) -> None:
    store = open_store(tmp_path / "medialit.db", tell=Recorder().tell, now=T0)
    assert store is not None
    assert [b.path.name for b in store.backups()] == ["medialit-20260301-090000.db"]
    store.close()


def _work_then_damage(tmp_path: Path) -> tuple[Path, bytes]:
    db = tmp_path / "medialit.db"
    store = Store.open(db)
    store.students.save(Student("s1", "Ann"))
    lesson = make_lesson()
    span = Span.create(lesson.article, 0, 4, Label.CLAIM)
    store.work.add_span("s1", "L1", lesson.article.sha256, span)
    store.backup(now=T0)
    for i in range(60):  # more pages, so the damage below hits the table
        more = Span.create(lesson.article, 5, 9, Label.FACT, note="n" * 400)
        store.work.add_span("s1", f"L{i + 2}", lesson.article.sha256, more)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db.read_bytes())
    data[4096 : 4096 * 4] = b"\xa5" * (4096 * 3)
    db.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError):
        Store.open(db).close()
    return db, bytes(data)


def test_damaged_database_is_moved_aside_and_the_newest_good_backup_restored(
    tmp_path: Path,
) -> None:
    db, damaged = _work_then_damage(tmp_path)
    rec = Recorder(Choice.RESTORE)
    store = open_store(db, ask=rec.ask, tell=rec.tell, now=T0 + dt.timedelta(hours=1))
    assert store is not None
    ((message, offered),) = rec.asked
    assert offered is not None and offered.taken_at == T0
    moved = tmp_path / "medialit-damaged-20260301-100000.db"
    assert "moved aside" in message and str(moved) in message and str(db) in message
    assert hashlib.sha256(moved.read_bytes()).digest() == hashlib.sha256(damaged).digest()
    assert [s.quote for s in store.work.spans("s1", "L1")] == [make_lesson().article.text[:4]]
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert rec.told == []
    store.close()


def test_damaged_database_without_backup_can_start_fresh(tmp_path: Path) -> None:
    db = tmp_path / "medialit.db"
    db.write_bytes(b"PK\x03\x04 a zip file, not a database" * 50)
    rec = Recorder(Choice.FRESH)
    store = open_store(db, ask=rec.ask, tell=rec.tell, now=T0)
    assert store is not None
    assert rec.asked[0][1] is None and "no good backup" in rec.asked[0][0]
    assert store.students.all() == []
    moved = tmp_path / "medialit-damaged-20260301-090000.db"
    assert moved.read_bytes().startswith(b"PK\x03\x04")
    store.close()


def test_quitting_at_the_damage_question_leaves_the_file_aside_and_unlocked(
    tmp_path: Path,
) -> None:
    db = tmp_path / "medialit.db"
    db.write_bytes(b"garbage" * 500)
    rec = Recorder(Choice.QUIT)
    assert open_store(db, ask=rec.ask, tell=rec.tell, now=T0) is None
    assert not db.exists()
    assert (tmp_path / "medialit-damaged-20260301-090000.db").read_bytes() == b"garbage" * 500
    InstanceLock.acquire(db).release()


# -- File menu: back up now, restore from backup --------------------------------------------------


def test_restore_from_backup_in_the_menu(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "medialit.db")
    window = _window(qtbot, store)
    recovery = install_recovery_menu(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&File"
    assert window.findChild(type(recovery.restore_action), "restore_backup") is not None

    _label_word(qtbot, window, "Stephanopoulos", Qt.Key.Key_4)
    recovery.backup_action.trigger()
    assert len(store.backups()) == 1
    _label_word(qtbot, window, "Baldwin", Qt.Key.Key_1)
    assert len(_spans(window)) == 2 and window.undo_stack.count() == 2

    recovery.restore_action.trigger()
    dialog = recovery.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 1
    asked: list[str] = []
    recovery.confirm = lambda message: asked.append(message) is None
    dialog.restore_button.click()
    assert asked and "kept as a backup" in asked[0]
    assert [s.quote for s in _spans(window)] == ["Stephanopoulos"]
    assert window.span_list.table.model().rowCount() == 1  # the views show the restored work
    assert window.undo_stack.count() == 0  # old undo steps refer to the replaced work
    assert window.saved_label.text() == "✓ Saved"
    assert dialog.list.count() == 2  # the work before the restore is a backup too

    _label_word(qtbot, window, "interviews", Qt.Key.Key_2)  # and work goes on
    assert len(_spans(window)) == 2
    dialog.close()
    store.close()


def test_declining_the_confirmation_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "medialit.db")
    window = _window(qtbot, store)
    recovery = install_recovery_menu(window)
    recovery.backup_action.trigger()
    _label_word(qtbot, window, "Baldwin", Qt.Key.Key_1)
    recovery.confirm = lambda message: False
    recovery.restore(store.backups()[0])
    assert len(_spans(window)) == 1 and window.undo_stack.count() == 1
    store.close()


def _backups(store: Store, n: int) -> None:
    for i in range(n):
        store.settings.set("marker", str(i))
        store.backup(now=T0 + dt.timedelta(minutes=i))


def _keep_dialog(qtbot: QtBot, store: Store) -> tuple[MainWindow, RestoreDialog]:
    window = _window(qtbot, store)
    recovery = install_recovery_menu(window)
    recovery.restore_action.trigger()
    assert recovery.dialog is not None
    return window, recovery.dialog


def _type_keep(qtbot: QtBot, dialog: RestoreDialog, text: str) -> None:
    dialog.keep.setFocus()
    dialog.keep.selectAll()
    qtbot.keyClick(dialog.keep.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.keep.lineEdit(), text)


def test_typing_the_keep_count_deletes_nothing_until_applied(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 13: typing 20 over 10 passed through 2 and left 2 backups."""
    store = Store.open(tmp_path / "medialit.db")
    _backups(store, 10)
    _win, dialog = _keep_dialog(qtbot, store)
    _type_keep(qtbot, dialog, "20")
    assert len(store.backups()) == 10 and store.backup_keep() == rolling.DEFAULT_KEEP
    assert dialog.keep.value() == 20 and dialog.keep_apply.isEnabled()
    qtbot.mouseClick(dialog.keep_apply, Qt.MouseButton.LeftButton)
    assert store.backup_keep() == 20 and len(store.backups()) == 10
    dialog.close()
    store.close()


def test_keep_never_below_three_and_asks_before_deleting(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "medialit.db")
    _backups(store, 8)
    _win, dialog = _keep_dialog(qtbot, store)
    _type_keep(qtbot, dialog, "1")
    assert dialog.keep.value() >= rolling.MIN_KEEP
    asked: list[str] = []
    dialog.confirm = lambda message: asked.append(message) is not None  # declines
    dialog.keep.setValue(3)
    dialog.keep_apply.click()
    assert "5 oldest will be deleted" in asked[0]
    assert len(store.backups()) == 8 and store.backup_keep() == rolling.DEFAULT_KEEP
    dialog.confirm = lambda message: True
    dialog.keep_apply.click()
    assert len(store.backups()) == 3 and store.backup_keep() == 3
    assert dialog.list.count() == 3
    dialog.close()
    store.close()


def test_changing_the_keep_count_needs_the_teacher_once_a_passphrase_exists(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A student at the shared laptop must not be able to wipe the teacher's backups."""
    store = Store.open(tmp_path / "medialit.db")
    set_passphrase(store, "correct horse")
    _backups(store, 6)
    _win, dialog = _keep_dialog(qtbot, store)
    dialog.confirm = lambda message: True
    dialog.keep.setValue(3)
    dialog.keep_apply.click()
    asked = dialog.passphrase_dialog
    assert isinstance(asked, PassphraseDialog) and asked.isVisible()
    qtbot.keyClicks(asked.passphrase, "a wrong guess")
    asked.ok_button.click()
    assert asked.isVisible() and len(store.backups()) == 6  # a wrong guess changes nothing
    asked.reject()
    assert store.backup_keep() == rolling.DEFAULT_KEEP and len(store.backups()) == 6

    dialog.keep_apply.click()
    asked = dialog.passphrase_dialog
    assert isinstance(asked, PassphraseDialog)
    qtbot.keyClicks(asked.passphrase, "correct horse")
    asked.ok_button.click()
    assert store.backup_keep() == 3 and len(store.backups()) == 3
    qtbot.waitUntil(lambda: not dialog.findChildren(PassphraseDialog))  # each deleted, answered
    dialog.close()
    store.close()


def test_timer_backs_up_only_when_due(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "medialit.db")
    window = _window(qtbot, store)
    recovery = install_recovery_menu(window)
    assert recovery.timer.isActive() and recovery.timer.interval() >= 60_000
    recovery.on_timer_timeout()  # changes since open, no backup yet: due
    assert len(store.backups()) == 1
    _label_word(qtbot, window, "Baldwin", Qt.Key.Key_1)
    recovery.on_timer_timeout()  # the newest backup is minutes old: not due
    assert len(store.backups()) == 1
    store.close()


# -- canonical text in the view: code points whatever the characters --------------------------


def test_offsets_after_line_separators_nbsp_and_emoji_are_code_points(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from medialit.core.lesson import save_lesson
    from medialit.core.text import canonicalize

    raw = "\ufeffCafe\u0301 😀 one\r\ntwo\u2028three\u2029four\u00a0five 🇫🇷 six\rseven 𠮷 eight."
    lesson_path = tmp_path / "canon.json"
    save_lesson(lesson_path, make_lesson(raw))
    text = canonicalize(raw)
    store = Store.open(tmp_path / "medialit.db")
    window = _window(qtbot, store, lesson_path)
    assert window.session.article.text == text
    for word, key in (
        ("three", Qt.Key.Key_1),
        ("four", Qt.Key.Key_2),
        ("six", Qt.Key.Key_3),
        ("eight", Qt.Key.Key_4),
    ):
        _label_word(qtbot, window, word, key)
    spans = {s.quote: s for s in _spans(window)}
    for word in ("three", "four", "six", "eight"):
        assert spans[word].start == text.index(word), word
        assert text[spans[word].start : spans[word].end] == word
    store.close()
