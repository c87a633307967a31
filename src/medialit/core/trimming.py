"""Spans made ready for scoring (scoring.md, Normalising a span): trimmed, merged, checked.

Trimming is two table lookups per span (`trim_tables`, built once per text);
a student's spans of one label that overlap or touch are merged into one
(`normalize`), keeping the ids and notes of what went into it
(`scored_spans`). The interval arithmetic scoring runs on the merged spans
lives here too (`measure`, `union_length`, `merge_intervals`). Pure: no I/O.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from medialit.core.errors import InvalidSpanError
from medialit.core.model import LABELS, Label, Span
from medialit.core.score_report import LABEL_COUNT, LABEL_INDEX, ScoredSpan, SpanLike
from medialit.core.text import is_trimmable


def measure(starts: list[int], ends: list[int], s: int, e: int) -> int:
    """|[s, e) ∩ U| for U given as sorted disjoint intervals (starts[i], ends[i])."""
    j = bisect_right(ends, s)
    total = 0
    n = len(starts)
    while j < n and starts[j] < e:
        a = starts[j]
        b = ends[j]
        total += (b if b < e else e) - (a if a > s else s)
        j += 1
    return total


def union_length(pieces: list[tuple[int, int]]) -> int:
    """Length of the union of intervals (used only where a key accepts several labels)."""
    pieces.sort()
    total = 0
    cur_s, cur_e = pieces[0]
    for s, e in pieces[1:]:
        if s > cur_e:
            total += cur_e - cur_s
            cur_s, cur_e = s, e
        elif e > cur_e:
            cur_e = e
    return total + cur_e - cur_s


def merge_intervals(intervals: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted disjoint (starts, ends) of a union; touching intervals become one."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(intervals):
        if ends and s <= ends[-1]:
            if e > ends[-1]:
                ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def trim_tables(text: str) -> tuple[list[int], list[int]]:
    """Trimming as two lookups: `left[s]` is where a span starting at s really starts,
    `right[e]` where one ending at e really ends (scoring.md, Trim).

    Spans that trim to nothing come out with left[s] >= right[e]. Built once per
    text in O(len(text)), asking "whitespace or punctuation?" once per distinct
    character; afterwards trimming a span costs two list indexings.
    """
    n = len(text)
    trimmable = frozenset(ch for ch in set(text) if is_trimmable(ch))
    left = [n] * (n + 1)
    nearest = n
    for i in range(n - 1, -1, -1):
        if text[i] not in trimmable:
            nearest = i
        left[i] = nearest
    right = [0] * (n + 1)
    nearest = 0
    for i in range(1, n + 1):
        if text[i - 1] not in trimmable:
            nearest = i
        right[i] = nearest
    return left, right


Merged = list[list[tuple[int, int, list[int]]]]
"""Per label index, the student's sorted disjoint spans (start, end, indexes of the inputs)."""


def normalize(
    spans: Iterable[SpanLike], left: list[int], right: list[int]
) -> tuple[list[SpanLike], Merged]:
    """Validate, trim, drop empty spans and merge same-label spans that overlap or touch."""
    items = spans if isinstance(spans, list) else list(spans)
    n = len(left) - 1
    trimmed = _trim_fast(items, n, left, right)
    if trimmed is None:
        trimmed = _trim_careful(items, n, left, right)
    grouped: list[list[tuple[int, int, int]]] = [[] for _ in range(LABEL_COUNT)]
    for s, e, li, i in trimmed:
        if s < e:  # a span that trims to nothing is dropped
            grouped[li].append((s, e, i))
    merged: Merged = [[] for _ in range(LABEL_COUNT)]
    for li, group in enumerate(grouped):
        if not group:
            continue
        if len(group) > 1:
            group.sort()
        out = merged[li]
        cs, ce, first = group[0]
        members = [first]
        for s, e, i in group[1:]:
            if s <= ce:  # overlap or touch: one span (scoring.md, Merge)
                if e > ce:
                    ce = e
                members.append(i)
            else:
                out.append((cs, ce, members))
                cs, ce, members = s, e, [i]
        out.append((cs, ce, members))
    return items, merged


