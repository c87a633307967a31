"""The class view's numbers: every student scored against the current key, and what the class missed.

Scores come from `scoring` through `batch.score_all` (the code `medialit score`
runs), each submission placed by the one intake (`intake.placement`): spans on the
current text as they are, spans on an earlier text of the lesson re-anchored (once per
submission and text, kept while the key is edited). Scores are never
stored: they are recomputed from the current key whenever it changes.

Aggregates (most-missed key spans, confusion pairs, per-label averages and the
heatmap) are pure functions of the ScoreReports. No Qt, no Store, no I/O.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from medialit.core.batch import Entry, GradingKey, entry_of, score_all
from medialit.core.intake.placement import place
from medialit.core.intake.readers import from_submission
from medialit.core.intake.sources import Refused
from medialit.core.model import LABELS, KeySpan, Label, Lesson
from medialit.core.results import StudentResult
from medialit.core.scoring import OutcomeKind, ScoreReport
from medialit.core.submission import Submission
from medialit.core.wording import plural


@dataclass(frozen=True, slots=True)
class StudentRow:
    """One student in the class table: who, and the result `medialit score` would give."""

    student_id: str
    name: str
    class_code: str
    submitted_at: str
    result: StudentResult
    submission: Submission
    orphans: int = 0  # spans on an earlier text that could not be placed, so not scored

    @property
    def report(self) -> ScoreReport:
        return self.result.report


@dataclass(frozen=True, slots=True)
class ClassResults:
    """A lesson's class table: one row per student, in the order the table shows them."""

    lesson: Lesson
    rows: tuple[StudentRow, ...]
    problems: tuple[tuple[str, str], ...] = ()  # (student name, reason) not scored

    @property
    def results(self) -> list[StudentResult]:
        return [row.result for row in self.rows]


def grading_key(lesson: Lesson) -> GradingKey:
    """The lesson's current key prepared for scoring (UnscorableKeyError without required spans)."""
    return GradingKey(lesson)


def score_class(lesson: Lesson, submissions: Sequence[Submission]) -> ClassResults:
    """Every current submission scored against the lesson's current key, in the given order.

    Each is placed by the one intake (`intake.placement.place`: the current text as it is,
    an earlier one re-anchored once and kept), as `medialit score` places it."""
    return score_against(grading_key(lesson), submissions)


def score_against(key: GradingKey, submissions: Sequence[Submission]) -> ClassResults:
    """`score_class` against a key made once (`grading_key`), for a caller that scores the
    class a part at a time; the lesson is the one the key holds."""
    versions = key.versions()
    kept: list[tuple[Submission, Entry, int]] = []
    problems: list[tuple[str, str]] = []
    for sub in submissions:
        try:
            placed = place(from_submission(sub), [versions])
        except Refused as exc:
            problems.append((sub.student_name, str(exc)))
            continue
        kept.append((sub, entry_of(placed), len(placed.orphans)))
    results = score_all(key, [entry for _, entry, _ in kept])
    rows = tuple(
        StudentRow(
            sub.student_id, sub.student_name, sub.class_code, sub.submitted_at, result, sub, orphans
        )
        for (sub, _, orphans), result in zip(kept, results, strict=True)
    )
    return ClassResults(key.lesson, rows, tuple(problems))


# -- aggregates ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MissedSpan:
    """How the class did on one required key span."""

    key: KeySpan
    missed: int
    wrong_label: int
    partial: int
    correct: int
    mean_coverage: float

    @property
    def not_found(self) -> int:
        """Students who did not label it with an accepted label (missed or wrong label)."""
        return self.missed + self.wrong_label


def most_missed(reports: Sequence[ScoreReport]) -> list[MissedSpan]:
    """Required key spans, the most often not found first (then the lowest mean coverage)."""
    counts: dict[str, dict[OutcomeKind, int]] = {}
    coverage: dict[str, float] = {}
    keys: dict[str, KeySpan] = {}
    for report in reports:
        for outcome in report.outcomes:
            scored = outcome.key
            if scored is None or outcome.kind in (OutcomeKind.BONUS, OutcomeKind.SPURIOUS):
                continue
            k = scored.key
            keys[k.id] = k
            per = counts.setdefault(k.id, dict.fromkeys(OutcomeKind, 0))
            per[outcome.kind] += 1
            coverage[k.id] = coverage.get(k.id, 0.0) + (outcome.coverage or 0.0)
    n = max(1, len(reports))
    out = [
        MissedSpan(
            key=keys[kid],
            missed=per[OutcomeKind.MISSED],
            wrong_label=per[OutcomeKind.WRONG_LABEL],
            partial=per[OutcomeKind.PARTIAL],
            correct=per[OutcomeKind.CORRECT],
            mean_coverage=coverage[kid] / n,
        )
        for kid, per in counts.items()
    ]
    out.sort(key=lambda m: (-m.not_found, m.mean_coverage, m.key.start))
    return out


