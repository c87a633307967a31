"""Scoring a student's labels against the teacher's key, exactly as `scoring.md` defines it.

Every number a teacher sees or exports comes from here, so this module is pure
and deterministic: no I/O, no clock, no randomness, and the same spans in any
order give the same report.

How (and why this way): a class of 30 students re-scored on every key edit,
or 10,000 submissions from `medialit score`, must be instant, so nothing works
per character. The key and text are prepared once (`Scorer`): trimming becomes
two table lookups, key spans are sorted with a running maximum of their ends,
and each `V(l)` is a list of sorted disjoint intervals. Per submission the
student's spans are trimmed and merged per label into sorted disjoint
intervals; one pass over them finds every overlapping (key, student) pair by
bisection, and every measure is interval arithmetic on those pairs:
O(m log n + n + pairs) for n key spans and m student spans.

`score()` prepares the key on every call (O(len(text))); to score many
submissions against one key, make one `Scorer`. `details=False` skips building
the outcome and span objects, which is most of the cost, for callers that need
only the figures (results.csv). Rounding: `score` rounds halves up
(`round_half_up`), not to even.

Outcomes are scoring.md's version 2: a span of another label is an attempt at a
key span (`wrong_label`, and not `spurious`) only when that one span covers at
least half of it; the confusion matrix counts each required key span once, by
the label of the span its outcome names, and each spurious span once.

Architecture invariant: no PySide6, no Store, no files; offsets are code points
into canonical text (`medialit.core.text.canonicalize`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

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
    """One line of feedback (scoring.md, Outcomes version 2).

    `key` is None for spurious spans; `student` is the student span named by
    the outcome (for `correct` the exact match; for `partial` and `bonus` the
    accepted-label span with the largest overlap; for `wrong_label` the
    largest of the other-label spans covering at least half of the key span;
    ties to the earliest start, then label order), None for `missed`.
    `coverage` is coverage(k) for key outcomes, None for spurious.
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
    """Counts indexed [key label][student label] along CONFUSION_AXIS (with `none`): each
    required key span once (column: its named span's label, `none` when missed), each
    spurious span once (row `none`)."""
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


def trim_tables(text: str) -> tuple[list[int], list[int]]:
    """Trimming as two lookups: `left[s]` is where a span starting at s really starts,
    `right[e]` where one ending at e really ends (scoring.md, Trim).

    Spans that trim to nothing come out with left[s] >= right[e]. Built once per
    text in O(len(text)), asking "whitespace or punctuation?" once per distinct
    character; afterwards trimming a span costs two list indexings.
    """
    n = len(text)
    trimmable = frozenset(ch for ch in set(text) if is_trimmable(ch))
    left = [n] * (n + 1)
    nearest = n
    for i in range(n - 1, -1, -1):
        if text[i] not in trimmable:
            nearest = i
        left[i] = nearest
    right = [0] * (n + 1)
    nearest = 0
    for i in range(1, n + 1):
        if text[i - 1] not in trimmable:
            nearest = i
        right[i] = nearest
    return left, right


Merged = list[list[tuple[int, int, list[int]]]]
"""Per label index, the student's sorted disjoint spans (start, end, indexes of the inputs)."""


def _normalize(
    spans: Iterable[SpanLike], left: list[int], right: list[int]
) -> tuple[list[SpanLike], Merged]:
    """Validate, trim, drop empty spans and merge same-label spans that overlap or touch."""
    items = spans if isinstance(spans, list) else list(spans)
    n = len(left) - 1
    trimmed = _trim_fast(items, n, left, right)
    if trimmed is None:
        trimmed = _trim_careful(items, n, left, right)
    grouped: list[list[tuple[int, int, int]]] = [[] for _ in range(_NL)]
    for s, e, li, i in trimmed:
        if s < e:  # a span that trims to nothing is dropped
            grouped[li].append((s, e, i))
    merged: Merged = [[] for _ in range(_NL)]
    for li, group in enumerate(grouped):
        if not group:
            continue
        if len(group) > 1:
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


