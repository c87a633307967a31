"""The teacher window stays responsive with a big class (issue 12): rescoring after a key edit
runs in time slices (the table keeps its rows until the new ones are ready), and the PDF is
printed on a worker thread. benchmarks/gradebook.py measures the stalls; these tests check
the behaviour (never a wall-clock assert)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from medialit.core.store import Store
from medialit.gui.teacher import class_view
from tests.gui.gradebook_class import Hand, authored, hand_in, import_into, teacher_with


def test_a_key_edit_rescores_in_slices_and_ends_with_every_row(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.memory()
    lesson = authored(store)
    hands = [Hand(f"Student {i:02d}", f"s{i}", i % 29) for i in range(45)]
    window = teacher_with(qtbot, store)
    import_into(qtbot, window, hand_in(tmp_path / "in", lesson, hands))
    view = window.class_tab
    qtbot.waitUntil(lambda: not view.rescoring)
    before = {r.name: r.report.score for r in view.model.rows if r.report}
    monkeypatch.setattr(class_view, "SLICE_MS", 0)  # one step per turn of the loop
    window.tabs.setCurrentWidget(window.key_editor)
    key = next(k for k in window.desk.key if not k.optional)
    window.key_editor.select_span(key.id)
    window.tabs.setCurrentWidget(view)
    window.key_editor.delete_action.trigger()
    assert view.rescoring and "rescoring…" in view.headline.text()
    assert {r.name: r.report.score for r in view.model.rows if r.report} == before  # kept meanwhile
    qtbot.waitUntil(lambda: not view.rescoring, timeout=10_000)
    after = {r.name: r.report.score for r in view.model.rows if r.report}
    assert len(after) == 45 and after != before
    assert "rescoring" not in view.headline.text()
    store.close()


def test_the_pdf_is_printed_off_the_gui_thread_then_written(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.memory()
    lesson = authored(store)
    window = teacher_with(qtbot, store)
    import_into(qtbot, window, hand_in(tmp_path / "in", lesson, [Hand("Ann Lee", "a", 9)]))
    target = tmp_path / "report.pdf"
    assert window.exports.report_pdf(target, background=True) is None
    job = window.exports.pdf_jobs[0]
    qtbot.waitUntil(lambda: target.exists() and not window.exports.pdf_jobs, timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert not job.worker.isRunning()
    store.close()
