"""The key editor's suggestion mode without Qt: open suggestions, walking, accepting (issue 11)."""

from __future__ import annotations

from medialit.core.model import Article, KeySpan, Label
from medialit.core.teacher.keycheck import make_key_span
from medialit.core.teacher.suggesting import SuggestionQueue

TEXT = (
    "The mayor said the bridge may open in May. Critics fear it could cost twice as much, "
    "the Gazette reported. The council met on 3 June 2024 and voted 7 to 2."
)
ARTICLE = Article.from_canonical(TEXT)


def quotes(queue: SuggestionQueue, key: list[KeySpan]) -> list[tuple[str, str]]:
    return [(s.label.value, TEXT[s.start : s.end]) for s in queue.open(key)]


def key_span(quote: str, label: Label) -> KeySpan:
    start = TEXT.index(quote)
    return make_key_span(ARTICLE, start, start + len(quote), label)


def test_open_suggestions_hide_what_the_key_answers() -> None:
    queue = SuggestionQueue.for_article(ARTICLE)
    assert quotes(queue, []) == [
        ("sourcing", "The mayor said"),
        ("speculation", "the bridge may open in May"),
        ("speculation", "Critics fear it could cost twice as much"),
        ("sourcing", "the Gazette reported"),
        ("fact", "The council met on 3 June 2024 and voted 7 to 2"),
    ]
    key = [
        key_span("mayor", Label.SOURCING),  # overlaps a sourcing suggestion: hidden
        key_span("bridge may open", Label.CLAIM),  # another label, other words: still shown
        key_span("the Gazette reported", Label.CLAIM),  # the very words, another label: answered
    ]
    queue.reject(next(s for s in queue.suggestions if s.label is Label.FACT))
    assert quotes(queue, key) == [
        ("speculation", "the bridge may open in May"),
        ("speculation", "Critics fear it could cost twice as much"),
    ]


def test_walking_wraps_and_settling_moves_to_the_next_open_one() -> None:
    queue = SuggestionQueue.for_article(ARTICLE)
    order = [TEXT[s.start : s.end] for s in queue.open([])]
    assert queue.walk([], 1) is not None and TEXT[queue.current.start :].startswith(order[0])
    queue.walk([], -1)
    assert queue.position([]) == (5, 5)  # wrapped to the last
    queue.walk([], 1)
    queue.walk([], 1)
    assert queue.position([]) == (2, 5)
    accepted = queue.key_span(queue.current, [])
    assert accepted.explanation == queue.current.reason  # the reason is the draft explanation
    key = [accepted]
    nxt = queue.settle(key)
    assert nxt is not None and TEXT[nxt.start : nxt.end] == order[2]
    assert queue.position(key) == (2, 4)


def test_accepting_with_another_label_leaves_the_explanation_to_the_teacher() -> None:
    queue = SuggestionQueue.for_article(ARTICLE)
    first = queue.open([])[0]
    relabelled = queue.key_span(first, [], Label.CLAIM)
    assert (relabelled.label, relabelled.quote, relabelled.explanation) == (
        Label.CLAIM,
        "The mayor said",
        "",
    )
    assert first not in queue.open([relabelled])


def test_accept_all_of_a_label_skips_and_counts_what_the_key_already_has() -> None:
    queue = SuggestionQueue.for_article(ARTICLE)
    key = [key_span("Critics fear", Label.SPECULATION)]
    plan = queue.accept_all(Label.SPECULATION, key)
    assert [k.quote for k in plan.spans] == ["the bridge may open in May"]
    assert plan.skipped == 1
    assert all(k.label is Label.SPECULATION and k.explanation for k in plan.spans)
    none_left = queue.accept_all(Label.SPECULATION, [*key, *plan.spans])
    assert none_left.spans == () and none_left.skipped == 2
