"""The teacher window exports with ';' and decimal commas too, as `medialit score
--delimiter ';'` does, chosen under Results ▸ CSV separator and remembered."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from pytestqt.qtbot import QtBot

from medialit.cli import cli
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import Span
from medialit.core.prefs import Prefs
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher.authoring import import_lesson_file
from medialit.core.teacher.packs import write_review_pack
from medialit.gui.teacher.window import TeacherWindow


def _hand_in(folder: Path, lesson, names: list[str]) -> None:
    required = [k for k in lesson.key if not k.optional]
    for i, name in enumerate(names):
        spans = tuple(
            Span.create(lesson.article, k.start, k.end, k.label) for k in required[: i * 7]
        )
        sub = Submission(
            lesson_id=lesson.id,
            lesson_version=lesson.version,
            article_sha256=lesson.article.sha256,
            student_id=f"id{i}",
            student_name=name,
            class_code="8A",
            submitted_at=f"2026-11-30T09:0{i}:00+00:00",
            spans=spans,
            lesson_title=lesson.title,
        )
        write_submission(folder, sub)


def test_semicolon_export_is_the_commands_bytes_and_is_remembered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.memory()
    lesson, _ = import_lesson_file(store, load_lesson(default_lesson_path()))
    folder = tmp_path / "in"
    folder.mkdir()
    _hand_in(folder, lesson, ["Ann; =1+1", "Bo", "Cy"])
    window = TeacherWindow(store)
    qtbot.addWidget(window)
    window.imports.import_paths([folder], show_report=False)
    qtbot.waitUntil(lambda: window.imports.run is None)
    assert window.actions_by_name["csv_comma"].isChecked()

    window.actions_by_name["csv_semicolon"].trigger()
    assert Prefs(store).csv_delimiter() == ";"
    results = window.exports.results_csv(tmp_path / "gui.csv")
    details = window.exports.details_csv(tmp_path / "gui-details.csv")
    assert results is not None and details is not None
    text = results.read_text("utf-8-sig")
    assert text.startswith('"student_name";"class_code";"status";"score";')
    assert '"Ann;\' =1+1";"8A";"submitted";' in text  # neutralised after the ';' too
    assert ";100;" in text and ",0000;" in text  # out of 100; decimal commas

    key = write_review_pack(lesson, tmp_path / "key.json")
    cli_out, cli_details = tmp_path / "cli.csv", tmp_path / "cli-details.csv"
    argv = ["score", str(key), str(folder), "-o", str(cli_out), "--details", str(cli_details)]
    ran = CliRunner().invoke(cli, [*argv, "--delimiter", ";"], catch_exceptions=False)
    assert ran.exit_code == 0, ran.stderr
    assert results.read_bytes() == cli_out.read_bytes()
    assert details.read_bytes() == cli_details.read_bytes()

    window.close()
    again = TeacherWindow(store)  # the choice is remembered with the database
    qtbot.addWidget(again)
    assert again.actions_by_name["csv_semicolon"].isChecked()
    again.actions_by_name["csv_comma"].trigger()
    assert again.exports.results_csv(tmp_path / "comma.csv") is not None
    assert (
        (tmp_path / "comma.csv").read_text("utf-8-sig").startswith('"student_name","class_code",')
    )
    store.close()
