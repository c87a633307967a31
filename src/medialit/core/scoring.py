"""Scoring a student's labels against the teacher's key, exactly as `scoring.md` defines it.

Every number a teacher sees or exports comes from here, so this module is pure
and deterministic: no I/O, no clock, no randomness, and the same spans in any
order give the same report.

How (and why this way): a class of 30 students re-scored on every key edit,
or 10,000 submissions from `medialit score`, must be instant, so nothing works
per character. The key is prepared once (`Scorer`): key spans trimmed, and for
each label `l` the set `V(l)` stored as sorted disjoint intervals. Per
submission the student's spans are trimmed, merged per label into sorted
disjoint intervals, and every measure is interval arithmetic found by bisection:
O((n + m) log m) for n key spans and m student spans, plus the overlapping pairs.

Architecture invariant: no PySide6, no Store, no files; offsets are code points
into canonical text (`medialit.core.text.canonicalize`).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from medialit.core.errors import InvalidSpanError, UnscorableKeyError
from medialit.core.model import LABELS, KeySpan, Label, Span
from medialit.core.text import is_trimmable

SpanLike = Span | tuple[int, int, Label]
"""A student span: a `Span` (id, quote and note reach the details) or a bare (start, end, label)."""

NONE = "none"
CONFUSION_AXIS: tuple[str, ...] = (*(label.value for label in LABELS), NONE)
"""Rows (key primary label) and columns (student label) of `ScoreReport.confusion`."""

_NL = len(LABELS)
_NONE_INDEX = _NL
# Label is a str Enum whose hash is its value's, so one dict serves members and plain strings.
_LABEL_INDEX: dict[object, int] = {label: i for i, label in enumerate(LABELS)}


def round_half_up(value: float, digits: int) -> float:
    """Round to `digits` decimals with halves going up (41.25 -> 41.3, 41.5584 -> 41.6).

    Python's round() rounds halves to even *and* sees the binary float, so an
    exact half such as 33/80 = 0.4125 (stored as 0.41249999...) would become
    41.2. Every figure here is >= 0 and a ratio of small integers, so a true
    half can only be off by float noise (~1e-13 after scaling); the 1e-9 nudge
    absorbs that noise and is far smaller than any real difference.
    """
    factor = 10.0**digits
    return math.floor(value * factor + 0.5 + 1e-9) / factor


def f1_of(precision: float, recall: float) -> float:
    """Harmonic mean; 0 when both are 0 (scoring.md)."""
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


class OutcomeKind(str, Enum):
    """What a student sees for each key span or stray span (scoring.md, Outcomes)."""

    CORRECT = "correct"
    PARTIAL = "partial"
    WRONG_LABEL = "wrong_label"
    MISSED = "missed"
    SPURIOUS = "spurious"
    BONUS = "bonus"


@dataclass(frozen=True, slots=True)
class ScoredKeySpan:
    """A key span with its trimmed scoring boundaries; `key` is the teacher's span unchanged."""

    key: KeySpan
    start: int
    end: int
    quote: str

    @property
    def label(self) -> Label:
        return self.key.label

    @property
    def optional(self) -> bool:
        return self.key.optional

    @property
    def accepted(self) -> frozenset[Label]:
        return self.key.accepted


