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

The words speak to the student ("You found this claim…") by default; a
teacher looking at a student's work gets the same review in the third person
("Ben found this claim…", or "The student…" without a name): a `Voice`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

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


# -- who the words speak to ------------------------------------------------------------------


class Audience(str, Enum):
    STUDENT = "student"
    TEACHER = "teacher"


WORDING: dict[Audience, dict[str, str]] = {
    Audience.STUDENT: {
        "spurious": (
            "You labelled this as {chosen}, but the key has no {chosen} here. "
            "It matches nothing in the key, so it lowers your precision."
        ),
        "missed": "You did not label this. The key says it is {label}.",
        "wrong_label": "You labelled this as {chosen}, but the key says {label}{also}.",
        "also_accepted": " You chose {chosen}, which the key also accepts here.",
        "correct": "You found this {label} with exactly the key's words.",
        "bonus": (
            "Well spotted: this {label} is optional in the key, and you found it "
            "({covered} of {length} characters). It is not counted in your score."
        ),
        "shorter": (
            "You found this {label} but your span was shorter: "
            "you covered {covered} of {length} characters."
        ),
        "longer": (
            "You found this {label} but your span was longer: it takes in {extra} more "
            "characters than the key's {length}."
        ),
        "crossing": (
            "You found part of this {label}: you covered {covered} of {length} characters, "
            "and your span reaches outside it."
        ),
        "labelled_nothing": "You labelled nothing as {label}.",
        "figure_help": (
            "Precision: how much of what you marked the key marks too, with that label. "
            "Recall: how much of the key's spans you found, with an accepted label. "
            "F1 combines the two; your score is the F1 of all labels together, out of 100. "
            "{empty} means there is nothing to measure, which is not the same as 0."
        ),
        "legend": (
            "Your spans are tinted and underlined as when you worked. The key's spans are "
            "boxed; the badge says how you did and gives the key's label (C claim, F fact, "
            "S speculation, Src sourcing):"
        ),
        "legend_said": (
            "Legend: your spans are tinted; the key's spans are boxed, with a badge: "
            "tick correct, half circle partly found, cross wrong label, circle missed, "
            "question mark not in the key, plus bonus."
        ),
        "article_name": "Article with your spans and the key's spans",
        "figures_name": "Your figures per label",
        "score_only": (
            "Your teacher shows only the score for this lesson, not which spans matched the key."
        ),
    },
    Audience.TEACHER: {
        "spurious": (
            "{who} labelled this as {chosen}, but the key has no {chosen} here. "
            "It matches nothing in the key, so it lowers their precision."
        ),
        "missed": "{who} did not label this. The key says it is {label}.",
        "wrong_label": "{who} labelled this as {chosen}, but the key says {label}{also}.",
        "also_accepted": " {who} chose {chosen}, which the key also accepts here.",
        "correct": "{who} found this {label} with exactly the key's words.",
        "bonus": (
            "This {label} is optional in the key, and {whom} found it "
            "({covered} of {length} characters): a bonus, not counted in the score."
        ),
        "shorter": (
            "{who} found this {label} but the span was shorter: "
            "it covers {covered} of {length} characters."
        ),
        "longer": (
            "{who} found this {label} but the span was longer: it takes in {extra} more "
            "characters than the key's {length}."
        ),
        "crossing": (
            "{who} found part of this {label}: the span covers {covered} of {length} "
            "characters, and reaches outside it."
        ),
        "labelled_nothing": "{who} labelled nothing as {label}.",
        "figure_help": (
            "Precision: how much of what {whom} marked the key marks too, with that label. "
            "Recall: how much of the key's spans {whom} found, with an accepted label. "
            "F1 combines the two; the score is the F1 of all labels together, out of 100. "
            "{empty} means there is nothing to measure, which is not the same as 0."
        ),
        "legend": (
            "{Whose} spans are tinted and underlined as they were labelled. The key's spans "
            "are boxed; the badge says how it went and gives the key's label (C claim, "
            "F fact, S speculation, Src sourcing):"
        ),
        "legend_said": (
            "Legend: {whose} spans are tinted; the key's spans are boxed, with a badge: "
            "tick correct, half circle partly found, cross wrong label, circle missed, "
            "question mark not in the key, plus bonus."
        ),
        "article_name": "Article with {whose} spans and the key's spans",
        "figures_name": "{Whose} figures per label",
        "score_only": (
            "This lesson's feedback mode shows only the score, not which spans matched the key."
        ),
    },
}
"""Every sentence the review says, per audience (the same keys in each)."""


