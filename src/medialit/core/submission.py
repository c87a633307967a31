"""The submission file format (JSON, versioned): a student's spans for one lesson.

Format `medialit-submission`, version 1::

    {
      "format": "medialit-submission", "format_version": 1,
      "app_version": "0.1.0",
      "lesson_id": "<uuid4 hex>", "lesson_version": 1, "lesson_title": "...",
      "article_sha256": "<sha256 of the canonical article text>",
      "student_id": "<uuid4 hex>", "student_name": "...", "class_code": "...",
      "submitted_at": "2026-11-29T17:05:00.000000+00:00",
      "spans": [{"id": "...", "start": 0, "end": 12, "label": "claim", "quote": "...",
                 "prefix": "...", "suffix": "...", "note": "..."}]
    }

Offsets are code points into the canonical text, half-open. Any score-like
member ("score", "results", ...) is ignored: scores only ever come from the key.

Limits (a file over one is refused, naming the file and field): 8 MiB per file
(`jsonfile.MAX_FILE_BYTES`), nesting 32 deep, 10,000 spans (`MAX_SPANS`).
A student name keeps what the student typed for display, minus control and
format characters, at most 100 characters; file names (`safe_filename_part`)
and CSV cells (the CSV writer) neutralise it where it is written out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.core.errors import FileFormatError, InvalidSpanError
from medialit.core.jsonfile import (
    MAX_FILE_BYTES,
    Fields,
    dump_json,
    parse_json_text,
    read_json_file,
)
from medialit.core.model import Article, Span, SpanId, parse_label
from medialit.core.outfile import write_output
from medialit.core.text import PLAIN_LETTERS

FORMAT = "medialit-submission"
FORMAT_VERSION = 1
MAX_SPANS = 10_000
MAX_OFFSET = MAX_FILE_BYTES  # no article is longer than the 8 MiB file cap
MAX_VERSION = 1_000_000  # as a lesson's `version`
MAX_NAME = 100
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True, slots=True)
class SubmissionHeader:
    """Whose work, on which lesson and text, handed in when: how a submission file begins,
    and so how its record in the teacher's database begins (`teacher_records.ImportRecord`).
    Here, not in `model`: a student's start-up does not make it."""

    lesson_id: str
    lesson_version: int
    article_sha256: str
    student_id: str
    student_name: str
    class_code: str
    submitted_at: str


def header_fields(header: SubmissionHeader, **changes: object) -> dict[str, Any]:
    """`header`'s fields by name, with `changes` (header fields only), to begin another record
    that begins with a header: `ImportRecord(**header_fields(sub), path=...)`. Copied here,
    once, so a field added to the header is carried by every such record, never forgotten."""
    fields = {f.name: getattr(header, f.name) for f in dataclasses.fields(SubmissionHeader)}
    unknown = changes.keys() - fields.keys()
    if unknown:
        raise TypeError(f"not submission header fields: {', '.join(sorted(unknown))}")
    return fields | changes


@dataclass(frozen=True, slots=True)
class Submission(SubmissionHeader):
    spans: tuple[Span, ...]
    app_version: str = ""
    lesson_title: str = ""
    origin: str = ""


