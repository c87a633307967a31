"""The fast re-anchoring gives the same answer as scoring every occurrence by its context (a
slow, literal oracle), and a submission is placed once per text, not on every key edit."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.core import anchoring
from medialit.core.anchoring import Anchor, Anchorer, context_agreement, reanchor
from medialit.core.classroom import score_class
from medialit.core.model import KeySpan, Label, Span, SpanId
from medialit.core.text import context
from tests.helpers import work_on_earlier_text


def oracle(span: Span, text: str) -> tuple[int, int, Anchor] | None:
    """The rules word for word: exact, the one occurrence, else the best-agreeing context
    (nearest on a tie of agreement; two equally near, or no agreement: not placed)."""
    quote = span.quote
    if not quote:
        return None
    if text[span.start : span.end] == quote:
        return span.start, span.end, Anchor.EXACT
    starts = [i for i in range(len(text) - len(quote) + 1) if text.startswith(quote, i)]
    if not starts:
        return None
    if len(starts) == 1:
        return starts[0], starts[0] + len(quote), Anchor.UNIQUE
    scored = sorted(
        ((context_agreement(span, text, p), -abs(p - span.start), p) for p in starts), reverse=True
    )
    if scored[0][0] == 0 or scored[0][:2] == scored[1][:2]:
        return None
    pos = scored[0][2]
    return pos, pos + len(quote), Anchor.CONTEXT


def _spans(text: str, picks: list[tuple[int, int]]) -> list[Span]:
    spans = []
    for n, (a, length) in enumerate(picks):
        start = a % max(1, len(text))
        end = min(len(text), start + 1 + length % 4)
        if start >= end:
            continue
        prefix, suffix = context(text, start, end)
        spans.append(
            Span(SpanId(f"s{n}"), start, end, Label.CLAIM, text[start:end], prefix, suffix)
        )
    return spans


ALPHABET = st.sampled_from("ab ab.")  # few letters: quotes occur many times, contexts repeat


@settings(max_examples=300, deadline=None)
@given(
    old=st.text(ALPHABET, min_size=1, max_size=220),
    cut=st.integers(0, 220),
    insert=st.text(ALPHABET, max_size=12),
    drop=st.integers(0, 6),
    picks=st.lists(st.tuples(st.integers(0, 300), st.integers(0, 9)), min_size=1, max_size=25),
)
def test_same_places_as_the_literal_rules(
    old: str, cut: int, insert: str, drop: int, picks: list[tuple[int, int]]
) -> None:
    new = old[:cut] + insert + old[cut + drop :]
    for span in _spans(old, picks):
        got = Anchorer(new).place(span)
        want = oracle(span, new)
        assert (None if got is None else (got.span.start, got.span.end, got.how)) == want


@settings(max_examples=300, deadline=None)
@given(
    unit=st.text(ALPHABET, min_size=1, max_size=9),
    reps=st.integers(5, 40),
    cut=st.integers(0, 300),
    insert=st.text(ALPHABET, max_size=12),
    drop=st.integers(0, 9),
    picks=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 9)), min_size=1, max_size=25),
)
def test_same_places_on_repetitive_text(
    unit: str, reps: int, cut: int, insert: str, drop: int, picks: list[tuple[int, int]]
) -> None:
    """Text that repeats itself: many places share the best context, so nearness and ties
    decide (the paths a random text rarely reaches)."""
    old = unit * reps
    new = old[:cut] + insert + old[cut + drop :]
    for span in _spans(old, picks):
        got = Anchorer(new).place(span)
        want = oracle(span, new)
        assert (None if got is None else (got.span.start, got.span.end, got.how)) == want


def test_the_search_path_is_taken_and_agrees(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Many occurrences: the context is found by searching, and nothing changes."""
    text = ("a b a. b a b. " * 40) + "the a here" + (" a b." * 40)
    new = "x " + text
    span = _spans(text, [(text.index("the a here") + 4, 0)])[0]
    searched: list[object] = []
    real = Anchorer._searched
    monkeypatch.setattr(Anchorer, "_searched", lambda self, s: searched.append(s) or real(self, s))
    got = Anchorer(new).place(span)
    assert searched and got is not None and got.span.start == span.start + 2
    assert (got.span.start, got.span.end, got.how) == oracle(span, new)


def test_no_span_is_dropped() -> None:
    text = "a b. " * 100
    spans = _spans(text, [(i * 7, i) for i in range(60)])
    placed, orphans = reanchor(spans, "b " + text[50:])
    assert len(placed) + len(orphans) == len(spans)
    assert {s.id for s in placed} | {s.id for s in orphans} == {s.id for s in spans}


def test_a_submission_is_placed_once_per_text_not_on_every_key_edit(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: the class view re-anchored every earlier-text submission on each key edit."""
    old = "Police said the car was red. Witnesses said it was blue. Nobody was hurt."
    new = "UPDATE: " + old
    spans = tuple(_spans(old, [(0, 3), (29, 2), (57, 1)]))
    key = (KeySpan("k", 8, 19, Label.SOURCING, new[8:19]),)
    lesson, sub = work_on_earlier_text(old, new, key, spans, id="l" * 32, title="Car")
    calls: list[Span] = []
    real = Anchorer.place
    monkeypatch.setattr(Anchorer, "place", lambda self, s: calls.append(s) or real(self, s))
    anchoring.reanchor_kept.cache_clear()
    first = score_class(lesson, [sub])
    assert len(calls) == len(spans)
    for label in (Label.FACT, Label.CLAIM, Label.SPECULATION):  # three key edits
        edited = dataclasses.replace(lesson, key=(KeySpan("k", 8, 19, label, new[8:19]),))
        again = score_class(edited, [sub])
        assert again.rows[0].result.report.spans == first.rows[0].result.report.spans
    assert len(calls) == len(spans)  # placed once, kept