@dataclass(frozen=True, slots=True)
class ConfusionPair:
    """One kind of mix-up the class made: how many students gave `key_label` spans
    `student_label` instead (what to re-teach first)."""

    key_label: Label
    student_label: Label
    students: int
    names: tuple[str, ...] = ()  # who, when the caller named the reports

    def __str__(self) -> str:
        return (
            f"{self.key_label.value} labelled as {self.student_label.value}: "
            f"{plural(self.students, 'student')}"
        )


def confusion_pairs(
    reports: Sequence[ScoreReport], names: Sequence[str] = ()
) -> list[ConfusionPair]:
    """For each (key label, other label): how many students gave a key span of the first
    label only the second (a `wrong_label` outcome), most frequent first; with `names` (in
    step with `reports`) each pair also lists its students, in the reports' order."""
    students: dict[tuple[Label, Label], list[int]] = {}
    for i, report in enumerate(reports):
        pairs = {
            (o.key.label, o.student.label)
            for o in report.outcomes
            if o.kind is OutcomeKind.WRONG_LABEL and o.key is not None and o.student is not None
        }
        for pair in pairs:
            students.setdefault(pair, []).append(i)
    out = [
        ConfusionPair(k, s, len(who), tuple(names[i] for i in who) if names else ())
        for (k, s), who in students.items()
    ]
    out.sort(key=lambda p: (-p.students, LABELS.index(p.key_label), LABELS.index(p.student_label)))
    return out


@dataclass(frozen=True, slots=True)
class LabelAverage:
    """The class's mean per-label figures; each mean is over the students whose figure is
    defined (scoring.md's empty cells are left out, never counted as 0)."""

    label: Label
    precision: float | None
    recall: float | None
    f1: float | None
    students: int  # how many students had a defined F1 for this label


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def label_averages(reports: Sequence[ScoreReport]) -> list[LabelAverage]:
    """Class means of the per-label figures, over the students for whom each is defined."""
    out = []
    for label in LABELS:
        figures = [r.for_label(label) for r in reports]
        f1s = [f.f1 for f in figures if f.f1 is not None]
        out.append(
            LabelAverage(
                label,
                _mean([f.precision for f in figures if f.precision is not None]),
                _mean([f.recall for f in figures if f.recall is not None]),
                _mean(f1s),
                len(f1s),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class Summary:
    """The class at a glance; None where no student handed anything in."""

    students: int
    mean_score: float | None
    median_score: float | None
    mean_f1: float | None
    mean_strict_f1: float | None


def summary(reports: Sequence[ScoreReport]) -> Summary:
    scores = [r.score for r in reports]
    return Summary(
        len(reports),
        _mean(scores),
        statistics.median(scores) if scores else None,
        _mean([r.f1 for r in reports]),
        _mean([r.strict_f1 for r in reports]),
    )


@dataclass(frozen=True, slots=True)
class HeatRun:
    """Characters [start, end) of key spans that `count` students labelled as the key does."""

    start: int
    end: int
    count: int


def heatmap(key: Sequence[KeySpan], reports: Sequence[ScoreReport]) -> list[HeatRun]:
    """Per stretch of key text: how many students covered it with a label the key accepts there.

    Uses the key spans as the teacher wrote them and each student's spans as
    scored (trimmed, merged). A character counts once per student. Text outside
    every key span is not in the result.
    """
    if not key:
        return []
    length = max(k.end for k in key)
    diff = [0] * (length + 1)
    for report in reports:
        covered: list[tuple[int, int]] = []
        for k in key:
            accepted = k.accepted
            for s in report.spans:
                if s.label in accepted and s.start < k.end and k.start < s.end:
                    covered.append((max(s.start, k.start), min(s.end, k.end)))
        for start, end in _union(covered):
            diff[start] += 1
            diff[end] -= 1
    in_key = [False] * (length + 1)
    for start, end in _union([(k.start, k.end) for k in key]):
        for i in range(start, end):
            in_key[i] = True
    runs: list[HeatRun] = []
    count = 0
    for i in range(length):
        count += diff[i]
        if not in_key[i]:
            continue
        if runs and runs[-1].end == i and runs[-1].count == count:
            runs[-1] = HeatRun(runs[-1].start, i + 1, count)
        else:
            runs.append(HeatRun(i, i + 1, count))
    return runs


def _union(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
