"""An HTML page's readable text: paragraphs kept, scripts, styles, navigation and forms dropped.

Read with the standard library's `html.parser`; nothing is ever fetched (images, links and
styles are only tags to skip). Two things keep a hostile page from stalling the app:

- `tags_or_text` first turns every `<` that does not open a tag (no `>` before the next
  `<`, outside quotes) into text, in one linear pass. HTML reads such a `<` as text anyway,
  and html.parser would otherwise rescan a tag that never ends again and again (50,000
  `<a ` took minutes).
- the page is fed in chunks, and `tick(fraction)` is called between them: the caller's
  progress bar and time cap (`importing.Budget`).

A parser error (`<![ 1 ]>`) is raised as a `ValueError` for the caller to name the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

# Elements whose whole content is not article text.
SKIP = frozenset(
    [
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
    ]
)
BLOCK = frozenset(
    [
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
    ]
)
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]
)
_SPACES = re.compile(r"[ \t\n\f\r\v]+")  # HTML whitespace only: NBSP and friends are kept
CHUNK = 64 * 1024

# A comment, a tag that closes before the next `<` (quotes may hold `<` and `>`), or a lone `<`.
_TOKEN = re.compile(r"""<!--.*?(?:-->|\Z)|<[A-Za-z/!?](?:[^<>"']|"[^"]*"|'[^']*')*>|<""", re.DOTALL)


LONE_LT = "\ufdd0"  # a Unicode noncharacter: stands for a text `<` while the page is parsed


def tags_or_text(html: str, lone: str = "&lt;") -> str:
    """`html` with each `<` that opens no tag written as `lone` (`&lt;`: what a browser shows)."""
    out: list[str] = []
    last = 0
    for match in _TOKEN.finditer(html):
        if match.group() == "<":
            out.append(html[last : match.start()])
            out.append(lone)
            last = match.end()
    out.append(html[last:])
    return "".join(out)


def page_text(html: str, tick: Callable[[float], None] | None = None) -> tuple[str, str]:
    """(paragraphs separated by a blank line, the page's <title> or first <h1>).

    A text `<` goes through the parser as LONE_LT (unless the page holds that character
    itself, then as `&lt;`): millions of `&lt;` would each cost a call to html.unescape."""
    lone = "&lt;" if LONE_LT in html else LONE_LT
    clean = tags_or_text(html, lone)
    parser = _TextExtractor()
    total = max(1, len(clean))
    for start in range(0, len(clean), CHUNK):
        if tick is not None:
            tick(start / total)
        parser.feed(clean[start : start + CHUNK])
    text, title = parser.result()
    if lone == LONE_LT:
        text, title = text.replace(LONE_LT, "<"), title.replace(LONE_LT, "<")
    return text, title


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
        if self.skip_depth or tag in SKIP:
            if tag in SKIP and tag not in VOID:
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

    def result(self) -> tuple[str, str]:
        self.close()
        self.flush()
        title = _SPACES.sub(" ", "".join(self.title_parts)).strip() or self.h1
        return "\n\n".join(self.paragraphs), title
