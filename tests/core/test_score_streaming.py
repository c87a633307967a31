"""`medialit score --details` streams, and writes what it wrote before, byte for byte.

The golden files in tests/data/golden/ were written by the command before it streamed
(tests/data/make_golden_scores.py); the in-memory export the teacher window uses
(`batch.score_all` then `export.write_results`/`write_details`) must agree with it too.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core import batch, export
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
