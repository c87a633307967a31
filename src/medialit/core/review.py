"""What a student sees after submitting, as plain data and words: no Qt, no numbers of its own.

Every figure comes from `scoring.score` (scoring.md); this module only decides
what the lesson's feedback mode lets the student see and how to say it (the
sentences are core.wording's):

- `score`: the score, and the per-label figures behind Details (worded by
  `core.review_figures`);
- `where`: also a lead the student can check on the page (`lead`: found,
  exactly right, labels that match nothing) and each outcome (one per required
  key span, plus spurious and bonus spans) in text order, each with a
  sentence saying what happened;
- `where+why`: also the key's explanation for each key span;
- `none`: nothing (the GUI does not open a review at all).

Empty per-label cells (scoring.md: no key span or no student span with that
label) are shown as `EMPTY`, never as 0, with the reason beside them. No
number is shown twice in two forms: the score is the F1 of all labels, so
the figures show per-label F1 and only precision and recall for all labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from medialit.core.model import LABELS, FeedbackMode, Label
from medialit.core.scoring import (
    Outcome,
    OutcomeKind,
    ScoredKeySpan,
    ScoredSpan,
    ScoreReport,
)
from medialit.core.wording import EMPTY, STUDENT, WORDING, Audience, Voice, one_line, plural

__all__ = [  # the words live in core.wording; callers may still take them from here
    "EMPTY",
    "STUDENT",
    "WORDING",
    "Audience",
    "Voice",
]

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


# -- what the review leads with ------------------------------------------------------------


def lead(report: ScoreReport, *, voice: Voice = STUDENT) -> str:
    """What a student can check on the page: "You found 7 of the 29 key spans · 5 exactly
    right · 2 of your labels match nothing in the key".

    found = correct + partial, out of the required key spans; exactly right =
    correct; the last = spurious (scoring.md, Outcomes).
    """
    required = report.correct + report.partial + report.wrong_label + report.missed
    parts = [
        voice.say(
            "found",
            found=report.correct + report.partial,
            key_spans=plural(required, "key span"),
        ),
        voice.say("exactly", exactly=report.correct),
    ]
    if not _has_spans(report):
        parts.append(voice.say("no_labels"))
    elif report.spurious == 0:
        parts.append(voice.say("stray_none"))
    elif report.spurious == 1:
        parts.append(voice.say("stray_one"))
    else:
        parts.append(voice.say("stray_many", stray=report.spurious))
    return " · ".join(parts)


def _has_spans(report: ScoreReport) -> bool:
    """Whether the student labelled anything (also for reports made without details)."""
    return bool(report.spans) or any(f.precision is not None for f in report.labels)


def score_text(report: ScoreReport, *, voice: Voice = STUDENT) -> str:
    """ "Score 41.6 out of 100"."""
    return voice.say("score", score=f"{report.score:.1f}")


def spoken_summary(report: ScoreReport, *, mode: FeedbackMode, voice: Voice = STUDENT) -> str:
    """What a screen reader says when the review opens: the score, then (where the mode shows
    outcomes) the lead, as sentences rather than "·"-separated parts."""
    said = score_text(report, voice=voice) + "."
    if shows_outcomes(mode):
        said += " " + spoken_lead(report, voice=voice)
    return said


def spoken_lead(report: ScoreReport, *, voice: Voice = STUDENT) -> str:
    """The lead as a screen reader says it: a sentence, its "·"-separated parts as a list."""
    return lead(report, voice=voice).replace(" · ", ", ") + "."


def shows_outcomes(mode: FeedbackMode) -> bool:
    """Whether the mode shows where: the key's spans, the outcomes and the article."""
    return mode in (FeedbackMode.WHERE, FeedbackMode.WHERE_WHY)


