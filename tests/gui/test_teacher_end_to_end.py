"""The teacher workflow end to end, through the real windows and the real `medialit score`.

A teacher makes a lesson from an HTML file and writes a key with explanations,
hands out a student pack (no key bytes in it); three students label it in the
student window, each on their own database, and hand in submission files; the
teacher imports them (one twice); the class table equals `medialit score` on
the same files, and so do the exported results.csv and details.csv.
"""

import csv
import io
from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from medialit.cli import cli
from medialit.core.lesson import load_lesson
from medialit.core.model import Label
from medialit.core.store import Store
from medialit.core.submission import load_submission
from medialit.gui import submit_flow
from medialit.gui.teacher.window import TeacherWindow
from tests.gui.window import open_window

ARTICLE = """<!doctype html><html><head><title>Council votes on the new bridge</title>
<style>body { font: 12px serif }</style><script src="https://tracker.example/x.js"></script>
</head><body><article>
<h1>Council votes on the new bridge</h1>
<p>The council voted 7 to 2 on Tuesday to build the bridge, the Herald reported.</p>
<p>“It will end the traffic jams for good,” said Mayor Lin Ortiz.</p>
<p>Critics say the project could cost twice the €40 million budget.</p>
<p>Construction may start in spring, according to a council spokesperson.</p>
</article></body></html>"""

KEY = [  # (quote, label, explanation, also_accept)
    ("The council voted 7 to 2 on Tuesday to build the bridge", Label.FACT, "A recorded vote.", ()),
    ("the Herald reported", Label.SOURCING, "Names the outlet.", ()),
    ("It will end the traffic jams for good", Label.CLAIM, "A promise nobody can check yet.", ()),
    ("said Mayor Lin Ortiz", Label.SOURCING, "Who is speaking.", ()),
    (
        "the project could cost twice the €40 million budget",
        Label.SPECULATION,
        "“Could”.",
        (Label.CLAIM,),
    ),
    ("Construction may start in spring", Label.SPECULATION, "“May”: a guess.", ()),
    ("according to a council spokesperson", Label.SOURCING, "An unnamed official.", ()),
]

STUDENTS = {  # name -> spans (quote, label)
    "Ana Souza": [
        ("The council voted 7 to 2 on Tuesday to build the bridge", Label.FACT),
        ("the Herald reported", Label.SOURCING),
        ("It will end the traffic jams for good", Label.CLAIM),
        ("could cost twice the €40 million budget", Label.CLAIM),
        ("Construction may start in spring", Label.SPECULATION),
    ],
    "Ben Okafor": [
        ("The council voted 7 to 2", Label.FACT),
        ("It will end the traffic jams for good", Label.FACT),
        ("said Mayor Lin Ortiz", Label.SOURCING),
        ("Construction may start in spring", Label.FACT),
    ],
    "Chloé Martin": [
        ("the Herald reported", Label.SOURCING),
        ("Critics say", Label.SOURCING),
        ("according to a council spokesperson", Label.SOURCING),
    ],
}


def _author(qtbot: QtBot, tmp_path: Path) -> tuple[Store, TeacherWindow]:
    store = Store.open(tmp_path / "teacher.db")
    teacher = TeacherWindow(store)
    qtbot.addWidget(teacher)
    teacher.show()
    teacher.activateWindow()
    qtbot.waitUntil(teacher.isActiveWindow)
    html_file = tmp_path / "bridge.html"
    html_file.write_text(ARTICLE, "utf-8")
    lesson = teacher.create_lesson_from_file(html_file)
    assert lesson.title == "Council votes on the new bridge"
    assert "tracker" not in lesson.article.text and "font:" not in lesson.article.text
    editor = teacher.key_editor
    text = lesson.article.text
    for quote, label, why, also in KEY:
        start = text.index(quote)
        editor.view.select_cp(start, start + len(quote))
        editor.view.setFocus()
        qtbot.keyClick(editor.view, getattr(Qt.Key, f"Key_{label.info.shortcut}"))
        editor.explanation_edit.setPlainText(why)
        editor.save_typing()
        for extra in also:
            editor.accept_boxes[extra].click()
    key = teacher.desk.key
    assert len(key) == len(KEY) and all(k.explanation for k in key)
    assert editor.warnings_label.text() == ""
    return store, teacher


