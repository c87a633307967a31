"""`medialit suggest` in a real process: its one JSONL line, re-read by `medialit score`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.core.lesson import load_lesson
from medialit.core.model import Label
from medialit.core.scoring import score
from medialit.core.suggest import suggest

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
POOL = REPO / "lessons" / "001_eastbrook_pool.json"
POOL_TEXT = REPO / "seeds" / "001_eastbrook_pool.txt"


def medialit(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "medialit", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def read_line(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1, "one JSONL line"
    return json.loads(lines[0])


def test_the_suggested_key_is_scored_as_a_student(tmp_path: Path) -> None:
    out = tmp_path / "key.jsonl"
    made = medialit("suggest", POOL_TEXT, "-o", out, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stdout == ""
    row = read_line(out)
    lesson = load_lesson(POOL)
    assert row["student"] == "suggested" and row["text"] == lesson.article.text
    spans = [(s, e, Label(name)) for s, e, name in row["label"]]
    assert spans == [(s.start, s.end, s.label) for s in suggest(lesson.article.text)]
    assert len(row["medialit_spans"]) == len(row["label"])
    for extra in row["medialit_spans"]:
        assert extra["also_accept"] == [] and extra["optional"] is False
        assert extra["explanation"].strip()
    assert f"suggested {len(spans)} spans" in made.stderr

    scored = medialit("score", POOL, out, "--json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    (result,) = json.loads(scored.stdout)
    report = score(lesson.key or (), spans, lesson.article.text)
    assert result["student_id"] == "suggested"
    assert result["score"] == report.score
    assert result["f1"] == pytest.approx(report.f1, abs=1e-4)
    assert result["precision"] == pytest.approx(report.precision, abs=1e-4)
    assert result["recall"] == pytest.approx(report.recall, abs=1e-4)


def test_csv_scoring_reads_the_line_with_its_extras_field(tmp_path: Path) -> None:
    out = tmp_path / "key.jsonl"
    assert medialit("suggest", POOL_TEXT, "-o", out, cwd=tmp_path).returncode == 0
    scored = medialit("score", POOL, out, cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    (row,) = list(csv.DictReader(io.StringIO(scored.stdout)))
    assert row["student_id"] == "suggested" and float(row["score"]) > 0
    assert "skipped" in scored.stderr and "0 inputs skipped" in scored.stderr


def test_a_lesson_leaves_out_suggestions_overlapping_its_key_of_the_same_label(
    tmp_path: Path,
) -> None:
    made = medialit("suggest", POOL, cwd=tmp_path)  # no -o: the line goes to stdout
    assert made.returncode == 0, made.stderr
    row = json.loads(made.stdout)
    lesson = load_lesson(POOL)
    key = lesson.key or ()

    def overlaps_key(s: int, e: int, label: Label) -> bool:
        return any(k.label is label and k.start < e and s < k.end for k in key)

    every = [(s.start, s.end, s.label) for s in suggest(lesson.article.text)]
    expected = [span for span in every if not overlaps_key(*span)]
    got = [(s, e, Label(name)) for s, e, name in row["label"]]
    assert got == expected
    assert len(expected) < len(every), "the lesson's key covers some suggestions"
    assert f"left out {len(every) - len(expected)} suggestions" in made.stderr


def test_an_html_and_a_markdown_article_are_read_by_the_article_import(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text(
        "<html><head><title>T</title><script>var said = 1;</script></head><body>"
        "<p>The mayor may resign, officials said on Monday.</p></body></html>",
        encoding="utf-8",
    )
    md = tmp_path / "a.md"
    md.write_text("# News\n\nThe mayor **may** resign, officials said on Monday.\n", "utf-8")
    for article in (html, md):
        made = medialit("suggest", article, cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        row = json.loads(made.stdout)
        quotes = {(row["text"][s:e], name) for s, e, name in row["label"]}
        assert ("The mayor may resign", "speculation") in quotes
        assert ("officials said", "sourcing") in quotes
        assert "var said" not in row["text"]


@pytest.mark.parametrize("content", ["", "  \n\n \t\n"])
def test_an_empty_article_exits_1_with_a_message_and_writes_nothing(
    tmp_path: Path, content: str
) -> None:
    article = tmp_path / "empty.txt"
    article.write_text(content, encoding="utf-8")
    out = tmp_path / "key.jsonl"
    made = medialit("suggest", article, "-o", out, cwd=tmp_path)
    assert made.returncode == 1
    assert "empty.txt" in made.stderr and "article text" in made.stderr
    assert made.stdout == "" and not out.exists()


def test_an_existing_output_file_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "key.jsonl"
    out.write_bytes(b"the teacher's earlier draft\n")
    made = medialit("suggest", POOL_TEXT, "-o", out, cwd=tmp_path)
    assert made.returncode == 2
    assert "already exists" in made.stderr
    assert out.read_bytes() == b"the teacher's earlier draft\n"
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "missing-target.jsonl")
    assert medialit("suggest", POOL_TEXT, "-o", link, cwd=tmp_path).returncode == 2
    assert not (tmp_path / "missing-target.jsonl").exists()


def test_an_unknown_kind_of_file_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "article.pdf"
    article.write_bytes(b"%PDF-1.4")
    made = medialit("suggest", article, cwd=tmp_path)
    assert made.returncode == 2 and "not an article or lesson file" in made.stderr