def _trim_fast(
    items: list[SpanLike], n: int, left: list[int], right: list[int]
) -> list[tuple[int, int, int, int]] | None:
    """(start, end, label index, input index) of trimmed spans via comprehensions, or None
    when anything is unusual (mixed input, a bad offset or label): then `_trim_careful`."""
    rows: list[Any] = items  # checked below, as one expression per step
    try:
        if rows and not isinstance(rows[0], tuple):
            rows = [(sp.start, sp.end, sp.label) for sp in rows]
        index = _LABEL_INDEX
        out = [
            (left[s], right[e], index[lab], i)
            for i, (s, e, lab) in enumerate(rows)
            if type(s) is int and type(e) is int and 0 <= s < e <= n
        ]
        return out if len(out) == len(rows) else None
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _trim_careful(
    items: list[SpanLike], n: int, left: list[int], right: list[int]
) -> list[tuple[int, int, int, int]]:
    """Like `_trim_fast` item by item, raising InvalidSpanError for the first bad one."""
    out = []
    for i, item in enumerate(items):
        if isinstance(item, tuple):
            s, e, label = item
        else:
            s, e, label = item.start, item.end, item.label
        if type(s) is not int or type(e) is not int or not 0 <= s < e <= n:
            _check_range(s, e, n, "span")
        try:
            li = _LABEL_INDEX[label]
        except (KeyError, TypeError):
            raise InvalidSpanError(f"unknown label {label!r}") from None
        out.append((left[s], right[e], li, i))
    return out


def _scored_spans(
    items: list[SpanLike], merged: Merged, text: str
) -> tuple[dict[tuple[int, int], ScoredSpan], tuple[ScoredSpan, ...]]:
    """ScoredSpan objects by (label index, position), and all of them in text order."""
    by_pos: dict[tuple[int, int], ScoredSpan] = {}
    order: list[tuple[int, int, int, ScoredSpan]] = []
    plain = not any(isinstance(item, Span) for item in items)  # bare tuples: no ids or notes
    for li, group in enumerate(merged):
        label = LABELS[li]
        for j, (s, e, members) in enumerate(group):
            if plain:
                span = ScoredSpan(s, e, label, text[s:e])
            else:
                span = _with_ids_and_notes(items, members, s, e, label, text)
            by_pos[li, j] = span
            order.append((s, e, li, span))
    order.sort(key=lambda item: item[:3])
    return by_pos, tuple(item[3] for item in order)


def _with_ids_and_notes(
    items: list[SpanLike], members: list[int], s: int, e: int, label: Label, text: str
) -> ScoredSpan:
    ids: list[str] = []
    notes: list[str] = []
    originals = [item for i in members if isinstance(item := items[i], Span)]
    if len(originals) > 1:  # in text order whatever the input order, so reports compare
        originals.sort(key=lambda sp: (sp.start, sp.end, sp.id, sp.note))
    for original in originals:
        ids.append(original.id)
        if original.note and original.note not in notes:
            notes.append(original.note)
    return ScoredSpan(s, e, label, text[s:e], tuple(ids), " / ".join(notes))