@dataclass(frozen=True, slots=True)
class Voice:
    """Whom the review speaks to: the student ("You found…") or a teacher ("Ben found…").

    `name` is the student's; the teacher's words fall back to "the student"
    without one. A student's voice ignores it in sentences (they say "you").
    """

    audience: Audience = Audience.STUDENT
    name: str = ""

    @classmethod
    def teacher(cls, name: str = "") -> Voice:
        return cls(Audience.TEACHER, " ".join(name.split()))

    @property
    def who(self) -> str:
        """The student at the start of a sentence: "You", "Ben", "The student"."""
        return _first_upper(self.whom)

    @property
    def whom(self) -> str:
        """The student inside a sentence: "you", "Ben", "the student"."""
        if self.audience is Audience.STUDENT:
            return "you"
        return self.name or "the student"

    @property
    def whose(self) -> str:
        """Possessive inside a sentence: "your", "Ben's", "the student's"."""
        if self.audience is Audience.STUDENT:
            return "your"
        return f"{self.whom}'s"

    def say(self, what: str, **fields: object) -> str:
        """The sentence `what` (a WORDING key) in this voice, with `fields` filled in."""
        return WORDING[self.audience][what].format(
            who=self.who,
            whom=self.whom,
            whose=self.whose,
            Whose=_first_upper(self.whose),
            empty=EMPTY,
            **fields,
        )

    def work_heading(self, title: str) -> str:
        """ "Your work on “Title”", "Ben's work on “Title”"."""
        owner = f"{self.name}'s" if self.name else _first_upper(self.whose)
        return f"{owner} work on “{title}”"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


STUDENT = Voice()
"""The default: the review speaks to the student who did the work."""


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


def figure_help(voice: Voice = STUDENT) -> str:
    """What precision, recall, F1 and the empty cell mean, in the voice's words."""
    return voice.say("figure_help")


def _label_row(figures: LabelFigures, voice: Voice) -> FigureRow:
    name = figures.label.value
    no_key = f"The key has no {name} span to find."
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
    """One row per label (LABELS order), then all labels together."""
    rows = [_label_row(figures, voice) for figures in report.labels]
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
    """One outcome as the student (or, in the teacher's voice, their teacher) sees it.

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


def review_items(
    report: ScoreReport, *, mode: FeedbackMode, voice: Voice = STUDENT
) -> tuple[ReviewItem, ...]:
    """The outcomes the mode shows, in text order (the report's order); none for score/none.

    The report must have been made with details (the default of `score`); the
    messages are in `voice` (the student's own by default).
    """
    if not shows_outcomes(mode):
        return ()
    if not report.outcomes and report.correct + report.partial + report.wrong_label + report.missed:
        raise ValueError("the report was made with details=False: it has no outcomes to show")
    why = shows_explanations(mode)
    return tuple(_item(outcome, why=why, voice=voice) for outcome in report.outcomes)


def _item(outcome: Outcome, *, why: bool, voice: Voice) -> ReviewItem:
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
            describe(outcome, voice=voice),
        )
    return ReviewItem(
        outcome.kind,
        key.start,
        key.end,
        key.label,
        key,
        student,
        key.quote,
        describe(outcome, voice=voice),
        key.key.explanation.strip() if why else "",
    )


def _covered(outcome: Outcome, key: ScoredKeySpan) -> int:
    """Characters of the key span covered with an accepted label (coverage x length)."""
    return round((outcome.coverage or 0.0) * (key.end - key.start))


def _labels(labels: Iterable[Label]) -> str:
    names = [label.value for label in sorted(labels, key=LABELS.index)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe(outcome: Outcome, *, voice: Voice = STUDENT) -> str:
    """One or two sentences saying what happened: to the student ("You…") or, in the
    teacher's voice, about them ("Ben…")."""
    kind, key, student = outcome.kind, outcome.key, outcome.student
    if key is None:
        assert student is not None
        return voice.say("spurious", chosen=student.label.value)
    name = key.label.value
    length = key.end - key.start
    if kind is OutcomeKind.MISSED:
        return voice.say("missed", label=name)
    assert student is not None
    chosen = student.label.value
    if kind is OutcomeKind.WRONG_LABEL:
        others = key.accepted - {key.label}
        also = f" (it also accepts {_labels(others)})" if others else ""
        return voice.say("wrong_label", chosen=chosen, label=name, also=also)
    also_accepted = (
        voice.say("also_accepted", chosen=chosen) if student.label is not key.label else ""
    )
    if kind is OutcomeKind.CORRECT:
        return voice.say("correct", label=name) + also_accepted
    covered = _covered(outcome, key)
    if kind is OutcomeKind.BONUS:
        return voice.say("bonus", label=name, covered=covered, length=length) + also_accepted
    # partial: which way the named span differs from the key's
    if student.start >= key.start and student.end <= key.end:
        text = voice.say("shorter", label=name, covered=covered, length=length)
    elif student.start <= key.start and student.end >= key.end:
        extra = (student.end - student.start) - length
        text = voice.say("longer", label=name, extra=extra, length=length)
    else:
        text = voice.say("crossing", label=name, covered=covered, length=length)
    return text + also_accepted
