"""scoring.md, case by case: the worked example, then one line per rule."""

from __future__ import annotations

import pytest

from medialit.core.errors import InvalidSpanError, MedialitError, UnscorableKeyError
from medialit.core.model import KeySpan, Label, SpanId
from medialit.core.scoring import (
    OutcomeKind,
    Scorer,
    ScoreReport,
    normalize_spans,
    round_half_up,
    score,
)
from tests.span_markup import key_of, spans_of, tuples_of

WORKED_TEXT = "Baldwin said it was a one-in-a-trillion event (via CBS News)."
WORKED_KEY = "[Baldwin said it was a one-in-a-trillion event|claim] [(via CBS News).|sourcing]"
WORKED_STUDENT = "Baldwin said [it was a one-in-a-trillion event |claim]([via CBS News|fact])."


def check(key: str, student: str, **expect: object) -> ScoreReport:
    """Score `student` markup against `key` markup and compare the named figures.

    Names are ScoreReport fields, `<label>_<precision|recall|f1>`, `outcomes`
    (outcome kinds in text order), `named` (the student quotes they name, `-`
    for none) and `coverage` (coverages, None for spurious).
    """
    text, key_spans = key_of(key)
    student_text, spans = spans_of(student)
    assert student_text == text, "key and student markup must share the text"
    report = score(key_spans, spans, text)
    for name, want in expect.items():
        got: object
        if name == "outcomes":
            got = " ".join(o.kind.value for o in report.outcomes)
        elif name == "named":
            got = " | ".join(o.student.quote if o.student else "-" for o in report.outcomes)
        elif name == "coverage":
            got = [o.coverage for o in report.outcomes]
            assert got == pytest.approx(want, abs=5e-6), name
            continue
        elif name.split("_")[0] in {label.value for label in Label}:
            label, metric = name.split("_", 1)
            got = getattr(report.for_label(Label(label)), metric)
        else:
            got = getattr(report, name)
        if isinstance(want, float) and got is not None:
            assert got == pytest.approx(want, abs=5e-6), name
        else:
            assert got == want, name
    return report


def test_worked_example_from_scoring_md() -> None:
    assert len(WORKED_TEXT) == 61
    text, key = key_of(WORKED_KEY)
    assert text == WORKED_TEXT
    assert [(k.start, k.end) for k in key] == [(0, 45), (46, 61)]
    _, spans = tuples_of(WORKED_STUDENT)
    assert spans == [(13, 46, Label.CLAIM), (47, 59, Label.FACT)]
    report = check(
        WORKED_KEY,
        WORKED_STUDENT,
        recall=0.35556,
        precision=0.5,
        f1=0.41558,
        score=41.6,
        strict_precision=0.0,
        strict_recall=0.0,
        strict_f1=0.0,
        claim_precision=1.0,
        claim_recall=0.71111,
        sourcing_precision=None,
        sourcing_recall=0.0,
        sourcing_f1=0.0,
        fact_precision=0.0,
        fact_recall=None,
        fact_f1=None,
        speculation_precision=None,
        speculation_recall=None,
        speculation_f1=None,
        outcomes="partial wrong_label",
        named="it was a one-in-a-trillion event | via CBS News",
        coverage=[32 / 45, 0.0],
        correct=0,
        partial=1,
        wrong_label=1,
        missed=0,
        spurious=0,
        bonus=0,
    )
    assert report.recall == pytest.approx((32 / 45 + 0) / 2)
    assert report.f1 == pytest.approx(2 * 0.5 * (16 / 45) / (0.5 + 16 / 45))
    assert report.for_label(Label.CLAIM).f1 == pytest.approx(2 * (32 / 45) / (1 + 32 / 45))
    # The trimmed boundaries are the ones scored and reported.
    sourcing = report.outcomes[1].key
    assert sourcing is not None
    assert (sourcing.start, sourcing.end, sourcing.quote) == (47, 59, "via CBS News")
    assert report.confusion_count(Label.CLAIM, Label.CLAIM) == 1
    assert report.confusion_count(Label.SOURCING, Label.FACT) == 1
    assert sum(map(sum, report.confusion)) == 2


def test_perfect_submission() -> None:
    check(
        "[Police|sourcing] said [it rained|fact].",
        "[Police|sourcing] said [it rained|fact].",
        score=100.0,
        strict_f1=1.0,
        outcomes="correct correct",
    )


def test_trimming_makes_quotes_and_spaces_irrelevant() -> None:
    check(
        'He said ["one-in-a-trillion"|claim].', 'He said "[one-in-a-trillion|claim]".', score=100.0
    )
    check("He said[ (one)|claim].", "He said ([one)|claim].", score=100.0, outcomes="correct")


