"""The teacher's records: authored lessons, imported submissions, the roster, grading.

Plain frozen values, as `core.records`, kept apart from it so that a student's start-up
(which loads the store and its tables) does not make these classes: the tables that
hand them out import this module when they are first asked for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.core.submission import SubmissionHeader


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
class ImportRecord(SubmissionHeader):
    """What `record_submissions` stores for one checked file: the submission's header, the
    file's hash and path, and its JSON."""

    content_sha256: str
    path: str
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoredSubmission(ImportRecord):
    """One imported submission file as kept: what was recorded, its id and when; `current`
    marks a student's newest one for the lesson."""

    id: str
    recorded_at: str
    current: bool


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """A name on a class's roster, the ids the teacher linked to it (a student on two
    laptops has two), and the email or LMS user id an LMS file matches on."""

    id: int
    class_code: str
    name: str
    student_ids: tuple[str, ...] = ()
    email: str = ""
    lms_id: str = ""


@dataclass(frozen=True, slots=True)
class RosterLine:
    """A roster name to add: typed, pasted or read from a CSV (`teacher.roster.parse_roster`)."""

    class_code: str
    name: str
    email: str = ""
    lms_id: str = ""


@dataclass(frozen=True, slots=True)
class LessonGrading:
    """What the teacher decided for grading a lesson (`store.grading`); the defaults are
    those of a lesson nobody has decided anything for."""

    lesson_id: str
    out_of: float = 100.0
    decimals: int = 1
    zero_for_missing: bool = False
    due_at: str = ""  # a UTC instant, or "" (then nothing is late)
    key_released_at: str = ""  # the first review-pack export, or "" (never released)
    class_codes: tuple[str, ...] = ()  # the classes the lesson is for; () = every class
