"""What the store hands out and takes in: small frozen records, and the time stamp it writes.

No SQL here and no `Store`: these are plain values, so a module that only passes them
around (a view, a command) need not import the database. The teacher's records are in
`core.teacher_records`: a student's start-up does not make their classes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Flag, StrEnum, auto

from medialit.core.model import Span


def now() -> str:
    """UTC timestamp with microseconds, sortable as text."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class ChangeKind(StrEnum):
    """Which write it was (the value is the name older code and tests compare with)."""

    SETTINGS = "settings"
    STUDENT = "student"
    LESSON = "lesson"  # a lesson opened here was remembered
    LESSON_SAVED = "lesson-saved"  # an authored lesson saved whole: text version and key
    LESSON_DETAILS = "lesson-details"  # title, source, date or feedback mode
    LESSON_DELETED = "lesson-deleted"  # with its key, versions and imported submissions
    KEY_ADDED = "key-added"
    KEY_CHANGED = "key-changed"
    KEY_DELETED = "key-deleted"
    KEY_EXPLAINED = "key-explained"  # only a key span's explanation: nothing is rescored
    SPAN_ADDED = "span-added"
    SPAN_CHANGED = "span-changed"
    SPAN_DELETED = "span-deleted"
    SPANS_REANCHORED = "spans-reanchored"
    SUBMISSION = "submission"  # a student's own, written from this machine
    SUBMISSIONS_IMPORTED = "submissions-imported"  # by the teacher
    ROSTER = "roster"
    GRADING = "grading"  # a lesson's points, due date, classes, key release; picks; ids
    RESTORED = "restored"  # the whole database, from a backup


class Touches(Flag):
    """What a write touched; a view refreshes when it shows any of it."""

    NOTHING = 0
    SETTINGS = auto()
    STUDENTS = auto()
    LESSON = auto()  # a lesson's record: listed, titled, remembered, deleted
    TEXT = auto()  # a lesson's article text may be new (a new lesson, a new version)
    KEY = auto()  # what scoring reads: key spans' places, labels, accepted labels, optional
    EXPLANATIONS = auto()  # the key's explanations: words students read, never scored
    WORK = auto()  # a student's spans
    OWN_SUBMISSIONS = auto()
    IMPORTED = auto()  # the submissions the teacher imported
    ROSTER = auto()
    GRADING = auto()  # what turns scores into grades: points, picks, due date, key release
    EVERYTHING = (
        SETTINGS
        | STUDENTS
        | LESSON
        | TEXT
        | KEY
        | EXPLANATIONS
        | WORK
        | OWN_SUBMISSIONS
        | IMPORTED
        | ROSTER
        | GRADING
    )


TOUCHES: dict[ChangeKind, Touches] = {
    ChangeKind.SETTINGS: Touches.SETTINGS,
    ChangeKind.STUDENT: Touches.STUDENTS,
    ChangeKind.LESSON: Touches.LESSON,
    ChangeKind.LESSON_SAVED: Touches.LESSON | Touches.TEXT | Touches.KEY | Touches.EXPLANATIONS,
    ChangeKind.LESSON_DETAILS: Touches.LESSON,
    ChangeKind.LESSON_DELETED: (
        Touches.LESSON | Touches.KEY | Touches.EXPLANATIONS | Touches.IMPORTED
    ),
    ChangeKind.KEY_ADDED: Touches.KEY | Touches.EXPLANATIONS,
    ChangeKind.KEY_CHANGED: Touches.KEY | Touches.EXPLANATIONS,
    ChangeKind.KEY_DELETED: Touches.KEY | Touches.EXPLANATIONS,
    ChangeKind.KEY_EXPLAINED: Touches.EXPLANATIONS,
    ChangeKind.SPAN_ADDED: Touches.WORK,
    ChangeKind.SPAN_CHANGED: Touches.WORK,
    ChangeKind.SPAN_DELETED: Touches.WORK,
    ChangeKind.SPANS_REANCHORED: Touches.WORK,
    ChangeKind.SUBMISSION: Touches.OWN_SUBMISSIONS,
    ChangeKind.SUBMISSIONS_IMPORTED: Touches.IMPORTED,
    ChangeKind.ROSTER: Touches.ROSTER,
    ChangeKind.GRADING: Touches.GRADING,
    ChangeKind.RESTORED: Touches.EVERYTHING,
}


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed, so each view can decide what to refresh (Anki's OpChanges).

    Views test `touches` (`change.touches & Touches.KEY`), never the kind's spelling.
    """

    kind: ChangeKind
    lesson_id: str = ""
    span_ids: tuple[str, ...] = ()

    @property
    def touches(self) -> Touches:
        return TOUCHES[self.kind]


@dataclass(frozen=True, slots=True)
class Student:
    """Someone who has worked on this machine (`store.students`)."""

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