def _trim_fast(
    items: list[SpanLike], n: int, left: list[int], right: list[int]
) -> list[tuple[int, int, int, int]] | None:
    """(start, end, label index, input index) of trimmed spans via comprehensions, or None
    when anything is unusual (mixed input, a bad offset or label): then `_trim_careful`."""
    rows: list[Any] = items  # checked below, as one expression per step
    try:
        if rows and not isinstance(rows[0], tuple):
            rows = [(sp.start, sp.end, sp.label) for sp in rows]
        index = LABEL_INDEX
        out = [
            (left[s], right[e], index[lab], i)
            for i, (s, e, lab) in enumerate(rows)
            if type(s) is int and type(e) is int and 0 <= s < e <= n
        ]
        return out if len(out) == len(rows) else None
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _trim_careful(
    items: list[SpanLike], n: int, left: list[int], right: list[int]
) -> list[tuple[int, int, int, int]]:
    """Like `_trim_fast` item by item, raising InvalidSpanError for the first bad one."""
    out = []
    for i, item in enumerate(items):
        if isinstance(item, tuple):
            s, e, label = item
        else:
            s, e, label = item.start, item.end, item.label
        if type(s) is not int or type(e) is not int or not 0 <= s < e <= n:
            check_range(s, e, n, "span")
        try:
            li = LABEL_INDEX[label]
        except (KeyError, TypeError):
            raise InvalidSpanError(f"unknown label {label!r}") from None
        out.append((left[s], right[e], li, i))
    return out


def scored_spans(
    items: list[SpanLike], merged: Merged, text: str
) -> tuple[dict[tuple[int, int], ScoredSpan], tuple[ScoredSpan, ...]]:
    """ScoredSpan objects by (label index, position), and all of them in text order."""
    by_pos: dict[tuple[int, int], ScoredSpan] = {}
    order: list[tuple[int, int, int, ScoredSpan]] = []
    plain = not any(isinstance(item, Span) for item in items)  # bare tuples: no ids or notes
    for li, group in enumerate(merged):
        label = LABELS[li]
        for j, (s, e, members) in enumerate(group):
            if plain:
                span = ScoredSpan(s, e, label, text[s:e])
            else:
                span = _with_ids_and_notes(items, members, s, e, label, text)
            by_pos[li, j] = span
            order.append((s, e, li, span))
    order.sort(key=lambda item: item[:3])
    return by_pos, tuple(item[3] for item in order)


def _with_ids_and_notes(
    items: list[SpanLike], members: list[int], s: int, e: int, label: Label, text: str
) -> ScoredSpan:
    ids: list[str] = []
    notes: list[str] = []
    originals = [item for i in members if isinstance(item := items[i], Span)]
    if len(originals) > 1:  # in text order whatever the input order, so reports compare
        originals.sort(key=lambda sp: (sp.start, sp.end, sp.id, sp.note))
    for original in originals:
        ids.append(original.id)
        if original.note and original.note not in notes:
            notes.append(original.note)
    return ScoredSpan(s, e, label, text[s:e], tuple(ids), " / ".join(notes))


def check_range(start: object, end: object, length: int, what: str) -> None:
    for name, value in (("start", start), ("end", end)):
        if type(value) is not int:
            raise InvalidSpanError(f"{what} {name} must be an integer, not {value!r}")
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start < end <= length:
        raise InvalidSpanError(
            f"{what} [{start}, {end}) is outside the article (0..{length}) or empty"
        )


def normalize_spans(spans: Iterable[SpanLike], text: str) -> tuple[ScoredSpan, ...]:
    """Trim and merge spans the way scoring does (scoring.md, Normalising a span)."""
    left, right = trim_tables(text)
    items, merged = normalize(spans, left, right)
    return scored_spans(items, merged, text)[1]
