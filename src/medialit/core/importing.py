"""Article text from outside: .txt, .md and .html files or pasted text -> canonical text.

HTML is read with the standard library's `html.parser`: block elements become
paragraphs, `<br>` a line break, scripts, styles and other non-content
elements are dropped, and nothing is ever fetched (images, links and styles are
only tags to skip). The result is always `canonicalize()`d, with paragraphs
separated by one blank line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from medialit.core.errors import FileFormatError
from medialit.core.jsonfile import decode_bytes
from medialit.core.text import canonicalize

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_ARTICLE_BYTES = 4 * 1024 * 1024

# Elements whose whole content is not article text.
SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
        "textarea",
        "nav",
        "form",
    }
)
BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "figure",
        "figcaption",
        "hr",
        "address",
        "body",
        "html",
    }
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_SPACES = re.compile(r"[ \t\n\f\r\v]+")  # HTML whitespace only: NBSP and friends are kept


@dataclass(frozen=True, slots=True)
class ImportedText:
    """Canonical article text plus the title the file suggested (may be empty)."""

    text: str
    title: str = ""


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1 = ""
        self.in_h1 = False
        self.h1_parts: list[str] = []

    # -- structure ---------------------------------------------------------------------

    def flush(self) -> None:
        raw = "".join(self.current)
        self.current = []
        lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
        if self.pre_depth:
            lines = [line.rstrip() for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if text.strip():
            self.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
            return
        if self.skip_depth:
            if tag in SKIP and tag not in VOID:
                self.skip_stack.append(tag)
                self.skip_depth += 1
            return
        if tag in SKIP:
            self.skip_stack.append(tag)
            self.skip_depth += 1
            return
        if tag in BLOCK:
            self.flush()
        if tag == "pre":
            self.pre_depth += 1
        if tag == "br":
            self.current.append("\n")
        if tag == "h1" and not self.h1:
            self.in_h1 = True
        if tag in ("td", "th"):
            self.current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if self.skip_depth:
            if tag in self.skip_stack:
                while self.skip_stack:
                    self.skip_depth -= 1
                    if self.skip_stack.pop() == tag:
                        break
            return
        if tag in BLOCK:
            self.flush()
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1 = _SPACES.sub(" ", "".join(self.h1_parts)).strip()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if not self.pre_depth:
            data = data.replace("\n", " ")
        self.current.append(data)
        if self.in_h1:
            self.h1_parts.append(data)

    def result(self) -> ImportedText:
        self.close()
        self.flush()
        title = _SPACES.sub(" ", "".join(self.title_parts)).strip() or self.h1
        return ImportedText("\n\n".join(self.paragraphs), title)


def html_to_text(html: str) -> ImportedText:
    """Paragraphs of an HTML page's readable text, and its <title> (or first <h1>)."""
    parser = _TextExtractor()
    parser.feed(html)
    result = parser.result()
    return ImportedText(canonical_paragraphs(result.text), result.title)


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def markdown_to_text(md: str) -> ImportedText:
    """Plain paragraphs from Markdown: headings, emphasis, links and images reduced to text."""
    title = ""
    out: list[str] = []
    in_fence = False
    for line in canonicalize(md).split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        if _MD_RULE.match(line):
            out.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", heading.group(1)))
            title = title or line
            out.extend(["", line, ""])
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_LIST.sub("", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        out.append(line)
    # Markdown joins the lines of one paragraph; keep a line break only where a blank line was.
    paragraphs = [" ".join(p.split("\n")) for p in re.split(r"\n\s*\n", "\n".join(out))]
    return ImportedText(canonical_paragraphs("\n\n".join(paragraphs)), title.strip())


def canonical_paragraphs(raw: str) -> str:
    """Canonical text, trailing spaces removed, paragraphs separated by exactly one blank line."""
    text = canonicalize(raw)
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n ")


def plain_to_text(raw: str) -> ImportedText:
    text = canonical_paragraphs(raw)
    first = text.split("\n", 1)[0].strip() if text else ""
    return ImportedText(text, first[:200] if len(first) <= 200 else "")


def text_from_string(raw: str, *, kind: str = "txt") -> ImportedText:
    """Pasted text or a file's contents; `kind` is txt, md or html."""
    if kind in ("html", "htm"):
        return html_to_text(raw)
    if kind in ("md", "markdown"):
        return markdown_to_text(raw)
    return plain_to_text(raw)


def looks_like_html(raw: str) -> bool:
    head = raw.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(p|div|body|article|h1)[\s>]", head)
    )


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)""", re.IGNORECASE)


def decode_html_bytes(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM), else the charset the page declares in a <meta> tag."""
    try:
        return decode_bytes(data, origin, max_bytes=MAX_ARTICLE_BYTES)
    except FileFormatError:
        declared = _CHARSET.search(data[:4096])
        if declared is None:
            raise
        name = declared.group(1).decode("ascii")
        try:
            codecs.lookup(name)
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            raise FileFormatError(origin, f"cannot be read as its declared {name!r} text") from None


def read_article_file(path: str | Path) -> ImportedText:
    """An article from a .txt, .md or .html file, or a FileFormatError naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileFormatError(
            str(path), f"is not a .txt, .md or .html file (it ends in {suffix or 'nothing'})"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise FileFormatError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if suffix in (".html", ".htm"):
        raw = decode_html_bytes(data, str(path))
    else:
        raw = decode_bytes(data, str(path), max_bytes=MAX_ARTICLE_BYTES)
    result = text_from_string(raw, kind=suffix.lstrip("."))
    if not result.text.strip():
        raise FileFormatError(str(path), "has no article text")
    if not result.title:
        result = ImportedText(result.text, path.stem.replace("_", " ").strip())
    return result
