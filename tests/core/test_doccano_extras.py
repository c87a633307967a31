"""Doccano keys keep what the lesson file knows (`medialit_spans`: also-accept labels,
optional spans, explanations), and a key without it is scored with a notice, never
silently (issue 13: a grade of 96.4 became 78.5)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core.errors import FileFormatError
from medialit.core.intake.doccano import NO_EXTRAS_NOTICE
from medialit.core.interop import doccano_jsonl_bytes, read_doccano_key
from medialit.core.model import Label
from tests.score_files import (
    KEY,
    TEXT,
    make_lesson,
    make_submission,
    spans_for,
    write_lesson,
    write_submission,
)

# A student who labels the speculation as a claim (the key also accepts claim) and finds the
# optional span: full marks with the lesson's key.
ANSWER = [(k.quote, (k.also_accept and Label.CLAIM) or k.label) for k in KEY]


def score(key: Path, sub: Path) -> tuple[float, str]:
    result = CliRunner().invoke(cli, ["score", str(key), str(sub)])
    assert result.exit_code == 0, result.stderr
    (row,) = csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"), newline=""))
    return float(row["score"]), result.stderr


def test_the_doccano_export_scores_like_the_lesson(tmp_path: Path) -> None:
    lesson = write_lesson(tmp_path / "lesson.json")
    sub = write_submission(tmp_path / "ann.json", make_submission("ann", spans_for(TEXT, ANSWER)))
    exported = tmp_path / "key.jsonl"
    exported.write_bytes(doccano_jsonl_bytes(make_lesson()))
    row = json.loads(exported.read_text("utf-8").splitlines()[0])
    assert len(row["medialit_spans"]) == len(row["label"])
    with_lesson, _ = score(lesson, sub)
    with_export, stderr = score(exported, sub)
    assert with_export == with_lesson
    assert "medialit_spans" not in stderr

    del row["medialit_spans"]  # what a plain doccano file holds
    bare = tmp_path / "bare.jsonl"
    bare.write_text(json.dumps(row) + "\n", "utf-8")
    without, stderr = score(bare, sub)
    assert without < with_lesson  # the grade changes ...
    assert f"{bare}: note: {NO_EXTRAS_NOTICE}" in stderr  # ... and it is said


def test_every_reader_reads_the_extras_back(tmp_path: Path) -> None:
    path = tmp_path / "key.jsonl"
    path.write_bytes(doccano_jsonl_bytes(make_lesson()))
    found = read_doccano_key(path, article=make_lesson().article)  # the window's import
    assert [(k.also_accept, k.optional, k.explanation) for k in found.key] == [
        (k.also_accept, k.optional, k.explanation) for k in KEY
    ]
    assert found.notices == ()


@pytest.mark.parametrize(
    ("extras", "field"),
    [
        ("nope", "medialit_spans"),
        ([], "medialit_spans"),
        ([{"optional": "yes"}], "medialit_spans[0].optional"),
        ([{"also_accept": ["rumour"]}], "medialit_spans[0].also_accept[0]"),
        ([{"explanation": 3}], "medialit_spans[0].explanation"),
        ([7], "medialit_spans[0]"),
    ],
)
def test_bad_extras_are_refused_naming_the_field(
    tmp_path: Path, extras: object, field: str
) -> None:
    path = tmp_path / "key.jsonl"
    row = {"text": TEXT, "label": [[0, 45, "claim"]], "medialit_spans": extras}
    path.write_text(json.dumps(row) + "\n", "utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_doccano_key(path)
    assert caught.value.field is not None and caught.value.field.endswith(field)
    result = CliRunner().invoke(cli, ["score", str(path), str(path)])
    assert result.exit_code == 2 and field in result.stderr
