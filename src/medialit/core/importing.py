"""Article text from outside: .txt, .md and .html files or pasted text -> canonical text.

The rules, each because of a way a real file went wrong:

- **Parsed exactly once, by its kind**: a file's kind is its suffix (`KINDS`), pasted text
  is the kind the teacher says (plain text unless told otherwise). Nothing is sniffed, so
  an article *about* HTML (`&lt;p&gt;`) or a .txt that starts with `<p>` keeps its text.
  The text `read_article_file` returns is plain text, never parsed again.
- **Bytes capped before decoding**: over `MAX_ARTICLE_BYTES` the file is refused, never cut
  (an HTML page that declares its charset used to be cut mid-paragraph). Only regular files
  are opened: a FIFO or device is refused without being read.
- **A short list of charsets**: a BOM (UTF-8, UTF-16) wins; then UTF-8; then, for HTML, the
  charset it declares if that is Windows-1252, ISO-8859-1 (read as Windows-1252, as browsers
  do) or ISO-8859-15; with no declaration, Windows-1252. Any other declared charset
  (`unicode_escape` once yielded a lone surrogate) is refused, naming it.
- **Parser errors name the file** (`<![ 1 ]>` raised out of the dialog), and the result never
  holds a lone surrogate.
- **A time cap**: `Budget` is told the progress as the work goes and refuses the file once
  it has taken `IMPORT_SECONDS`; the teacher window runs this off the GUI thread with a
  progress bar. A few MB of `<` is linear work (`htmltext.tags_or_text`).

`read_article_file(path)` is the public reader (the New-lesson dialog, `medialit lesson new`
and `medialit suggest` use it); `text_from_string(raw, kind=...)` reads text in hand.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from medialit.core import htmltext
from medialit.core.errors import FileFormatError
from medialit.core.jsonfile import read_bytes_capped
from medialit.core.text import canonicalize, has_lone_surrogate

log = logging.getLogger(__name__)

KINDS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SUFFIXES = tuple(KINDS)
MAX_ARTICLE_BYTES = 4 * 1024 * 1024
IMPORT_SECONDS = 10.0
PASTED = "the pasted text"
MAX_MARKUP_LINE = 10_000  # longer Markdown lines are kept as written (inline rules skipped)

# Declared charset labels (lower case) -> the codec that reads them; nothing else is read.
_DECLARED = {
    **dict.fromkeys(("utf-8", "utf8", "unicode-1-1-utf-8"), "utf-8"),
    **dict.fromkeys(("windows-1252", "cp1252", "x-cp1252"), "cp1252"),
    **dict.fromkeys(
        ("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"),
        "cp1252",  # what browsers do: ISO-8859-1 and ASCII labels mean Windows-1252
    ),
    **dict.fromkeys(("iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "l9"), "iso8859_15"),
}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.I)
CHARSETS_READ = "UTF-8, UTF-16 with a BOM, Windows-1252, ISO-8859-1 or ISO-8859-15"


@dataclass(frozen=True, slots=True)
class ImportedText:
    """Canonical article text, the title the file suggested (may be empty), its encoding."""

    text: str
    title: str = ""
    encoding: str = "utf-8"


class Budget:
    """Progress and the time cap of one import: `tick(fraction)` between steps of the work.

    `progress` (if given) hears each fraction (0..1) and may raise to cancel; once
    `seconds` have passed, the next tick refuses the file, naming it.
    """

    def __init__(
        self,
        origin: str,
        *,
        seconds: float = IMPORT_SECONDS,
        progress: Callable[[float], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.origin = origin
        self.seconds = seconds
        self.progress = progress
        self.clock = clock
        self.started = clock()

    def tick(self, fraction: float) -> None:
        if self.progress is not None:
            self.progress(min(1.0, max(0.0, fraction)))
        if self.clock() - self.started > self.seconds:
            raise FileFormatError(
                self.origin,
                f"took more than {self.seconds:.0f} s to read, so it was stopped; "
                "is it really an article? Try saving it as plain text",
            )


def read_article_file(
    path: str | Path,
    *,
    progress: Callable[[float], None] | None = None,
    seconds: float = IMPORT_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> ImportedText:
    """An article from a .txt, .md or .html file (by its suffix), or a FileFormatError naming
    the file. The title is the file's own (<title>, first heading or line) or its name."""
    path = Path(path)
    origin = str(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise FileFormatError(
            origin, f"is not a .txt, .md or .html file (it ends in {path.suffix or 'nothing'})"
        )
    budget = Budget(origin, seconds=seconds, progress=progress, clock=clock)
    data = read_bytes_capped(path, origin, max_bytes=MAX_ARTICLE_BYTES)
    _check_size(len(data), origin)
    budget.tick(0.02)
    raw, encoding = decode_article(data, origin, kind=kind)
    result = _parse(raw, kind, origin, budget)
    if not result.title:
        result = ImportedText(result.text, path.stem.replace("_", " ").strip())
    budget.tick(1.0)
    return ImportedText(result.text, result.title, encoding)


def text_from_string(
    raw: str, *, kind: str = "txt", origin: str = PASTED, budget: Budget | None = None
) -> ImportedText:
    """Text in hand (pasted, or a file already decoded) read once as `kind`: txt, md or html."""
    _check_size(len(raw.encode("utf-8", "surrogatepass")), origin)
    if has_lone_surrogate(raw):
        raise FileFormatError(origin, "contains an invalid (lone surrogate) character")
    return _parse(raw, KINDS.get(f".{kind}", "txt"), origin, budget or Budget(origin))


def _check_size(size: int, origin: str) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise FileFormatError(
            origin,
            f"is over the {MAX_ARTICLE_BYTES // (1024 * 1024)} MiB limit for an article "
            f"({size:,} bytes or more); it was not read",
        )


def decode_article(data: bytes, origin: str, *, kind: str) -> tuple[str, str]:
    """(text, encoding): a BOM, else UTF-8, else (HTML) the declared or Windows-1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec, origin), codec.replace("-sig", "")
    try:
        return _checked(data.decode("utf-8"), origin), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    codec = "cp1252"
    if kind == "html":
        declared = _CHARSET.search(data[:4096])
        if declared is not None:
            label = declared.group(1).decode("ascii").lower()
            if label not in _DECLARED:
                raise FileFormatError(
                    origin,
                    f"declares the charset {label!r}, which medialit does not read "
                    f"(it reads {CHARSETS_READ})",
                )
            codec = _DECLARED[label]
            if codec == "utf-8":
                raise FileFormatError(origin, f"says it is UTF-8 but is not (byte {first_bad})")
    return _decode(data, codec, origin), codec


def _decode(data: bytes, codec: str, origin: str) -> str:
    try:
        return _checked(data.decode(codec), origin)
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            origin,
            f"is not text medialit can read (byte {exc.start} is not {codec}); "
            f"save it as UTF-8 ({CHARSETS_READ} are read)",
        ) from None


def _checked(text: str, origin: str) -> str:
    if has_lone_surrogate(text):
        raise FileFormatError(origin, "contains an invalid (lone surrogate) character")
    return text


def _parse(raw: str, kind: str, origin: str, budget: Budget) -> ImportedText:
    if kind == "html":
        try:
            text, title = htmltext.page_text(raw, lambda f: budget.tick(0.05 + 0.9 * f))
        except FileFormatError:
            raise
        except Exception as exc:  # html.parser raises AssertionError and others on odd markup
            log.exception("the HTML parser failed on an article")
            raise FileFormatError(
                origin, f"the HTML could not be read ({type(exc).__name__}: {exc})"
            ) from None
        result = ImportedText(canonical_paragraphs(text), title)
    elif kind == "md":
        result = markdown_to_text(raw, budget)
    else:
        result = plain_to_text(raw)
    if not result.text.strip():
        raise FileFormatError(origin, "is empty: it has no article text")
    if has_lone_surrogate(result.text) or has_lone_surrogate(result.title):
        raise FileFormatError(origin, "contains an invalid (lone surrogate) character")
    return result


def html_to_text(html: str) -> ImportedText:
    """Paragraphs of an HTML page's readable text, and its <title> (or first <h1>)."""
    text, title = htmltext.page_text(html)
    return ImportedText(canonical_paragraphs(text), title)


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def markdown_to_text(md: str, budget: Budget | None = None) -> ImportedText:
    """Plain paragraphs from Markdown: headings, emphasis, links and images reduced to text.

    A line over MAX_MARKUP_LINE characters is kept as written: the inline rules would
    take time that grows with the square of its length."""
    title = ""
    out: list[str] = []
    in_fence = False
    lines = canonicalize(md).split("\n")
    for n, line in enumerate(lines):
        if budget is not None and n % 2000 == 0:
            budget.tick(0.05 + 0.9 * n / len(lines))
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence or len(line) > MAX_MARKUP_LINE:
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