def shows_explanations(mode: FeedbackMode) -> bool:
    return mode is FeedbackMode.WHERE_WHY


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
    note: str = ""  # the student's note on the named span, in the teacher's voice only

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
        lines = [self.heading, f"“{one_line(self.quote, quote_chars)}”", self.message]
        if self.explanation:
            lines.append(f"Why: {self.explanation}")
        if self.note:
            lines.append(f"Student's note: “{self.note}”")
        return "\n".join(lines)


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
    boxed = tuple(outcome.key for outcome in report.outcomes if outcome.key is not None)
    return tuple(_item(outcome, why=why, voice=voice, boxed=boxed) for outcome in report.outcomes)


def overlapped_key(span: ScoredSpan, keys: Iterable[ScoredKeySpan]) -> ScoredKeySpan | None:
    """The key span among `keys` that `span` overlaps most (ties: earliest start, then label
    order, as scoring.md names spans), or None when it overlaps none.

    For a spurious span the review passes the key spans it boxes (the report's outcomes), so
    the sentence names a box the student can see around their label instead of saying the
    label "matches nothing in the key". Scoring already decided the span is spurious (it
    covers under half of each); this only finds where it sits.
    """
    best: tuple[int, int, int] | None = None
    found = None
    for key in keys:
        overlap = min(span.end, key.end) - max(span.start, key.start)
        if overlap <= 0:
            continue
        rank = (-overlap, key.start, LABELS.index(key.label))
        if best is None or rank < best:
            best, found = rank, key
    return found


def _item(
    outcome: Outcome, *, why: bool, voice: Voice, boxed: tuple[ScoredKeySpan, ...]
) -> ReviewItem:
    key, student = outcome.key, outcome.student
    # A teacher reads the student's reasoning beside each outcome; a student knows their own.
    note = student.note.strip() if student and voice.audience is Audience.TEACHER else ""
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
            describe(outcome, voice=voice, near=overlapped_key(student, boxed)),
            note=note,
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
        note,
    )


def _covered(outcome: Outcome, key: ScoredKeySpan) -> int:
    """Characters of the key span covered with an accepted label (coverage x length)."""
    return round((outcome.coverage or 0.0) * (key.end - key.start))


def _labels(labels: Iterable[Label]) -> str:
    names = [label.value for label in sorted(labels, key=LABELS.index)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe(outcome: Outcome, *, voice: Voice = STUDENT, near: ScoredKeySpan | None = None) -> str:
    """One to three sentences saying what happened: to the student ("You…") or, in the
    teacher's voice, about them ("Ben…").

    `near` is, for a spurious span, the key span it overlaps (`overlapped_key`): the
    sentence then says it covers too little of that span to count as an attempt at it,
    rather than "matches nothing in the key" beside the box drawn around it.
    """
    kind, key, student = outcome.kind, outcome.key, outcome.student
    if key is None:
        assert student is not None
        if near is not None:
            return voice.say("spurious_on_key", chosen=student.label.value, label=near.label.value)
        return voice.say("spurious", chosen=student.label.value)
    name = key.label.value
    length = key.end - key.start
    if kind is OutcomeKind.MISSED:
        return voice.say("missed", label=name)
    assert student is not None
    chosen = student.label.value
    if kind is OutcomeKind.WRONG_LABEL:
        others = key.accepted - {key.label}
        also = voice.say("also", labels=_labels(others)) if others else ""
        return voice.say("wrong_label", chosen=chosen, label=name, also=also)
    also_accepted = (
        voice.say("also_accepted", chosen=chosen) if student.label is not key.label else ""
    )
    if kind is OutcomeKind.CORRECT:
        return voice.say("correct", label=name) + also_accepted
    covered = _covered(outcome, key)
    characters = plural(length, "character")
    if kind is OutcomeKind.BONUS:
        said = voice.say("bonus", label=name, covered=covered, characters=characters)
        return said + also_accepted
    # partial: which way the named span differs from the key's
    if student.start >= key.start and student.end <= key.end:
        text = voice.say("shorter", label=name, covered=covered, characters=characters)
    elif student.start <= key.start and student.end >= key.end:
        extra = plural((student.end - student.start) - length, "more character")
        text = voice.say("longer", label=name, extra=extra, length=length)
    else:
        text = voice.say("crossing", label=name, covered=covered, characters=characters)
    return text + also_accepted
