"""The review's words: every sentence it says, per audience, and the one plural helper.

A 14-year-old reads these right after handing work in, so each entry of
`WORDING` (placeholders filled from scoring.md's worked example) stays at or
under Flesch-Kincaid grade 8 (tests/core/test_wording.py measures it). The
words speak to the student ("You found this claim…") by default; a teacher
looking at a student's work gets the same review in the third person ("Ben
found this claim…", or "The student…" without a name): a `Voice`.

No numbers are made here: callers pass them in (core.review, from
core.scoring). The key's explanations are the teacher's own words and are
not in this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

EMPTY = "—"
"""An empty cell: the figure does not exist (not zero), scoring.md."""


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 span", "2 spans", "0 spans": the count and the word that agrees with it.

    `many` defaults to `one` + "s"; give it for other plurals ("1 label was",
    "2 labels were"). The only plural helper medialit has: every "N thing(s)"
    a user reads goes through it.
    """
    return f"{n} {one if n == 1 else (one + 's' if many is None else many)}"


def one_line(text: str, limit: int) -> str:
    """`text` on one line (each run of spaces and line breaks one space), cut to `limit`
    characters with "…". The only such helper: every shortened quote, note or name a
    user reads goes through it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def minute(stamp: str) -> str:
    """An ISO 8601 time stamp to the minute, as the teacher's views show it
    ("2026-11-30 09:05"); "" stays "". The only such helper."""
    return stamp[:16].replace("T", " ")


class Audience(str, Enum):
    STUDENT = "student"
    TEACHER = "teacher"


WORDING: dict[Audience, dict[str, str]] = {
    Audience.STUDENT: {
        # the lead: what a student can check on the page, then the score
        "found": "You found {found} of the {key_spans}",
        "exactly": "{exactly} exactly right",
        "stray_none": "every label you made is on a key span",
        "stray_one": "1 of your labels matches nothing in the key",
        "stray_many": "{stray} of your labels match nothing in the key",
        "no_labels": "you made no labels",
        "score": "Score {score} out of 100",
        # one outcome each
        "spurious": (
            "You labelled this as {chosen}. It matches nothing in the key, so it lowers your score."
        ),
        # a spurious span on a key span of another label, too small to be an attempt at it
        "spurious_on_key": (
            "You labelled this as {chosen}. It covers less than half of the key's {label} "
            "span here, so it does not count as an attempt at it and lowers your score. "
            "A different label must cover at least half to count."
        ),
        "missed": "You did not find this. The key says it is {label}.",
        "wrong_label": "You labelled this as {chosen}, but the key says {label}{also}.",
        "also": " (it also takes {labels})",
        "also_accepted": " You chose {chosen}, which the key also takes here.",
        "correct": "You found this {label} with just the key's words.",
        "bonus": (
            "Well spotted! This {label} is an extra in the key, and you found it "
            "({covered} of {characters}). It does not count in your score."
        ),
        "shorter": (
            "You found this {label}, but your span was shorter. "
            "You got {covered} of its {characters}."
        ),
        "longer": (
            "You found this {label}, but your span was longer. It has {extra} "
            "than the key's {length}."
        ),
        "crossing": (
            "You found part of this {label}. You got {covered} of its {characters}, "
            "and your span goes past it."
        ),
        # the figures, behind Details: one plain sentence each
        "details": "More details",
        "precision_help": "Precision: how much of what you marked the key marks too, with that label.",
        "recall_help": "Recall: how much of the key's spans you found, with a label it takes.",
        "f1_help": "F1 puts the two together. It is high only when both are high.",
        "all_labels": (
            "All labels together: precision {precision}, recall {recall}. "
            "Your score is their F1, out of 100."
        ),
        "empty_help": "{empty} means there is nothing to measure. That is not the same as 0.",
        "labelled_nothing": "You labelled nothing as {label}.",
        "no_key_span": "The key has no {label} span to find.",
        # the rest of the window
        "legend": (
            "Your spans are tinted and underlined as when you worked. The key's spans are "
            "boxed. The badge says how you did and gives the key's label (C claim, F fact, "
            "S speculation, Src sourcing):"
        ),
        "legend_said": (
            "Legend: your spans are tinted. The key's spans are boxed, with a badge. "
            "A tick is correct. A half circle is partly found. A cross is a wrong label. "
            "A circle is missed. A question mark is not in the key. A plus is a bonus."
        ),
        "article_name": "Article with your spans and the key's spans",
        "figures_name": "Your figures per label",
        "summary_name": "Your result",
        "score_only": (
            "Your teacher shows only the score for this lesson. It does not show which spans "
            "matched the key."
        ),
    },
    Audience.TEACHER: {
        "found": "{who} found {found} of the {key_spans}",
        "exactly": "{exactly} exactly right",
        "stray_none": "every label {who} made is on a key span",
        "stray_one": "1 of {whose} labels matches nothing in the key",
        "stray_many": "{stray} of {whose} labels match nothing in the key",
        "no_labels": "{whom} made no labels",
        "score": "Score {score} out of 100",
        "spurious": (
            "{who} labelled this as {chosen}. It matches nothing in the key, "
            "so it lowers the score."
        ),
        "spurious_on_key": (
            "{who} labelled this as {chosen}. It covers less than half of the key's {label} "
            "span here, so it does not count as an attempt at it and lowers the score. "
            "A different label must cover at least half to count."
        ),
        "missed": "{who} did not find this. The key says it is {label}.",
        "wrong_label": "{who} labelled this as {chosen}, but the key says {label}{also}.",
        "also": " (it also takes {labels})",
        "also_accepted": " {who} chose {chosen}, which the key also takes here.",
        "correct": "{who} found this {label} with just the key's words.",
        "bonus": (
            "This {label} is an extra in the key, and {whom} found it "
            "({covered} of {characters}). It is a bonus and does not count."
        ),
        "shorter": (
            "{who} found this {label}, but the span was shorter. "
            "It has {covered} of its {characters}."
        ),
        "longer": (
            "{who} found this {label}, but the span was longer. It has {extra} "
            "than the key's {length}."
        ),
        "crossing": (
            "{who} found part of this {label}. The span has {covered} of its {characters}, "
            "and goes past it."
        ),
        "details": "More details",
        "precision_help": "Precision: how much of what {whom} marked the key marks too, with that label.",
        "recall_help": "Recall: how much of the key's spans {whom} found, with a label it takes.",
        "f1_help": "F1 puts the two together. It is high only when both are high.",
        "all_labels": (
            "All labels together: precision {precision}, recall {recall}. "
            "The score is their F1, out of 100."
        ),
        "empty_help": "{empty} means there is nothing to measure. That is not the same as 0.",
        "labelled_nothing": "{who} labelled nothing as {label}.",
        "no_key_span": "The key has no {label} span to find.",
        "legend": (
            "{Whose} spans are tinted and underlined as they were labelled. The key's spans "
            "are boxed. The badge says how it went and gives the key's label (C claim, "
            "F fact, S speculation, Src sourcing):"
        ),
        "legend_said": (
            "Legend: {whose} spans are tinted. The key's spans are boxed, with a badge. "
            "A tick is correct. A half circle is partly found. A cross is a wrong label. "
            "A circle is missed. A question mark is not in the key. A plus is a bonus."
        ),
        "article_name": "Article with {whose} spans and the key's spans",
        "figures_name": "{Whose} figures per label",
        "summary_name": "{Whose} result",
        "score_only": (
            "This lesson's feedback mode shows only the score. It does not show which spans "
            "matched the key."
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
        return first_upper(self.whom)

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
            Whose=first_upper(self.whose),
            empty=EMPTY,
            **fields,
        )

    def work_heading(self, title: str) -> str:
        """ "Your work on “Title”", "Ben's work on “Title”"."""
        owner = f"{self.name}'s" if self.name else first_upper(self.whose)
        return f"{owner} work on “{title}”"


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


STUDENT = Voice()
"""The default: the review speaks to the student who did the work."""