class Scorer:
    """One key prepared for scoring many submissions against the same text.

    Raises UnscorableKeyError when no required key span is left after trimming,
    and InvalidSpanError when a key span lies outside the text.
    """

    __slots__ = (
        "_k_end",
        "_k_info",
        "_k_label",
        "_k_len",
        "_k_mask",
        "_k_multi",
        "_k_optional",
        "_k_reach",
        "_k_row",
        "_k_start",
        "_left",
        "_required",
        "_required_by_label",
        "_right",
        "_v_disjoint",
        "_v_ends",
        "_v_starts",
        "keys",
        "text",
    )

    def __init__(self, key: Iterable[KeySpan], text: str) -> None:
        self.text = text
        self._left, self._right = left, right = trim_tables(text)
        scored: list[ScoredKeySpan] = []
        for k in key:
            _check_range(k.start, k.end, len(text), "key span")
            s, e = left[k.start], right[k.end]
            if s < e:  # a key span of only punctuation/space has nothing to score
                scored.append(ScoredKeySpan(k, s, e, text[s:e]))
        scored.sort(key=lambda sk: (sk.start, sk.end, _LABEL_INDEX[sk.key.label]))
        if not any(not sk.key.optional for sk in scored):
            raise UnscorableKeyError("the key has no required span, so it cannot be scored")
        self.keys: tuple[ScoredKeySpan, ...] = tuple(scored)
        # Key spans as parallel lists, sorted by start; `reach` is the running maximum of
        # `end`, so the key spans that may overlap [s, e) are reach > s and start < e.
        self._k_start = [sk.start for sk in scored]
        self._k_end = [sk.end for sk in scored]
        self._k_len = [sk.end - sk.start for sk in scored]
        self._k_reach: list[int] = []
        for end in self._k_end:
            self._k_reach.append(max(end, self._k_reach[-1]) if self._k_reach else end)
        self._k_label = [_LABEL_INDEX[sk.key.label] for sk in scored]
        self._k_row = [(_NL + 1) * li for li in self._k_label]  # row offset in the confusion
        self._k_mask = [sum(1 << _LABEL_INDEX[lab] for lab in sk.key.accepted) for sk in scored]
        self._k_multi = [mask & (mask - 1) != 0 for mask in self._k_mask]
        self._k_optional = [sk.key.optional for sk in scored]
        self._k_info = list(
            zip(self._k_start, self._k_end, self._k_row, self._k_mask, self._k_multi, strict=True)
        )
        self._required = sum(not o for o in self._k_optional)
        self._required_by_label = [0] * _NL
        for li, optional in zip(self._k_label, self._k_optional, strict=True):
            if not optional:
                self._required_by_label[li] += 1
        # V(l): the characters of key spans accepting l, as sorted disjoint intervals. When
        # those key spans are themselves disjoint, support(s) is just the sum of overlaps.
        self._v_starts: list[list[int]] = []
        self._v_ends: list[list[int]] = []
        self._v_disjoint: list[bool] = []
        for li in range(_NL):
            intervals = [
                (sk.start, sk.end)
                for sk, mask in zip(scored, self._k_mask, strict=True)
                if mask >> li & 1
            ]
            starts, ends = _merge(intervals)
            self._v_starts.append(starts)
            self._v_ends.append(ends)
            union = sum(e - s for s, e in zip(starts, ends, strict=True))
            self._v_disjoint.append(union == sum(e - s for s, e in intervals))

    def normalize(self, spans: Iterable[SpanLike]) -> tuple[ScoredSpan, ...]:
        """The spans as scored: trimmed, empty ones dropped, same-label neighbours merged."""
        items, merged = _normalize(spans, self._left, self._right)
        return _scored_spans(items, merged, self.text)[1]

    def score(self, spans: Iterable[SpanLike], *, details: bool = True) -> ScoreReport:
        """Score one student's spans (any order, overlapping freely) against the key.

        With details=False the report's `outcomes` and `spans` are left empty
        (every figure, count and the confusion matrix are still there): building
        those objects is most of the cost, and results.csv does not need them.
        """
        items, merged = _normalize(spans, self._left, self._right)
        k_start, k_reach, k_len = self._k_start, self._k_reach, self._k_len
        k_info = self._k_info
        nk = len(k_start)
        covered = [0] * nk
        # Per key span, the student span each outcome would name (scoring.md, the named span),
        # as (overlap, start, label index, index in its label group): `exact` the first exact
        # match in label order, `accepted` the largest overlap with an accepted label,
        # `attempt` the largest overlap among other-label spans covering at least half of it.
        exact: list[tuple[int, int, int, int] | None] = [None] * nk
        accepted: list[tuple[int, int, int, int] | None] = [None] * nk
        attempt: list[tuple[int, int, int, int] | None] = [None] * nk
        pieces: dict[int, list[tuple[int, int]]] = {}  # keys accepting several labels
        support_sum = [0.0] * _NL
        span_count = [0] * _NL
        strict_hits = 0
        spurious: list[tuple[int, int, int]] = []

        # One pass over the student's spans finds every overlapping (key, student) pair by
        # bisection on the key; support(s), strict hits and spurious spans fall out of it.
        # Labels go in LABELS order and each label's spans by start, so a later pair with the
        # same overlap replaces the named span only when it starts earlier (ties: earliest
        # start, then label order).
        for li, group in enumerate(merged):
            if not group:
                continue
            span_count[li] = len(group)
            bit = 1 << li
            disjoint = self._v_disjoint[li]
            total = 0.0
            for j, (s, e, _) in enumerate(group):
                attempted = hit = False
                shared = 0
                for k in range(bisect_right(k_reach, s), bisect_left(k_start, e)):
                    ks, ke, _row, mask, multi = k_info[k]
                    if ke <= s:
                        continue
                    lo = ks if ks > s else s
                    hi = ke if ke < e else e
                    overlap = hi - lo
                    if mask & bit:
                        attempted = True
                        shared += overlap
                        if multi:
                            pieces.setdefault(k, []).append((lo, hi))
                        else:
                            covered[k] += overlap
                        if ks == s and ke == e:
                            hit = True
                            if exact[k] is None:
                                exact[k] = (overlap, s, li, j)
                        best = accepted[k]
                        if (
                            best is None
                            or overlap > best[0]
                            or (overlap == best[0] and s < best[1])
                        ):
                            accepted[k] = (overlap, s, li, j)
                    elif 2 * overlap >= k_len[k]:  # an attempt at k with another label
                        attempted = True
                        best = attempt[k]
                        if (
                            best is None
                            or overlap > best[0]
                            or (overlap == best[0] and s < best[1])
                        ):
                            attempt[k] = (overlap, s, li, j)
                if not attempted:
                    spurious.append((s, li, j))
                if hit:
                    strict_hits += 1
                if not disjoint:
                    shared = _measure(self._v_starts[li], self._v_ends[li], s, e)
                total += shared / (e - s)
            support_sum[li] = total

        # One pass over the key: coverage, the outcome of each key span and its named span;
        # the confusion matrix counts each required key span once, by its named span's label.
        width = _NL + 1
        confusion = [0] * (width * width)
        coverage_sum = [0.0] * _NL
        counts = [0] * 5  # correct, partial, wrong_label, missed, bonus (as in _KEY_KINDS)
        key_outcomes: list[tuple[int, int, float, tuple[int, int, int, int] | None]] = []
        k_label, k_optional, k_row = self._k_label, self._k_optional, self._k_row
        for k in range(nk):
            if k_optional[k]:
                named = accepted[k]
                if named is not None:
                    counts[4] += 1
                    if details:
                        got = _union_length(pieces[k]) if k in pieces else covered[k]
                        key_outcomes.append((k, 4, got / k_len[k], named))
                continue
            got = _union_length(pieces[k]) if k in pieces else covered[k]
            coverage = got / k_len[k]
            coverage_sum[k_label[k]] += coverage
            if exact[k] is not None:
                kind, named = 0, exact[k]
            elif accepted[k] is not None:
                kind, named = 1, accepted[k]
            elif attempt[k] is not None:
                kind, named = 2, attempt[k]
            else:
                kind, named = 3, None
            counts[kind] += 1
            confusion[k_row[k] + (_NONE_INDEX if named is None else named[2])] += 1
            if details:
                key_outcomes.append((k, kind, coverage, named))
        for _, li, _ in spurious:
            confusion[_NONE_INDEX * width + li] += 1

        required = self._required
        total_spans = sum(span_count)
        recall = sum(coverage_sum) / required
        precision = sum(support_sum) / total_spans if total_spans else 0.0
        f1 = f1_of(precision, recall)
        strict_precision = strict_hits / total_spans if total_spans else 0.0
        strict_recall = counts[0] / required

        labels = []
        for li, label in enumerate(LABELS):
            lp = _mean(support_sum[li], span_count[li])
            lr = _mean(coverage_sum[li], self._required_by_label[li])
            lf = None if lr is None else 0.0 if lp is None else f1_of(lp, lr)
            labels.append(LabelFigures(label, lp, lr, lf))

        outcomes: tuple[Outcome, ...] = ()
        all_spans: tuple[ScoredSpan, ...] = ()
        if details:
            outcomes, all_spans = self._details(items, merged, key_outcomes, spurious)
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
            spurious=len(spurious),
            bonus=counts[4],
            labels=tuple(labels),
            confusion=tuple(
                [tuple(confusion[r : r + width]) for r in range(0, width * width, width)]
            ),
            outcomes=outcomes,
            spans=all_spans,
        )

    def _details(
        self,
        items: list[SpanLike],
        merged: Merged,
        key_outcomes: list[tuple[int, int, float, tuple[int, int, int, int] | None]],
        spurious: list[tuple[int, int, int]],
    ) -> tuple[tuple[Outcome, ...], tuple[ScoredSpan, ...]]:
        """The outcomes, each naming its student span, and the scored spans, in text order."""
        scored, all_spans = _scored_spans(items, merged, self.text)
        placed: list[tuple[int, int, Outcome]] = []
        for k, kind, coverage, named in key_outcomes:
            sk = self.keys[k]
            student = None if named is None else scored[named[2], named[3]]
            placed.append((sk.start, sk.end, Outcome(_KEY_KINDS[kind], sk, student, coverage)))
        for _, li, j in spurious:
            span = scored[li, j]
            placed.append((span.start, span.end, Outcome(OutcomeKind.SPURIOUS, None, span, None)))
        placed.sort(key=lambda item: (item[0], item[1]))
        return tuple(item[2] for item in placed), all_spans


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


def score(
    key: Iterable[KeySpan], spans: Iterable[SpanLike], text: str, *, details: bool = True
) -> ScoreReport:
    """Score one student's spans against `key` on canonical `text` (scoring.md, exactly).

    Raises UnscorableKeyError for a key without a required span and
    InvalidSpanError for offsets outside the text. To score many submissions
    against one key, build a `Scorer` once and call its `score`.
    """
    return Scorer(key, text).score(spans, details=details)


def normalize_spans(spans: Iterable[SpanLike], text: str) -> tuple[ScoredSpan, ...]:
    """Trim and merge spans the way scoring does (scoring.md, Normalising a span)."""
    left, right = trim_tables(text)
    items, merged = _normalize(spans, left, right)
    return _scored_spans(items, merged, text)[1]
