"""SpanIndex: text order, lookups by position and range, and row notifications for Qt models."""

import pytest

from medialit.core.model import Label, Span, SpanId
from medialit.core.spanindex import SpanIndex

TEXT = "Police said that the mayor may resign, according to the Times."


def s(quote: str, label: Label = Label.CLAIM, *, sid: str = "", nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    return Span(SpanId(sid or f"{quote}-{label.value}"), start, start + len(quote), label, quote)


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, int]] = []

    def index_about_to_change(self, kind: str, row: int) -> None:
        self.events.append(("before", kind, row))

    def index_changed(self, kind: str, row: int) -> None:
        self.events.append(("after", kind, row))


def test_spans_are_kept_in_text_order_with_rows_announced() -> None:
    index = SpanIndex([s("the Times", Label.SOURCING), s("Police said")])
    rec = Recorder()
    index.listeners.append(rec)
    mayor = s("the mayor may resign", Label.SPECULATION)
    assert index.add(mayor) == 1
    assert [x.quote for x in index] == ["Police said", "the mayor may resign", "the Times"]
    assert index.row_of(mayor.id) == 1 and index.get(mayor.id) == mayor and mayor.id in index
    relabelled = mayor.with_label(Label.CLAIM)
    assert index.replace(relabelled) == 1  # relabelling never moves a row
    assert index.remove(mayor.id) == 1
    assert rec.events == [
        ("before", "insert", 1),
        ("after", "insert", 1),
        ("before", "change", 1),
        ("after", "change", 1),
        ("before", "remove", 1),
        ("after", "remove", 1),
    ]
    assert mayor.id not in index and len(index) == 2
    with pytest.raises(KeyError):
        index.row_of(mayor.id)


def test_counts_follow_every_change() -> None:
    index = SpanIndex([s("Police said"), s("the Times", Label.SOURCING)])
    assert index.counts() == {
        Label.CLAIM: 1,
        Label.FACT: 0,
        Label.SPECULATION: 0,
        Label.SOURCING: 1,
    }
    span = s("may resign", Label.SPECULATION)
    index.add(span)
    index.replace(span.with_label(Label.FACT))
    assert index.counts()[Label.FACT] == 1 and index.counts()[Label.SPECULATION] == 0
    index.remove(span.id)
    index.reset([])
    assert sum(index.counts().values()) == 0


@pytest.mark.parametrize(
    ("start_quote", "end_quote", "expected"),
    [
        ("Police", "Police", ["Police said", "Police said that the mayor may resign"]),
        ("mayor", "mayor", ["Police said that the mayor may resign", "the mayor"]),
        ("according", "according", []),
        ("resign", "Times", ["Police said that the mayor may resign", "the Times"]),
    ],
)
def test_overlapping(start_quote: str, end_quote: str, expected: list[str]) -> None:
    index = SpanIndex(
        [
            s("Police said that the mayor may resign"),
            s("Police said", Label.SOURCING),
            s("the mayor", Label.FACT, nth=0),
            s("the Times", Label.SOURCING),
        ]
    )
    start = TEXT.index(start_quote)
    end = TEXT.index(end_quote) + len(end_quote)
    assert [x.quote for x in index.overlapping(start, end)] == expected


def test_at_gives_the_innermost_span_first_and_nothing_at_the_edges() -> None:
    outer, inner = s("Police said that the mayor may resign"), s("said", Label.SOURCING)
    index = SpanIndex([outer, inner])
    assert index.at(TEXT.index("said") + 1) == [inner, outer]
    assert index.at(TEXT.index("Police")) == [outer]
    assert index.at(TEXT.index(",")) == []  # end is exclusive


def test_next_and_previous_walk_every_span_even_with_equal_starts() -> None:
    a = s("Police said", Label.CLAIM, sid="a")
    b = s("Police said", Label.SOURCING, sid="b")
    c = s("the Times", Label.SOURCING, sid="c")
    index = SpanIndex([c, b, a])
    walk, current = [], None
    while (nxt := index.next_after(pos=0, current=current)) is not None:
        walk.append(nxt.id)
        current = nxt.id
    assert walk == ["a", "b", "c"]
    assert index.previous_before(pos=0, current="c").id == "b"
    assert index.previous_before(pos=0, current="a") is None
    # from the caret, with no span selected
    assert index.next_after(pos=1).id == "c"
    assert index.previous_before(pos=len(TEXT)).id == "c"
    assert index.previous_before(pos=0) is None
