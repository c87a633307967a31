"""Moving a span's edges a word at a time and by dragging: the pure rules in core.edges.

Spans are written in the text with brackets: "Police [said] that" is the span "said".
"""

from __future__ import annotations

import pytest

from medialit.core.edges import Edge, drag_edge, move_edge, plan_reshape
from medialit.core.model import Article, Label, Span

TEXT = "Police said, on Monday, that the bridge — “closed since May” — may open."


def marked(text: str) -> tuple[str, int, int]:
    """ "a [b] c" -> ("a b c", 2, 3)."""
    start = text.index("[")
    end = text.index("]") - 1
    return text.replace("[", "").replace("]", ""), start, end


def show(text: str, found: tuple[int, int] | None) -> str | None:
    if found is None:
        return None
    start, end = found
    return text[:start] + "[" + text[start:end] + "]" + text[end:]


@pytest.mark.parametrize(
    ("before", "edge", "step", "after"),
    [
        # the end, one word later: past the comma, the dash and the quotation mark
        ("Police [said], on", "end", 1, "Police [said, on]"),
        ("[Police] said, on Monday", "end", 1, "[Police said], on Monday"),
        ("the [bridge] — “closed since", "end", 1, "the [bridge — “closed] since"),
        # the end, one word earlier
        ("[Police said, on] Monday", "end", -1, "[Police said], on Monday"),
        ("the [bridge — “closed] since", "end", -1, "the [bridge] — “closed since"),
        # the start, one word earlier and later
        ("Police said, [on] Monday", "start", -1, "Police [said, on] Monday"),
        ("Police [said, on] Monday", "start", 1, "Police said, [on] Monday"),
        ("the bridge — “[closed] since", "start", -1, "the [bridge — “closed] since"),
        # an edge in the middle of a word (labelled exactly) goes to the word's edge
        ("Pol[ice said] that", "start", -1, "[Police said] that"),
        ("Police sa[id] that", "end", 1, "Police sa[id that]"),
        ("[Police sa]id that", "end", -1, "[Police] said that"),
    ],
)
def test_move_an_edge_a_word(before: str, edge: Edge, step: int, after: str) -> None:
    text, start, end = marked(before)
    assert show(text, move_edge(text, start, end, edge, step)) == after


@pytest.mark.parametrize(
    ("before", "edge", "step"),
    [
        ("Police [said] that", "end", -1),  # one word: shrinking it to nothing is refused
        ("Police [said] that", "start", 1),
        ("[Police] said", "start", -1),  # nothing before the first word
        ("may [open].", "end", 1),  # nothing after the last
    ],
)
def test_an_edge_that_cannot_move_is_refused(before: str, edge: Edge, step: int) -> None:
    text, start, end = marked(before)
    assert move_edge(text, start, end, edge, step) is None


def test_step_is_one_word() -> None:
    with pytest.raises(ValueError):
        move_edge("a b", 0, 1, "end", 2)


@pytest.mark.parametrize(
    ("before", "edge", "drop_before", "after"),
    [
        # the end dropped inside a word, or just before one: the end of that word, or the last
        ("[Police] said that the bridge", "end", "at the", "[Police said that] the bridge"),
        ("[Police] said that the bridge", "end", "e bridge", "[Police said that the] bridge"),
        ("[Police] said that the bridge", "end", "dge", "[Police said that the bridge]"),
        # the start dropped inside a word or in the space before one
        ("Police said that [the] bridge", "start", "aid", "Police [said that the] bridge"),
        ("Police said that [the] bridge", "start", " that", "Police said [that the] bridge"),
    ],
)
def test_drag_an_edge_to_a_word(before: str, edge: Edge, drop_before: str, after: str) -> None:
    text, start, end = marked(before)
    cp = text.index(drop_before)
    assert show(text, drag_edge(text, start, end, edge, cp)) == after


def test_dragging_an_edge_past_the_other_is_refused() -> None:
    text, start, end = marked("Police [said] that the bridge")
    assert drag_edge(text, start, end, "start", text.index("bridge")) is None
    assert drag_edge(text, start, end, "end", 0) is None


ARTICLE = Article.from_canonical("Police said the bridge may open on Monday, the mayor said.")


def span(quote: str, label: Label, note: str = "") -> Span:
    start = ARTICLE.text.index(quote)
    return Span.create(ARTICLE, start, start + len(quote), label, note=note)


def test_growing_into_a_span_of_the_same_label_merges_them() -> None:
    said = span("Police said", Label.SOURCING, note="named")
    open_ = span("may open", Label.SOURCING, note="who says?")
    other = span("the bridge", Label.CLAIM)
    far = span("the mayor said", Label.SOURCING)
    text = ARTICLE.text
    grown = move_edge(text, said.start, said.end, "end", 1)
    assert grown is not None
    plan = plan_reshape(ARTICLE, [said, open_, other, far], said, *grown)
    assert plan.absorbed == ()  # "Police said the": no sourcing span there yet
    to_open = (said.start, text.index("may") + 1)  # dragged into "may"
    plan = plan_reshape(ARTICLE, [said, open_, other, far], said, *to_open)
    assert plan.span.quote == "Police said the bridge may open"
    assert plan.span.id == said.id and plan.span.label is Label.SOURCING
    assert plan.absorbed == (open_,)  # the claim under it is another label: it stays
    assert plan.span.note == "named\nwho says?"  # no note is lost
    assert plan.before == said


def test_a_merge_that_reaches_another_span_takes_it_too() -> None:
    a = span("Police said", Label.FACT)
    b = span("said the bridge", Label.FACT)
    c = span("bridge may open", Label.FACT)
    plan = plan_reshape(ARTICLE, [a, b, c], a, a.start, ARTICLE.text.index("the bridge") + 3)
    assert plan.span.quote == "Police said the bridge may open"
    assert [s.id for s in plan.absorbed] == [b.id, c.id]


# -- the store: a move and its merge in one transaction ------------------------------------------


def test_a_merge_is_one_transaction_and_undo_puts_everything_back() -> None:
    import pytest as _pytest

    from medialit.core.errors import StoreError
    from medialit.core.records import Student
    from medialit.core.store import Store

    store = Store.memory()
    store.students.save(Student("s" * 32, "Ann"))
    said = span("Police said", Label.SOURCING, note="named")
    open_ = span("may open", Label.SOURCING, note="who says?")
    for each in (said, open_):
        store.work.add_span("s" * 32, "L", ARTICLE.sha256, each)

    def rows() -> list[tuple[str, int, int, str]]:
        return [
            (r["quote"], r["start"], r["end"], r["note"])
            for r in store.db.query('SELECT * FROM work_spans ORDER BY start, "end"')
        ]

    before = rows()
    plan = plan_reshape(ARTICLE, [said, open_], said, said.start, ARTICLE.text.index("open") + 4)
    store.work.reshape_span("s" * 32, "L", ARTICLE.sha256, plan.span, remove=plan.absorbed)
    assert rows() == [("Police said the bridge may open", 0, 31, "named\nwho says?")]
    store.work.reshape_span("s" * 32, "L", ARTICLE.sha256, plan.before, restore=plan.absorbed)
    assert rows() == before
    # a write that fails half-way (the span to restore is already there) changes nothing
    with _pytest.raises(StoreError):
        store.work.reshape_span("s" * 32, "L", ARTICLE.sha256, plan.span, restore=(open_,))
    assert rows() == before
    store.close()
