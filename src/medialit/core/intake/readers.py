"""One reader per format: a submission file (JSON) and a class file (JSONL, one student a line).

Each turns a `Source` into `Arrival` items, one per student's work, or `Problem`s naming
the file, the line (JSONL) and the field. Nothing here knows the lessons: which text a
submission is on is `placement`'s question.

A class file's line is a doccano-style row (`doccano.read_row`) with `student` and,
optionally, `class_code` and `submitted_at` (ISO 8601; empty or absent: not known). Its
spans are offsets into its `text`; the line's `text` names the article by its SHA-256.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from medialit.core.errors import FileFormatError
from medialit.core.intake import doccano
from medialit.core.intake.sources import (
    MAX_JSON_BYTES,
    MAX_JSONL_BYTES,
    MAX_LINE_BYTES,
    Problem,
    Refused,
    Source,
)
from medialit.core.jsonfile import decode_bytes, dump_json
from medialit.core.scoring import SpanLike
from medialit.core.submission import (
    Submission,
    SubmissionHeader,
    clean_name,
    parse_submission,
    submission_to_dict,
)
from medialit.core.text import has_lone_surrogate, text_hash


@dataclass(frozen=True, slots=True)
class Arrival:
    """One student's work as read, from either format.

    `header` is whose work it is, on which text, handed in when: a submission file's is the
    `Submission` as read, held whole (`submission`). A class-file line's is made from the
    line: no lesson id (""), no lesson version (0), and its `student` as the student id
    (`as_submission` makes a valid id of it when it is stored). Its `student_id` is who the
    work is for the one-per-student rules. `identity` is its content, whatever the file's
    layout (the one duplicate rule); `spans` are offsets into the text whose SHA-256 is the
    header's `article_sha256`; `text` is a class-file line's canonical text."""

    origin: str
    line: int | None
    header: SubmissionHeader
    spans: tuple[SpanLike, ...]
    identity: str
    text: str = ""

    @property
    def submission(self) -> Submission | None:
        """The submission file as read; None for a class-file line."""
        return self.header if isinstance(self.header, Submission) else None

    @property
    def where(self) -> str:
        return self.origin if self.line is None else f"{self.origin}:{self.line}"


def instant(value: str) -> datetime | None:
    """An ISO 8601 time as a UTC instant (a time without an offset is taken as UTC);
    None when empty or unreadable. "Current" and "latest" compare these, never strings."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def content_identity(sub: Submission) -> str:
    """A submission file's content, however it was laid out (what the database keeps)."""
    return hashlib.sha256(dump_json(submission_to_dict(sub))).hexdigest()


def read_source(source: Source, *, canonical: str | None = None) -> Iterator[Arrival | Problem]:
    """Everything one file holds. `canonical`: the text class-file lines are expected on
    (their common case then costs one comparison); other texts are still read."""
    try:
        if source.kind == "jsonl":
            yield from _class_file(source, canonical)
        else:
            yield _submission_file(source)
    except Refused as exc:
        yield Problem(source.name, exc.line, exc.reason, exc.field)
    except FileFormatError as exc:
        yield Problem(source.name, None, exc.reason, exc.field)
    except (RecursionError, MemoryError) as exc:
        yield Problem(source.name, None, f"cannot be read ({type(exc).__name__})")


def _submission_file(source: Source) -> Arrival:
    data = source.read(MAX_JSON_BYTES)
    return from_submission(parse_submission(decode_bytes(data, source.name), origin=source.name))


def from_submission(sub: Submission) -> Arrival:
    """A submission already read (a file, or one the teacher's database keeps)."""
    return Arrival(sub.origin, None, sub, sub.spans, content_identity(sub))


def _class_file(source: Source, canonical: str | None) -> Iterator[Arrival | Problem]:
    """Line by line (a class set can be tens of MB); each line over its own cap is a problem
    for that line, never a reason to hold the whole file in memory."""
    any_line = False
    texts: dict[str, str] = {}  # canonical text -> its SHA-256, computed once per text
    with source.open(MAX_JSONL_BYTES) as fh:
        number = 0
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (rest := fh.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield Problem(source.name, number, f"the line is over {MAX_LINE_BYTES:,} bytes")
                any_line = True
                continue
            if not raw.strip():
                continue
            any_line = True
            try:
                yield _line(raw, number, source.name, canonical, texts)
            except Refused as exc:
                yield Problem(source.name, number, exc.reason, exc.field)
    if not any_line:
        raise Refused("the file is empty")


def _line(
    raw: bytes, number: int, origin: str, canonical: str | None, texts: dict[str, str]
) -> Arrival:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"not UTF-8 (byte {exc.start})") from None
    if number == 1 and line.startswith("\ufeff"):
        line = line[1:]
    data = doccano.read_object(line)
    student = _short_text(data, "student", required=True)
    class_code = _short_text(data, "class_code", max_len=40)
    submitted_at = _short_text(data, "submitted_at", max_len=40)
    if submitted_at and instant(submitted_at) is None:
        raise Refused(f"{submitted_at!r} is not an ISO 8601 date and time", field="submitted_at")
    naive = submitted_at and datetime.fromisoformat(submitted_at).tzinfo is None
    if naive and ("T" in submitted_at or " " in submitted_at):  # a bare date is a day: kept
        raise Refused(  # as a submission file's: which zone would the time be in?
            f"{submitted_at!r} has no UTC offset (such as +00:00 or Z), so the time cannot "
            "be placed",
            field="submitted_at",
        )
    row = doccano.read_row(data, canonical=canonical)
    sha = texts.get(row.text)
    if sha is None:
        sha = texts[row.text] = text_hash(row.text)
    identity = hashlib.sha256(
        json.dumps(
            [
                student,
                class_code,
                submitted_at,
                sha,
                [(s, e, lab.value) for s, e, lab in row.spans],
            ],
            ensure_ascii=False,
        ).encode("utf-8")
    ).hexdigest()
    header = SubmissionHeader(
        lesson_id="",
        lesson_version=0,
        article_sha256=sha,
        student_id=student,
        student_name=student,
        class_code=class_code,
        submitted_at=submitted_at,
    )
    return Arrival(origin, number, header, row.spans, identity, text=row.text)


def _short_text(
    data: dict[str, Any], name: str, *, required: bool = False, max_len: int = 100
) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise Refused("must be text", field=name)
    if not (value.isprintable() and value.strip() == value and "  " not in value):
        # clean_name has something to remove; the common case skips it
        if has_lone_surrogate(value):
            raise Refused("contains an invalid (lone surrogate) character", field=name)
        value = clean_name(value, max_len=max_len)
    if required and not value:
        raise Refused("is missing or empty", field=name)
    return value[:max_len]
