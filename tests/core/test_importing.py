from pathlib import Path

import pytest

from medialit.core.errors import FileFormatError
from medialit.core.importing import (
    html_to_text,
    markdown_to_text,
    plain_to_text,
    read_article_file,
)

HTML = """<!doctype html><html><head><title>Mayor &amp; the bridge</title>
<style>p { color: red }</style><script>alert("x")</script>
<link rel="stylesheet" href="https://example.com/a.css"></head>
<body><nav><a href="/">Home</a></nav>
<h1>Bridge   to open</h1>
<p>The mayor <b>said</b> the bridge
would open on Monday.</p>
<p>Officials&nbsp;declined to comment.<br>Caf&eacute; owners cheered 😀.</p>
<img src="https://example.com/x.png" alt="a bridge">
<script type="module">import("https://evil")</script>
<ul><li>One</li><li>Two</li></ul>
</body></html>"""


def test_html_paragraphs_kept_scripts_and_styles_dropped() -> None:
    result = html_to_text(HTML)
    assert result.title == "Mayor & the bridge"
    assert result.text == (
        "Bridge to open\n\n"
        "The mayor said the bridge would open on Monday.\n\n"
        "Officials\u00a0declined to comment.\nCafé owners cheered 😀.\n\n"
        "One\n\nTwo"
    )
    for bad in ("alert", "color", "evil", "Home", "example.com"):
        assert bad not in result.text


def test_html_without_title_uses_first_h1_and_unclosed_tags_do_not_hang() -> None:
    result = html_to_text("<h1>Headline</h1><p>Body <i>text<p>Next <script>x")
    assert result.title == "Headline"
    assert result.text == "Headline\n\nBody text\n\nNext"


def test_html_text_is_canonical_nfc() -> None:
    assert html_to_text("<p>Cafe\u0301\r\n</p>").text == "Café"


def test_markdown() -> None:
    md = (
        "# The *big* story\n\nA [link](http://x.org) and **bold**\ntext wrapped.\n\n"
        "- item one\n\n> quoted\n\n![pic](a.png)\n"
    )
    result = markdown_to_text(md)
    assert result.title == "The big story"
    assert result.text == (
        "The big story\n\nA link and bold text wrapped.\n\nitem one\n\nquoted\n\npic"
    )


def test_plain_text_paragraphs_and_line_ends() -> None:
    result = plain_to_text("\ufeffTitle line\r\n\r\n\r\n\r\nBody  \r\nmore\r\n")
    assert result.text == "Title line\n\nBody\nmore"
    assert result.title == "Title line"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.pdf", b"%PDF", "is not a .txt, .md or .html"),
        ("a.txt", b"\xff\xfe\x00", "not text medialit can read"),
        ("b.txt", b"caf\x81", "not text medialit can read"),
        ("a.html", b"<script>only()</script>", "no article text"),
    ],
)
def test_bad_files_are_refused_with_the_file_named(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FileFormatError, match=reason) as info:
        read_article_file(path)
    assert name in str(info.value)


def test_read_file_title_falls_back_to_file_name(tmp_path: Path) -> None:
    path = tmp_path / "city_news.html"
    path.write_text("<p>Just a paragraph.</p>", "utf-8")
    result = read_article_file(path)
    assert (result.title, result.text) == ("city news", "Just a paragraph.")


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café – “quoted”</p>'
    path.write_bytes(page.encode("cp1252"))
    assert read_article_file(path).text == "Café – “quoted”"
