"""`medialit score --details` streams, and writes what it wrote before, byte for byte.

The golden files in tests/data/golden/ were written by the command before it streamed
(tests/data/make_golden_scores.py); the in-memory export the teacher window uses
(`batch.score_all` then `export.write_results`/`write_details`) must agree with it too.
Streaming: each student's details rows are out before the next student is scored, only the
figures are kept, and the peak memory does not hold the class's outcomes.
"""

from __future__ import annotations

import csv
import gc
import io
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core import batch, export
from medialit.core.results import StudentResult
from tests.score_files import GOLDEN, class_outputs, write_class


def test_score_writes_the_golden_bytes(tmp_path: Path) -> None:
    outputs = class_outputs(tmp_path)
    assert sorted(outputs) == sorted(p.name for p in GOLDEN.iterdir())
    for name, data in outputs.items():
        assert data == (GOLDEN / name).read_bytes(), name


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_score_files_equal_the_in_memory_export(tmp_path: Path, delimiter: str) -> None:
    lesson, inputs = write_class(tmp_path, students=200)
    results, details = tmp_path / "results.csv", tmp_path / "details.csv"
    argv = [lesson, *inputs, "-o", results, "--details", details, "--delimiter", delimiter]
    ran = CliRunner().invoke(cli, ["score", *map(str, argv)], catch_exceptions=False)
    assert ran.exit_code == 0, ran.stderr
    key = batch.load_key(lesson)
    scored = batch.score_all(key, batch.collect(key, inputs).entries)
    export.write_results(tmp_path / "r.csv", scored, delimiter=delimiter)
    export.write_details(tmp_path / "d.csv", scored, delimiter=delimiter)
    assert results.read_bytes() == (tmp_path / "r.csv").read_bytes()
    assert details.read_bytes() == (tmp_path / "d.csv").read_bytes()
    with open(details, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=delimiter))
    assert len(rows) == 1 + sum(len(r.report.outcomes) for r in scored) > 2000


def rows_in(text: str) -> int:
    return len(list(csv.reader(io.StringIO(text, newline=""))))


def test_each_students_rows_are_written_before_the_next_is_scored(tmp_path: Path) -> None:
    lesson, inputs = write_class(tmp_path, students=8)
    key = batch.load_key(lesson)
    entries = batch.collect(key, inputs).entries
    out = io.StringIO(newline="")
    outcomes = 0

    def scored() -> Iterator[StudentResult]:
        nonlocal outcomes
        for result in batch.score_each(key, entries):
            outcomes += len(result.report.outcomes)
            yield result
            assert rows_in(out.getvalue()) == 1 + outcomes  # header, then everyone's so far

    kept = export.write_details_keeping_figures(out, scored())
    assert rows_in(out.getvalue()) == 1 + outcomes > 1 + len(entries)
    # What is kept is exactly what scoring without details gives: the figures only.
    assert kept == batch.score_all(key, entries, details=False)
    assert all(r.report.outcomes == () and r.report.spans == () for r in kept)


def traced(fn: Callable[[], object]) -> tuple[int, int]:
    """(bytes still held by what `fn` returned, peak bytes while it ran), above the start.

    The garbage collector is run first and kept off while `fn` runs, so the figures
    depend only on `fn` and its input: the same every run, whatever the machine's load.
    """
    gc.collect()
    gc.disable()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        result = fn()
        held, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
        gc.enable()
    return held - start, peak - start


def test_streamed_details_never_hold_the_class_outcomes(tmp_path: Path) -> None:
    """Peak memory while streaming 800 students' details is what is kept plus a few students'
    outcomes, not the class's; both baselines are measured here, on the same input.

    (That what is kept is the figures alone is shown exactly, without a memory count, by
    `test_each_students_rows_are_written_before_the_next_is_scored`.)
    """
    lesson, inputs = write_class(tmp_path, students=40)
    key = batch.load_key(lesson)
    entries = batch.collect(key, inputs).entries * 20  # 800 students
    whole, _ = traced(lambda: batch.score_all(key, entries))  # what --details used to hold
    figures, _ = traced(lambda: batch.score_all(key, entries, details=False))
    outcomes = whole - figures  # the class's outcomes: ~4 KB a student

    def stream() -> list[StudentResult]:
        with export.csv_file(tmp_path / "details.csv") as out:
            return export.write_details_keeping_figures(out, batch.score_each(key, entries))

    kept, peak = traced(stream)
    assert kept < figures + outcomes / 4  # the outcomes were let go
    assert peak - kept < outcomes / 20  # at most 40 students' outcomes at once (about 7 today)


def test_unwritable_results_leave_no_details_file(tmp_path: Path) -> None:
    """As before streaming: details.csv is renamed into place only once the results are out."""
    lesson, inputs = write_class(tmp_path, students=4)
    details = tmp_path / "details.csv"
    argv = [lesson, *inputs, "-o", tmp_path / "no" / "r.csv", "--details", details]
    ran = CliRunner().invoke(cli, ["score", *map(str, argv)], catch_exceptions=False)
    assert ran.exit_code == 2 and "cannot write" in ran.stderr
    assert not details.exists() and not list(tmp_path.glob(".*.tmp"))


def test_unwritable_details_write_nothing(tmp_path: Path) -> None:
    """details.csv is opened before scoring now, so the results are not written either."""
    lesson, inputs = write_class(tmp_path, students=4)
    results = tmp_path / "results.csv"
    argv = [lesson, *inputs, "-o", results, "--details", tmp_path / "no" / "d.csv"]
    ran = CliRunner().invoke(cli, ["score", *map(str, argv)], catch_exceptions=False)
    assert ran.exit_code == 2 and "cannot write" in ran.stderr
    assert not results.exists()
