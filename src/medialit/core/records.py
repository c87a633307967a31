"""What the store hands out and takes in: small frozen records, and the time stamp it writes.

No SQL here and no `Store`: these are plain values, so a module that only passes them
around (a view, a command) need not import the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from medialit.core.model import Span


def now() -> str:
    """UTC timestamp with microseconds, sortable as text."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed, so each view can decide what to refresh (Anki's OpChanges)."""

    kind: str
    lesson_id: str = ""
    span_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Student:
    id: str
    name: str
    class_code: str = ""


@dataclass(frozen=True, slots=True)
class LessonRecord:
    """A lesson kept in the database (opened once), listed so work can be reopened."""

    id: str
    title: str
    kind: str
    version: int
    updated_at: str


@dataclass(frozen=True, slots=True)
class SavedSpan:
    """A student's span as the database keeps it: the text it was placed on, and whether
    it is an orphan (re-anchoring found no place for it on the lesson's current text)."""

    span: Span
    article_sha256: str
    orphaned: bool = False


@dataclass(frozen=True, slots=True)
class SubmissionRecord:
    """One submission the student made from this machine (origin 'self')."""

    id: str
    submitted_at: str
    path: str
    span_count: int


# -- the teacher's: authored lessons, imported submissions, roster ---------------------


@dataclass(frozen=True, slots=True)
class LessonRow:
    """An authored lesson as listed for the teacher."""

    id: str
    version: int
    title: str
    sha256: str
    key_updated_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class StoredSubmission:
    """One imported submission file; `current` marks a student's newest one for the lesson."""

    id: str
    content_sha256: str
    lesson_id: str
    lesson_version: int
    article_sha256: str
    student_id: str
    student_name: str
    class_code: str
    submitted_at: str
    path: str
    body: dict[str, Any]
    recorded_at: str
    current: bool


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """What `record_submissions` stores for one checked file."""

    content_sha256: str
    lesson_id: str
    lesson_version: int
    article_sha256: str
    student_id: str
    student_name: str
    class_code: str
    submitted_at: str
    path: str
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class RosterEntry:
    id: int
    class_code: str
    name: str
    student_id: str | None = None
