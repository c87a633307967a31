"""`medialit score` end to end with click's CliRunner: files in, CSV/JSON out, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core import paths
from medialit.core.cells import formula_like
from medialit.core.export import RESULTS_COLUMNS, result_values
from medialit.core.lesson import load_lesson
from medialit.core.model import KeySpan, Label, Span, SpanId
from medialit.core.results import StudentResult
from medialit.core.scoring import score
from medialit.core.text import context
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

SRC = Path(__file__).resolve().parents[2] / "src"

STUDENTS = {
    "s1": [
        ("Baldwin said it was a one-in-a-trillion event", Label.CLAIM),
        ("CBS News", Label.FACT),
    ],
    "s2": [(k.quote, k.label) for k in KEY],  # a perfect copy of the key
    "s3": [("said the gun", Label.FACT), ("It may have been mislabelled", Label.CLAIM)],
}


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["score", *map(str, args)], catch_exceptions=False)
    # stdout_bytes: Result.stdout would turn the CSV's \r\n into \n.
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr


def read_csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def expected_row(student: str, spans: list[Span], **kw: str) -> dict[str, str]:
    """What results.csv must say for these spans: the scorer's numbers, formatted."""
    report = score(KEY, spans, TEXT)
    result = StudentResult(
        student,
        kw.get("class_code", "7b"),
        "Rust shooting",
        kw.get("submitted_at", "2026-01-05T10:00:00+00:00"),
        report,
        student_name=kw.get("student_name", f"Student {student}"),
    )
    out = io.StringIO(newline="")
    from medialit.core.export import write_results_to

    write_results_to(out, [result])
    assert tuple(result_values(result))  # sanity: the row is complete
    return read_csv(out.getvalue())[0]


@pytest.fixture
def classroom(tmp_path: Path) -> tuple[Path, list[Path], Path]:
    """A lesson with a key, three submission files, and a JSONL with two more students."""
    lesson = write_lesson(tmp_path / "lesson.json")
    folder = tmp_path / "handed-in"
    folder.mkdir()
    files = [
        write_submission(folder / f"{sid}.json", make_submission(sid, spans_for(TEXT, quotes)))
        for sid, quotes in STUDENTS.items()
    ]
    jsonl = write_jsonl(
        tmp_path / "more.jsonl",
        [
            jsonl_line("Ann Lee", [(0, 45, "claim"), (47, 59, "sourcing")], class_code="7a"),
            jsonl_line("Bo", [], submitted_at="2026-01-06T09:00:00Z"),
        ],
    )
    return lesson, files, jsonl


