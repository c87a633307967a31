"""The review's figures table as words: per-label precision, recall and F1, each cell a
whole percentage or an empty cell with its reason, and the counts the lead leaves out.

Split from `core.review` (the lead and the outcomes): the figures are what the `score`
feedback mode shows behind Details, the outcomes what `where` adds. Every number is
`scoring.score()`'s; no number is shown twice in two forms (the score is the F1 of all
labels, so only precision and recall are given for all labels together).
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.core.model import Label
from medialit.core.review import SYMBOLS
from medialit.core.scoring import LabelFigures, OutcomeKind, ScoreReport, round_half_up
from medialit.core.wording import EMPTY, STUDENT, Voice, plural


def percent(value: float | None) -> str:
    """A ratio as a whole percentage (halves up), or EMPTY for an empty cell."""
    if value is None:
        return EMPTY
    return f"{round_half_up(100 * value, 0):.0f}%"


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


def figure_help(voice: Voice = STUDENT) -> tuple[str, ...]:
    """What precision, recall, F1 and the empty cell mean: one plain sentence each."""
    return tuple(
        voice.say(what) for what in ("precision_help", "recall_help", "f1_help", "empty_help")
    )


def _label_row(figures: LabelFigures, voice: Voice) -> FigureRow:
    name = figures.label.value
    no_key = voice.say("no_key_span", label=name)
    no_spans = voice.say("labelled_nothing", label=name)
    return FigureRow(
        figures.label,
        figures.label.info.title,
        _cell(figures.precision, no_spans),
        _cell(figures.recall, no_key),
        _cell(figures.f1, no_key),
    )


def _cell(value: float | None, why: str) -> FigureCell:
    return FigureCell(percent(value), why if value is None else "")


def figure_rows(report: ScoreReport, *, voice: Voice = STUDENT) -> tuple[FigureRow, ...]:
    """One row per label, in LABELS order.

    All labels together are `all_labels_text`, without their F1: that is the
    score, already shown (out of 100), and never shown twice in two forms.
    """
    return tuple(_label_row(figures, voice) for figures in report.labels)


def all_labels_text(report: ScoreReport, *, voice: Voice = STUDENT) -> str:
    """ "All labels together: precision 50%, recall 36%. Your score is their F1, out of 100." """
    return voice.say(
        "all_labels", precision=percent(report.precision), recall=percent(report.recall)
    )


def other_counts(report: ScoreReport) -> str:
    """The outcomes the lead does not count: "✗ 3 wrong labels · ○ 20 missed · + 1 bonus
    (not counted)"; kinds with none are left out."""
    parts = []
    if report.wrong_label:
        parts.append(
            f"{SYMBOLS[OutcomeKind.WRONG_LABEL]} {plural(report.wrong_label, 'wrong label')}"
        )
    if report.missed:
        parts.append(f"{SYMBOLS[OutcomeKind.MISSED]} {report.missed} missed")
    if report.bonus:
        bonus = plural(report.bonus, "bonus", "bonuses")
        parts.append(f"{SYMBOLS[OutcomeKind.BONUS]} {bonus} (not counted)")
    return " · ".join(parts)