def test_symbols_are_not_trimmed() -> None:
    # `$` is a symbol (Sc), so "$5" and "5" are different spans: strict fails, coverage is partial.
    check("It cost [$5|fact].", "It cost $[5|fact].", outcomes="partial", recall=0.5, precision=1.0)


def test_span_of_only_punctuation_is_dropped() -> None:
    report = check("[Police|sourcing] said ... so.", "[Police|sourcing] said [...|claim] so.")
    assert report.spurious == 0 and len(report.spans) == 1


def test_same_label_spans_merge_when_touching_or_overlapping() -> None:
    check("[Police said it|claim].", "[Police s|claim][aid it|claim].", outcomes="correct")
    check("[Police said it|claim].", "[Police [said|claim] it|claim].", outcomes="correct")
    # Trimming comes first: "Police " loses its space, so these no longer touch (scoring.md).
    report = check("[Police said it|claim].", "[Police |claim][said it|claim].", outcomes="partial")
    assert [s.quote for s in report.spans] == ["Police", "said it"]


def test_merged_span_keeps_ids_and_notes() -> None:
    text, key = key_of("[Police said it|claim].")
    _, spans = spans_of("[Police [said|claim]|claim] it.")
    spans = [spans[0].with_note("verb"), spans[1].with_note("who")]
    (merged,) = score(key, spans, text).spans
    assert (merged.start, merged.end, merged.ids, merged.note) == (
        0,
        11,
        ("s1", "s0"),
        "who / verb",
    )


def test_different_labels_overlap_freely() -> None:
    check(
        "[[Police|sourcing] said it rained|claim].",
        "[[Police|sourcing] said it rained|claim].",
        score=100.0,
        outcomes="correct correct",
    )


def test_also_accept_gives_full_credit() -> None:
    check(
        "It [may rain|speculation+claim].",
        "It [may rain|claim].",
        outcomes="correct",
        score=100.0,
        speculation_recall=1.0,
        claim_precision=1.0,
        claim_recall=None,
    )


def test_coverage_is_the_union_of_accepted_labels() -> None:
    # Claim and speculation overlap on "c d": the key is covered once, not twice.
    check("[ab cd ef|claim+speculation]", "[ab [cd|claim] ef|speculation]", recall=1.0)
    check("[ab cd ef|claim+speculation]", "[ab c|claim]d [ef|speculation]", recall=6 / 8)


def test_optional_span_is_bonus_when_found_and_free_when_not() -> None:
    key = "[Police said|claim] it [may rain|speculation?]."
    check(
        key, "[Police said|claim] it [may rain|speculation].", score=100.0, outcomes="correct bonus"
    )
    check(key, "[Police said|claim] it may rain.", score=100.0, outcomes="correct", bonus=0)
    # Labelled wrongly, the optional span is no bonus but still not spurious.
    check(key, "[Police said|claim] it [may rain|fact].", outcomes="correct", precision=0.5)


def test_spurious_span() -> None:
    report = check(
        "[Police said|claim] it rained.",
        "[Police said|claim] it [rained|fact].",
        outcomes="correct spurious",
        named="Police said | rained",
        coverage=[1.0, None],
        precision=0.5,
        recall=1.0,
        score=66.7,
        strict_precision=0.5,
        strict_recall=1.0,
        spurious=1,
    )
    assert report.confusion_count(None, Label.FACT) == 1


def test_missed_and_wrong_label() -> None:
    report = check(
        "[Police|sourcing] said [it rained|fact].",
        "[Police|claim] said it rained.",
        outcomes="wrong_label missed",
        named="Police | -",
        score=0.0,
        missed=1,
        wrong_label=1,
        fact_precision=None,
        fact_recall=0.0,
        fact_f1=0.0,
        claim_precision=0.0,
        claim_recall=None,
    )
    assert report.confusion_count(Label.FACT, None) == 1
    assert report.confusion_count(Label.SOURCING, Label.CLAIM) == 1


def test_partial_beats_wrong_label_and_names_the_accepted_span() -> None:
    check(
        "[one two three four|claim]",
        "[one|claim] [two three|fact] four",
        outcomes="partial",
        named="one",
        coverage=[3 / 18],
    )


def test_named_span_is_largest_overlap_then_earliest() -> None:
    check("[ab cd efg|claim]", "[ab|claim] cd [efg|claim]", named="efg")
    check("[ab cd ef|claim]", "[ab|claim] cd [ef|claim]", named="ab")


def test_exact_match_is_named_even_inside_a_wider_accepted_span() -> None:
    # The fact span starts earlier with the same overlap, but "correct" names the exact match.
    check("ab [cd|claim+fact] ef", "[ab [cd|claim] ef|fact]", outcomes="correct", named="cd")


