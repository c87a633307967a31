"""Start-up (gui/app.py): the lock before any window, the article and the saved spans
painted from a glance at the database, no edit offered or accepted until the store is
open, and the recovery flows still in charge when the store cannot be opened."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from medialit.core import applog, library
from medialit.core import lesson as lesson_module
from medialit.core.errors import StoreError
from medialit.core.glance import glance
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.library import load_choice
from medialit.core.lock import InstanceLock
from medialit.core.model import Label, Lesson, Span
from medialit.core.prefs import Prefs
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.core.teacher_records import RosterLine
from medialit.gui import app, recovery
from medialit.gui.article_view import ArticleView
from medialit.gui.main_window import MainWindow
from medialit.gui.recovery import Choice

LESSON = load_lesson(default_lesson_path())
REPO = Path(__file__).resolve().parents[2]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def seeded(folder: Path, *, spans: int = 3) -> Path:
    """A returning student with `spans` saved spans on the bundled lesson."""
    db = folder / "medialit.db"
    store = Store.open(db)
    store.students.save(Student("s1", "Ann", "7B"))
    Prefs(store).set_current_student("s1")
    for i in range(spans):
        span = Span.create(LESSON.article, 20 * i, 20 * i + 4, Label.CLAIM)
        store.work.add_span("s1", LESSON.id, LESSON.article.sha256, span)
    store.close()
    return db


def saved(db: Path) -> int:
    store = Store.open(db, read_only=True)
    try:
        return len(store.work.saved_spans("s1", LESSON.id))
    finally:
        store.close()


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], list[MainWindow]]]:
    """`run()` in this process, as the smoke test runs it: gives the main windows it made;
    they and the log are closed after."""
    monkeypatch.setenv(recovery.SMOKE_ENV, "1")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    before = set(main_windows())

    def made() -> list[MainWindow]:
        return [w for w in main_windows() if w not in before]

    yield made
    applog.stop_logging()
    for window in made():
        window.close()
        window.deleteLater()


def test_the_first_look_needs_no_sqlite_utils(tmp_path: Path) -> None:
    """Start-up's modules load, and the window is built from a glance, without sqlite-utils
    (importing it costs more than the whole first paint), and without the window's parts
    that are built after the article is painted (the span list, the actions, the docks)."""
    db = seeded(tmp_path)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qt = QApplication([])\n"
        "import medialit.cli, medialit.gui.app as start\n"
        "loaded = 'sqlite_utils' in sys.modules\n"
        "window = start.first_look(Path(sys.argv[1]), None)\n"
        "later = {'medialit.gui.span_list', 'medialit.gui.actions', 'medialit.gui.docks',\n"
        "         'medialit.core.submission'}\n"
        "print(loaded, 'sqlite_utils' in sys.modules, len(window.session.index),\n"
        "      sorted(later & set(sys.modules)) or 'none', window.view.isReadOnly())\n"
        "window.build_parts()\n"
        "print(sorted(later & set(sys.modules)), window.span_list.model.rowCount())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO / "src")}
    ran = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, env=env, timeout=60
    )
    first, built = ran.stdout.splitlines()
    assert first.split() == ["False", "False", "3", "none", "True"], ran.stderr
    loaded = "'medialit.core.submission', 'medialit.gui.actions', 'medialit.gui.docks'"
    assert built == f"[{loaded}, 'medialit.gui.span_list'] 3"


def run_main(prelude: str, db: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The installed command's own `main()` in a child process, after `prelude` (spies), on
    `db`, with MEDIALIT_SMOKE_TEST: it prints "window shown" and quits; it must succeed."""
    code = prelude + "sys.argv = ['medialit']\nfrom medialit.entry import main\nmain()\n"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO / "src"),
        "MEDIALIT_DB": str(db),
        recovery.SMOKE_ENV: "1",
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    return ran


def test_the_command_holds_the_collector_until_its_window_is_open(tmp_path: Path) -> None:
    """The installed command's start-up runs without collector passes (gui.memory.hold), and
    turns collection back on, start-up's heap frozen, once the window is up with its store."""
    db = seeded(tmp_path)
    code = (
        "import atexit, gc, sys\n"
        "import medialit.gui.main_window as mw\n"
        "during = []\n"
        "build = mw.MainWindow.build_parts\n"
        "def watched(self):\n"
        "    during.append(gc.isenabled()); build(self)\n"
        "mw.MainWindow.build_parts = watched\n"
        "atexit.register(lambda: print(during, gc.isenabled(), gc.get_freeze_count() > 0))\n"
    )
    ran = run_main(code, db, tmp_path)
    shown, collector = ran.stdout.strip().splitlines()
    assert shown.startswith("medialit: window shown")
    assert collector == "[False] True True"  # off while the window was built, then on


