"""Builders for `medialit score` inputs: lesson files with keys, submission files, JSONL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from medialit.core.jsonfile import dump_json
from medialit.core.lesson import save_lesson
from medialit.core.model import Article, KeySpan, Label, Lesson, Span, SpanId
from medialit.core.submission import Submission, submission_to_dict
from medialit.core.text import context
from tests.span_markup import key_of

KEY_MARKUP = (
    "[Baldwin said it was a one-in-a-trillion event|claim] [(via CBS News).|sourcing] "
    "[Investigators|sourcing] said [the gun held live rounds|fact]. "
    "[It may have been mislabelled|speculation+claim]. [Some blame the armourer|claim?]."
)
TEXT, KEY = key_of(KEY_MARKUP)
LESSON_ID = "c" * 32


def make_lesson(
    text: str = TEXT,
    key: Sequence[KeySpan] | None = KEY,
    *,
    previous_sha256: tuple[str, ...] = (),
    title: str = "Rust shooting",
) -> Lesson:
    return Lesson(
        id=LESSON_ID,
        version=1,
        title=title,
        article=Article.from_canonical(text),
        previous_sha256=previous_sha256,
        key=tuple(key) if key is not None else None,
    )


def write_lesson(path: Path, lesson: Lesson | None = None) -> Path:
    save_lesson(path, lesson or make_lesson())
    return path


def spans_for(text: str, quotes: Sequence[tuple[str, Label]]) -> tuple[Span, ...]:
    """Spans on the first occurrence of each quote, with context, ids q0, q1, ..."""
    spans = []
    for n, (quote, label) in enumerate(quotes):
        start = text.index(quote)
        end = start + len(quote)
        prefix, suffix = context(text, start, end)
        spans.append(Span(SpanId(f"q{n}"), start, end, label, quote, prefix, suffix))
    return tuple(spans)


def make_submission(
    student_id: str,
    spans: Sequence[Span],
    *,
    text: str = TEXT,
    name: str = "",
    class_code: str = "7b",
    submitted_at: str = "2026-01-05T10:00:00+00:00",
    lesson_id: str = LESSON_ID,
    sha256: str | None = None,
) -> Submission:
    return Submission(
        lesson_id=lesson_id,
        lesson_version=1,
        article_sha256=sha256 or Article.from_canonical(text).sha256,
        student_id=student_id,
        student_name=name or f"Student {student_id}",
        class_code=class_code,
        submitted_at=submitted_at,
        spans=tuple(spans),
    )


def write_submission(path: Path, sub: Submission) -> Path:
    path.write_bytes(dump_json(submission_to_dict(sub)))
    return path


def jsonl_line(
    student: str, spans: Sequence[tuple[int, int, str]], text: str = TEXT, **kw: str
) -> str:
    return json.dumps({"student": student, "text": text, "label": [list(s) for s in spans], **kw})


def write_jsonl(path: Path, lines: Sequence[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