def test_empty_submission_scores_zero() -> None:
    check(
        "[Police|sourcing] said [it rained|fact].",
        "Police said it rained.",
        score=0.0,
        precision=0.0,
        recall=0.0,
        strict_precision=0.0,
        outcomes="missed missed",
        sourcing_precision=None,
        sourcing_f1=0.0,
    )


def test_outcomes_are_in_text_order() -> None:
    check(
        "[a|claim] b [c|fact] d [e|speculation]",
        "[a|claim] [b|fact] c [d|claim] [e|fact]",
        outcomes="correct spurious missed spurious wrong_label",
    )


def test_key_without_required_span_cannot_be_scored() -> None:
    text, key = key_of("[Police said|claim?] it.")
    with pytest.raises(UnscorableKeyError, match="no required span"):
        score(key, [], text)
    with pytest.raises(UnscorableKeyError):
        score([], [], text)
    text, key = key_of("Police said it[...|claim]")
    with pytest.raises(UnscorableKeyError):  # its only span trims to nothing
        score(key, [], text)
    assert issubclass(UnscorableKeyError, MedialitError)


@pytest.mark.parametrize("bad", [(-1, 3), (3, 3), (2, 99), (True, 3), (1.0, 3)])
def test_offsets_outside_the_text_are_refused(bad: tuple[int, int]) -> None:
    text, key = key_of("[Police|claim] said.")
    with pytest.raises(InvalidSpanError):
        score(key, [(bad[0], bad[1], Label.CLAIM)], text)


def test_key_span_outside_the_text_is_refused() -> None:
    bad = KeySpan("k", 0, 99, Label.CLAIM, "x")
    with pytest.raises(InvalidSpanError):
        Scorer([bad], "short")


def test_tuples_spans_and_plain_string_labels_give_the_same_report() -> None:
    text, key = key_of(WORKED_KEY)
    _, spans = spans_of(WORKED_STUDENT)
    _, tuples = tuples_of(WORKED_STUDENT)
    as_strings = [(s, e, label.value) for s, e, label in tuples]
    by_spans, by_tuples = score(key, spans, text), score(key, tuples, text)
    assert by_tuples == score(key, as_strings, text)  # type: ignore[arg-type]
    assert by_spans.labels == by_tuples.labels and by_spans.f1 == by_tuples.f1
    assert by_spans.spans[0].ids == (SpanId("s0"),) and by_tuples.spans[0].ids == ()


def test_scorer_reuses_one_key() -> None:
    text, key = key_of(WORKED_KEY)
    scorer = Scorer(key, text)
    _, spans = tuples_of(WORKED_STUDENT)
    assert scorer.score(spans) == score(key, spans, text)
    assert scorer.normalize(spans) == normalize_spans(spans, text)


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (41.5584, 1, 41.6),
        (41.25, 1, 41.3),  # a half rounds up, where round() would give 41.2
        (100 * 0.4125, 1, 41.3),  # 41.24999999999999 in binary: still a half
        (0.12345, 4, 0.1235),
        (0.0, 1, 0.0),
        (100.0, 1, 100.0),
        (2 / 3, 4, 0.6667),
    ],
)
def test_round_half_up(value: float, digits: int, expected: float) -> None:
    assert round_half_up(value, digits) == expected


def test_score_rounds_halves_up() -> None:
    # Key [0, 80), student [47, 127): 33 shared characters, so P = R = f1 = 33/80 = 0.4125
    # and 100 * f1 is 41.25 -- exactly half way; round() would give 41.2.
    text = "x" * 127
    key = [KeySpan("k", 0, 80, Label.CLAIM, "x" * 80)]
    report = score(key, [(47, 127, Label.CLAIM)], text)
    assert report.precision == report.recall == report.f1 == pytest.approx(0.4125)
    assert round(100 * report.f1, 1) == 41.2
    assert report.score == 41.3


def test_outcome_kinds_are_strings_for_export() -> None:
    assert [k.value for k in OutcomeKind] == [
        "correct",
        "partial",
        "wrong_label",
        "missed",
        "spurious",
        "bonus",
    ]


# -- Outcomes version 2 (scoring.md): another label is an attempt only over half a key span --

LONG_TEXT = "x" * 40 + "ABC" + "x" * 147
LONG_KEY = [KeySpan("k", 0, 190, Label.FACT, LONG_TEXT)]


def _kinds(report: ScoreReport) -> list[tuple[str, tuple[int, int, Label] | None]]:
    return [
        (o.kind.value, (o.student.start, o.student.end, o.student.label) if o.student else None)
        for o in report.outcomes
    ]