@pytest.mark.parametrize("returning", [True, False])
def test_the_command_loads_the_lesson_once(tmp_path: Path, returning: bool) -> None:
    """The glance's lesson is the store's when the store opened the same file: the installed
    command's start-up builds it once (it built it again for the store, about a millisecond),
    and still keeps it as opened in the store (`store.lessons.remember`, the last lesson).
    `returning`: the last lesson remembered (the usual start), else the bundled one."""
    db = seeded(tmp_path)
    if returning:
        store = Store.open(db)
        load_choice(store, str(default_lesson_path()))
        Prefs(store).set_last_lesson("id:" + LESSON.id)
        store.close()
    code = (
        "import atexit, sys\n"
        "import medialit.core.lesson as lesson, medialit.core.library as library\n"
        "built = []\n"
        "real = lesson.lesson_from_dict\n"
        "def counted(*args, **kwargs):\n"
        "    built.append(args[0].get('id')); return real(*args, **kwargs)\n"
        "lesson.lesson_from_dict = library.lesson_from_dict = counted\n"
        "atexit.register(lambda: print(built))\n"
    )
    store = Store.open(db)
    before = store.lessons.remembered()
    store.close()
    ran = run_main(code, db, tmp_path)
    shown, built = ran.stdout.strip().splitlines()
    assert shown.startswith("medialit: window shown")  # painted from the glance, then opened
    assert built == repr([LESSON.id])  # built once, on the real start-up path
    store = Store.open(db, read_only=True)
    try:
        assert Prefs(store).last_lesson() == ("id:" + LESSON.id if returning else "")
        (after,) = store.lessons.remembered()  # kept as opened, as before
        assert after.id == LESSON.id and [after.updated_at] > [r.updated_at for r in before]
    finally:
        store.close()


