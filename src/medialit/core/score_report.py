"""What scoring gives back (scoring.md): the report and its parts, plain frozen values.

`ScoreReport` holds every figure scoring.md defines for one submission; its
outcomes (`Outcome`, `OutcomeKind`) name the key span and the student span
they are about (`ScoredKeySpan`, `ScoredSpan`). `round_half_up` and `f1_of`
are the two pieces of arithmetic every figure shares. No scoring happens here
(that is `core.scoring`, which re-exports all of this).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from medialit.core.model import LABELS, KeySpan, Label, Span

SpanLike = Span | tuple[int, int, Label]
"""A student span: a `Span` (id, quote and note reach the details) or a bare (start, end, label)."""

NONE = "none"
CONFUSION_AXIS: tuple[str, ...] = (*(label.value for label in LABELS), NONE)
"""Rows (key primary label) and columns (student label) of `ScoreReport.confusion`."""

LABEL_COUNT = len(LABELS)
NONE_INDEX = LABEL_COUNT
# Label is a str Enum whose hash is its value's, so one dict serves members and plain strings.
LABEL_INDEX: dict[object, int] = {label: i for i, label in enumerate(LABELS)}


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
        return self.labels[LABEL_INDEX[label]]

    def confusion_count(self, key_label: Label | None, student_label: Label | None) -> int:
        """Pairs with this key/student label; None stands for the `none` row or column."""
        row = NONE_INDEX if key_label is None else LABEL_INDEX[key_label]
        col = NONE_INDEX if student_label is None else LABEL_INDEX[student_label]
        return self.confusion[row][col]
