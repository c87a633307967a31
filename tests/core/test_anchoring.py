"""Re-anchoring spans onto a corrected article: exact, unique, by context, or orphaned."""

from __future__ import annotations

from medialit.core.anchoring import Anchor, context_agreement, occurrences, place, reanchor
from medialit.core.model import Article, Label, Span, SpanId

OLD = "Police said the car was red. Witnesses said the car was blue. Nobody was hurt."


def span_on(text: str, quote: str, label: Label = Label.CLAIM, *, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return Span.create(
        Article.from_canonical(text),
        start,
        start + len(quote),
        label,
        note="n",
        span_id=SpanId(f"id{start}"),
    )


def test_unchanged_offsets_are_exact() -> None:
    span = span_on(OLD, "Police said")
    new = OLD + " Update: the driver was found."  # edited after the span
    placement = place(span, new)
    assert placement is not None and placement.how is Anchor.EXACT
    assert (placement.span.start, placement.span.end) == (span.start, span.end)


def test_text_inserted_before_moves_a_unique_quote() -> None:
    span = span_on(OLD, "Nobody was hurt", Label.FACT)
    new = "UPDATED. " + OLD
    placed, orphans = reanchor([span], new)
    assert orphans == ()
    (moved,) = placed
    assert new[moved.start : moved.end] == "Nobody was hurt"
    assert moved.start == span.start + len("UPDATED. ")
    assert (moved.id, moved.label, moved.note, moved.quote) == (
        span.id,
        span.label,
        "n",
        span.quote,
    )
    assert moved.prefix == new[max(0, moved.start - 32) : moved.start]


def test_duplicated_quote_is_placed_by_its_context() -> None:
    second = span_on(OLD, "the car was", nth=1)
    first = span_on(OLD, "the car was", nth=0)
    new = "Breaking: " + OLD.replace("Witnesses", "Two witnesses")
    placed, orphans = reanchor([first, second], new)
    assert orphans == ()
    assert [p.start for p in placed] == occurrences(new, "the car was")
    assert [new[p.end : p.end + 5] for p in placed] == [" red.", " blue"]
    assert place(second, new).how is Anchor.CONTEXT  # type: ignore[union-attr]


def test_duplicated_quote_without_context_evidence_is_an_orphan() -> None:
    span = Span(SpanId("x"), 0, 3, Label.CLAIM, "abc", prefix="", suffix="")
    placed, orphans = reanchor([span], "zz abc abc")
    assert placed == () and orphans == (span,)


def test_equal_context_goes_to_the_nearest_occurrence() -> None:
    text = "said it. said it. said it."
    span = Span(SpanId("x"), 9, 13, Label.SOURCING, "said", prefix=". ", suffix=" it")
    placement = place(span, "X" + text)
    assert placement is not None and placement.span.start == 10  # nearest to 9 of 1, 10, 19


def test_two_equally_good_places_make_an_orphan() -> None:
    span = Span(SpanId("x"), 4, 8, Label.SOURCING, "said", prefix="-", suffix="-")
    assert place(span, "-said--said-") is None  # at 1 and 7: both 3 from 4, same context


def test_deleted_quote_is_an_orphan_never_dropped() -> None:
    spans = [span_on(OLD, "Witnesses said"), span_on(OLD, "Nobody was hurt")]
    new = OLD.replace("Witnesses said", "A neighbour claimed")
    placed, orphans = reanchor(spans, new)
    assert [p.quote for p in placed] == ["Nobody was hurt"]
    assert orphans == (spans[0],)


def test_edited_inside_the_quote_is_an_orphan() -> None:
    span = span_on(OLD, "the car was blue")
    placed, orphans = reanchor([span], OLD.replace("blue", "dark blue"))
    assert placed == () and orphans == (span,)


def test_context_agreement_counts_matching_characters_both_sides() -> None:
    span = Span(SpanId("x"), 3, 6, Label.FACT, "car", prefix="my ", suffix=" is")
    assert context_agreement(span, "my car is", 3) == 6
    assert context_agreement(span, "a car was", 2) == 2  # one space each side
    assert context_agreement(span, "car", 0) == 0


def test_occurrences_include_overlapping_ones() -> None:
    assert occurrences("aaaa", "aa") == [0, 1, 2]
    assert occurrences("abc", "x") == []
