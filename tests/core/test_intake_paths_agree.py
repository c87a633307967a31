"""Issue 13: the four intake paths disagreed. Each case here goes through the paths the app
really takes: the teacher window's import (`import_submission_files`, then the class view's
`current_submissions` and `score_class`) and `medialit score` (the command, end to end),
and asks them the same question."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core.classroom import score_class
from medialit.core.model import Label
from medialit.core.store import Store
from medialit.core.submission import submission_to_dict
from medialit.core.teacher.authoring import save_lesson_to_store
from medialit.core.teacher.collection import current_submissions, import_submission_files
from tests.score_files import (
    KEY,
    TEXT,
    jsonl_line,
    make_lesson,
    make_submission,
    spans_for,
    write_jsonl,
    write_lesson,
    write_submission,
)

LESSON = make_lesson()
GOOD = [(KEY[0].quote, KEY[0].label), ("CBS News", Label.FACT)]


def score(
    tmp_path: Path, *inputs: Path, key: Path | None = None
) -> tuple[int, list[dict[str, str]], str]:
    """`medialit score KEY INPUTS…`: (exit status, results rows, stderr)."""
    key = key or write_lesson(tmp_path / "key-lesson.json")
    result = CliRunner().invoke(cli, ["score", str(key), *map(str, inputs)])
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"), newline="")))
    return result.exit_code, rows, result.stderr


def teacher_import(store: Store, *inputs: Path):  # type: ignore[no-untyped-def]
    save_lesson_to_store(store, LESSON)
    return import_submission_files(store, inputs, [LESSON])


# -- which files a folder holds ----------------------------------------------------------------


def test_a_folder_is_read_the_same_way_recursively(fresh_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "handed-in"
    (folder / "7b" / "monday").mkdir(parents=True)
    write_submission(folder / "ann.json", make_submission("ann", spans_for(TEXT, GOOD)))
    write_submission(
        folder / "7b" / "monday" / "ben.json", make_submission("ben", spans_for(TEXT, GOOD))
    )
    report = teacher_import(fresh_store, folder)
    _code, rows, err = score(tmp_path, folder)
    assert sorted(a.submission.student_id for a in report.added) == ["ann", "ben"]
    assert sorted(r["student_id"] for r in rows) == ["ann", "ben"], err


def test_a_folder_over_5000_files_is_read_whole(fresh_store: Store, tmp_path: Path) -> None:
    """Folders over 5,000 files were cut without a word."""
    folder = tmp_path / "many"
    folder.mkdir()
    body = json.dumps(submission_to_dict(make_submission("x", spans_for(TEXT, GOOD))))
    for n in range(5_010):
        (folder / f"s{n:05}.json").write_text(body.replace('"x"', f'"s{n}"'), "utf-8")
    report = teacher_import(fresh_store, folder)
    assert len(report.added) == 5_010


# -- what counts as a duplicate ----------------------------------------------------------------


def test_the_same_submission_twice_is_one_duplicate_in_both(
    fresh_store: Store, tmp_path: Path
) -> None:
    """Same content, other bytes (indented differently): the import called it a duplicate,
    `medialit score` scored the student twice and said the student "appears more than once"."""
    sub = make_submission("ann", spans_for(TEXT, GOOD))
    first = write_submission(tmp_path / "a.json", sub)
    second = tmp_path / "b.json"
    second.write_text(json.dumps(submission_to_dict(sub), indent=4), "utf-8")
    report = teacher_import(fresh_store, first, second)
    assert len(report.added) == 1 and len(report.duplicates) == 1
    _code, rows, err = score(tmp_path, first, second)
    assert len(rows) == 1
    assert f"{second}: note: the same submission as {first}" in err


# -- which submission is a student's current one ----------------------------------------------


def test_the_current_submission_is_the_latest_instant(fresh_store: Store, tmp_path: Path) -> None:
    """10:00 in Berlin (+02:00) is 08:00 UTC, before 09:00 UTC: string order got it wrong."""
    early = make_submission(
        "ann", spans_for(TEXT, GOOD[:1]), submitted_at="2026-01-05T10:00:00+02:00"
    )
    late = make_submission("ann", spans_for(TEXT, GOOD), submitted_at="2026-01-05T09:00:00+00:00")
    a = write_submission(tmp_path / "early.json", early)
    b = write_submission(tmp_path / "late.json", late)
    teacher_import(fresh_store, a, b)
    (current,) = current_submissions(fresh_store, LESSON.id)
    assert current.submitted_at == late.submitted_at
    class_rows = score_class(LESSON, current_submissions(fresh_store, LESSON.id)).rows
    _code, rows, _err = score(tmp_path, a, b)
    assert [r["submitted_at"] for r in rows] == [late.submitted_at]
    assert class_rows[0].result.report.score == pytest.approx(float(rows[0]["score"]), abs=0.05)


# -- JSONL and empty files ---------------------------------------------------------------------


def test_a_jsonl_line_without_label_is_refused_naming_file_line_and_field(tmp_path: Path) -> None:
    """It was scored as an empty answer."""
    line = json.dumps({"student": "ann", "text": TEXT})
    path = write_jsonl(tmp_path / "class.jsonl", [jsonl_line("ben", []), line])
    code, rows, err = score(tmp_path, path)
    assert code == 1 and [r["student_id"] for r in rows] == ["ben"]
    assert f"{path}:2: skipped: label: is missing" in err


@pytest.mark.parametrize("name", ["empty.json", "empty.jsonl", "blank.jsonl"])
def test_an_empty_file_is_reported(fresh_store: Store, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"" if name.startswith("empty") else b"\n  \n")
    code, _rows, err = score(tmp_path, path)
    assert code == 1 and f"{path}: skipped: the file is empty" in err
    report = teacher_import(fresh_store, path)
    assert [r.reason for r in report.rejected] == ["the file is empty"]


# -- things that are not files -----------------------------------------------------------------


@pytest.mark.timeout(20)
def test_a_fifo_given_to_score_is_refused_without_being_opened(
    fresh_store: Store, tmp_path: Path
) -> None:
    """`medialit score` hung on a FIFO."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "class.jsonl"
    os.mkfifo(fifo)
    code, _rows, err = score(tmp_path, fifo)
    assert code == 1 and f"{fifo}: skipped: is not a regular file" in err
    report = teacher_import(fresh_store, fifo)
    assert [r.reason for r in report.rejected] == ["is not a regular file"]


