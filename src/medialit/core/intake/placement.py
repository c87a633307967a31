"""Which lesson and which of its text versions a submission is on, and its spans placed on
the lesson's current text: the one placement every path uses.

A lesson is known by its `TextVersions`: the current article, the earlier texts whose
characters are known (the teacher's database keeps every version), and the SHA-256s of
earlier texts that are only named (`previous_sha256` in a lesson file).

- On the current text: every span's offsets and quote are checked against it.
- On an earlier text whose characters are known: checked against that text, then
  re-anchored onto the current one by quote and context (`anchoring.reanchor_kept`: once
  per submission and text, kept).
- On an earlier text known only by its SHA-256: re-anchored by the quotes it carries.
- Any other text: refused (`article_sha256`).

The lesson: the one the submission names if it is among them; else the one whose text it
is on, with a notice (a lesson made again from the same article); else refused.
A span that cannot be re-anchored is never dropped silently: it is counted, and named in
a notice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from medialit.core.anchoring import reanchor_kept
from medialit.core.errors import FileFormatError
from medialit.core.intake.readers import Arrival
from medialit.core.intake.sources import Problem, Refused
from medialit.core.model import Article, Label, Lesson, Span, SpanId
from medialit.core.scoring import SpanLike
from medialit.core.submission import check_against
from medialit.core.text import context


@dataclass(frozen=True, slots=True)
class TextVersions:
    """A lesson, its current article and every earlier text it is known to have had."""

    lesson: Lesson
    earlier: dict[str, Article] = field(default_factory=dict)  # sha256 -> text, known ones
    numbers: dict[str, int] = field(default_factory=dict)  # sha256 -> the version it was

    @property
    def current(self) -> Article:
        return self.lesson.article

    def knows(self, sha256: str) -> bool:
        return (
            sha256 == self.current.sha256
            or sha256 in self.earlier
            or sha256 in self.lesson.previous_sha256
        )

    def version_of(self, sha256: str) -> int:
        """The lesson version whose text this is (the current one when not known)."""
        if sha256 == self.current.sha256:
            return self.lesson.version
        return self.numbers.get(sha256, self.lesson.version)


@dataclass(frozen=True, slots=True)
class Placed:
    """A submission placed: its lesson, its spans on the lesson's current text, the spans
    that could not be placed there (kept, counted, never scored), and notices."""

    arrival: Arrival
    versions: TextVersions
    spans: tuple[SpanLike, ...]
    orphans: tuple[SpanLike, ...] = ()
    notices: tuple[Problem, ...] = ()

    @property
    def lesson(self) -> Lesson:
        return self.versions.lesson


def place(arrival: Arrival, lessons: Sequence[TextVersions]) -> Placed:
    """`arrival` placed on one of `lessons`, or `Refused` naming the field."""
    versions, notices = _lesson_for(arrival, lessons)
    sha = arrival.header.article_sha256
    current = versions.current
    if sha == current.sha256:
        _checked(arrival, current)
        return Placed(arrival, versions, arrival.spans, (), notices)
    earlier = versions.earlier.get(sha)
    if earlier is not None:
        _checked(arrival, earlier)
    elif sha not in versions.lesson.previous_sha256:
        raise Refused(
            "is for a different article text (not this lesson's article nor an earlier "
            "version of it)",
            field="article_sha256",
        )
    spans = _as_spans(arrival, earlier)
    placed, orphans = reanchor_kept(spans, current.text)
    notes = [
        Problem(
            arrival.origin,
            arrival.line,
            f"made on an earlier version of the article: {len(placed)} of {len(spans)} spans "
            "re-anchored in the corrected text",
        )
    ]
    notes += [
        Problem(
            arrival.origin,
            arrival.line,
            f"span {span.label.value} {span.quote[:40]!r} at [{span.start}, {span.end}) is not "
            "in the corrected text; not scored",
        )
        for span in orphans
    ]
    return Placed(arrival, versions, placed, orphans, (*notices, *notes))


def _lesson_for(
    arrival: Arrival, lessons: Sequence[TextVersions]
) -> tuple[TextVersions, tuple[Problem, ...]]:
    named = next((v for v in lessons if v.lesson.id == arrival.header.lesson_id), None)
    if named is not None:
        return named, ()
    by_text = next((v for v in lessons if v.knows(arrival.header.article_sha256)), None)
    if by_text is None:
        if arrival.header.lesson_id:
            sub = arrival.submission
            title = f" “{sub.lesson_title[:60]}”" if sub and sub.lesson_title else ""
            raise Refused(
                f"is for another lesson{title} ({arrival.header.lesson_id[:64]}), not one of the "
                "lessons it was checked against, and its text is none of theirs",
                field="lesson_id",
            )
        target = lessons[0].current.text if lessons else ""
        raise Refused(
            "is not the lesson's article text (first difference at character "
            f"{_first_difference(arrival.text, target)})",
            field="text",
        )
    if not arrival.header.lesson_id or not by_text.lesson.id:  # a class-file line, or a doccano key
        return by_text, ()
    notice = Problem(
        arrival.origin,
        arrival.line,
        f"was made for lesson {arrival.header.lesson_id[:64]}; its text is the text of "
        f"“{by_text.lesson.title}” ({by_text.lesson.id}), so it counts for that lesson",
    )
    return by_text, (notice,)


def _checked(arrival: Arrival, article: Article) -> None:
    """Offsets inside `article` and (for a submission file) quotes equal to its text."""
    if arrival.submission is None:
        return  # a class-file line: its spans were made from its own text, which is `article`
    try:
        check_against(arrival.submission, article)
    except FileFormatError as exc:
        raise Refused(exc.reason, field=exc.field) from None


def _as_spans(arrival: Arrival, text: Article | None) -> tuple[Span, ...]:
    """Spans with quotes and context, as re-anchoring needs them."""
    if arrival.submission is not None:
        return arrival.submission.spans
    source = arrival.text if text is None else text.text
    out = []
    for i, (s, e, label) in enumerate(_triples(arrival.spans)):
        prefix, suffix = context(source, s, e)
        out.append(Span(SpanId(f"{arrival.line}-{i}"), s, e, label, source[s:e], prefix, suffix))
    return tuple(out)


def _triples(spans: Iterable[SpanLike]) -> list[tuple[int, int, Label]]:
    return [s if isinstance(s, tuple) else (s.start, s.end, s.label) for s in spans]


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))