def test_no_edit_is_offered_or_accepted_until_the_store_is_open(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = seeded(tmp_path)
    window = app.first_look(db, None)
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.build_parts()  # as start-up does once the article is painted
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach an active window only
    window.view.setFocus()
    session = window.session
    assert not session.is_open and len(session.index) == 3  # the saved spans, painted
    assert window.statusBar().currentMessage() == "Opening your work…"
    for action in (
        *window.label_actions.values(),
        *window.exact_actions.values(),
        window.acts.note,
        window.acts.delete,
        window.acts.submit,
        window.acts.open,
        window.acts.zoom_in,
        window.acts.switch_student,
        *window.teacher_menu.actions(),
    ):
        assert not action.isEnabled(), action.objectName()
    assert window.acts.next.isEnabled() and window.acts.quit.isEnabled()
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    assert view.selection_cp() is not None
    qtbot.keyClick(view, Qt.Key.Key_1)  # as a student would: nothing happens
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # looking is fine
    assert window.selected_span() is not None
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    with pytest.raises(StoreError, match="still opening"):  # and the session refuses it too
        session.add_span(Span.create(LESSON.article, 100, 104, Label.FACT))
    assert len(session.index) == 3 and saved(db) == 3
    (box,) = window.findChildren(QMessageBox, "error_box")  # said, as any refused edit is
    assert "still opening" in box.text()
    box.accept()

    store = Store.open(db)
    app.attach_store(window, store, None)
    assert session.is_open and session.store is store
    assert all(a.isEnabled() for a in window.label_actions.values())
    assert window.statusBar().currentMessage() == ""
    window.view.select_cp(100, 104)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert len(session.index) == 4 and saved(db) == 4  # saved now
    store.close()


def test_a_span_saved_on_another_text_is_not_drawn_until_the_store_places_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = seeded(tmp_path, spans=1)
    store = Store.open(db)
    quote = "Alec Baldwin"
    at = LESSON.article.text.index(quote, 10)  # where its words are in today's text
    span = Span.create(LESSON.article, at, at + len(quote), Label.FACT)
    moved = dataclasses.replace(span, start=at + 7, end=at + 7 + len(quote))  # an older text's
    store.work.add_span("s1", LESSON.id, "0" * 64, moved)  # saved on an older text
    store.close()
    window = app.first_look(db, None)
    assert window is not None
    qtbot.addWidget(window)
    assert [s.label for s in window.session.index] == [Label.CLAIM]  # never a guessed place
    store = Store.open(db)
    app.attach_store(window, store, None)
    placed = {s.label: s for s in window.session.index}
    assert placed[Label.FACT].quote == quote  # re-anchored by the store
    assert LESSON.article.text[placed[Label.FACT].start : placed[Label.FACT].end] == quote
    store.close()


def test_run_paints_from_the_glance_then_opens_the_store(
    tmp_path: Path, started: Callable[[], list[MainWindow]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = seeded(tmp_path)
    seen: list[tuple[bool, int, bool]] = []
    real_open, real_paint = app.open_store, ArticleView.paintEvent
    painted: list[int] = []

    def paint(view: ArticleView, event: object) -> None:
        real_paint(view, event)  # type: ignore[arg-type]
        painted.append(len(view.index))

    def open_store(path: Path, **kw: object) -> Store | None:
        (window,) = started()
        seen.append((window.isVisible(), max(painted, default=0), window.session.is_open))
        return real_open(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticleView, "paintEvent", paint)
    monkeypatch.setattr(app, "open_store", open_store)
    built = count_lesson_builds(monkeypatch)
    assert app.run(db_path=db) == 0
    assert seen == [(True, 3, False)]  # shown, its 3 spans painted, not yet open
    assert built == [LESSON.id]  # the glance's lesson is the store's: built once
    (window,) = started()
    assert window.session.is_open and window.session.store.path == db
    assert window.label_actions[Label.CLAIM].isEnabled()
    assert list((tmp_path / "backups").iterdir())  # the store's opening made its backup


def test_the_lock_comes_before_any_window(
    tmp_path: Path, started: Callable[[], list[MainWindow]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = seeded(tmp_path)
    told: list[str] = []
    monkeypatch.setattr(recovery, "_tell", lambda title, message, **kw: told.append(title))
    held = InstanceLock.acquire(db)  # another medialit has it open
    try:
        assert app.run(db_path=db) == 1
    finally:
        held.release()
    assert told == ["already open"] and started() == []


def count_lesson_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of each lesson built from its JSON from now on (`lesson_from_dict`)."""
    built: list[str] = []
    real = lesson_module.lesson_from_dict

    def counted(data: dict[str, Any], **kwargs: Any) -> Lesson:
        built.append(data.get("id", ""))
        return real(data, **kwargs)

    monkeypatch.setattr(lesson_module, "lesson_from_dict", counted)
    monkeypatch.setattr(library, "lesson_from_dict", counted)
    return built


def _damaged_after_the_rows_start_reads(folder: Path) -> Path:
    """A file whose first look reads cleanly (settings, students, spans) but whose last
    pages, the roster's, are damaged: only the store's opening check finds it."""
    db = seeded(folder)
    store = Store.open(db)
    store.backup()
    store.roster.add([RosterLine("7A", f"Name {i} " + "x" * 300) for i in range(200)])
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db.read_bytes())
    data[-4096 * 3 :] = b"\xa5" * (4096 * 3)
    db.write_bytes(bytes(data))
    assert glance(db) is not None
    return db


@pytest.mark.parametrize("choice", [Choice.QUIT, Choice.RESTORE])
def test_damage_found_after_the_first_paint_is_asked_over_the_window(
    tmp_path: Path,
    started: Callable[[], list[MainWindow]],
    monkeypatch: pytest.MonkeyPatch,
    choice: Choice,
) -> None:
    db = _damaged_after_the_rows_start_reads(tmp_path)
    asked: list[bool] = []

    def ask(message: str, backup: object, *, read_only: bool = False) -> Choice:
        asked.append(any(w.isVisible() for w in started()))
        return choice

    monkeypatch.setattr(recovery, "_ask", ask)
    built = count_lesson_builds(monkeypatch)
    code = app.run(db_path=db)
    assert asked == [True]  # asked while the window painted from the glance was up
    assert list(tmp_path.glob("medialit-damaged-*.db"))  # moved aside, as always
    if choice is Choice.QUIT:
        assert code == 1 and not any(w.isVisible() for w in started())
    else:
        (window,) = started()
        assert code == 0 and window.session.is_open and len(window.session.index) == 3
        assert built == [LESSON.id] * 2  # the restored file is another: its lesson is loaded
