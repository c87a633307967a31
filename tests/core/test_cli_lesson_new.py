"""`medialit lesson new ARTICLE -o lesson.json`: the New-lesson dialog's code from a script."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core.lesson import load_lesson
from medialit.core.teacher.authoring import lesson_from_text

PAGE = (
    "<html><head><title>Bridge to open</title></head><body>"
    "<p>The mayor said the bridge opens &lt;soon&gt;.</p><p>Critics disagree 😀.</p></body></html>"
)


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["lesson", "new", *map(str, args)])
    return result.exit_code, result.stderr


def test_makes_a_lesson_file_without_a_key(tmp_path: Path) -> None:
    article = tmp_path / "bridge.html"
    article.write_text(PAGE, "utf-8")
    out = tmp_path / "lesson.json"
    code, err = run(article, "-o", out, "--date", "2026-03-01")
    assert code == 0, err
    lesson = load_lesson(out)
    assert lesson.title == "Bridge to open" and lesson.source == "bridge.html"
    assert lesson.date == "2026-03-01" and not lesson.key
    assert lesson.article.text == "The mayor said the bridge opens <soon>.\n\nCritics disagree 😀."


def test_same_lesson_as_the_dialog_makes(tmp_path: Path) -> None:
    """The dialog loads the file into its box and reads the box as plain text on OK."""
    article = tmp_path / "bridge.html"
    article.write_text(PAGE, "utf-8")
    out = tmp_path / "lesson.json"
    code, err = run(article, "-o", out, "--title", "T", "--source", "S")
    assert code == 0, err
    made = load_lesson(out)
    from_box = lesson_from_text(made.article.text, title="T", source="S")
    assert made.date == dt.date.today().isoformat()
    assert dataclasses.replace(made, id="x", origin="") == dataclasses.replace(
        from_box, id="x", origin="", kind=made.kind
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.pdf", b"%PDF-1.4", "not a .txt, .md or .html"),
        ("odd.html", b"<p>a</p><![ 1 ]>", "HTML could not be read"),
        ("esc.html", b'<meta charset="unicode_escape"><p>\\ud800</p>\xff', "unicode_escape"),
        ("empty.txt", b"  \n\n", "no article text"),
        ("missing.txt", None, "not found"),
    ],
)
def test_a_refused_article_exits_1_with_the_reason(
    tmp_path: Path, name: str, data: bytes | None, reason: str
) -> None:
    article = tmp_path / name
    if data is not None:
        article.write_bytes(data)
    out = tmp_path / "lesson.json"
    code, err = run(article, "-o", out)
    assert code == 1
    assert reason in err and name in err
    assert not out.exists()


def test_an_existing_output_exits_2_and_is_left_alone(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Some text.", "utf-8")
    out = tmp_path / "lesson.json"
    out.write_text("precious", "utf-8")
    code, err = run(article, "-o", out)
    assert code == 2 and "already exists" in err
    assert out.read_text("utf-8") == "precious"


@pytest.mark.parametrize("args", [[], ["a.txt"], ["a.txt", "-o"], ["a.txt", "-o", "x", "--bad"]])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    code, _err = run(*args)
    assert code == 2


def test_the_installed_command(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# Heading\n\nA *short* story.", "utf-8")
    out = tmp_path / "l.json"
    done = subprocess.run(
        [sys.executable, "-m", "medialit", "lesson", "new", str(article), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert load_lesson(out).article.text == "Heading\n\nA short story."
