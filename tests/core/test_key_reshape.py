"""Moving a key span's edges (issue 11, with the student's edge moves): merged into the
same-label key spans it grows into, in one transaction, undone in one."""

from __future__ import annotations

import pytest

from medialit.core.errors import InvalidSpanError
from medialit.core.model import Article, KeySpan, Label
from medialit.core.store import Store
from medialit.core.teacher.authoring import lesson_from_text, save_lesson_to_store
from medialit.core.teacher.keycheck import make_key_span, reshape_key_span

TEXT = "The mayor said the bridge may open in May, and critics fear it could cost more."
ARTICLE = Article.from_canonical(TEXT)


def at(quote: str, label: Label, **kw: object) -> KeySpan:
    start = TEXT.index(quote)
    return make_key_span(ARTICLE, start, start + len(quote), label, **kw)  # type: ignore[arg-type]


def test_growing_into_a_same_label_span_merges_it_keeping_every_explanation() -> None:
    first = at("the bridge may open", Label.SPECULATION, explanation="May: a guess.")
    second = at("in May", Label.SPECULATION, explanation="When: a guess too.", optional=True)
    other = at("open in May", Label.CLAIM)  # another label: untouched
    key = [first, second, other]
    grown = reshape_key_span(ARTICLE, key, first, first.start, TEXT.index(" in May") + 3)
    assert grown.absorbed == (second,)
    assert grown.span.id == first.id and grown.span.quote == "the bridge may open in May"
    assert grown.span.explanation == "May: a guess.\nWhen: a guess too."
    assert grown.span.optional is False  # one of them was required
    assert grown.before == first


def test_shrinking_merges_nothing_and_nothing_left_is_refused() -> None:
    span = at("the bridge may open", Label.SPECULATION, also_accept=[Label.CLAIM])
    shrunk = reshape_key_span(ARTICLE, [span], span, TEXT.index("may open"), span.end)
    assert (shrunk.span.quote, shrunk.absorbed, shrunk.span.also_accept) == (
        "may open",
        (),
        frozenset({Label.CLAIM}),
    )
    with pytest.raises(InvalidSpanError):
        reshape_key_span(ARTICLE, [span], span, TEXT.index(", and"), TEXT.index(", and") + 2)


def test_replace_writes_a_reshape_and_its_undo_each_in_one_transaction(
    fresh_store: Store,
) -> None:
    lesson = lesson_from_text(TEXT, title="Bridge")
    first = at("the bridge may open", Label.SPECULATION, explanation="A guess.")
    second = at("in May", Label.SPECULATION)
    save_lesson_to_store(fresh_store, lesson)  # no key yet
    fresh_store.keys.add_all(lesson.id, [first, second])
    grown = reshape_key_span(ARTICLE, [first, second], first, first.start, second.end)
    fresh_store.keys.replace(lesson.id, [k.id for k in grown.absorbed], [grown.span])
    assert fresh_store.keys.spans(lesson.id) == [grown.span]
    fresh_store.keys.replace(lesson.id, [], [grown.before, *grown.absorbed])
    assert fresh_store.keys.spans(lesson.id) == [first, second]
