"""Properties of scoring, and an oracle: scoring.md (outcomes version 2) transcribed literally.

The scorer works on merged intervals for speed; the oracle below is the
definitions word for word (sets of character positions), slow and obviously
right. Hypothesis checks that they agree on every figure and outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from medialit.core.model import LABELS, KeySpan, Label, Span, SpanId
from medialit.core.scoring import (
    CONFUSION_AXIS,
    OutcomeKind,
    ScoreReport,
    normalize_spans,
    round_half_up,
    score,
)
from medialit.core.text import is_trimmable

# Letters, spaces, punctuation (trimmed) and symbols (kept), including non-ASCII ones.
ALPHABET = "abcé  .,\"'()-%$€+\n\u00a0«»"

Triple = tuple[int, int, Label]


@st.composite
def texts(draw: st.DrawFn) -> str:
    return draw(st.text(alphabet=ALPHABET, min_size=1, max_size=40))


def _range(draw: st.DrawFn, n: int) -> tuple[int, int]:
    start = draw(st.integers(0, n - 1))
    end = draw(st.integers(start + 1, n))
    return start, end


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, list[KeySpan], list[Triple]]:
    """A text, a valid key (same-label spans never overlap, one required span) and spans."""
    text = draw(texts())
    n = len(text)
    key: list[KeySpan] = []
    for i in range(draw(st.integers(1, 6))):
        start, end = _range(draw, n)
        label = draw(st.sampled_from(LABELS))
        if any(k.label is label and k.start < end and start < k.end for k in key):
            continue  # the key editor refuses same-label overlaps
        also = draw(st.frozensets(st.sampled_from(LABELS), max_size=2)) - {label}
        optional = draw(st.booleans()) if key else False
        key.append(KeySpan(f"k{i}", start, end, label, text[start:end], also, optional))
    assume(any(not k.optional and _nonempty(text, k.start, k.end) for k in key))
    spans = [
        (*_range(draw, n), draw(st.sampled_from(LABELS))) for _ in range(draw(st.integers(0, 8)))
    ]
    return text, key, spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and is_trimmable(text[start]):
        start += 1
    while end > start and is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def _nonempty(text: str, start: int, end: int) -> bool:
    s, e = _trim(text, start, end)
    return s < e


# --- the oracle: scoring.md, literally --------------------------------------------------


def oracle(key: Sequence[KeySpan], spans: Sequence[Triple], text: str) -> dict[str, object]:
    keys = []
    for k in key:
        s, e = _trim(text, k.start, k.end)
        if s < e:
            keys.append((s, e, k))
    keys.sort(key=lambda item: (item[0], item[1], LABELS.index(item[2].label)))
    # Student spans: trim, drop empty, merge same-label spans that overlap or touch. The union
    # of half-open intervals, cut into maximal runs of consecutive positions, is exactly that.
    student: list[tuple[int, int, Label]] = []
    for label in LABELS:
        chars: set[int] = set()
        for s, e, lab in spans:
            ts, te = _trim(text, s, e)
            if lab is label and ts < te:
                chars |= set(range(ts, te))
        for pos in sorted(chars):
            if student and student[-1][2] is label and student[-1][1] == pos:
                student[-1] = (student[-1][0], pos + 1, label)
            else:
                student.append((pos, pos + 1, label))

    def u(labels: frozenset[Label]) -> set[int]:
        return {p for s, e, lab in student if lab in labels for p in range(s, e)}

    def v(label: Label) -> set[int]:
        return {p for s, e, k in keys if label in k.accepted for p in range(s, e)}

    def coverage(s: int, e: int, k: KeySpan) -> float:
        return len(set(range(s, e)) & u(k.accepted)) / (e - s)

    def support(s: int, e: int, label: Label) -> float:
        return len(set(range(s, e)) & v(label)) / (e - s)

    def mean(values: list[float]) -> float | None:
        return sum(values) / len(values) if values else None

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    required = [(s, e, k) for s, e, k in keys if not k.optional]
    recall = mean([coverage(s, e, k) for s, e, k in required]) or 0.0
    precision = mean([support(s, e, lab) for s, e, lab in student]) or 0.0

    def exact(ss: int, se: int, lab: Label, s: int, e: int, k: KeySpan) -> bool:
        return (ss, se) == (s, e) and lab in k.accepted

    def overlaps(ss: int, se: int, s: int, e: int) -> bool:
        return ss < e and s < se

    strict_r = sum(any(exact(*st_, s, e, k) for st_ in student) for s, e, k in required)
    strict_p = sum(any(exact(*st_, s, e, k) for s, e, k in keys) for st_ in student)
    strict_precision = strict_p / len(student) if student else 0.0
    strict_recall = strict_r / len(required)

    def named(s: int, e: int, candidates: list[tuple[int, int, Label]]) -> tuple[int, int, Label]:
        return max(
            candidates,
            key=lambda c: (min(c[1], e) - max(c[0], s), -c[0], -LABELS.index(c[2])),
        )

    def half(c: tuple[int, int, Label], s: int, e: int) -> bool:
        """Outcomes v2: one span covers at least half of the key span."""
        return 2 * (min(c[1], e) - max(c[0], s)) >= e - s

    outcomes = []
    for s, e, k in keys:
        touching = [c for c in student if overlaps(c[0], c[1], s, e)]
        accepted = [c for c in touching if c[2] in k.accepted]
        exacts = [c for c in accepted if (c[0], c[1]) == (s, e)]
        attempts = [c for c in touching if c[2] not in k.accepted and half(c, s, e)]
        if k.optional:
            if accepted:
                outcomes.append((s, e, "bonus", k.id, named(s, e, accepted)))
            continue
        if exacts:
            outcomes.append((s, e, "correct", k.id, exacts[0]))
        elif accepted:
            outcomes.append((s, e, "partial", k.id, named(s, e, accepted)))
        elif attempts:
            outcomes.append((s, e, "wrong_label", k.id, named(s, e, attempts)))
        else:
            outcomes.append((s, e, "missed", k.id, None))
    for c in student:
        supported = any(overlaps(c[0], c[1], s, e) for s, e, k in keys if c[2] in k.accepted)
        if not supported and not any(half(c, s, e) for s, e, _ in keys):
            outcomes.append((c[0], c[1], "spurious", None, c))
    outcomes.sort(key=lambda o: (o[0], o[1]))

    # Each required key span once (row its label, column its named span's label or none),
    # each spurious span once (row none, column its label).
    confusion = {(a, b): 0 for a in CONFUSION_AXIS for b in CONFUSION_AXIS}
    labels_of = {k.id: k.label.value for _, _, k in keys}
    for o in outcomes:
        if o[2] == "spurious":
            confusion["none", o[4][2].value] += 1  # type: ignore[index]
        elif o[2] != "bonus":
            column = "none" if o[4] is None else o[4][2].value  # type: ignore[index]
            confusion[labels_of[o[3]], column] += 1  # type: ignore[index]

    per_label = {}
    for label in LABELS:
        r_l = [coverage(s, e, k) for s, e, k in required if k.label is label]
        s_l = [support(s, e, lab) for s, e, lab in student if lab is label]
        lp, lr = mean(s_l), mean(r_l)
        lf = None if lr is None else 0.0 if lp is None else f1(lp, lr)
        per_label[label] = (lp, lr, lf)

    return {
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "score": round_half_up(100 * f1(precision, recall), 1),
        "strict": (strict_precision, strict_recall, f1(strict_precision, strict_recall)),
        "per_label": per_label,
        "outcomes": [(o[2], o[3], o[4]) for o in outcomes],
        "confusion": confusion,
    }


def _approx(value: float | None) -> object:
    return None if value is None else pytest.approx(value, abs=1e-12)


@settings(max_examples=400, deadline=None)
@given(cases())
def test_scorer_agrees_with_the_oracle(case: tuple[str, list[KeySpan], list[Triple]]) -> None:
    text, key, spans = case
    report = score(key, spans, text)
    want = oracle(key, spans, text)
    assert report.precision == _approx(want["precision"])  # type: ignore[arg-type]
    assert report.recall == _approx(want["recall"])  # type: ignore[arg-type]
    assert report.f1 == _approx(want["f1"])  # type: ignore[arg-type]
    assert report.score == want["score"]
    strict = (report.strict_precision, report.strict_recall, report.strict_f1)
    assert strict == pytest.approx(want["strict"])
    per_label = want["per_label"]
    assert isinstance(per_label, dict)
    for figures in report.labels:
        p, r, f = per_label[figures.label]
        assert (figures.precision, figures.recall, figures.f1) == (
            _approx(p),
            _approx(r),
            _approx(f),
        )
    got_outcomes = [
        (
            o.kind.value,
            o.key.key.id if o.key else None,
            (o.student.start, o.student.end, o.student.label) if o.student else None,
        )
        for o in report.outcomes
    ]
    assert got_outcomes == want["outcomes"]
    confusion = want["confusion"]
    assert isinstance(confusion, dict)
    for (a, b), count in confusion.items():
        row, col = CONFUSION_AXIS.index(a), CONFUSION_AXIS.index(b)
        assert report.confusion[row][col] == count, (a, b)


def _ratios(report: ScoreReport) -> list[float]:
    values = [
        report.precision,
        report.recall,
        report.f1,
        report.strict_precision,
        report.strict_recall,
        report.strict_f1,
    ]
    values += [o.coverage for o in report.outcomes if o.coverage is not None]
    for figures in report.labels:
        values += [v for v in (figures.precision, figures.recall, figures.f1) if v is not None]
    return values


@settings(max_examples=300, deadline=None)
@given(cases())
def test_every_ratio_is_between_0_and_1(case: tuple[str, list[KeySpan], list[Triple]]) -> None:
    report = score(case[1], case[2], case[0])
    assert all(0.0 <= value <= 1.0 for value in _ratios(report))
    assert 0.0 <= report.score <= 100.0


@settings(max_examples=200, deadline=None)
@given(cases())
def test_copying_the_key_scores_100(case: tuple[str, list[KeySpan], list[Triple]]) -> None:
    text, key, _ = case
    report = score(key, [(k.start, k.end, k.label) for k in key], text)
    assert report.score == 100.0
    assert report.f1 == 1.0


@settings(max_examples=200, deadline=None)
@given(cases())
def test_no_spans_scores_0(case: tuple[str, list[KeySpan], list[Triple]]) -> None:
    text, key, _ = case
    report = score(key, [], text)
    assert (report.score, report.precision, report.recall, report.strict_f1) == (0, 0, 0, 0)
    assert {o.kind for o in report.outcomes} == {OutcomeKind.MISSED}


@settings(max_examples=200, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_span_order_does_not_matter(
    case: tuple[str, list[KeySpan], list[Triple]], rnd: object
) -> None:
    text, key, triples = case
    spans = [
        Span(SpanId(f"s{i}"), s, e, label, text[s:e], note=f"n{i % 2}")
        for i, (s, e, label) in enumerate(triples)
    ]
    shuffled_spans, shuffled_key = spans[:], key[:]
    rnd.shuffle(shuffled_spans)  # type: ignore[attr-defined]
    rnd.shuffle(shuffled_key)  # type: ignore[attr-defined]
    assert score(shuffled_key, shuffled_spans, text) == score(key, spans, text)


@st.composite
def edge_changes(draw: st.DrawFn) -> tuple[str, list[KeySpan], list[Triple], list[Triple]]:
    """A case plus the same student spans grown or shrunk over edge whitespace/punctuation."""
    text, key, spans = draw(cases())
    changed = []
    for s, e, label in spans:
        ts, te = _trim(text, s, e)
        if ts == te:
            continue  # dropped either way
        grow_left = ts
        while grow_left > 0 and is_trimmable(text[grow_left - 1]):
            grow_left -= 1
        grow_right = te
        while grow_right < len(text) and is_trimmable(text[grow_right]):
            grow_right += 1
        changed.append((draw(st.integers(grow_left, ts)), draw(st.integers(te, grow_right)), label))
    return text, key, [sp for sp in spans if _nonempty(text, sp[0], sp[1])], changed


@settings(max_examples=300, deadline=None)
@given(edge_changes())
def test_whitespace_and_punctuation_at_edges_change_nothing(
    case: tuple[str, list[KeySpan], list[Triple], list[Triple]],
) -> None:
    text, key, spans, changed = case
    assert score(key, changed, text) == score(key, spans, text)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_key_edges_trimmed_give_the_same_figures(
    case: tuple[str, list[KeySpan], list[Triple]],
) -> None:
    text, key, spans = case
    trimmed = []
    for k in key:
        s, e = _trim(text, k.start, k.end)
        if s < e:
            trimmed.append(KeySpan(k.id, s, e, k.label, text[s:e], k.also_accept, k.optional))
    a, b = score(key, spans, text), score(trimmed, spans, text)
    assert (a.precision, a.recall, a.strict_f1, a.labels, a.confusion) == (
        b.precision,
        b.recall,
        b.strict_f1,
        b.labels,
        b.confusion,
    )
    assert [(o.kind, o.key and (o.key.start, o.key.end), o.student) for o in a.outcomes] == [
        (o.kind, o.key and (o.key.start, o.key.end), o.student) for o in b.outcomes
    ]


@settings(max_examples=300, deadline=None)
@given(cases())
def test_merging_twice_changes_nothing(case: tuple[str, list[KeySpan], list[Triple]]) -> None:
    text, key, spans = case
    once = normalize_spans(spans, text)
    twice = normalize_spans([(s.start, s.end, s.label) for s in once], text)
    assert twice == once
    assert score(key, [(s.start, s.end, s.label) for s in once], text) == score(key, spans, text)


@settings(max_examples=300, deadline=None)
@given(cases())
def test_every_required_key_span_gets_exactly_one_outcome(
    case: tuple[str, list[KeySpan], list[Triple]],
) -> None:
    text, key, spans = case
    report = score(key, spans, text)
    required = [k.id for k in key if not k.optional and _nonempty(text, k.start, k.end)]
    counted = {
        OutcomeKind.CORRECT,
        OutcomeKind.PARTIAL,
        OutcomeKind.WRONG_LABEL,
        OutcomeKind.MISSED,
    }
    named = sorted(o.key.key.id for o in report.outcomes if o.key and o.kind in counted)
    assert named == sorted(required)
    assert report.correct + report.partial + report.wrong_label + report.missed == len(required)
    assert all(o.key and o.key.optional for o in report.outcomes if o.kind is OutcomeKind.BONUS)
    assert report.spurious == sum(o.kind is OutcomeKind.SPURIOUS for o in report.outcomes)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_details_false_leaves_out_only_outcomes_and_spans(
    case: tuple[str, list[KeySpan], list[Triple]],
) -> None:
    text, key, spans = case
    full = score(key, spans, text)
    assert score(key, spans, text, details=False) == replace(full, outcomes=(), spans=())
