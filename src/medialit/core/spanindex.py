"""The open work's spans in memory, in text order: what the views draw, list and walk through.

The store is the truth; this index mirrors one (student, lesson) so that a
5,000-span article can be painted, hit-tested, listed and navigated without a
query per paint or per key press. `Session` updates it right after each
committed write. A listener (the span list's Qt model) is told about each row
before and after it changes, which is exactly what Qt item models need
(beginInsertRows ... endInsertRows) -- without this module importing Qt.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Protocol

from medialit.core.model import LABELS, Label, Span

Key = tuple[int, int, str]


def span_key(span: Span) -> Key:
    """Text order: start, then end, then id (not label, so relabelling never moves a row)."""
    return span.start, span.end, span.id


class IndexListener(Protocol):
    """kind is "insert", "remove", "change" or "reset"; row is -1 for "reset"."""

    def index_about_to_change(self, kind: str, row: int) -> None: ...

    def index_changed(self, kind: str, row: int) -> None: ...


class SpanIndex:
    """Spans sorted by `span_key`, with lookups by id, by position and by range."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.listeners: list[IndexListener] = []
        self._spans: list[Span] = []
        self._keys: list[Key] = []
        self._by_id: dict[str, Span] = {}
        self._counts: Counter[Label] = Counter()
        self._max_len = 0
        self._load(spans)

    def _load(self, spans: Iterable[Span]) -> None:
        self._spans = sorted(spans, key=span_key)
        self._keys = [span_key(s) for s in self._spans]
        self._by_id = {s.id: s for s in self._spans}
        self._counts = Counter(s.label for s in self._spans)
        self._max_len = max((s.end - s.start for s in self._spans), default=0)

    def _notify_before(self, kind: str, row: int) -> None:
        for listener in self.listeners:
            listener.index_about_to_change(kind, row)

    def _notify_after(self, kind: str, row: int) -> None:
        for listener in self.listeners:
            listener.index_changed(kind, row)

    # -- changes ---------------------------------------------------------------------

    def reset(self, spans: Iterable[Span]) -> None:
        self._notify_before("reset", -1)
        self._load(spans)
        self._notify_after("reset", -1)

    def add(self, span: Span) -> int:
        key = span_key(span)
        row = bisect.bisect_left(self._keys, key)
        self._notify_before("insert", row)
        self._keys.insert(row, key)
        self._spans.insert(row, span)
        self._by_id[span.id] = span
        self._counts[span.label] += 1
        self._max_len = max(self._max_len, span.end - span.start)
        self._notify_after("insert", row)
        return row

    def remove(self, span_id: str) -> int:
        row = self.row_of(span_id)
        self._notify_before("remove", row)
        span = self._spans.pop(row)
        del self._keys[row]
        del self._by_id[span_id]
        self._counts[span.label] -= 1
        self._notify_after("remove", row)
        return row

    def move(self, span: Span) -> int:
        """A span whose edges moved: out of its old row, into the row of its new place."""
        self.remove(span.id)
        return self.add(span)

    def replace(self, span: Span) -> int:
        """A new label or note for a span already here (its place never changes)."""
        row = self.row_of(span.id)
        self._notify_before("change", row)
        old = self._spans[row]
        self._spans[row] = span
        self._by_id[span.id] = span
        self._counts[old.label] -= 1
        self._counts[span.label] += 1
        self._notify_after("change", row)
        return row

    # -- lookups ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans)

    def __getitem__(self, row: int) -> Span:
        return self._spans[row]

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._by_id

    def get(self, span_id: str) -> Span | None:
        return self._by_id.get(span_id)

    def row_of(self, span_id: str) -> int:
        """Row of a span in text order; KeyError if it is not here."""
        return bisect.bisect_left(self._keys, span_key(self._by_id[span_id]))

    def counts(self) -> dict[Label, int]:
        return {label: self._counts[label] for label in LABELS}

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that share at least one character with [start, end), in text order."""
        lo = bisect.bisect_left(self._keys, (start - self._max_len, -1, ""))
        hi = bisect.bisect_left(self._keys, (end, -1, ""))
        return [s for s in self._spans[lo:hi] if s.end > start]

    def at(self, pos: int) -> list[Span]:
        """Spans covering the character at `pos`, innermost (shortest) first."""
        found = self.overlapping(pos, pos + 1)
        return sorted(found, key=lambda s: (s.end - s.start, s.start, s.id))

    def next_after(self, *, pos: int, current: str | None = None) -> Span | None:
        """The span after the `current` one in text order, or the first starting at/after `pos`."""
        if current is not None and current in self._by_id:
            row = self.row_of(current) + 1
        else:
            row = bisect.bisect_left(self._keys, (pos, -1, ""))
        return self._spans[row] if row < len(self._spans) else None

    def previous_before(self, *, pos: int, current: str | None = None) -> Span | None:
        """The span before the `current` one in text order, or the last starting before `pos`."""
        if current is not None and current in self._by_id:
            row = self.row_of(current) - 1
        else:
            row = bisect.bisect_left(self._keys, (pos, -1, "")) - 1
        return self._spans[row] if row >= 0 else None