def test_v2_a_small_span_inside_a_long_key_span_is_missed_and_spurious() -> None:
    # scoring.md: key fact [0, 190); only "ABC" [40, 43) as sourcing: 3 of 190 is under half.
    assert LONG_TEXT[40:43] == "ABC" and len(LONG_TEXT) == 190
    report = score(LONG_KEY, [(40, 43, Label.SOURCING)], LONG_TEXT)
    assert _kinds(report) == [("missed", None), ("spurious", (40, 43, Label.SOURCING))]
    assert (report.missed, report.wrong_label, report.spurious) == (1, 0, 1)
    assert report.confusion_count(Label.FACT, None) == 1
    assert report.confusion_count(None, Label.SOURCING) == 1
    assert report.confusion_count(Label.FACT, Label.SOURCING) == 0
    assert sum(map(sum, report.confusion)) == 2


def test_v2_one_span_over_more_than_half_is_a_wrong_label() -> None:
    # scoring.md: sourcing over [0, 120) instead: wrong_label naming it, and not spurious.
    report = score(LONG_KEY, [(0, 120, Label.SOURCING)], LONG_TEXT)
    assert _kinds(report) == [("wrong_label", (0, 120, Label.SOURCING))]
    assert (report.wrong_label, report.spurious) == (1, 0)
    assert report.confusion_count(Label.FACT, Label.SOURCING) == 1
    assert sum(map(sum, report.confusion)) == 1


def test_v2_two_spans_each_under_half_do_not_add_up() -> None:
    # scoring.md: sourcing [0, 30) and claim [30, 60), each under half: missed, both spurious.
    spans = [(0, 30, Label.SOURCING), (30, 60, Label.CLAIM)]
    report = score(LONG_KEY, spans, LONG_TEXT)
    assert _kinds(report) == [  # text order: (start, end)
        ("spurious", (0, 30, Label.SOURCING)),
        ("missed", None),
        ("spurious", (30, 60, Label.CLAIM)),
    ]
    assert (report.missed, report.spurious) == (1, 2)
    assert report.confusion_count(None, Label.SOURCING) == 1
    assert report.confusion_count(None, Label.CLAIM) == 1
    assert sum(report.confusion[-1]) == report.spurious


@pytest.mark.parametrize(("end", "kind"), [(95, "wrong_label"), (94, "missed")])
def test_v2_exactly_half_counts_as_an_attempt(end: int, kind: str) -> None:
    # 2 * 95 >= 190: exactly half is enough; 94 characters is not.
    report = score(LONG_KEY, [(0, end, Label.CLAIM)], LONG_TEXT)
    assert (report.wrong_label, report.missed) == ((1, 0) if kind == "wrong_label" else (0, 1))
    assert report.spurious == (0 if kind == "wrong_label" else 1)


def test_v2_numbers_do_not_change_with_outcomes() -> None:
    # The same spans scored as v1 would call "wrong label" keep P, R, F1 and the score.
    small = score(LONG_KEY, [(40, 43, Label.SOURCING)], LONG_TEXT)
    assert (small.precision, small.recall, small.f1, small.score) == (0.0, 0.0, 0.0, 0.0)
    big = score(LONG_KEY, [(0, 120, Label.FACT), (40, 43, Label.SOURCING)], LONG_TEXT)
    assert big.recall == pytest.approx(120 / 190) and big.precision == pytest.approx(0.5)


def test_v2_an_attempt_at_an_optional_or_decided_key_span_is_neither_named_nor_spurious() -> None:
    # "[rained|fact]" covers all of the optional speculation span: not spurious, no outcome.
    report = check(
        "[Police said|claim] it [rained|speculation?].",
        "[Police said|claim] it [rained|fact].",
        outcomes="correct",
        spurious=0,
    )
    assert report.confusion_count(None, Label.FACT) == 0
    # "[Police said|fact]" covers all of a key span that the claim span already got right.
    report = check(
        "[Police said|claim] it rained.",
        "[[Police said|claim]|fact] it rained.",
        outcomes="correct",
        named="Police said",
        spurious=0,
    )
    assert report.confusion_count(Label.CLAIM, Label.CLAIM) == 1
    assert sum(map(sum, report.confusion)) == 1


def test_v2_the_largest_attempt_is_named_ties_to_the_earliest_start() -> None:
    # "ab cd" covers 5 of 8: the attempt named; "ef" covers 2 of 8: spurious.
    check(
        "[ab cd ef|claim]",
        "[ab cd|fact] [ef|sourcing]",
        outcomes="wrong_label spurious",
        named="ab cd | ef",
    )
    # Same overlap (4 of 8 each, both at least half): the earlier start is named, and the
    # other is an attempt too, so not spurious.
    check(
        "[abcdefgh|claim]",
        "[abcd|sourcing][efgh|fact]",
        outcomes="wrong_label",
        named="abcd",
        spurious=0,
    )
