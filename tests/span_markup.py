"""Span markup for data-driven tests: `"Police [said|sourcing] that [it rained|fact]."`.

`[text|label]` marks a span; brackets nest, so overlapping spans of different
labels are written `[[Police|sourcing] said it rained|claim]`. For key spans,
`|claim+speculation` also accepts speculation and a trailing `?` makes the span
optional: `[maybe|speculation?]`. `[`, `|` and `]` are markup only.
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.core.model import KeySpan, Label, Span, SpanId
from medialit.core.text import context


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    label: Label
    also_accept: frozenset[Label]
    optional: bool


def parse(markup: str) -> tuple[str, list[Marked]]:
    """The plain text and the marked spans, in order of their closing bracket."""
    text: list[str] = []
    opened: list[int] = []
    marks: list[Marked] = []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "[":
            opened.append(len(text))
        elif ch == "|":
            close = markup.index("]", i)
            spec = markup[i + 1 : close]
            optional = spec.endswith("?")
            names = spec.rstrip("?").split("+")
            label = Label(names[0])
            also = frozenset(Label(n) for n in names[1:])
            marks.append(Marked(opened.pop(), len(text), label, also, optional))
            i = close
        else:
            text.append(ch)
        i += 1
    assert not opened, f"unclosed [ in {markup!r}"
    return "".join(text), marks


def key_of(markup: str) -> tuple[str, list[KeySpan]]:
    text, marks = parse(markup)
    return text, [
        KeySpan(
            id=f"k{n}",
            start=m.start,
            end=m.end,
            label=m.label,
            quote=text[m.start : m.end],
            also_accept=m.also_accept,
            optional=m.optional,
        )
        for n, m in enumerate(marks)
    ]


def tuples_of(markup: str) -> tuple[str, list[tuple[int, int, Label]]]:
    text, marks = parse(markup)
    return text, [(m.start, m.end, m.label) for m in marks]


def spans_of(markup: str) -> tuple[str, list[Span]]:
    """Student spans as `Span` objects with ids s0, s1, ... and their context."""
    text, marks = parse(markup)
    spans = []
    for n, m in enumerate(marks):
        prefix, suffix = context(text, m.start, m.end)
        spans.append(
            Span(SpanId(f"s{n}"), m.start, m.end, m.label, text[m.start : m.end], prefix, suffix)
        )
    return text, spans
