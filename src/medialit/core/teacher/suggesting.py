"""The key editor's suggestion mode, without Qt: which suggestions are still open, which one
is current, walking them, and what accepting one or all of a label adds to the key.

`core.suggest` drafts the spans; this module keeps the teacher's answers to them. A
suggestion is *answered*, and no longer shown, when the teacher rejected it, when
it shares a character with a key span of the same label (`suggest.without_key_overlaps`:
accepting it would break scoring.md's no-overlap rule), or when a key span covers
exactly its words with another label (accepted with another label). Nothing here
is stored: undoing an accept removes the key span, and the suggestion shows again.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from medialit.core.model import Article, KeySpan, Label
from medialit.core.suggest import Suggestion, suggest, without_key_overlaps
from medialit.core.teacher.keycheck import make_key_span


@dataclass(frozen=True, slots=True)
class AcceptAll:
    """What "Accept all of this label" does: the key spans to add, and how many it skips."""

    label: Label
    spans: tuple[KeySpan, ...]
    skipped: int  # suggestions of the label that overlap the key (same label) or are answered


@dataclass(slots=True)
class SuggestionQueue:
    """The open suggestions of one article, in text order, and the current one."""

    article: Article
    suggestions: tuple[Suggestion, ...]
    rejected: set[Suggestion] = field(default_factory=set)
    current: Suggestion | None = None

    @classmethod
    def for_article(cls, article: Article) -> SuggestionQueue:
        return cls(article, tuple(suggest(article.text)))

    # -- what is shown -------------------------------------------------------------------

    def open(self, key: Sequence[KeySpan]) -> list[Suggestion]:
        """The suggestions still to answer, in text order."""
        exact = {(k.start, k.end) for k in key}
        fresh = [
            s for s in self.suggestions if s not in self.rejected and (s.start, s.end) not in exact
        ]
        return without_key_overlaps(fresh, key)

    def settle(self, key: Sequence[KeySpan]) -> Suggestion | None:
        """After the key changed: keep the current suggestion if still open, else the next
        open one after it (or the last), so Enter, Enter, Enter goes down the article."""
        shown = self.open(key)
        if self.current in shown or not shown:
            self.current = self.current if shown else None
            return self.current
        at = (self.current.start, self.current.end) if self.current else (-1, -1)
        i = bisect.bisect_left([(s.start, s.end) for s in shown], at)
        self.current = shown[min(i, len(shown) - 1)]
        return self.current

    def walk(self, key: Sequence[KeySpan], step: int) -> Suggestion | None:
        """The next (`step` 1) or previous (-1) open suggestion, wrapping round."""
        shown = self.open(key)
        if not shown:
            self.current = None
        elif self.current not in shown:
            self.settle(key)
            if step < 0 and self.current is not None:
                self.current = shown[(shown.index(self.current) - 1) % len(shown)]
        else:
            assert self.current is not None
            self.current = shown[(shown.index(self.current) + step) % len(shown)]
        return self.current

    def position(self, key: Sequence[KeySpan]) -> tuple[int, int]:
        """(1-based number of the current suggestion, how many are open); (0, n) for none."""
        shown = self.open(key)
        return (shown.index(self.current) + 1 if self.current in shown else 0), len(shown)

    # -- answers -------------------------------------------------------------------------

    def reject(self, suggestion: Suggestion) -> None:
        self.rejected.add(suggestion)

    def key_span(
        self, suggestion: Suggestion, key: Sequence[KeySpan], label: Label | None = None
    ) -> KeySpan:
        """The key span accepting `suggestion` adds. With its own label its reason is the
        draft explanation; with another label the reason would be about the wrong label, so
        the explanation is left for the teacher (the key warns until it is written).
        Raises InvalidSpanError for a same-label overlap with the key."""
        label = label or suggestion.label
        reason = suggestion.reason if label is suggestion.label else ""
        return make_key_span(
            self.article, suggestion.start, suggestion.end, label, existing=key, explanation=reason
        )

    def accept_all(self, label: Label, key: Sequence[KeySpan]) -> AcceptAll:
        """Every open suggestion of `label` as key spans; those hidden by the key are skipped
        and counted (rejected ones are neither: the teacher already said no)."""
        mine = [s for s in self.suggestions if s.label is label and s not in self.rejected]
        shown = set(self.open(key))
        spans = tuple(self.key_span(s, key) for s in mine if s in shown)
        return AcceptAll(label, spans, len(mine) - len(spans))