def _student_hands_in(qtbot: QtBot, tmp_path: Path, pack: Path, name: str, i: int) -> Path:
    """A student's own laptop: the student window on the pack, keys 1-4, then Submit."""
    store, window, problems = open_window(
        qtbot, tmp_path / f"student{i}.db", pack, name=name, class_code="9C"
    )
    assert problems == [] and window.session.lesson.key is None
    text = window.session.article.text
    for quote, label in STUDENTS[name]:
        start = text.index(quote)
        window.view.select_cp(start, start + len(quote))
        qtbot.keyClick(window.view, getattr(Qt.Key, f"Key_{label.info.shortcut}"))
    assert len(window.session.spans()) == len(STUDENTS[name])
    out = tmp_path / "usb"
    out.mkdir(exist_ok=True)
    path = submit_flow.submit_to(window, out)  # what the Submit dialog's OK does
    assert path is not None and load_submission(path).student_name == name
    window.close()
    store.close()
    return path


def _csv_rows(data: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(data)))
    return rows[0], sorted(rows[1:])


def test_teacher_workflow_end_to_end(qtbot: QtBot, tmp_path: Path) -> None:
    store, teacher = _author(qtbot, tmp_path)
    lesson = teacher.desk.require_lesson()

    pack = teacher.exports.student_pack(tmp_path / "pack.json")
    assert pack is not None
    data = pack.read_bytes()
    assert b'"key"' not in data
    for k in lesson.key or ():
        assert k.explanation.encode() not in data
        assert f'"start": {k.start}'.encode() not in data and k.id.encode() not in data
    assert load_lesson(pack).kind == "student-pack"

    files = [_student_hands_in(qtbot, tmp_path, pack, name, i) for i, name in enumerate(STUDENTS)]
    teacher.imports.import_paths([files[0], files[1]], show_report=False)
    qtbot.waitUntil(lambda: teacher.imports.run is None)
    first = teacher.imports.last_report
    assert first is not None and len(first.added) == 2
    teacher.imports.import_paths([files[2], files[0]], show_report=False)  # files[0] a second time
    qtbot.waitUntil(lambda: teacher.imports.run is None)
    second = teacher.imports.last_report
    assert second is not None and len(second.added) == 1 and len(second.duplicates) == 1
    assert store.db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 3

    teacher.tabs.setCurrentWidget(teacher.class_tab)
    view = teacher.class_tab
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    table = {row.student_id: (row.name, row.report.score, row.report.f1) for row in view.model.rows}

    review = teacher.exports.review_pack(tmp_path / "key.json")
    assert review is not None
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "score",
            str(review),
            *map(str, files),
            "-o",
            str(tmp_path / "cli.csv"),
            "--details",
            str(tmp_path / "cli_details.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    header, rows = _csv_rows((tmp_path / "cli.csv").read_text("utf-8-sig"))
    cli_scores = {
        row[header.index("student_id")]: float(row[header.index("score")]) for row in rows
    }
    assert cli_scores == {sid: score for sid, (_, score, _) in table.items()}
    assert len({score for score in cli_scores.values()}) == 3  # three different results

    gui_csv = teacher.exports.results_csv(tmp_path / "gui.csv")
    gui_details = teacher.exports.details_csv(tmp_path / "gui_details.csv")
    assert gui_csv is not None and gui_details is not None
    assert gui_csv.read_bytes().startswith(b"\xef\xbb\xbf")  # utf-8-sig, for Excel
    assert _csv_rows(gui_csv.read_text("utf-8-sig")) == (header, rows)
    assert _csv_rows(gui_details.read_text("utf-8-sig")) == _csv_rows(
        (tmp_path / "cli_details.csv").read_text("utf-8-sig")
    )

    # the key changes after submissions came in: everyone is rescored at once
    before = {r.student_id: r.report.score for r in view.model.rows}
    spec = next(k for k in teacher.desk.key if k.quote.startswith("Construction"))
    teacher.key_editor.select_span(spec.id)
    teacher.key_editor.accept_boxes[Label.FACT].click()
    after = {r.student_id: r.report.score for r in view.model.rows}
    ben = next(r.student_id for r in view.model.rows if r.name == "Ben Okafor")
    assert after[ben] > before[ben]
    assert "key as last changed" in view.headline.text()
    store.close()
