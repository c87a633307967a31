"""The shape of an article for the suggester: paragraphs, quotations, sentences, clauses.

Every function here walks its stretch of text once (a `finditer` or one loop),
so suggesting stays linear in the article's length. Offsets are code points
into the canonical text, half-open, like every span in medialit.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Iterator

from medialit.core.suggest_cues import ABBREVIATIONS, CLAUSE_BREAK

Range = tuple[int, int]

PARAGRAPH = re.compile(r"[^\n\u2028\u2029]+")
DOUBLE_QUOTES = '"“”«»„'
OPENING_DOUBLE = "“«„"
QUOTE_MARK = re.compile(r"[\"“”«»„'‘’]")
SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)")
WORD_BEFORE = re.compile(r"([\w.]{1,12})$")


def paragraphs(text: str) -> Iterator[Range]:
    """Each line of the article (canonical text has one paragraph per line)."""
    for match in PARAGRAPH.finditer(text):
        if not match.group().isspace():
            yield match.span()


def quotations(text: str, start: int, end: int) -> list[Range]:
    """The words inside quotation marks in text[start:end], without the marks themselves.

    Double quotes (straight or curly) pair up in order; a quote left open runs to the
    end of the paragraph, as news writing does when a quotation goes on. Single quotes
    count only when they cannot be apostrophes ("didn't", "parents' group") and are not
    inside a double-quoted stretch.
    """
    found: list[Range] = []
    double: int | None = None
    single: int | None = None
    for match in QUOTE_MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        if mark in DOUBLE_QUOTES:
            if double is None or mark in OPENING_DOUBLE:
                double, single = at + 1, None
            else:
                found.append((double, at))
                double = None
        elif double is None and not (before.isalnum() and after.isalnum()):
            if single is None:
                if not before.isalnum() and not after.isspace():
                    single = at + 1
            elif not after.isalnum() and not before.isspace():
                found.append((single, at))
                single = None
    if double is not None:
        found.append((double, end))
    return [(s, e) for s, e in found if s < e]


def sentences(text: str, start: int, end: int) -> Iterator[Range]:
    """Sentences of one paragraph: ends at . ! ? (and closing quotes), not after "Dr." or
    an initial, and not when the next word starts in lower case."""
    begin = start
    for match in SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if _continues(text, match.start(), stop, end, begin):
            continue
        yield begin, stop
        begin = stop
    if text[begin:end].strip():
        yield begin, end


def _continues(text: str, dot: int, stop: int, end: int, begin: int) -> bool:
    """True when the full stop at `dot` does not end the sentence."""
    rest = text[stop : min(end, stop + 4)].lstrip()
    if rest and rest[0].islower():
        return True
    if text[dot] != ".":
        return False
    word = WORD_BEFORE.search(text, max(begin, dot - 12), dot)
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    if token == "no":  # "No. 5", but "no, no, no. I would never"
        return rest[:1].isdigit()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def clauses(text: str, start: int, end: int) -> list[Range]:
    """text[start:end] cut where a new clause begins: "; ", ", and", ", but", ", which", a
    dash. The linking word stays at the front of the clause it opens."""
    out: list[Range] = []
    begin = start
    for match in CLAUSE_BREAK.finditer(text, start, end):
        out.append((begin, match.start()))
        begin = match.end()
    out.append((begin, end))
    return [(s, e) for s, e in out if s < e]


def word_count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# -- sets of ranges: sorted, disjoint lists, walked once -------------------------------------


def merged(ranges: Iterable[Range]) -> list[Range]:
    """Sorted, with overlapping or touching ranges joined."""
    out: list[Range] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def meets(merged: list[Range], start: int, end: int) -> bool:
    """True when [start, end) shares a character with one of the sorted, disjoint `merged`."""
    i = bisect.bisect_right(merged, (start, sys.maxsize))
    return any(s < end and start < e for s, e in merged[max(0, i - 1) : i + 1])


def subtract(spans: list[Range], merged: list[Range]) -> list[Range]:
    """The pieces of the sorted, disjoint `spans` that no range in `merged` covers."""
    pieces: list[Range] = []
    i = 0
    for start, end in spans:
        while i < len(merged) and merged[i][1] <= start:
            i += 1
        j, at = i, start
        while j < len(merged) and merged[j][0] < end:
            if at < merged[j][0]:
                pieces.append((at, merged[j][0]))
            at = max(at, merged[j][1])
            j += 1
        if at < end:
            pieces.append((at, end))
    return pieces
