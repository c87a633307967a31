"""Checking an answer key: counts and warnings, making a key span as scoring trims it (no
same-label overlap), and moving a key span's edges (merging what it grows into). Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from medialit.core.edges import absorb
from medialit.core.errors import InvalidSpanError
from medialit.core.lesson import find_same_label_overlap
from medialit.core.model import LABELS, Article, KeySpan, Label, new_id, trimmed_range
from medialit.core.wording import one_line


@dataclass(frozen=True, slots=True)
class KeyCheck:
    counts: dict[Label, int]
    without_explanation: tuple[KeySpan, ...]
    labels_without_span: tuple[Label, ...]
    required: int

    @property
    def warnings(self) -> list[str]:
        out = []
        if not self.required:
            out.append("The key has no required span yet, so it cannot be scored.")
        for label in self.labels_without_span:
            out.append(f"No key span is labelled {label.value}.")
        for k in self.without_explanation:  # last: the key list marks these too (⚠)
            out.append(f"No explanation: {k.label.value} “{one_line(k.quote, 40)}”")
        return out


def check_key(key: Sequence[KeySpan]) -> KeyCheck:
    counts = {label: 0 for label in LABELS}
    for k in key:
        counts[k.label] += 1
    return KeyCheck(
        counts=counts,
        without_explanation=tuple(k for k in key if not k.explanation.strip()),
        labels_without_span=tuple(label for label in LABELS if not counts[label]),
        required=sum(1 for k in key if not k.optional),
    )


def make_key_span(
    article: Article,
    start: int,
    end: int,
    label: Label,
    *,
    existing: Sequence[KeySpan] = (),
    also_accept: Iterable[Label] = (),
    optional: bool = False,
    explanation: str = "",
    span_id: str | None = None,
) -> KeySpan:
    """A key span trimmed as scoring trims it; refuses empty spans and same-label overlaps."""
    article.check_range(start, end)
    trimmed = trimmed_range(article, start, end)
    if trimmed is None:
        raise InvalidSpanError("that selection is only spaces or punctuation")
    s, e = trimmed
    span = KeySpan(
        id=span_id or new_id(),
        start=s,
        end=e,
        label=label,
        quote=article.text[s:e],
        also_accept=frozenset(also_accept) - {label},
        optional=optional,
        explanation=explanation,
    )
    check_no_overlap(span, existing)
    return span


def check_no_overlap(span: KeySpan, existing: Sequence[KeySpan]) -> None:
    """Refuse a key span that overlaps another key span of the same label (scoring.md)."""
    others = [k for k in existing if k.id != span.id]
    clash = find_same_label_overlap([*others, span])
    if clash:
        a, b = clash
        other = b if a.id == span.id else a
        raise InvalidSpanError(
            f"it overlaps the {other.label.value} key span “{one_line(other.quote, 40)}”; "
            "key spans of the same label must not overlap"
        )


@dataclass(frozen=True, slots=True)
class KeyReshape:
    """A key span moved to new edges; `absorbed`: the same-label key spans merged into it."""

    before: KeySpan
    span: KeySpan
    absorbed: tuple[KeySpan, ...] = ()


def reshape_key_span(
    article: Article, key: Sequence[KeySpan], span: KeySpan, start: int, end: int
) -> KeyReshape:
    """`span` with edges [start, end) (trimmed as scoring trims). A key span of its label it
    now shares a character with is merged into it (the union of both, again until none is
    left), as a student's spans merge: the merged span keeps its id, accepts what either
    accepted, is optional only if all were, and keeps every explanation, its own first."""
    trimmed = trimmed_range(article, start, end)
    if trimmed is None:
        raise InvalidSpanError("that would leave only spaces or punctuation")
    start, end = trimmed
    same = [k for k in key if k.label is span.label and k.id != span.id]
    start, end, absorbed = absorb(same, start, end)
    explanations: list[str] = []
    for k in (span, *absorbed):
        if k.explanation.strip() and k.explanation not in explanations:
            explanations.append(k.explanation)
    also = frozenset().union(*(k.also_accept for k in (span, *absorbed))) - {span.label}
    moved = KeySpan(
        id=span.id,
        start=start,
        end=end,
        label=span.label,
        quote=article.text[start:end],
        also_accept=also,
        optional=all(k.optional for k in (span, *absorbed)),
        explanation="\n".join(explanations),
    )
    return KeyReshape(before=span, span=moved, absorbed=tuple(absorbed))
