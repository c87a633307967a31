"""Strict figures cross-checked against nervaluate (MUC-5 style NER evaluation).

Where scoring.md and nervaluate's `strict` mode mean the same thing -- no
also_accept, no optional spans, no overlaps within the key or within the
student's spans, nothing for trimming to change -- the counts must agree.
nervaluate's `end` is inclusive, ours is exclusive.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from nervaluate import Evaluator

from medialit.core.model import LABELS, KeySpan, Label
from medialit.core.scoring import score

TAGS = [label.value for label in LABELS]


@st.composite
def disjoint_spans(draw: st.DrawFn, n: int, max_spans: int) -> list[tuple[int, int, Label]]:
    """Spans over [0, n) that neither overlap nor touch, so merging leaves them alone."""
    cuts = sorted(draw(st.sets(st.integers(0, n), min_size=0, max_size=2 * max_spans)))
    spans = []
    last_end = -1
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start > last_end and start < end:
            spans.append((start, end, draw(st.sampled_from(LABELS))))
            last_end = end
    return spans


@st.composite
def cases(
    draw: st.DrawFn,
) -> tuple[str, list[tuple[int, int, Label]], list[tuple[int, int, Label]]]:
    n = draw(st.integers(5, 80))
    text = "x" * n  # nothing to trim
    key = draw(disjoint_spans(n, 8).filter(bool))
    # Students often copy key spans (sometimes relabelled): exact matches must be common.
    copied = [
        (s, e, draw(st.sampled_from([label, *LABELS])))
        for s, e, label in key
        if draw(st.booleans())
    ]
    extra = draw(disjoint_spans(n, 6))
    student: list[tuple[int, int, Label]] = []
    for span in sorted(copied + extra):
        if not student or span[0] > student[-1][1]:  # keep them disjoint and not touching
            student.append(span)
    return text, key, student


def _entities(spans: list[tuple[int, int, Label]]) -> list[dict[str, object]]:
    return [{"label": label.value, "start": s, "end": e - 1} for s, e, label in spans]


@settings(max_examples=300, deadline=None)
@given(cases())
def test_strict_counts_agree_with_nervaluate(
    case: tuple[str, list[tuple[int, int, Label]], list[tuple[int, int, Label]]],
) -> None:
    text, key_triples, student = case
    key = [KeySpan(f"k{i}", s, e, lab, text[s:e]) for i, (s, e, lab) in enumerate(key_triples)]
    report = score(key, student, text)
    strict = Evaluator(
        [_entities(key_triples)], [_entities(student)], tags=TAGS, loader="dict"
    ).evaluate()["overall"]["strict"]
    assert report.correct == strict.correct
    assert strict.possible == len(key_triples)
    assert strict.actual == len(student)
    assert report.strict_precision == strict.precision
    assert report.strict_recall == strict.recall
    assert report.strict_f1 == strict.f1


def test_known_case_against_nervaluate() -> None:
    text = "x" * 30
    key_triples = [(0, 5, Label.CLAIM), (10, 15, Label.FACT), (20, 25, Label.SOURCING)]
    student = [(0, 5, Label.CLAIM), (10, 15, Label.CLAIM), (21, 25, Label.SOURCING)]
    key = [KeySpan(f"k{i}", s, e, lab, text[s:e]) for i, (s, e, lab) in enumerate(key_triples)]
    report = score(key, student, text)
    strict = Evaluator(
        [_entities(key_triples)], [_entities(student)], tags=TAGS, loader="dict"
    ).evaluate()["overall"]["strict"]
    assert (strict.correct, strict.incorrect) == (1, 2)
    assert (report.correct, report.wrong_label, report.partial) == (1, 1, 1)
    assert report.strict_precision == strict.precision == 1 / 3
