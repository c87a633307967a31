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

The report's values are in `core.score_report`, trimming and merging in
`core.trimming`; this module scores (and re-exports both, so callers import
from here).

Architecture invariant: no PySide6, no Store, no files; offsets are code points
into canonical text (`medialit.core.text.canonicalize`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from medialit.core.errors import UnscorableKeyError
from medialit.core.model import LABELS, KeySpan, Lesson
from medialit.core.score_report import (
    CONFUSION_AXIS,
    LABEL_COUNT,
    LABEL_INDEX,
    NONE,
    NONE_INDEX,
    LabelFigures,
    Outcome,
    OutcomeKind,
    ScoredKeySpan,
    ScoredSpan,
    ScoreReport,
    SpanLike,
    f1_of,
    round_half_up,
)
from medialit.core.trimming import (
    Merged,
    check_range,
    measure,
    merge_intervals,
    normalize,
    normalize_spans,
    scored_spans,
    trim_tables,
    union_length,
)

__all__ = [  # the report's values live in core.score_report, trimming in core.trimming
    "CONFUSION_AXIS",
    "NONE",
    "LabelFigures",
    "Outcome",
    "OutcomeKind",
    "ScoreReport",
    "ScoredKeySpan",
    "ScoredSpan",
    "Scorer",
    "SpanLike",
    "f1_of",
    "normalize_spans",
    "round_half_up",
    "score",
    "score_lesson",
    "trim_tables",
]


def _mean(total: float, count: int) -> float | None:
    return total / count if count else None


def _beats(best: tuple[int, int, int, int] | None, overlap: int, start: int) -> bool:
    """Does a span overlapping a key span by `overlap`, starting at `start`, name it rather
    than `best` (overlap, start, ...)? More overlap wins, then the earlier start."""
    return best is None or overlap > best[0] or (overlap == best[0] and start < best[1])


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
            check_range(k.start, k.end, len(text), "key span")
            s, e = left[k.start], right[k.end]
            if s < e:  # a key span of only punctuation/space has nothing to score
                scored.append(ScoredKeySpan(k, s, e, text[s:e]))
        scored.sort(key=lambda sk: (sk.start, sk.end, LABEL_INDEX[sk.key.label]))
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
        self._k_label = [LABEL_INDEX[sk.key.label] for sk in scored]
        self._k_row = [
            (LABEL_COUNT + 1) * li for li in self._k_label
        ]  # row offset in the confusion
        self._k_mask = [sum(1 << LABEL_INDEX[lab] for lab in sk.key.accepted) for sk in scored]
        self._k_multi = [mask & (mask - 1) != 0 for mask in self._k_mask]
        self._k_optional = [sk.key.optional for sk in scored]
        self._k_info = list(
            zip(self._k_start, self._k_end, self._k_row, self._k_mask, self._k_multi, strict=True)
        )
        self._required = sum(not o for o in self._k_optional)
        self._required_by_label = [0] * LABEL_COUNT
        for li, optional in zip(self._k_label, self._k_optional, strict=True):
            if not optional:
                self._required_by_label[li] += 1
        # V(l): the characters of key spans accepting l, as sorted disjoint intervals. When
        # those key spans are themselves disjoint, support(s) is just the sum of overlaps.
        self._v_starts: list[list[int]] = []
        self._v_ends: list[list[int]] = []
        self._v_disjoint: list[bool] = []
        for li in range(LABEL_COUNT):
            intervals = [
                (sk.start, sk.end)
                for sk, mask in zip(scored, self._k_mask, strict=True)
                if mask >> li & 1
            ]
            starts, ends = merge_intervals(intervals)
            self._v_starts.append(starts)
            self._v_ends.append(ends)
            union = sum(e - s for s, e in zip(starts, ends, strict=True))
            self._v_disjoint.append(union == sum(e - s for s, e in intervals))

    def normalize(self, spans: Iterable[SpanLike]) -> tuple[ScoredSpan, ...]:
        """The spans as scored: trimmed, empty ones dropped, same-label neighbours merged."""
        items, merged = normalize(spans, self._left, self._right)
        return scored_spans(items, merged, self.text)[1]

    def score(self, spans: Iterable[SpanLike], *, details: bool = True) -> ScoreReport:
        """Score one student's spans (any order, overlapping freely) against the key.

        With details=False the report's `outcomes` and `spans` are left empty
        (every figure, count and the confusion matrix are still there): building
        those objects is most of the cost, and results.csv does not need them.
        """
        items, merged = normalize(spans, self._left, self._right)
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
        support_sum = [0.0] * LABEL_COUNT
        span_count = [0] * LABEL_COUNT
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
                        if _beats(accepted[k], overlap, s):
                            accepted[k] = (overlap, s, li, j)
                    elif 2 * overlap >= k_len[k]:  # an attempt at k with another label
                        attempted = True
                        if _beats(attempt[k], overlap, s):
                            attempt[k] = (overlap, s, li, j)
                if not attempted:
                    spurious.append((s, li, j))
                if hit:
                    strict_hits += 1
                if not disjoint:
                    shared = measure(self._v_starts[li], self._v_ends[li], s, e)
                total += shared / (e - s)
            support_sum[li] = total

        # One pass over the key: coverage, the outcome of each key span and its named span;
        # the confusion matrix counts each required key span once, by its named span's label.
        width = LABEL_COUNT + 1
        confusion = [0] * (width * width)
        coverage_sum = [0.0] * LABEL_COUNT
        counts = [0] * 5  # correct, partial, wrong_label, missed, bonus (as in _KEY_KINDS)
        key_outcomes: list[tuple[int, int, float, tuple[int, int, int, int] | None]] = []
        k_label, k_optional, k_row = self._k_label, self._k_optional, self._k_row
        for k in range(nk):
            if k_optional[k]:
                named = accepted[k]
                if named is not None:
                    counts[4] += 1
                    if details:
                        got = union_length(pieces[k]) if k in pieces else covered[k]
                        key_outcomes.append((k, 4, got / k_len[k], named))
                continue
            got = union_length(pieces[k]) if k in pieces else covered[k]
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
            confusion[k_row[k] + (NONE_INDEX if named is None else named[2])] += 1
            if details:
                key_outcomes.append((k, kind, coverage, named))
        for _, li, _ in spurious:
            confusion[NONE_INDEX * width + li] += 1

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
        scored, all_spans = scored_spans(items, merged, self.text)
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


def score(
    key: Iterable[KeySpan], spans: Iterable[SpanLike], text: str, *, details: bool = True
) -> ScoreReport:
    """Score one student's spans against `key` on canonical `text` (scoring.md, exactly).

    Raises UnscorableKeyError for a key without a required span and
    InvalidSpanError for offsets outside the text. To score many submissions
    against one key, build a `Scorer` once and call its `score`.
    """
    return Scorer(key, text).score(spans, details=details)


def score_lesson(lesson: Lesson, spans: Iterable[SpanLike]) -> ScoreReport:
    """The student's spans scored against the lesson's key (with outcomes), via `score`.

    Raises UnscorableKeyError when the lesson holds no key (a student pack).
    """
    if not lesson.key:
        raise UnscorableKeyError(f"“{lesson.title}” holds no answer key, so it cannot be reviewed")
    return score(lesson.key, spans, lesson.article.text)