@dataclass(frozen=True, slots=True)
class ScoredSpan:
    """A student span as scored: trimmed, and merged with same-label spans it overlaps or touches.

    `ids` are the student's span ids that went into it (empty for bare tuples),
    `note` their notes joined, so review and details can still point at them.
    """

    start: int
    end: int
    label: Label
    quote: str
    ids: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One line of feedback.

    `key` is None for spurious spans; `student` is the student span named by
    the outcome (for `correct` the exact match, otherwise the one with the
    largest overlap, ties to the earliest start, then label order), None for
    `missed`. `coverage` is coverage(k) for key outcomes, None for spurious.
    """

    kind: OutcomeKind
    key: ScoredKeySpan | None
    student: ScoredSpan | None
    coverage: float | None


@dataclass(frozen=True, slots=True)
class LabelFigures:
    """Per-label precision, recall, F1; None where scoring.md says the cell is empty."""

    label: Label
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class ScoreReport:
    """Everything scoring.md defines for one submission. Ratios are unrounded; `score` is
    round(100 * f1, 1) with halves up (`round_half_up`)."""

    precision: float
    recall: float
    f1: float
    score: float
    strict_precision: float
    strict_recall: float
    strict_f1: float
    correct: int
    partial: int
    wrong_label: int
    missed: int
    spurious: int
    bonus: int
    labels: tuple[LabelFigures, ...]
    """One entry per label, in LABELS order."""
    confusion: tuple[tuple[int, ...], ...]
    """Counts indexed [key label][student label] along CONFUSION_AXIS (with `none`)."""
    outcomes: tuple[Outcome, ...]
    """In text order: one per required key span, one per bonus, one per spurious span."""
    spans: tuple[ScoredSpan, ...]
    """The student's spans as scored (trimmed, merged), sorted by (start, end, label)."""

    def for_label(self, label: Label) -> LabelFigures:
        return self.labels[_LABEL_INDEX[label]]

    def confusion_count(self, key_label: Label | None, student_label: Label | None) -> int:
        """Pairs with this key/student label; None stands for the `none` row or column."""
        row = _NONE_INDEX if key_label is None else _LABEL_INDEX[key_label]
        col = _NONE_INDEX if student_label is None else _LABEL_INDEX[student_label]
        return self.confusion[row][col]


def _measure(starts: list[int], ends: list[int], s: int, e: int) -> int:
    """|[s, e) ∩ U| for U given as sorted disjoint intervals (starts[i], ends[i])."""
    j = bisect_right(ends, s)
    total = 0
    n = len(starts)
    while j < n and starts[j] < e:
        a = starts[j]
        b = ends[j]
        total += (b if b < e else e) - (a if a > s else s)
        j += 1
    return total


def _union_length(pieces: list[tuple[int, int]]) -> int:
    """Length of the union of intervals (used only where a key accepts several labels)."""
    pieces.sort()
    total = 0
    cur_s, cur_e = pieces[0]
    for s, e in pieces[1:]:
        if s > cur_e:
            total += cur_e - cur_s
            cur_s, cur_e = s, e
        elif e > cur_e:
            cur_e = e
    return total + cur_e - cur_s


