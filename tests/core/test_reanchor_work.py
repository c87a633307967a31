"""A student's saved work follows a corrected article text: placed, or kept as an orphan.

Data-driven: `check(old, new, orphans=...)` saves the spans marked in `old`
(`[quote|label]`, see tests/span_markup.py) on version 1 of a lesson, opens
version 2 whose text is `new` without the markup, and expects the spans
marked in `new` to be exactly the placed ones, the `orphans` quotes to be kept
as orphans, and no row to be lost.
"""

from __future__ import annotations

from typing import Any

import pytest

from medialit.core.errors import StoreError
from medialit.core.model import Article, Label, Lesson, Span, SpanId
from medialit.core.records import SavedSpan, Student
from medialit.core.store import Store
from medialit.core.workspace import open_work, plan_reanchoring, reanchor_work
from tests.span_markup import parse, spans_of

STUDENT = "s1"
LESSON = "L" * 32


def lesson_v(text: str, version: int = 1, previous: tuple[str, ...] = ()) -> Lesson:
    return Lesson(LESSON, version, "News", Article.from_canonical(text), previous_sha256=previous)


def save_v1(store: Store, markup: str) -> tuple[Lesson, list[Span]]:
    text, spans = spans_of(markup)
    v1 = lesson_v(text)
    store.students.save(Student(STUDENT, "Ann"))
    for span in spans:
        store.work.add_span(STUDENT, LESSON, v1.article.sha256, span.with_note(f"note {span.id}"))
    return v1, store.work.spans(STUDENT, LESSON)


def rows(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.db.query("SELECT * FROM work_spans ORDER BY id")]


def check(old: str, new: str, *, orphans: tuple[str, ...] = ()) -> tuple[Store, Lesson]:
    store = Store.memory()
    v1, saved = save_v1(store, old)
    new_text, expected = parse(new)
    v2 = lesson_v(new_text, 2, (v1.article.sha256,))
    plan = reanchor_work(store, STUDENT, v2)

    placed = store.work.spans(STUDENT, LESSON)
    assert sorted((s.start, s.end, s.label) for s in placed) == sorted(
        (m.start, m.end, m.label) for m in expected
    )
    for span in placed:
        original = next(s for s in saved if s.id == span.id)
        assert new_text[span.start : span.end] == span.quote == original.quote
        assert (span.label, span.note) == (original.label, original.note)
        assert span.prefix == new_text[max(0, span.start - 32) : span.start]
        assert span.suffix == new_text[span.end : span.end + 32]
    assert {r["article_sha256"] for r in rows(store) if not r["orphaned"]} <= {v2.article.sha256}

    kept = store.work.orphans(STUDENT, LESSON)
    assert [o.span.quote for o in kept] == list(orphans)
    for orphan in kept:  # exactly as saved: offsets, quote, context, label, note, text hash
        assert orphan.span in saved and orphan.article_sha256 == v1.article.sha256
    assert {o.span.id for o in kept} == {s.id for s in plan.orphans}
    assert len(rows(store)) == len(saved)  # nothing dropped

    before = rows(store)
    again = reanchor_work(store, STUDENT, v2)
    assert again.empty and rows(store) == before  # idempotent
    return store, v2


def test_text_edited_after_the_spans_keeps_their_offsets() -> None:
    check(
        "[Police said|sourcing] the car was [red|fact].",
        "[Police said|sourcing] the car was [red|fact]. Update: nobody was hurt.",
    )


def test_text_inserted_before_moves_spans_by_code_points() -> None:
    check(
        "[Police said|sourcing] the car was [red|fact].",
        "UPDATE 👩‍👩‍👧 東京: [Police said|sourcing] the car was [red|fact].",
    )


def test_a_span_whose_own_text_was_edited_is_an_orphan() -> None:
    check(
        "[Police said|sourcing] the car was [dark red|fact].",
        "[Police said|sourcing] the car was crimson.",
        orphans=("dark red",),
    )


def test_a_removed_sentence_leaves_an_orphan_and_the_rest_moves() -> None:
    check(
        "[Witnesses said|sourcing] it was loud. [It may rain|speculation]. [Nobody was hurt|fact].",
        "Corrected: [Nobody was hurt|fact]. [It may rain|speculation] later.",
        orphans=("Witnesses said",),
    )


def test_a_duplicated_quote_is_resolved_by_its_context() -> None:
    check(
        "Ann said the car was red. Bob said [the car was|claim] blue.",
        "New: Ann said the car was red. Bob, a witness, said [the car was|claim] blue.",
    )


def test_two_spans_never_land_on_one_place_the_weaker_is_an_orphan() -> None:
    # the second "Police said" sentence is gone: its span would fall on the first one's place
    check(
        "[Police said|sourcing] it was red. Later [Police said|sourcing] it was blue.",
        "Update. [Police said|sourcing] it was red.",
        orphans=("Police said",),
    )


