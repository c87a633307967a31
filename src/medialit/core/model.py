"""The nouns of medialit: labels, spans, key spans, articles, lessons, submissions.

Plain frozen dataclasses: the core passes them around; the store and the file
formats turn them into rows and JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NewType

from medialit.core.errors import InvalidSpanError
from medialit.core.text import context, text_hash, trim

SpanId = NewType("SpanId", str)


def new_id() -> str:
    """uuid4 hex, made in the core so that redo re-inserts the very same row."""
    import uuid  # here: its import (platform and more) is not needed to show a window

    return uuid.uuid4().hex


def new_span_id() -> SpanId:
    return SpanId(new_id())


class Label(str, Enum):
    CLAIM = "claim"
    FACT = "fact"
    SPECULATION = "speculation"
    SOURCING = "sourcing"

    @property
    def info(self) -> LabelInfo:
        return LABEL_INFO[self]


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """A label's name, practice definition and shortcut, and the cues that tell it apart."""

    title: str
    definition: str
    shortcut: str
    colour: str  # ink: underlines, initials, ticks; at least 4.5:1 on white (WCAG text)
    underline: str  # a second, non-colour cue: solid, dash, dot, wave
    initial: str
    tint: str  # the highlight behind the text, as painted on white; the tints stay >= 10
    # CIEDE2000 apart (and from white) in normal, protan, deutan and tritan vision
    # (Machado 2009): tests/gui/test_colours.py


# The definitions are the practice lesson's (lessons/000_*.json): every new lesson starts with
# them (`DEFAULT_DEFINITIONS`), and a lesson file without `labels` is read with them.
LABEL_INFO: dict[Label, LabelInfo] = {
    Label.CLAIM: LabelInfo(
        "Claim",
        "Something a person says is true, but the article gives no proof, so you have to trust "
        "them or check it.",
        "1",
        "#9A5800",
        "solid",
        "C",
        "#F1E272",
    ),
    Label.FACT: LabelInfo(
        "Fact",
        "Something that happened or is true and that you could check yourself, in records, "
        "videos or other reliable reports.",
        "2",
        "#00765A",
        "dash",
        "F",
        "#AED3AE",
    ),
    Label.SPECULATION: LabelInfo(
        "Speculation",
        "A guess about what might be true, might happen or might have caused something: look "
        "for words like may, might, appears, would.",
        "3",
        "#A03A78",
        "wave",
        "S",
        "#CB9EB5",
    ),
    Label.SOURCING: LabelInfo(
        "Sourcing",
        "Where the information comes from: who said it, or which news outlet, video or "
        "document it came from.",
        "4",
        "#00579A",
        "dot",
        "Src",
        "#72ABFD",
    ),
}

LABELS: tuple[Label, ...] = tuple(Label)


def parse_label(value: object) -> Label:
    if not isinstance(value, str):
        raise InvalidSpanError(f"label must be a string, not {type(value).__name__}")
    try:
        return Label(value)
    except ValueError:
        names = ", ".join(label.value for label in LABELS)
        raise InvalidSpanError(f"unknown label {value!r} (expected one of {names})") from None


class FeedbackMode(str, Enum):
    NONE = "none"
    SCORE = "score"
    WHERE = "where"
    WHERE_WHY = "where+why"


@dataclass(frozen=True, slots=True)
class Article:
    """A lesson's canonical text and its SHA-256 (`from_text` computes it)."""

    text: str
    sha256: str

    @classmethod
    def from_canonical(cls, text: str) -> Article:
        return cls(text=text, sha256=text_hash(text))

    def check_range(self, start: int, end: int) -> None:
        """Reject offsets that are not ints or do not give 0 <= start < end <= len."""
        for name, value in (("start", start), ("end", end)):
            if type(value) is not int:
                raise InvalidSpanError(f"{name} must be an integer, not {value!r}")
        if not 0 <= start < end <= len(self.text):
            raise InvalidSpanError(
                f"offsets [{start}, {end}) are outside the article (0..{len(self.text)})"
            )


@dataclass(frozen=True, slots=True)
class Span:
    """A student's labelled stretch of text: code-point offsets plus the quoted text."""

    id: SpanId
    start: int
    end: int
    label: Label
    quote: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""

    @classmethod
    def create(
        cls,
        article: Article,
        start: int,
        end: int,
        label: Label,
        *,
        note: str = "",
        span_id: SpanId | None = None,
    ) -> Span:
        """A new span on `article`, its quote and context taken from the canonical text."""
        article.check_range(start, end)
        prefix, suffix = context(article.text, start, end)
        return cls(
            id=span_id or new_span_id(),
            start=start,
            end=end,
            label=label,
            quote=article.text[start:end],
            prefix=prefix,
            suffix=suffix,
            note=note,
        )

    def with_label(self, label: Label) -> Span:
        return Span(
            self.id, self.start, self.end, label, self.quote, self.prefix, self.suffix, self.note
        )

    def with_note(self, note: str) -> Span:
        return Span(
            self.id, self.start, self.end, self.label, self.quote, self.prefix, self.suffix, note
        )


@dataclass(frozen=True, slots=True)
class KeySpan:
    """A teacher's answer-key span (scoring.md: label, also_accept, optional, explanation)."""

    id: str
    start: int
    end: int
    label: Label
    quote: str
    also_accept: frozenset[Label] = frozenset()
    optional: bool = False
    explanation: str = ""

    @property
    def accepted(self) -> frozenset[Label]:
        return self.also_accept | {self.label}


def trimmed_range(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The span's scoring boundaries, or None when it trims to nothing (the GUI refuses it)."""
    s, e = trim(article.text, start, end)
    return (s, e) if s < e else None


@dataclass(frozen=True, slots=True)
class LabelDefinition:
    """What a label means in one lesson, in the words students read."""

    label: Label
    definition: str


DEFAULT_DEFINITIONS: tuple[LabelDefinition, ...] = tuple(
    LabelDefinition(label, label.info.definition) for label in LABELS
)
"""One set for every new lesson; the teacher changes them per lesson (Lesson > Label definitions)."""


@dataclass(frozen=True, slots=True)
class Lesson:
    """A lesson: the article, label definitions, feedback mode and (for teachers) the key."""

    id: str
    version: int
    title: str
    article: Article
    source: str = ""
    date: str = ""
    previous_sha256: tuple[str, ...] = ()
    definitions: tuple[LabelDefinition, ...] = ()
    feedback: FeedbackMode = FeedbackMode.NONE
    key: tuple[KeySpan, ...] | None = None
    kind: str = "lesson"  # lesson | student-pack | review-pack
    level: int | None = None  # 1 easy ... 3 hard; orders the lesson picker
    origin: str = field(default="", compare=False)  # file it was read from, for messages

    @property
    def label_definitions(self) -> tuple[LabelDefinition, ...]:
        """All four labels' definitions in this lesson, the default where it gives none."""
        return tuple(LabelDefinition(label, self.definition_of(label)) for label in LABELS)

    def definition_of(self, label: Label) -> str:
        for item in self.definitions:
            if item.label is label:
                return item.definition
        return label.info.definition

    @property
    def has_key(self) -> bool:
        return bool(self.key)

    @property
    def review_allowed(self) -> bool:
        return (
            self.has_key and self.feedback is not FeedbackMode.NONE and self.kind != "student-pack"
        )
