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
    quote = span.quote
    if not quote:
        return None
    if new_text[span.start : span.end] == quote:
        return _moved(span, new_text, span.start, Anchor.EXACT)
    starts = occurrences(new_text, quote)
    if not starts:
        return None
    if len(starts) == 1:
        return _moved(span, new_text, starts[0], Anchor.UNIQUE)
    ranked = sorted(
        ((context_agreement(span, new_text, pos), -abs(pos - span.start), pos) for pos in starts),
        reverse=True,
    )
    (best_agree, best_near, best_pos), (next_agree, next_near, _) = ranked[0], ranked[1]
    if best_agree == 0 or (best_agree, best_near) == (next_agree, next_near):
        return None  # no evidence, or two equally good places: let a person decide
    return _moved(span, new_text, best_pos, Anchor.CONTEXT)


def _moved(span: Span, text: str, start: int, how: Anchor) -> Placement:
    end = start + len(span.quote)
    prefix, suffix = context(text, start, end)
    moved = Span(span.id, start, end, span.label, span.quote, prefix, suffix, span.note)
    return Placement(moved, span, how)


def reanchor_detailed(
    spans: Iterable[Span], new_text: str
) -> tuple[tuple[Placement, ...], tuple[Span, ...]]:
    """Like `reanchor`, keeping how each span was placed."""
    placed: list[Placement] = []
    orphans: list[Span] = []
    for span in spans:
        placement = place(span, new_text)
        if placement is None:
            orphans.append(span)
        else:
            placed.append(placement)
    return tuple(placed), tuple(orphans)


def reanchor(spans: Iterable[Span], new_text: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """(spans moved onto `new_text`, spans that could not be placed), both in input order."""
    placed, orphans = reanchor_detailed(spans, new_text)
    return tuple(p.span for p in placed), orphans
