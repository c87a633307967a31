"""Moving a span's edges a word at a time, or to where a mouse let go of them: pure rules.

A student who labelled one word too few (or too many) moves an edge instead
of deleting and labelling again; the teacher's key editor can use the same
rules. A *word* here is a run of text between spaces, less the punctuation at
its ends (as `text.trim` trims a span), so an edge always lands where a
labelled span may start or end: "said," ends at "said", and a dash or a
quotation mark standing alone is no word. Offsets are code points into the
canonical text; nothing here knows Qt or the database.

- `move_edge(text, start, end, edge, step)`: one word earlier (-1) or later
  (+1); None when there is no word that way or when the span would be
  empty (shrinking to nothing is refused).
- `drag_edge(text, start, end, edge, cp)`: the edge to the word at `cp`;
  None when the span would be empty or turned inside out.
- `plan_reshape(spans, span, start, end)`: the span at its new place, and
  the spans of the same label it has grown into, which merge with it (their
  notes kept); never two spans of one label over the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from medialit.core.model import Article, Span
from medialit.core.text import trim

Edge = Literal["start", "end"]
TOKEN = re.compile(r"\S+")


def _token_start(text: str, pos: int) -> int:
    """Where the run of non-space characters around `pos` begins (`pos` itself if in space)."""
    pos = max(0, min(pos, len(text)))
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def words_after(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The words from the one around `pos` onwards, as trimmed (start, end), in text order."""
    for match in TOKEN.finditer(text, _token_start(text, pos)):
        start, end = trim(text, match.start(), match.end())
        if start < end:
            yield start, end


def words_before(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The words from the one around `pos` backwards, as trimmed (start, end), last first."""
    i = max(0, min(pos, len(text)))
    while i < len(text) and not text[i].isspace():
        i += 1  # the whole of the word `pos` is in
    while i > 0:
        while i > 0 and text[i - 1].isspace():
            i -= 1
        j = i
        while j > 0 and not text[j - 1].isspace():
            j -= 1
        start, end = trim(text, j, i)
        if start < end:
            yield start, end
        i = j


def move_edge(text: str, start: int, end: int, edge: Edge, step: int) -> tuple[int, int] | None:
    """[start, end) with one edge moved a word earlier (step -1) or later (+1), or None."""
    if step not in (-1, 1):
        raise ValueError(f"step is -1 or 1, not {step!r}")
    if edge == "start":
        if step < 0:
            new = next((s for s, _ in words_before(text, start) if s < start), None)
        else:
            new = next((s for s, _ in words_after(text, start) if s > start), None)
        return (new, end) if new is not None and new < end else None
    if step > 0:
        new = next((e for _, e in words_after(text, end) if e > end), None)
    else:
        new = next((e for _, e in words_before(text, end) if e < end), None)
    return (start, new) if new is not None and new > start else None


def drag_edge(text: str, start: int, end: int, edge: Edge, cp: int) -> tuple[int, int] | None:
    """[start, end) with one edge moved to the word at `cp` (where the mouse let go), or None.

    The start goes to the start of the word `cp` is in, or of the next one;
    the end to the end of the word just before `cp`, or of the one `cp` is in.
    """
    if edge == "start":
        new = next((s for s, e in words_after(text, cp) if e > cp), None)
        return (new, end) if new is not None and new < end else None
    new = next((e for s, e in words_before(text, cp) if s < cp), None)
    return (start, new) if new is not None and new > start else None


@dataclass(frozen=True, slots=True)
class Reshape:
    """A span moved to `span`'s place; `absorbed`: same-label spans merged into it."""

    before: Span
    span: Span
    absorbed: tuple[Span, ...] = ()


def merged_note(span: Span, absorbed: Iterable[Span]) -> str:
    """The moving span's note, then each merged span's (none is lost), one per line."""
    notes = [span.note] + [other.note for other in absorbed]
    kept: list[str] = []
    for note in notes:
        if note and note not in kept:
            kept.append(note)
    return "\n".join(kept)


class Placed(Protocol):
    """A student's span or a key span: where it is, and its id."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def id(self) -> str: ...


P = TypeVar("P", bound=Placed)


def absorb(same: Iterable[P], start: int, end: int) -> tuple[int, int, list[P]]:
    """[start, end) grown over every span of `same` it shares a character with, again until
    none is left; and those spans, in text order. (A student's spans and the key's merge
    the same way.)"""
    absorbed: list[P] = []
    grown = True
    while grown:
        grown = False
        for other in same:
            if other not in absorbed and other.start < end and other.end > start:
                absorbed.append(other)
                start, end = min(start, other.start), max(end, other.end)
                grown = True
    absorbed.sort(key=lambda s: (s.start, s.end, s.id))
    return start, end, absorbed


def plan_reshape(
    article: Article, spans: Iterable[Span], span: Span, start: int, end: int
) -> Reshape:
    """`span` moved to [start, end); a span of its label it now shares a character with is
    merged into it (the union of both places), and again until no such span is left."""
    same = [o for o in spans if o.label is span.label and o.id != span.id]
    start, end, absorbed = absorb(same, start, end)
    moved = Span.create(
        article,
        start,
        end,
        span.label,
        note=merged_note(span, absorbed),
        span_id=span.id,
    )
    return Reshape(before=span, span=moved, absorbed=tuple(absorbed))