def clean_name(name: str, *, max_len: int = MAX_NAME) -> str:
    """A display-safe student name: no control characters, trimmed, bounded."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in name
    )
    return re.sub(r"\s+", " ", kept).strip()[:max_len].rstrip()


def submission_from_dict(data: dict[str, Any], *, origin: str) -> Submission:
    """Validate shape and types. Offsets are checked against the article by `check_against`."""
    f = Fields(data, origin)
    f.check_format(FORMAT, FORMAT_VERSION)
    sha = f.text("article_sha256", required=True)
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise f.fail("article_sha256", "must be a 64-character lowercase SHA-256 hex string")
    student_id = f.text("student_id", required=True, max_len=64)
    if not ID_PATTERN.fullmatch(student_id):
        raise f.fail("student_id", "must be 1-64 letters, digits, '-' or '_'")
    lesson_id = f.text("lesson_id", required=True, max_len=64)
    if not ID_PATTERN.fullmatch(lesson_id):
        raise f.fail("lesson_id", "must be 1-64 letters, digits, '-' or '_'")
    submitted_at = f.text("submitted_at", required=True, max_len=40)
    try:
        # empty: not known (a class-file line without one); counts as the oldest
        moment = dt.datetime.fromisoformat(submitted_at) if submitted_at else None
    except ValueError:
        raise f.fail(
            "submitted_at", f"{submitted_at[:40]!r} is not an ISO 8601 date and time"
        ) from None
    if moment is not None and moment.tzinfo is None:  # no offset cannot be placed: which zone?
        raise f.fail(
            "submitted_at",
            f"{submitted_at[:40]!r} has no UTC offset (such as +00:00 or Z), so the time "
            "cannot be placed",
        )
    name = clean_name(f.text("student_name", required=True, max_len=10_000))
    if not name:
        raise f.fail("student_name", "is empty")
    spans = []
    seen: set[str] = set()
    for i in range(len(f.array("spans", required=True, max_items=MAX_SPANS))):
        item = f.item("spans", i)
        span_id = item.text("id", required=True, max_len=64)
        if not span_id or span_id in seen:
            raise item.fail("id", "is empty or repeated")
        seen.add(span_id)
        start = item.integer("start", required=True, low=0, high=MAX_OFFSET - 1)
        end = item.integer("end", required=True, low=1, high=MAX_OFFSET)
        if end <= start:
            raise item.fail("end", f"[{start}, {end}) is not a span (need start < end)")
        try:
            label = parse_label(item.data.get("label"))
        except InvalidSpanError as exc:
            raise item.fail("label", str(exc)) from None
        spans.append(
            Span(
                id=SpanId(span_id),
                start=start,
                end=end,
                label=label,
                quote=item.text("quote", required=True, max_len=1_000_000),
                prefix=item.text("prefix", max_len=1_000),
                suffix=item.text("suffix", max_len=1_000),
                note=item.text("note", max_len=5_000),
            )
        )
    return Submission(
        lesson_id=lesson_id,
        lesson_version=f.integer("lesson_version", default=1, low=1, high=MAX_VERSION),
        article_sha256=sha,
        student_id=student_id,
        student_name=name,
        class_code=clean_name(f.text("class_code", max_len=1_000), max_len=40),
        submitted_at=submitted_at,
        spans=tuple(spans),
        app_version=f.text("app_version", max_len=40),
        lesson_title=f.text("lesson_title", max_len=500),
        origin=origin,
    )


def check_against(sub: Submission, article: Article) -> None:
    """Offsets inside the article and quotes equal to its text, or a FileFormatError."""
    if sub.article_sha256 != article.sha256:
        raise FileFormatError(sub.origin, "is for a different article text", field="article_sha256")
    for i, span in enumerate(sub.spans):
        where = f"spans[{i}]"
        if span.end > len(article.text):
            raise FileFormatError(
                sub.origin,
                f"[{span.start}, {span.end}) is past the end of the article ({len(article.text)})",
                field=f"{where}.end",
            )
        if article.text[span.start : span.end] != span.quote:
            raise FileFormatError(
                sub.origin,
                f"quote {span.quote[:40]!r} does not match the text at [{span.start}, {span.end})",
                field=f"{where}.quote",
            )


def load_submission(path: str | Path) -> Submission:
    return submission_from_dict(read_json_file(path), origin=str(path))


def parse_submission(text: str, *, origin: str) -> Submission:
    return submission_from_dict(parse_json_text(text, origin), origin=origin)


def submission_to_dict(sub: Submission) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": sub.app_version,
        "lesson_id": sub.lesson_id,
        "lesson_version": sub.lesson_version,
        "lesson_title": sub.lesson_title,
        "article_sha256": sub.article_sha256,
        "student_id": sub.student_id,
        "student_name": sub.student_name,
        "class_code": sub.class_code,
        "submitted_at": sub.submitted_at,
        "spans": [
            {
                "id": s.id,
                "start": s.start,
                "end": s.end,
                "label": s.label.value,
                "quote": s.quote,
                "prefix": s.prefix,
                "suffix": s.suffix,
                "note": s.note,
            }
            for s in sorted(sub.spans, key=lambda s: (s.start, s.end, s.label.value))
        ],
    }


def safe_filename_part(value: str, *, max_len: int = 40) -> str:
    """Letters, digits, '-' and '_' only, so 30 files on one USB stick never collide or escape."""
    plain = unicodedata.normalize("NFKD", value.translate(PLAIN_LETTERS))  # Łukasz: Lukasz
    ascii_only = plain.encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_only).strip("-_")
    return cleaned[:max_len] or "x"


def submission_filename(sub: Submission) -> str:
    """`<lesson>_<student>-<id tail>_<YYYYmmdd-HHMMSS>.json`: the id tail keeps namesakes apart;
    seconds are enough (two submits in one second get `~2` from `write_submission`)."""
    digits = re.sub(r"[^0-9]", "", sub.submitted_at)[:14]
    stamp = f"{digits[:8]}-{digits[8:14]}" if len(digits) == 14 else digits or "0"
    lesson = safe_filename_part(sub.lesson_title or sub.lesson_id)
    student = safe_filename_part(sub.student_name)
    return f"{lesson}_{student}-{sub.student_id[:6]}_{stamp}.json"


def write_submission(folder: str | Path, sub: Submission) -> Path:
    """Write atomically into `folder`; never overwrites an existing file."""
    folder = Path(folder)
    target = folder / submission_filename(sub)
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{target.stem.rsplit('~', 1)[0]}~{n}.json"
    write_output(target, dump_json(submission_to_dict(sub)))
    return target
