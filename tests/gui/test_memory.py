"""The collector (gui.memory): held during start-up; the teacher window, once built, keeps what
it holds out of full GC passes."""

from __future__ import annotations

import gc
from pathlib import Path

from pytestqt.qtbot import QtBot

from medialit.core.store import Store
from medialit.gui import memory
from medialit.gui.teacher.window import TeacherWindow


def test_building_the_teacher_window_freezes_what_it_holds(qtbot: QtBot, tmp_path: Path) -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    store = Store.open(tmp_path / "m.db")
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    frozen = gc.get_freeze_count()
    # the window's wrappers, the desk and the modules: thousands of objects no full pass walks
    assert frozen > 10_000
    window.close()
    store.close()


def test_start_up_holds_the_collector_until_the_window_resumes_it() -> None:
    gc.unfreeze()
    memory.hold()
    try:
        assert not gc.isenabled()
    finally:
        memory.resume()
    assert gc.isenabled() and gc.get_freeze_count() > 10_000  # start-up's heap, frozen
    gc.unfreeze()
    memory.resume()  # again, or without hold(): nothing changes
    assert gc.isenabled() and gc.get_freeze_count() == 0
