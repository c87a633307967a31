"""`medialit score --roster` (issue 12): one row per roster student with a status, names matched
by the window's rules (case, accents, spacing, order), names not on the roster on stderr with
close names, files with untrustworthy dates held back and named, times without an offset
refused naming the field."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from medialit.cli import cli
from tests.score_files import make_submission, write_lesson, write_submission


def run(*argv: str) -> tuple[int, str, str]:
    ran = CliRunner().invoke(cli, ["score", *argv])
    return ran.exit_code, ran.stdout, ran.stderr


def rows(stdout: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stdout, newline="")))


def write(folder: Path, name: str, student_id: str, **kw: str) -> Path:
    folder.mkdir(exist_ok=True)
    sub = make_submission(student_id, [], name=name, **kw)
    return write_submission(folder / f"{student_id}.json", sub)


def test_a_roster_gives_every_student_a_row_and_names_the_strangers(tmp_path: Path) -> None:
    lesson = write_lesson(tmp_path / "lesson.json")
    roster = tmp_path / "roster.csv"
    roster.write_text("Name,Class\nDaniel Okafor,7b\nZoë Ångström,7b\nDora Missing,7b\n", "utf-8")
    folder = tmp_path / "in"
    write(folder, "zoe ANGSTROM", "z")
    write(folder, "Dan Okafor", "d")
    code, out, err = run(str(lesson), str(folder), "--roster", str(roster))
    assert code == 0, err
    got = [(r["student_name"], r["status"], r["roster"]) for r in rows(out)]
    assert got == [
        ("Daniel Okafor", "not submitted", "listed"),
        ("Dora Missing", "not submitted", "listed"),
        ("Zoë Ångström", "submitted", "listed"),
        ("Dan Okafor", "submitted", "not listed"),
    ]
    assert f"{folder / 'd.json'}: 'Dan Okafor' is not on the roster; close to Daniel Okafor" in err
    assert rows(out)[0]["score"] == "" and rows(out)[2]["score"] != ""


def test_a_file_dated_far_in_the_future_is_held_back_and_named(tmp_path: Path) -> None:
    lesson = write_lesson(tmp_path / "lesson.json")
    folder = tmp_path / "in"
    write(folder, "Ann Lee", "a", submitted_at="9999-12-31T23:59:59+00:00")
    write(folder, "Bo", "b")
    code, out, err = run(str(lesson), str(folder))
    assert code == 0
    by = {r["student_name"]: r for r in rows(out)}
    assert by["Ann Lee"]["status"] == "needs review" and by["Ann Lee"]["score"] == ""
    assert by["Bo"]["status"] == "submitted"
    assert f"{folder / 'a.json'}: held back, not graded: dated 9999-12-31 23:59 UTC" in err
    assert "more than a day after it was imported" in err


def test_a_time_without_an_offset_is_refused_naming_the_field(tmp_path: Path) -> None:
    lesson = write_lesson(tmp_path / "lesson.json")
    folder = tmp_path / "in"
    path = write(folder, "Ann Lee", "a")
    body = json.loads(path.read_text("utf-8"))
    body["submitted_at"] = "2026-01-05T10:00:00"
    path.write_text(json.dumps(body), "utf-8")
    code, out, err = run(str(lesson), str(folder))
    assert code == 1
    assert "submitted_at: '2026-01-05T10:00:00' has no UTC offset" in err
    assert rows(out) == []


def test_a_jsonl_time_without_an_offset_is_refused_naming_the_field(tmp_path: Path) -> None:
    from tests.score_files import jsonl_line, write_jsonl

    lesson = write_lesson(tmp_path / "lesson.json")
    lines = [
        jsonl_line("Ann", [], submitted_at="2026-01-05T10:00:00"),
        jsonl_line("Bo", [], submitted_at="2026-01-05T10:00:00Z"),
    ]
    path = write_jsonl(tmp_path / "class.jsonl", lines)
    code, out, err = run(str(lesson), str(path))
    assert code == 1
    assert f"{path}:1: skipped: submitted_at: '2026-01-05T10:00:00' has no UTC offset" in err
    assert [r["student_name"] for r in rows(out)] == ["Bo"]
