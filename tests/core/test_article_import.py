"""Issue 13's article-import defects: parsed once by kind, byte caps before decoding, a short
list of charsets, parser errors as messages naming the file, a time cap, article.file kept
inside the lesson's folders."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.core.errors import FileFormatError
from medialit.core.importing import MAX_ARTICLE_BYTES, read_article_file, text_from_string
from medialit.core.lesson import load_lesson
from tests.helpers import FakeClock

ABOUT_HTML = (
    "<html><head><title>Tags</title></head><body>"
    "<p>Every paragraph starts with &lt;p&gt; and ends with &lt;/p&gt;.</p>"
    "<p>A line break is &lt;br&gt;; a heading is &lt;h1&gt;.</p></body></html>"
)


def test_an_article_about_html_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "tags.html"
    path.write_text(ABOUT_HTML, "utf-8")
    imported = read_article_file(path)
    assert imported.text == (
        "Every paragraph starts with <p> and ends with </p>.\n\n"
        "A line break is <br>; a heading is <h1>."
    )


def test_a_txt_starting_with_a_tag_stays_text(tmp_path: Path) -> None:
    raw = "<p>is how HTML starts a paragraph.</p>\n\nThat is all <b>this</b> lesson says."
    path = tmp_path / "tags.txt"
    path.write_text(raw, "utf-8")
    assert read_article_file(path).text == raw
    assert text_from_string(raw).text == raw  # pasted text is text


def test_an_html_file_over_the_cap_that_declares_its_charset_is_refused(tmp_path: Path) -> None:
    head = b'<html><head><meta charset="windows-1252"></head><body>'
    para = b"<p>Caf\xe9 paragraph " + b"x" * 80 + b".</p>\n"
    data = head + para * (MAX_ARTICLE_BYTES // len(para) + 10)
    path = tmp_path / "big.html"
    path.write_bytes(data)
    with pytest.raises(FileFormatError, match="limit") as caught:
        read_article_file(path)
    assert "big.html" in str(caught.value)


@pytest.mark.parametrize(
    "page",
    ["<p>Start</p><![ 1 ]><p>end</p>", "<p>x</p><!\u0000[ ]>", "<p>a</p><![if]><p>b</p><![ ]>"],
)
def test_parser_errors_become_messages_naming_the_file(tmp_path: Path, page: str) -> None:
    path = tmp_path / "odd.html"
    path.write_text(page, "utf-8")
    try:
        imported = read_article_file(path)
    except FileFormatError as exc:
        assert "odd.html" in str(exc)
    else:
        assert "Start" in imported.text or "x" in imported.text or "a" in imported.text


@pytest.mark.parametrize("charset", ["unicode_escape", "raw_unicode_escape", "utf-7", "rot13"])
def test_a_declared_charset_outside_the_list_is_refused(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "escape.html"
    path.write_bytes(
        f'<meta charset="{charset}"><p>\\ud800 and \\xff</p>'.encode("ascii") + b"\xff\xfe"
    )
    with pytest.raises(FileFormatError, match=charset) as caught:
        read_article_file(path)
    assert "escape.html" in str(caught.value)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_utf8_and_utf16_with_a_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bom + "Zoë said “hi” 😀.".encode(encoding))
    assert read_article_file(path).text == "Zoë said “hi” 😀."


@pytest.mark.parametrize(
    ("declared", "codec", "text"),
    [
        ("windows-1252", "cp1252", "Café – “quoted” €5"),
        ("iso-8859-1", "latin-1", "Café, naïve, £5"),
        ("ISO-8859-15", "iso8859_15", "Prix: 5 € (œuvre)"),
    ],
)
def test_legacy_charsets_declared_in_html(
    tmp_path: Path, declared: str, codec: str, text: str
) -> None:
    path = tmp_path / "old.html"
    head = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    path.write_bytes(head.encode("ascii") + f"</head><body><p>{text}</p>".encode(codec))
    assert read_article_file(path).text == text


def test_a_lone_surrogate_from_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(
        b"\xff\xfe" + "ok ".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le")
    )
    with pytest.raises(FileFormatError) as caught:
        read_article_file(path)
    assert "bad.txt" in str(caught.value)


def test_megabytes_of_angle_brackets_are_text(tmp_path: Path) -> None:
    """A few MB of `<` took minutes on the GUI thread; the speed is in benchmarks/."""
    path = tmp_path / "lt.html"
    path.write_bytes(b"<p>" + b"<" * 2_000_000 + b"</p>")
    assert read_article_file(path).text == "<" * 2_000_000


def test_unclosed_tags_by_the_thousand_are_text(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(b"<p>start</p>" + b"<a " * 50_000)
    imported = read_article_file(path)
    assert imported.text.startswith("start")


def test_special_files_are_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="not a regular file"):
        read_article_file(fifo)


# -- a lesson's article.file ------------------------------------------------------------------


def _lesson_with_file(folder: Path, name: str) -> Path:
    path = folder / "lesson.json"
    body = {
        "format": "medialit-lesson",
        "format_version": 1,
        "id": "a" * 32,
        "title": "t",
        "article": {"file": name},
    }
    path.write_text(json.dumps(body), "utf-8")
    return path


def test_article_file_may_not_follow_a_symlink_out_of_the_lesson_folder(tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("root:x:0:0:secret", "utf-8")
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "article.txt").symlink_to(outside)
    with pytest.raises(FileFormatError) as caught:
        load_lesson(_lesson_with_file(folder, "article.txt"))
    assert caught.value.field == "article.file"
    assert "secret" not in str(caught.value)


def test_article_file_through_a_symlink_to_etc_passwd_is_refused(tmp_path: Path) -> None:
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd here")
    folder = tmp_path / "lessons"
    folder.mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").symlink_to("/etc/passwd")
    with pytest.raises(FileFormatError) as caught:
        load_lesson(_lesson_with_file(folder, "seeds/x.txt"))
    assert caught.value.field == "article.file"


def test_article_file_inside_the_folders_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    (tmp_path / "seeds").mkdir()
    folder.mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Seed text.", "utf-8")
    (folder / "b.txt").write_text("Beside text.", "utf-8")
    (folder / "link.txt").symlink_to(folder / "b.txt")  # a link that stays inside is fine
    assert load_lesson(_lesson_with_file(folder, "seeds/a.txt")).article.text == "Seed text."
    assert load_lesson(_lesson_with_file(folder, "b.txt")).article.text == "Beside text."
    assert load_lesson(_lesson_with_file(folder, "link.txt")).article.text == "Beside text."


def test_article_file_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    with pytest.raises(FileFormatError) as caught:
        load_lesson(_lesson_with_file(tmp_path, "a.txt"))
    assert caught.value.field == "article.file"


def test_the_import_stops_at_the_time_cap(tmp_path: Path) -> None:
    """Each step asks the budget; once 10 s have passed the file is refused, naming it."""
    clock = FakeClock()
    seen: list[float] = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        clock.now += 1.0  # every chunk takes a second

    path = tmp_path / "slow.html"
    path.write_bytes(b"<p>" + b"word " * 400_000 + b"</p>")  # 2 MB: 30 chunks
    with pytest.raises(FileFormatError, match="took more than 10 s") as caught:
        read_article_file(path, progress=progress, clock=clock)
    assert "slow.html" in str(caught.value)
    assert 8 <= len(seen) <= 13 and seen == sorted(seen)


def test_a_page_holding_the_placeholder_character_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "odd.html"
    path.write_text("<p>a \ufdd0 b < c <d</p>", "utf-8")
    assert read_article_file(path).text == "a \ufdd0 b < c <d"
    path.write_text("<p>a < b</p><title>x < y</title>", "utf-8")
    assert read_article_file(path).text == "a < b"
    assert read_article_file(path).title == "x < y"


@settings(max_examples=300, deadline=None)
@given(
    page=st.lists(
        st.sampled_from(["<", ">", "<p>", "</p>", "<![", "]>", "<!--", "-->", "&lt;", "&#", "'"])
        | st.text(max_size=8),
        max_size=40,
    ).map("".join)
)
def test_any_page_gives_text_or_a_message_never_a_crash(page: str) -> None:
    try:
        imported = text_from_string(page, kind="html")
    except FileFormatError as exc:
        assert exc.path == "the pasted text"
    else:
        assert (imported.text.strip() and "\ufdd0" not in imported.text) or "\ufdd0" in page
