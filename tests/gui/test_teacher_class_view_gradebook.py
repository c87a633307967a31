"""The class view's parts issue 12 asked for: most missed separates "not found" from "wrong
label", a confusion pair names its students, the lesson list follows key edits, the student's
work shows the student's notes, and the PDF puts the summary and the students first, the
article last with counts beside its shading."""

from __future__ import annotations

import itertools
from pathlib import Path

from pytestqt.qtbot import QtBot

from medialit.core.model import Label, Span
from medialit.core.store import Store
from medialit.core.submission import write_submission
from medialit.core.teacher.grades import class_book
from medialit.gui.teacher.report import HEAT_SHADES, heat_band, report_html
from tests.gui.gradebook_class import (
    Hand,
    authored,
    hand_in,
    import_into,
    submission,
    teacher_with,
)


def test_most_missed_and_confusions_name_what_and_who(qtbot: QtBot, tmp_path: Path) -> None:
    import dataclasses

    store = Store.memory()
    lesson = authored(store)
    claim = next(k for k in lesson.key or () if not k.optional and k.label is Label.CLAIM)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, sid in (("Ann Lee", "a"), ("Ben Ng", "b")):
        sub = submission(lesson, Hand(name, sid, 0))
        wrong = Span.create(lesson.article, claim.start, claim.end, Label.FACT)
        write_submission(folder, dataclasses.replace(sub, spans=(wrong.with_note("looks proven"),)))
    hand_in(folder, lesson, [Hand("Cy Dee", "c", 0)])
    window = teacher_with(qtbot, store)
    import_into(qtbot, window, [folder])
    view = window.class_tab
    headers = [view.missed_table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers == ["Key span", "Label", "Not found", "Wrong label", "Partial", "Found"]
    row = next(r for r in range(view.missed_table.rowCount()) if view.missed[r].key.id == claim.id)
    assert view.missed_table.item(row, 2).text() == "1 of 3"  # Cy: not found
    assert view.missed_table.item(row, 3).text() == "2"  # Ann and Ben: wrong label
    pairs = [view.confusions.item(i).text() for i in range(view.confusions.count())]
    assert "claim labelled as fact: 2 students: Ann Lee, Ben Ng" in pairs

    # The teacher reads the student's note beside the outcome it explains.
    ann = next(r for r in view.model.rows if r.name == "Ann Lee")
    assert ann.scored is not None
    work = window.student_work.open(ann.scored)
    assert work is not None
    texts = [work.outcome_list.item(i).text() for i in range(work.outcome_list.count())]
    assert any("Student's note: “looks proven”" in t for t in texts)
    store.close()


def test_the_lesson_list_says_when_the_key_changed(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store.memory()
    authored(store)
    window = teacher_with(qtbot, store)
    window.lesson_list.item(0).setText("stale")  # what the list said before the edit
    stamp = store.lessons.row(window.desk.require_lesson().id).key_updated_at
    window.tabs.setCurrentWidget(window.key_editor)
    span = next(k for k in window.desk.key if not k.optional)
    window.key_editor.select_span(span.id)
    window.key_editor.delete_action.trigger()
    new = store.lessons.row(window.desk.require_lesson().id).key_updated_at
    assert new > stamp
    after = window.lesson_list.item(0).text()
    assert after.endswith(f"v1 · key {new[:10]} {new[11:16]} UTC")
    store.close()


def test_the_pdf_starts_with_the_students_and_ends_with_the_article(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.memory()
    lesson = authored(store)
    files = hand_in(tmp_path / "in", lesson, [Hand("Ann Lee", "a", 29), Hand("Bo", "b", 3)])
    window = teacher_with(qtbot, store)
    import_into(qtbot, window, files)
    html = report_html(class_book(store, lesson))
    order = [
        html.index(h) for h in ("<h2>Summary", "<h2>Students", "<h2>Most missed", "<h2>The article")
    ]
    assert order == sorted(order)
    assert html.index("Ann Lee") < html.index("<h2>Per label")
    # every shaded passage carries its count, so black and white still reads
    article = html[html.index("<h2>The article") :]
    assert article.count("background-color:") - len(HEAT_SHADES) == article.count("/2</b></sup>")
    assert article.count("/2</b></sup>") >= 20  # a count beside every shaded passage
    pdf = window.exports.report_pdf(tmp_path / "report.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    store.close()


def test_touching_runs_of_one_shade_are_one_passage_with_one_count() -> None:
    from medialit.core.classroom import HeatRun
    from medialit.gui.teacher.report import heat_html, heat_passages

    runs = [HeatRun(0, 3, 12), HeatRun(3, 5, 13), HeatRun(5, 9, 30), HeatRun(10, 12, 0)]
    got = [(p.start, p.end, p.low, p.high, p.band) for p in heat_passages(runs, 30)]
    assert got == [(0, 5, 12, 13, 2), (5, 9, 30, 30, 4), (10, 12, 0, 0, 0)]
    # "Alec Baldwin said": a run ends inside "Baldwin"; the word is not cut in two, and the
    # longer part ("Alec Ba") gives the shade
    text = "Alec Baldwin said"
    inside = [HeatRun(0, 7, 12), HeatRun(7, 12, 30), HeatRun(13, 17, 0)]
    got = [(p.start, p.end, p.low, p.high, p.band) for p in heat_passages(inside, 30, text)]
    assert got == [(0, 12, 12, 30, 2), (13, 17, 0, 0, 0)]
    shown = heat_html(text, inside, 30)
    assert "Alec Baldwin</span><sup><b>12–30/30</b></sup>" in shown
    assert shown.count("<sup>") == 2


def test_heat_shades_step_evenly_in_grey() -> None:
    def luma(colour: str) -> float:
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    greys = [luma(c) for c in HEAT_SHADES]
    assert greys == sorted(greys)
    assert min(b - a for a, b in itertools.pairwise(greys)) >= 0.08
    assert [heat_band(n, 30) for n in (0, 1, 9, 10, 19, 20, 29, 30)] == [0, 1, 1, 2, 2, 3, 3, 4]