def test_end_to_end_csv_matches_the_scorer(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    lesson, files, jsonl = classroom
    out, details = tmp_path / "results.csv", tmp_path / "details.csv"
    code, stdout, stderr = run(lesson, *files, jsonl, "-o", out, "--details", details)
    assert code == 0, stderr
    assert stdout == ""
    assert "scored 5 students; 0 inputs skipped" in stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(out.read_text(encoding="utf-8-sig"))
    assert [r["student_id"] for r in rows] == ["s1", "s2", "s3", "Ann Lee", "Bo"]
    for row, (sid, quotes) in zip(rows, STUDENTS.items(), strict=False):
        assert row == expected_row(sid, list(spans_for(TEXT, quotes)))
    assert rows[1]["score"] == "100.0" and rows[1]["correct"] == "5"
    ann = [
        Span(SpanId("a"), 0, 45, Label.CLAIM, TEXT[0:45], *context(TEXT, 0, 45)),
        Span(SpanId("b"), 47, 59, Label.SOURCING, TEXT[47:59], *context(TEXT, 47, 59)),
    ]
    assert rows[3] == expected_row(
        "Ann Lee", ann, class_code="7a", submitted_at="", student_name="Ann Lee"
    )
    assert rows[4]["score"] == "0.0" and rows[4]["missed"] == "5"
    detail_rows = read_csv(details.read_text(encoding="utf-8-sig"))
    assert {d["student_id"] for d in detail_rows} == {"s1", "s2", "s3", "Ann Lee", "Bo"}
    assert [d["outcome"] for d in detail_rows if d["student_id"] == "s2"] == ["correct"] * 5 + [
        "bonus"
    ]


def test_folder_input_and_stdout(classroom: tuple[Path, list[Path], Path]) -> None:
    lesson, files, _ = classroom
    code, stdout, stderr = run(lesson, files[0].parent)
    assert code == 0, stderr
    assert stdout.startswith('"student_name","class_code",') and "\r\n" in stdout
    assert [r["student_id"] for r in read_csv(stdout)] == ["s1", "s2", "s3"]


def test_semicolon_delimiter(classroom: tuple[Path, list[Path], Path]) -> None:
    lesson, files, _ = classroom
    code, stdout, _ = run(lesson, files[1], "--delimiter", ";")
    assert code == 0
    (row,) = read_csv(stdout, ";")
    assert row["score"] == "100,0" and row["precision"] == "1,0000"


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_formula_names_notes_and_quotes_are_neutralised(tmp_path: Path, delimiter: str) -> None:
    evil = '=HYPERLINK("http://x","y")'
    text = TEXT + " =1+1 is what the armourer wrote."
    key = [*KEY, KeySpan("k9", len(TEXT) + 1, len(TEXT) + 5, Label.FACT, "=1+1")]
    lesson = write_lesson(tmp_path / "lesson.json", make_lesson(text, key))
    spans = [
        s.with_note("@SUM(1)")
        for s in spans_for(text, [("Baldwin said", Label.CLAIM), ("=1+1", Label.FACT)])
    ]
    sub = make_submission("s1", spans, text=text, name=evil, class_code="+1+1")
    files = [write_submission(tmp_path / "s1.json", sub)]
    files.append(write_jsonl(tmp_path / "more.jsonl", [jsonl_line("-1+1", [], text=text)]))
    out, details = tmp_path / "results.csv", tmp_path / "details.csv"
    for target in (["-o", str(out)], []):  # to a file, then to standard output
        code, stdout, stderr = run(
            lesson, *files, *target, "--details", details, "--delimiter", delimiter
        )
        assert code == 0, stderr
        results = stdout or out.read_text(encoding="utf-8-sig")
        rows = read_csv(results, delimiter)
        assert [r["student_id"] for r in rows] == ["s1", "'-1+1"]
        assert rows[0]["student_name"] == "'" + evil and rows[0]["class_code"] == "'+1+1"
        detail_rows = read_csv(details.read_text(encoding="utf-8-sig"), delimiter)
        assert "'@SUM(1)" in {d["student_note"] for d in detail_rows}
        assert "'=1+1" in {d["key_quote"] for d in detail_rows}
        assert "'=1+1" in {d["student_quote"] for d in detail_rows}
        cells = [v for r in rows + detail_rows for v in r.values()]
        assert not any(formula_like(v) for v in cells)


def test_json_output(classroom: tuple[Path, list[Path], Path], tmp_path: Path) -> None:
    lesson, files, jsonl = classroom
    code, stdout, _ = run(lesson, files[0], jsonl, "--json")
    assert code == 0
    rows = json.loads(stdout)
    assert [r["student_id"] for r in rows] == ["s1", "Ann Lee", "Bo"]
    assert list(rows[0]) == list(RESULTS_COLUMNS)
    report = score(KEY, spans_for(TEXT, STUDENTS["s1"]), TEXT)
    assert rows[0]["score"] == report.score and rows[0]["speculation_precision"] is None
    code, _, _ = run(lesson, files[0], "--json", "-o", tmp_path / "r.json")
    assert code == 0 and json.loads((tmp_path / "r.json").read_text())[0]["student_id"] == "s1"


def test_skipped_inputs_exit_1_and_are_named(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    lesson, files, _ = classroom
    junk = tmp_path / "junk.json"
    junk.write_text("[]")
    bad_lines = write_jsonl(tmp_path / "bad.jsonl", [jsonl_line("x", [(0, 5, "nope")]), "{"])
    code, stdout, stderr = run(lesson, files[0], junk, bad_lines)
    assert code == 1
    assert [r["student_id"] for r in read_csv(stdout)] == ["s1"]
    assert f"{junk}: skipped: expected a JSON object, found list" in stderr
    assert f"{bad_lines}:1: skipped: label[0]: unknown label 'nope'" in stderr
    assert f"{bad_lines}:2: skipped: not valid JSON" in stderr
    assert "scored 1 student; 3 inputs skipped" in stderr


def test_nothing_valid_still_writes_the_header_and_exits_1(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    lesson, _, _ = classroom
    junk = tmp_path / "junk.json"
    junk.write_text("")
    code, stdout, _ = run(lesson, junk)
    assert code == 1
    assert stdout.strip() == ",".join(f'"{c}"' for c in RESULTS_COLUMNS)


def test_usage_errors_and_unusable_keys_exit_2(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    lesson, files, _ = classroom
    assert run(lesson)[0] == 2  # no SUBMISSION
    assert run(tmp_path / "missing.json", files[0])[0] == 2
    code, _out, stderr = run(lesson, tmp_path / "missing.json")  # an input, read or not
    assert code == 1 and f"{tmp_path / 'missing.json'}: skipped: file not found" in stderr
    assert run(lesson, files[0], "--delimiter", "|")[0] == 2
    assert run(lesson, files[0], "--json", "--delimiter", ";")[0] == 2
    code, stdout, stderr = run(files[0], files[1])  # a submission is no key
    assert code == 2 and stdout == ""
    assert stderr.startswith("medialit score: unusable key: ")
    empty_key = write_jsonl(tmp_path / "empty.jsonl", [jsonl_line("x", [])])
    code, _, stderr = run(empty_key, files[0])  # a JSONL whose first line has no spans
    assert code == 2 and "no required span" in stderr
    code, _, stderr = run(lesson, files[0], "-o", tmp_path / "no" / "such" / "dir.csv")
    assert code == 2 and "cannot write" in stderr


def test_duplicate_student_latest_wins(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    lesson, _, _ = classroom
    newer = write_submission(
        tmp_path / "newer.json",
        make_submission("s9", spans_for(TEXT, STUDENTS["s2"]), submitted_at="2026-01-07T08:00:00Z"),
    )
    older = write_submission(
        tmp_path / "older.json",
        make_submission("s9", [], submitted_at="2026-01-06T08:00:00Z"),
    )
    code, stdout, stderr = run(lesson, newer, older)
    assert code == 0
    (row,) = read_csv(stdout)
    assert row["score"] == "100.0" and row["submitted_at"] == "2026-01-07T08:00:00Z"
    assert "note: student 's9' appears more than once" in stderr


def test_identical_file_counted_once(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    lesson, files, _ = classroom
    copy = tmp_path / "copy-of-s1.json"
    shutil.copy(files[0], copy)
    code, stdout, stderr = run(lesson, files[0], copy)
    assert code == 0
    assert len(read_csv(stdout)) == 1
    assert f"{copy}: note: the same submission as {files[0]}; counted once" in stderr


def test_jsonl_key(classroom: tuple[Path, list[Path], Path], tmp_path: Path) -> None:
    _, files, jsonl = classroom
    key_line = json.dumps({"text": TEXT, "label": [[k.start, k.end, k.label.value] for k in KEY]})
    key = write_jsonl(tmp_path / "key.jsonl", [key_line])
    code, stdout, stderr = run(key, files[0], jsonl)
    assert code == 0, stderr
    rows = read_csv(stdout)
    assert [r["lesson"] for r in rows] == ["key"] * 3
    # The JSONL key has no also_accept/optional: the s1 score is that of a plain key.
    assert rows[0]["student_id"] == "s1"


def test_help_text() -> None:
    result = CliRunner().invoke(cli, ["score", "--help"])
    assert result.exit_code == 0
    assert "Exit status" in result.output and "--delimiter" in result.output


def test_score_runs_without_qt_or_the_database(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    lesson, files, _ = classroom
    out = tmp_path / "out.csv"
    argv = ["medialit", "score", str(lesson), str(files[0]), "-o", str(out)]
    heavy = ("PySide6", "shiboken6", "sqlite_utils")
    code = (
        "import sys\n"
        "from medialit.cli import main\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
        f"loaded = [m for m in sys.modules if m.startswith({heavy!r})]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.exists()


BUNDLED = paths.lessons_dir() / "000_baldwin_rust.json"


def test_bundled_lesson_scores_generated_submissions(tmp_path: Path) -> None:
    if not BUNDLED.exists():
        pytest.skip("the bundled lesson is not in this checkout")
    lesson = load_lesson(BUNDLED)
    assert lesson.key
    text = lesson.article.text
    required = [k for k in lesson.key if not k.optional]

    def spans(keys: list, label_of: object = None) -> list[Span]:  # type: ignore[type-arg]
        return [
            Span(
                SpanId(f"g{i}"),
                k.start,
                k.end,
                label_of(k) if callable(label_of) else k.label,
                k.quote,
                *context(text, k.start, k.end),
            )
            for i, k in enumerate(keys)
        ]

    order = list(Label)
    students = {
        "perfect": spans(list(lesson.key)),
        "half": spans(required[::2]),
        "shifted": spans(required, lambda k: order[(order.index(k.label) + 1) % len(order)]),
        "nothing": [],
    }
    folder = tmp_path / "subs"
    folder.mkdir()
    for name, student_spans in students.items():
        write_submission(
            folder / f"{name}.json",
            make_submission(
                name, student_spans, text=text, lesson_id=lesson.id, sha256=lesson.article.sha256
            ),
        )
    code, stdout, stderr = run(BUNDLED, folder)
    assert code == 0, stderr
    rows = {r["student_id"]: r for r in read_csv(stdout)}
    assert rows["perfect"]["score"] == "100.0"
    assert rows["nothing"]["score"] == "0.0"
    for name, student_spans in students.items():
        report = score(lesson.key, student_spans, text)
        assert rows[name]["score"] == f"{report.score:.1f}"
        assert rows[name]["recall"] == f"{report.recall:.4f}"
        assert int(rows[name]["missed"]) == report.missed
