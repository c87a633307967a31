"""Re-anchoring spans when a lesson's article text is corrected.

A teacher fixes a typo; students' submissions still carry offsets into the old
text, whose hash is in the lesson's `previous_sha256` but whose characters are
gone. Each span also carries its quote and up to 32 characters of context on
each side (W3C TextQuoteSelector style), which is enough to find it again:

1. `exact`: the old offsets still hold the quote in the new text;
2. `unique`: the quote occurs exactly once in the new text;
3. `context`: among several occurrences, the one whose surrounding text agrees
   with the stored prefix/suffix over the most characters; a tie goes to the
   occurrence nearest the old offset.

Anything else (quote gone, or no context evidence to choose between
occurrences, or two equally good candidates) is an orphan: returned to the
caller to report, never dropped and never placed by guess.

Pure: no I/O.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from medialit.core.model import Span
from medialit.core.text import context


class Anchor(str, Enum):
    """How a span was placed in the new text."""

    EXACT = "exact"
    UNIQUE = "unique"
    CONTEXT = "context"


@dataclass(frozen=True, slots=True)
class Placement:
    """`span` is `original` moved onto the new text (fresh prefix/suffix, same id, label, note)."""

    span: Span
    original: Span
    how: Anchor


def occurrences(text: str, quote: str) -> list[int]:
    """Every start of `quote` in `text`, overlapping ones included."""
    found: list[int] = []
    pos = text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def context_agreement(span: Span, text: str, start: int) -> int:
    """How many characters of the stored prefix (read backwards) and suffix agree at `start`."""
    agree = 0
    prefix = span.prefix
    i = start - 1
    for ch in reversed(prefix):
        if i < 0 or text[i] != ch:
            break
        agree += 1
        i -= 1
    j = start + len(span.quote)
    for ch in span.suffix:
        if j >= len(text) or text[j] != ch:
            break
        agree += 1
        j += 1
    return agree


def place(span: Span, new_text: str) -> Placement | None:
    """Where `span` belongs in `new_text`, or None when it cannot be placed with confidence."""
    return Anchorer(new_text).place(span)


# Past this many occurrences of a quote, the best context is looked for with string searches
# (C speed) rather than by scoring every occurrence; below it scoring each is cheaper.
FEW_OCCURRENCES = 12
SEARCH_BUDGET = 200  # string searches per span before scoring every occurrence instead


class Anchorer:
    """Places many spans on one text. Same answers as scoring every occurrence of the quote
    by its context (the rules above), but fast: each quote's occurrences are found once,
    and the best context is found by searching for the stored context itself, longest
    first (a 10,000-span submission on a 20,000-character article in well under a second).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._occurrences: dict[str, list[int]] = {}

    def occurrences(self, quote: str) -> list[int]:
        found = self._occurrences.get(quote)
        if found is None:
            found = self._occurrences[quote] = occurrences(self.text, quote)
        return found

    def place(self, span: Span) -> Placement | None:
        quote, text = span.quote, self.text
        if not quote:
            return None
        if text[span.start : span.end] == quote:
            return _moved(span, text, span.start, Anchor.EXACT)
        starts = self.occurrences(quote)
        if not starts:
            return None
        if len(starts) == 1:
            return _moved(span, text, starts[0], Anchor.UNIQUE)
        best = self._searched(span) if len(starts) > FEW_OCCURRENCES else None
        if best is None:
            best = _ranked(span, text, starts)
        return None if best is _NONE else _moved(span, text, best, Anchor.CONTEXT)

    def _searched(self, span: Span) -> int | None:
        """The best start by searching for the context, most agreeing first; _NONE when no
        place has evidence or two tie; None when the budget ran out (then rank them all).

        A start agrees on `a` prefix and `b` suffix characters iff the text holds
        prefix[-a:] + quote + suffix[:b] there, so the first total a + b that occurs, going
        down, is the best agreement, and the starts where it occurs are the candidates."""
        prefix, suffix, quote, text = span.prefix, span.suffix, span.quote, self.text
        searches = 0
        for total in range(len(prefix) + len(suffix), 0, -1):
            found: set[int] = set()
            for a in range(min(total, len(prefix)), max(0, total - len(suffix)) - 1, -1):
                searches += 1
                if searches > SEARCH_BUDGET:
                    return None
                pattern = prefix[len(prefix) - a :] + quote + suffix[: total - a]
                pos = text.find(pattern)
                while pos != -1:
                    found.add(pos + a)
                    pos = text.find(pattern, pos + 1)
            if found:
                return _nearest(found, span.start)
        return _NONE


_NONE = -1  # a start no span can have: "no place with confidence"


def _nearest(starts: set[int] | list[int], near: int) -> int:
    """The start nearest `near` (the later one wins a tie, as ranking does); _NONE when two
    are equally near on either side."""
    ranked = sorted(((-abs(pos - near), pos) for pos in starts), reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return _NONE
    return ranked[0][1]


def _ranked(span: Span, text: str, starts: list[int]) -> int:
    """Every occurrence scored by its context (the rules in the module docstring)."""
    ranked = sorted(
        ((context_agreement(span, text, pos), -abs(pos - span.start), pos) for pos in starts),
        reverse=True,
    )
    (best_agree, best_near, best_pos), (next_agree, next_near, _) = ranked[0], ranked[1]
    if best_agree == 0 or (best_agree, best_near) == (next_agree, next_near):
        return _NONE  # no evidence, or two equally good places: let a person decide
    return best_pos


def _moved(span: Span, text: str, start: int, how: Anchor) -> Placement:
    end = start + len(span.quote)
    prefix, suffix = context(text, start, end)
    moved = Span(span.id, start, end, span.label, span.quote, prefix, suffix, span.note)
    return Placement(moved, span, how)


def reanchor_detailed(
    spans: Iterable[Span], new_text: str
) -> tuple[tuple[Placement, ...], tuple[Span, ...]]:
    """Like `reanchor`, keeping how each span was placed."""
    anchorer = Anchorer(new_text)
    placed: list[Placement] = []
    orphans: list[Span] = []
    for span in spans:
        placement = anchorer.place(span)
        if placement is None:
            orphans.append(span)
        else:
            placed.append(placement)
    return tuple(placed), tuple(orphans)


def reanchor(spans: Iterable[Span], new_text: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """(spans moved onto `new_text`, spans that could not be placed), both in input order."""
    placed, orphans = reanchor_detailed(spans, new_text)
    return tuple(p.span for p in placed), orphans


@functools.lru_cache(maxsize=256)
def reanchor_kept(
    spans: tuple[Span, ...], new_text: str
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """`reanchor`, done once per (spans, text) and kept: the class view rescores after every
    key edit, and the placement of a submission on a text never changes."""
    return reanchor(spans, new_text)
