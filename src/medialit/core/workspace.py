"""A student's work on one lesson, without Qt: selections to spans, and the submission.

The GUI hands over code-point selections; every rule about what a selection
becomes (word snapping, trimming as in scoring.md) and what a submission
contains lives here, so it is tested without a window.
"""

from __future__ import annotations

from collections.abc import Iterable

from medialit.core.model import Lesson, Span
from medialit.core.store import Student, now
from medialit.core.submission import Submission
from medialit.core.text import snap_to_words, trim


def selection_range(text: str, start: int, end: int, *, snap: bool) -> tuple[int, int] | None:
    """The span a selection becomes, or None when it is only spaces and punctuation.

    Trim first (so "Bald " still snaps to "Baldwin"), then grow a word cut in
    half to the whole word, then trim again (snapping may reach a closing quote).
    """
    s, e = trim(text, start, end)
    if s >= e:
        return None
    if snap:
        s, e = trim(text, *snap_to_words(text, s, e))
    return (s, e) if s < e else None


def fitting_spans(text: str, spans: Iterable[Span]) -> tuple[list[Span], list[Span]]:
    """(spans whose quote is still the text at their offsets, spans that no longer fit).

    A lesson re-issued with a changed article keeps its id; work saved against
    the old text must not be drawn at the wrong place (or past the end).
    """
    good: list[Span] = []
    stale: list[Span] = []
    for span in spans:
        fits = 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.quote
        (good if fits else stale).append(span)
    return good, stale


def make_submission(
    lesson: Lesson,
    student: Student,
    spans: Iterable[Span],
    *,
    app_version: str,
    submitted_at: str | None = None,
) -> Submission:
    """Everything the teacher needs to score this work, and nothing about the key."""
    return Submission(
        lesson_id=lesson.id,
        lesson_version=lesson.version,
        article_sha256=lesson.article.sha256,
        student_id=student.id,
        student_name=student.name,
        class_code=student.class_code,
        submitted_at=submitted_at or now(),
        spans=tuple(spans),
        app_version=app_version,
        lesson_title=lesson.title,
    )