def test_spans_on_the_current_text_are_left_alone() -> None:
    text, spans = spans_of("[Police said|sourcing] it.")
    article = Article.from_canonical(text)
    saved = [SavedSpan(s, article.sha256) for s in spans]
    assert plan_reanchoring(article, saved).empty


def test_a_quote_that_no_longer_fits_the_current_text_is_an_orphan() -> None:
    text, spans = spans_of("[Police said|sourcing] it.")
    article = Article.from_canonical(text)
    bad = Span(spans[0].id, 0, 11, Label.SOURCING, "Polis sayed")  # same hash, wrong quote
    plan = plan_reanchoring(article, [SavedSpan(bad, article.sha256)])
    assert plan.placed == () and plan.orphaned == plan.orphans == (bad,)


def test_an_orphan_is_placed_again_when_its_text_comes_back() -> None:
    store, v2 = check(
        "[Police said|sourcing] it. [Ann saw it|fact].",
        "[Police said|sourcing] it.",
        orphans=("Ann saw it",),
    )
    v3 = lesson_v("Fixed: Police said it. Ann saw it.", 3, (v2.article.sha256,))
    plan = reanchor_work(store, STUDENT, v3)
    assert [p.span.quote for p in plan.placed] == ["Police said", "Ann saw it"]
    assert store.work.orphans(STUDENT, LESSON) == []
    assert [(s.start, s.quote) for s in store.work.spans(STUDENT, LESSON)] == [
        (7, "Police said"),
        (23, "Ann saw it"),
    ]


def test_other_students_and_lessons_are_not_touched() -> None:
    store = Store.memory()
    v1, _ = save_v1(store, "[Police said|sourcing] it.")
    store.students.save(Student("s2", "Bob"))
    other = SpanId("other")
    store.work.add_span("s2", LESSON, v1.article.sha256, Span(other, 0, 6, Label.FACT, "Police"))
    untouched = [r for r in rows(store) if r["id"] == other]
    reanchor_work(store, STUDENT, lesson_v("New. Police said it.", 2))
    assert [r for r in rows(store) if r["id"] == other] == untouched


def test_it_is_one_transaction_a_failure_changes_nothing() -> None:
    store = Store.memory()
    v1, saved = save_v1(store, "[Police said|sourcing] it. [Ann saw it|fact].")
    v2 = lesson_v("Corrected: Police said it.", 2, (v1.article.sha256,))
    before = rows(store)
    # the orphan's update (after the placed span's) fails, as a full disk would
    store.db.execute(
        "CREATE TEMP TRIGGER fail BEFORE UPDATE OF orphaned ON work_spans "
        "WHEN NEW.orphaned = 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(StoreError, match="disk full"):
        reanchor_work(store, STUDENT, v2)
    assert rows(store) == before
    assert store.work.spans(STUDENT, LESSON) == saved
    store.db.execute("DROP TRIGGER fail")
    reanchor_work(store, STUDENT, v2)
    assert [s.quote for s in store.work.spans(STUDENT, LESSON)] == ["Police said"]
    assert [o.span.quote for o in store.work.orphans(STUDENT, LESSON)] == ["Ann saw it"]


def test_open_work_places_what_it_can_and_lists_the_rest() -> None:
    store = Store.memory()
    save_v1(store, "[Police said|sourcing] it. [Ann saw it|fact].")
    work = open_work(store, STUDENT, lesson_v("New: Police said it.", 2))
    assert [(s.quote, s.start) for s in work.placed] == [("Police said", 5)]
    assert [o.span.quote for o in work.orphans] == ["Ann saw it"] and work.problem is None
    assert [p.span.quote for p in work.reanchoring.placed] == ["Police said"]
    again = open_work(store, STUDENT, lesson_v("New: Police said it.", 2))
    assert again.reanchoring.empty and again.placed == work.placed
    assert again.orphans == work.orphans


def test_open_work_when_the_save_fails_moves_nothing_and_says_why() -> None:
    store = Store.memory()
    _, saved = save_v1(store, "[Police said|sourcing] it. [Ann saw it|fact].")
    before = rows(store)
    store.db.execute(
        "CREATE TEMP TRIGGER fail BEFORE UPDATE ON work_spans "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    work = open_work(store, STUDENT, lesson_v("Police said it. Then Ann saw it.", 2))
    assert isinstance(work.problem, StoreError) and rows(store) == before
    # "Police said" is still the text at its offsets: shown; "Ann saw it" moved: not yet
    assert [s.quote for s in work.placed] == ["Police said"]
    assert [o.span for o in work.orphans] == [saved[1]] and not work.orphans[0].orphaned