@pytest.mark.timeout(20)
def test_dev_zero_behind_a_jsonl_name_is_refused(fresh_store: Store, tmp_path: Path) -> None:
    """It grew memory until MemoryError."""
    if sys.platform == "win32" or not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    link = tmp_path / "class.jsonl"
    link.symlink_to("/dev/zero")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "zero.json").symlink_to("/dev/zero")
    code, _rows, err = score(tmp_path, link, folder)
    assert code == 1
    assert f"{link}: skipped: is not a regular file" in err
    assert f"{folder / 'zero.json'}: skipped: is not a regular file" in err
    report = teacher_import(fresh_store, link, folder)
    assert sorted(r.reason for r in report.rejected) == ["is not a regular file"] * 2


# -- a doccano key -------------------------------------------------------------------------------


def test_a_doccano_key_reads_the_same_for_the_window_and_score(tmp_path: Path) -> None:
    """Case, the `entities` form and trimming: the window's reader accepted what score refused."""
    from medialit.core.interop import read_doccano_key

    entities = [
        {"start_offset": k.start, "end_offset": k.end + 1, "label": f" {k.label.value.title()} "}
        for k in KEY
    ]
    path = tmp_path / "key.jsonl"
    path.write_text(json.dumps({"text": TEXT, "entities": entities}) + "\n", "utf-8")
    window_key = read_doccano_key(path).key
    sub = write_submission(tmp_path / "ann.json", make_submission("ann", spans_for(TEXT, GOOD)))
    code, _rows, err = score(tmp_path, sub, key=path)
    assert code == 0, err
    from medialit.core.batch import load_key  # what `medialit score` reads its key with

    score_key = load_key(path).lesson.key
    assert [(k.start, k.end, k.label) for k in window_key] == [
        (k.start, k.end, k.label) for k in score_key
    ]
    assert [k.quote for k in window_key][1] == "via CBS News"  # trimmed as a key span is


def test_a_huge_offset_in_a_class_file_is_refused_by_both(tmp_path: Path) -> None:
    from tests.intake_paths import score_verdicts, window_verdicts

    lesson = write_lesson(tmp_path / "lesson.json")
    path = write_jsonl(tmp_path / "class.jsonl", [jsonl_line("ann", [(0, 2**63, "claim")])])
    window, score_says = window_verdicts([path], lesson), score_verdicts([path], lesson)
    assert (
        window
        == score_says
        == {f"{path}:1": f"label[0]: [0, {2**63}) is not a span of the text (0..{len(TEXT)})"}
    )


def test_a_bug_costs_one_file_not_the_class(
    fresh_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Whatever goes wrong inside the intake for one file is logged and said for that file."""
    from medialit.core.intake import readers

    real = readers.parse_submission

    def buggy(text: str, *, origin: str):  # type: ignore[no-untyped-def]
        if origin.endswith("bad.json"):
            raise RuntimeError("a bug")
        return real(text, origin=origin)

    monkeypatch.setattr(readers, "parse_submission", buggy)
    good = write_submission(tmp_path / "good.json", make_submission("ann", spans_for(TEXT, GOOD)))
    bad = write_submission(tmp_path / "bad.json", make_submission("ben", spans_for(TEXT, GOOD)))
    report = teacher_import(fresh_store, good, bad)
    assert [Path(a.path).name for a in report.added] == ["good.json"]
    assert [r.reason for r in report.rejected] == ["could not be read (RuntimeError)"]
    assert "reading" in caplog.text and "bad.json" in caplog.text


def test_a_folder_over_20000_files_is_refused_with_the_count(tmp_path: Path) -> None:
    from tests.intake_paths import score_verdicts, window_verdicts

    folder = tmp_path / "too-many"
    (folder / "a").mkdir(parents=True)
    for n in range(20_001):
        (folder / ("a" if n % 2 else "") / f"s{n:05}.json").write_bytes(b"{}")
    (folder / ".hidden.json").write_bytes(b"{}")  # not counted
    lesson = write_lesson(tmp_path / "lesson.json")
    expected = {
        str(folder): "holds 20,001 submission files, over the limit of 20,000; nothing in it "
        "was read (split it into smaller folders)"
    }
    assert window_verdicts([folder], lesson) == score_verdicts([folder], lesson) == expected