def _merge(intervals: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted disjoint (starts, ends) of a union; touching intervals become one."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(intervals):
        if ends and s <= ends[-1]:
            if e > ends[-1]:
                ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _mean(total: float, count: int) -> float | None:
    return total / count if count else None


class Scorer:
    """One key prepared for scoring many submissions against the same text.

    Raises UnscorableKeyError when no required key span is left after trimming,
    and InvalidSpanError when a key span lies outside the text.
    """

    __slots__ = (
        "_exact",
        "_kdata",
        "_required_by_label",
        "_trim_chars",
        "_v_ends",
        "_v_starts",
        "keys",
        "text",
    )

    def __init__(self, key: Iterable[KeySpan], text: str) -> None:
        self.text = text
        self._trim_chars = trim_chars(text)
        scored: list[ScoredKeySpan] = []
        for k in key:
            _check_range(k.start, k.end, len(text), "key span")
            s, e = self._trim(k.start, k.end)
            if s < e:  # a key span of only punctuation/space has nothing to score
                scored.append(ScoredKeySpan(k, s, e, text[s:e]))
        scored.sort(key=lambda sk: (sk.start, sk.end, _LABEL_INDEX[sk.key.label]))
        if not any(not sk.key.optional for sk in scored):
            raise UnscorableKeyError("the key has no required span, so it cannot be scored")
        self.keys: tuple[ScoredKeySpan, ...] = tuple(scored)
        # Per key: (start, end, primary label index, accepted-label bit mask, optional).
        self._kdata: list[tuple[int, int, int, int, bool]] = []
        accept: list[list[tuple[int, int]]] = [[] for _ in LABELS]
        self._exact: dict[tuple[int, int], int] = {}
        self._required_by_label: list[int] = [0] * _NL
        for sk in scored:
            mask = 0
            for label in sk.key.accepted:
                li = _LABEL_INDEX[label]
                mask |= 1 << li
                accept[li].append((sk.start, sk.end))
            self._exact[sk.start, sk.end] = self._exact.get((sk.start, sk.end), 0) | mask
            primary = _LABEL_INDEX[sk.key.label]
            self._kdata.append((sk.start, sk.end, primary, mask, sk.key.optional))
            if not sk.key.optional:
                self._required_by_label[primary] += 1
        self._v_starts: list[list[int]] = []
        self._v_ends: list[list[int]] = []
        for intervals in accept:
            starts, ends = _merge(intervals)
            self._v_starts.append(starts)
            self._v_ends.append(ends)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text, chars = self.text, self._trim_chars
        while start < end and text[start] in chars:
            start += 1
        while end > start and text[end - 1] in chars:
            end -= 1
        return start, end

    def normalize(self, spans: Iterable[SpanLike]) -> tuple[ScoredSpan, ...]:
        """The spans as scored: trimmed, empty ones dropped, same-label neighbours merged."""
        items, merged = _normalize(spans, self.text, self._trim_chars)
        return _scored_spans(items, merged, self.text)[1]

    def score(self, spans: Iterable[SpanLike]) -> ScoreReport:
        """Score one student's spans (any order, overlapping freely) against the key."""
        items, merged = _normalize(spans, self.text, self._trim_chars)
        starts = [[m[0] for m in group] for group in merged]
        ends = [[m[1] for m in group] for group in merged]
        present = [li for li in range(_NL) if merged[li]]

        # Precision side: support(s) per student span, and exact matches for strict precision.
        support_sum = [0.0] * _NL
        span_count = [len(group) for group in merged]
        strict_hits = 0
        exact = self._exact
        for li in present:
            vs, ve = self._v_starts[li], self._v_ends[li]
            bit = 1 << li
            total = 0.0
            for s, e, _ in merged[li]:
                total += _measure(vs, ve, s, e) / (e - s)
                if exact.get((s, e), 0) & bit:
                    strict_hits += 1
            support_sum[li] = total

        # Recall side: every overlapping (key span, student span) pair, found by bisection.
        confusion = [[0] * (_NL + 1) for _ in range(_NL + 1)]
        touched = [[False] * len(group) for group in merged]
        coverage_sum = [0.0] * _NL
        strict_recalled = 0
        counts = [0] * 6  # correct, partial, wrong_label, missed, bonus, spurious
        key_outcomes: list[tuple[int, int, int, int, float]] = []  # (key i, kind, label, j, cov)
        for ki, (ks, ke, kl, mask, optional) in enumerate(self._kdata):
            acc_best = -1  # overlap of the best accepted-label span so far
            acc_li = acc_j = -1
            acc_s = 0
            oth_best = -1
            oth_li = oth_j = -1
            oth_s = 0
            exact_li = exact_j = -1
            covered = 0
            pieces: list[tuple[int, int]] | None = None
            multi = mask & (mask - 1) != 0
            row = confusion[kl]
            for li in present:
                st = starts[li]
                en = ends[li]
                j = bisect_right(en, ks)
                n = len(st)
                accepted = mask >> li & 1
                while j < n and st[j] < ke:
                    s = st[j]
                    e = en[j]
                    lo = s if s > ks else ks
                    hi = e if e < ke else ke
                    ov = hi - lo
                    row[li] += 1
                    touched[li][j] = True
                    if accepted:
                        if s == ks and e == ke and exact_li < 0:  # ties: label order
                            exact_li, exact_j = li, j
                        if multi:
                            if pieces is None:
                                pieces = []
                            pieces.append((lo, hi))
                        else:
                            covered += ov
                        if ov > acc_best or (ov == acc_best and s < acc_s):
                            acc_best, acc_li, acc_j, acc_s = ov, li, j, s
                    elif ov > oth_best or (ov == oth_best and s < oth_s):
                        oth_best, oth_li, oth_j, oth_s = ov, li, j, s
                    j += 1
            if pieces:
                covered = _union_length(pieces)
            coverage = covered / (ke - ks)
            if optional:
                if acc_li >= 0:
                    counts[4] += 1
                    key_outcomes.append((ki, 4, acc_li, acc_j, coverage))
                continue
            coverage_sum[kl] += coverage
            if exact_li >= 0:
                strict_recalled += 1
                counts[0] += 1
                key_outcomes.append((ki, 0, exact_li, exact_j, coverage))
            elif acc_li >= 0:
                counts[1] += 1
                key_outcomes.append((ki, 1, acc_li, acc_j, coverage))
            elif oth_li >= 0:
                counts[2] += 1
                key_outcomes.append((ki, 2, oth_li, oth_j, coverage))
            else:
                counts[3] += 1
                row[_NONE_INDEX] += 1
                key_outcomes.append((ki, 3, -1, -1, coverage))

        spurious: list[tuple[int, int]] = []
        none_row = confusion[_NONE_INDEX]
        for li in present:
            for j, hit in enumerate(touched[li]):
                if not hit:
                    none_row[li] += 1
                    spurious.append((li, j))
        counts[5] = len(spurious)

        required = sum(self._required_by_label)
        total_spans = sum(span_count)
        recall = sum(coverage_sum) / required
        precision = sum(support_sum) / total_spans if total_spans else 0.0
        f1 = f1_of(precision, recall)
        strict_precision = strict_hits / total_spans if total_spans else 0.0
        strict_recall = strict_recalled / required

        labels = []
        for li, label in enumerate(LABELS):
            lp = _mean(support_sum[li], span_count[li])
            lr = _mean(coverage_sum[li], self._required_by_label[li])
            lf: float | None
            if lr is None:
                lf = None
            elif lp is None:
                lf = 0.0
            else:
                lf = f1_of(lp, lr)
            labels.append(LabelFigures(label, lp, lr, lf))

        # Materialise the spans and outcomes (the parts a person reads).
        scored, all_spans = _scored_spans(items, merged, self.text)
        kinds = _KEY_KINDS
        placed: list[tuple[int, int, Outcome]] = []
        for ki, kind, li, j, coverage in key_outcomes:
            sk = self.keys[ki]
            student = scored[li, j] if li >= 0 else None
            placed.append((sk.start, sk.end, Outcome(kinds[kind], sk, student, coverage)))
        for li, j in spurious:
            sp = scored[li, j]
            placed.append((sp.start, sp.end, Outcome(OutcomeKind.SPURIOUS, None, sp, None)))
        placed.sort(key=lambda item: (item[0], item[1]))

        return ScoreReport(
            precision=precision,
            recall=recall,
            f1=f1,
            score=round_half_up(100 * f1, 1),
            strict_precision=strict_precision,
            strict_recall=strict_recall,
            strict_f1=f1_of(strict_precision, strict_recall),
            correct=counts[0],
            partial=counts[1],
            wrong_label=counts[2],
            missed=counts[3],
            spurious=counts[5],
            bonus=counts[4],
            labels=tuple(labels),
            confusion=tuple(tuple(r) for r in confusion),
            outcomes=tuple(item[2] for item in placed),
            spans=all_spans,
        )


_KEY_KINDS = (
    OutcomeKind.CORRECT,
    OutcomeKind.PARTIAL,
    OutcomeKind.WRONG_LABEL,
    OutcomeKind.MISSED,
    OutcomeKind.BONUS,
)


def _check_range(start: object, end: object, length: int, what: str) -> None:
    for name, value in (("start", start), ("end", end)):
        if type(value) is not int:
            raise InvalidSpanError(f"{what} {name} must be an integer, not {value!r}")
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start < end <= length:
        raise InvalidSpanError(
            f"{what} [{start}, {end}) is outside the article (0..{length}) or empty"
        )


def score(key: Iterable[KeySpan], spans: Iterable[SpanLike], text: str) -> ScoreReport:
    """Score one student's spans against `key` on canonical `text` (scoring.md, exactly).

    Raises UnscorableKeyError for a key without a required span and
    InvalidSpanError for offsets outside the text. To score many submissions
    against one key, build a `Scorer` once and call its `score`.
    """
    return Scorer(key, text).score(spans)


def normalize_spans(spans: Iterable[SpanLike], text: str) -> tuple[ScoredSpan, ...]:
    """Trim and merge spans the way scoring does (scoring.md, Normalising a span)."""
    items, merged = _normalize(spans, text, trim_chars(text))
    return _scored_spans(items, merged, text)[1]


def trim_chars(text: str) -> frozenset[str]:
    """The characters of `text` that trimming removes from span edges.

    Trimming asks "whitespace or punctuation?" at every span edge; answering once
    per distinct character turns each question into a set lookup.
    """
    return frozenset(ch for ch in set(text) if is_trimmable(ch))


def _normalize(
    spans: Iterable[SpanLike], text: str, chars: frozenset[str]
) -> tuple[list[SpanLike], list[list[tuple[int, int, list[int]]]]]:
    """Validated, trimmed, merged spans: per label index, sorted disjoint (start, end, members).

    `members` are indexes into the returned item list, for ids and notes.
    """
    items = spans if isinstance(spans, list) else list(spans)
    n = len(text)
    index = _LABEL_INDEX
    grouped: list[list[tuple[int, int, int]]] = [[] for _ in range(_NL)]
    for i, item in enumerate(items):
        if isinstance(item, tuple):
            s, e, label = item
        else:
            s, e, label = item.start, item.end, item.label
        if type(s) is not int or type(e) is not int or not 0 <= s < e <= n:
            _check_range(s, e, n, "span")
        li = index.get(label)
        if li is None:
            raise InvalidSpanError(f"unknown label {label!r}")
        while s < e and text[s] in chars:
            s += 1
        while e > s and text[e - 1] in chars:
            e -= 1
        if s < e:  # a span that trims to nothing is dropped
            grouped[li].append((s, e, i))
    merged: list[list[tuple[int, int, list[int]]]] = [[] for _ in range(_NL)]
    for li, group in enumerate(grouped):
        if not group:
            continue
        group.sort()
        out = merged[li]
        cs, ce, first = group[0]
        members = [first]
        for s, e, i in group[1:]:
            if s <= ce:  # overlap or touch: one span (scoring.md, Merge)
                if e > ce:
                    ce = e
                members.append(i)
            else:
                out.append((cs, ce, members))
                cs, ce, members = s, e, [i]
        out.append((cs, ce, members))
    return items, merged


def _scored_spans(
    items: list[SpanLike], merged: list[list[tuple[int, int, list[int]]]], text: str
) -> tuple[dict[tuple[int, int], ScoredSpan], tuple[ScoredSpan, ...]]:
    """ScoredSpan objects by (label index, position), and all of them in text order."""
    by_pos: dict[tuple[int, int], ScoredSpan] = {}
    order: list[tuple[int, int, int, ScoredSpan]] = []
    for li, group in enumerate(merged):
        for j, (s, e, members) in enumerate(group):
            ids: list[str] = []
            notes: list[str] = []
            originals = [item for i in members if isinstance(item := items[i], Span)]
            if len(originals) > 1:  # in text order whatever the input order, so reports compare
                originals.sort(key=lambda sp: (sp.start, sp.end, sp.id, sp.note))
            for original in originals:
                ids.append(original.id)
                if original.note and original.note not in notes:
                    notes.append(original.note)
            span = ScoredSpan(s, e, LABELS[li], text[s:e], tuple(ids), " / ".join(notes))
            by_pos[li, j] = span
            order.append((s, e, li, span))
    order.sort(key=lambda item: item[:3])
    return by_pos, tuple(item[3] for item in order)
