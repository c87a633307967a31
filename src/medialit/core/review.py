"""What a student sees after submitting, as plain data and words: no Qt, no numbers of its own.

Every figure comes from `scoring.score` (scoring.md); this module only decides
what the lesson's feedback mode lets the student see and how to say it:

- `score`: the score and the per-label figures;
- `where`: also each outcome (one per required key span, plus spurious and
  bonus spans) in text order, each with a sentence saying what happened;
- `where+why`: also the key's explanation for each key span;
- `none`: nothing (the GUI does not open a review at all).

Empty per-label cells (scoring.md: no key span or no student span with that
label) are shown as `EMPTY`, never as 0, with the reason beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from medialit.core.errors import UnscorableKeyError
from medialit.core.model import LABELS, FeedbackMode, Label, Lesson
from medialit.core.scoring import (
    LabelFigures,
    Outcome,
    OutcomeKind,
    ScoredKeySpan,
    ScoredSpan,
    ScoreReport,
    SpanLike,
    round_half_up,
    score,
)

EMPTY = "—"
"""An empty cell: the figure does not exist (not zero), scoring.md."""

SYMBOLS: dict[OutcomeKind, str] = {
    OutcomeKind.CORRECT: "✓",
    OutcomeKind.PARTIAL: "◐",
    OutcomeKind.WRONG_LABEL: "✗",
    OutcomeKind.MISSED: "○",
    OutcomeKind.SPURIOUS: "?",
    OutcomeKind.BONUS: "+",
}
"""A non-colour cue per outcome, drawn on the article and in the list."""

TITLES: dict[OutcomeKind, str] = {
    OutcomeKind.CORRECT: "Correct",
    OutcomeKind.PARTIAL: "Partly found",
    OutcomeKind.WRONG_LABEL: "Wrong label",
    OutcomeKind.MISSED: "Missed",
    OutcomeKind.SPURIOUS: "Not in the key",
    OutcomeKind.BONUS: "Bonus",
}

KIND_ORDER: tuple[OutcomeKind, ...] = tuple(OutcomeKind)


def shows_outcomes(mode: FeedbackMode) -> bool:
    """Whether the mode shows where: the key's spans, the outcomes and the article."""
    return mode in (FeedbackMode.WHERE, FeedbackMode.WHERE_WHY)


def shows_explanations(mode: FeedbackMode) -> bool:
    return mode is FeedbackMode.WHERE_WHY


def score_lesson(lesson: Lesson, spans: Iterable[SpanLike]) -> ScoreReport:
    """The student's spans scored against the lesson's key (with outcomes), via `scoring.score`.

    Raises UnscorableKeyError when the lesson holds no key (a student pack).
    """
    if not lesson.key:
        raise UnscorableKeyError(f"“{lesson.title}” holds no answer key, so it cannot be reviewed")
    return score(lesson.key, spans, lesson.article.text)


# -- the score and the figures --------------------------------------------------------------


def percent(value: float | None) -> str:
    """A ratio as a whole percentage (halves up), or EMPTY for an empty cell."""
    if value is None:
        return EMPTY
    return f"{round_half_up(100 * value, 0):.0f}%"


def score_text(report: ScoreReport) -> str:
    return f"{report.score:.1f}"


@dataclass(frozen=True, slots=True)
class FigureCell:
    text: str
    """A percentage, or EMPTY."""
    why: str = ""
    """For an empty cell, why it is empty (in words a student understands)."""


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One row of the figures table: a label (or None for all labels together)."""

    label: Label | None
    title: str
    precision: FigureCell
    recall: FigureCell
    f1: FigureCell

    @property
    def cells(self) -> tuple[FigureCell, FigureCell, FigureCell]:
        return self.precision, self.recall, self.f1


FIGURE_COLUMNS = ("Precision", "Recall", "F1")
FIGURE_HELP = (
    "Precision: how much of what you marked the key marks too, with that label. "
    "Recall: how much of the key's spans you found, with an accepted label. "
    "F1 combines the two; your score is the F1 of all labels together, out of 100. "
    f"{EMPTY} means there is nothing to measure, which is not the same as 0."
)


def _label_row(figures: LabelFigures) -> FigureRow:
    name = figures.label.value
    no_key = f"The key has no {name} span to find."
    no_spans = f"You labelled nothing as {name}."
    return FigureRow(
        figures.label,
        figures.label.info.title,
        _cell(figures.precision, no_spans),
        _cell(figures.recall, no_key),
        _cell(figures.f1, no_key),
    )


def _cell(value: float | None, why: str) -> FigureCell:
    return FigureCell(percent(value), why if value is None else "")


def figure_rows(report: ScoreReport) -> tuple[FigureRow, ...]:
    """One row per label (LABELS order), then all labels together."""
    rows = [_label_row(figures) for figures in report.labels]
    rows.append(
        FigureRow(
            None,
            "All labels",
            FigureCell(percent(report.precision)),
            FigureCell(percent(report.recall)),
            FigureCell(percent(report.f1)),
        )
    )
    return tuple(rows)


def counts_text(report: ScoreReport) -> str:
    """ "2 correct · 1 partly found · …": every outcome, in OutcomeKind order."""
    counts = {
        OutcomeKind.CORRECT: report.correct,
        OutcomeKind.PARTIAL: report.partial,
        OutcomeKind.WRONG_LABEL: report.wrong_label,
        OutcomeKind.MISSED: report.missed,
        OutcomeKind.SPURIOUS: report.spurious,
        OutcomeKind.BONUS: report.bonus,
    }
    parts = [f"{SYMBOLS[kind]} {counts[kind]} {TITLES[kind].lower()}" for kind in KIND_ORDER]
    parts[-1] += " (not counted)"
    return " · ".join(parts)


# -- the outcomes ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One outcome as the student sees it.

    `start`/`end` are what to show in the article (code points): the key span's
    scoring boundaries, or the student's span for a spurious one. `label` is
    the key's primary label, or the student's label for a spurious span.
    """

    kind: OutcomeKind
    start: int
    end: int
    label: Label
    key: ScoredKeySpan | None
    student: ScoredSpan | None
    quote: str
    message: str
    explanation: str = ""

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.kind]

    @property
    def counted(self) -> bool:
        return self.kind is not OutcomeKind.BONUS

    @property
    def heading(self) -> str:
        """ "✓ Correct · claim"; a spurious span names the student's label."""
        return f"{self.symbol} {TITLES[self.kind]} · {self.label.value}"

    def text(self, *, quote_chars: int = 200) -> str:
        """Everything about the outcome in plain sentences (list rows, screen readers)."""
        lines = [self.heading, f"“{shorten(self.quote, quote_chars)}”", self.message]
        if self.explanation:
            lines.append(f"Why: {self.explanation}")
        return "\n".join(lines)


def shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def review_items(report: ScoreReport, *, mode: FeedbackMode) -> tuple[ReviewItem, ...]:
    """The outcomes the mode shows, in text order (the report's order); none for score/none.

    The report must have been made with details (the default of `score`).
    """
    if not shows_outcomes(mode):
        return ()
    if not report.outcomes and report.correct + report.partial + report.wrong_label + report.missed:
        raise ValueError("the report was made with details=False: it has no outcomes to show")
    why = shows_explanations(mode)
    return tuple(_item(outcome, why=why) for outcome in report.outcomes)


def _item(outcome: Outcome, *, why: bool) -> ReviewItem:
    key, student = outcome.key, outcome.student
    if key is None:
        assert student is not None  # spurious: a student span with no key span
        return ReviewItem(
            outcome.kind,
            student.start,
            student.end,
            student.label,
            None,
            student,
            student.quote,
            describe(outcome),
        )
    return ReviewItem(
        outcome.kind,
        key.start,
        key.end,
        key.label,
        key,
        student,
        key.quote,
        describe(outcome),
        key.key.explanation.strip() if why else "",
    )


def _covered(outcome: Outcome, key: ScoredKeySpan) -> int:
    """Characters of the key span covered with an accepted label (coverage x length)."""
    return round((outcome.coverage or 0.0) * (key.end - key.start))


def _labels(labels: Iterable[Label]) -> str:
    names = [label.value for label in sorted(labels, key=LABELS.index)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe(outcome: Outcome) -> str:
    """One or two sentences saying what happened, in the student's terms (second person)."""
    kind, key, student = outcome.kind, outcome.key, outcome.student
    if key is None:
        assert student is not None
        return (
            f"You labelled this as {student.label.value}, but the key has no span here, "
            "so it lowers your precision."
        )
    name = key.label.value
    length = key.end - key.start
    if kind is OutcomeKind.MISSED:
        return f"You did not label this. The key says it is {name}."
    assert student is not None
    if kind is OutcomeKind.WRONG_LABEL:
        others = key.accepted - {key.label}
        also = f" (it also accepts {_labels(others)})" if others else ""
        return f"You labelled this as {student.label.value}, but the key says {name}{also}."
    also_accepted = (
        f" You chose {student.label.value}, which the key also accepts here."
        if student.label is not key.label
        else ""
    )
    if kind is OutcomeKind.CORRECT:
        return f"You found this {name} with exactly the key's words.{also_accepted}"
    covered = _covered(outcome, key)
    if kind is OutcomeKind.BONUS:
        return (
            f"Well spotted: this {name} is optional in the key, and you found it "
            f"({covered} of {length} characters). It is not counted in your score.{also_accepted}"
        )
    # partial: which way the named span differs from the key's
    inside = student.start >= key.start and student.end <= key.end
    around = student.start <= key.start and student.end >= key.end
    if inside:
        text = (
            f"You found this {name} but your span was shorter: "
            f"you covered {covered} of {length} characters."
        )
    elif around:
        extra = (student.end - student.start) - length
        text = (
            f"You found this {name} but your span was longer: it takes in {extra} more "
            f"characters than the key's {length}."
        )
    else:
        text = (
            f"You found part of this {name}: you covered {covered} of {length} characters, "
            "and your span reaches outside it."
        )
    return text + also_accepted
