"""Which of a student's submissions is graded, and why the others are not.

The rules (issue 12, "grades that cannot be gamed"):
- the teacher's pick, if there is one;
- otherwise the latest (by instant: `submitted_at` read as a UTC instant) of those
  imported before the lesson's key was released (the first review-pack export) and not
  held back;
- otherwise nothing is graded: a submission first **imported** after the release is
  `after key release` whatever date it claims, and a held one waits for the teacher.
  Both are graded only when picked.

A submission is *held back* (kept, shown, never graded unless picked) when its date
cannot be trusted (school laptops have wrong clocks: flag, do not trust): dated more than
24 hours after it was imported, or more than 24 hours before its lesson version was
created; or when its student id was first seen under another name (a classmate's id
copied from a file) and the teacher has not confirmed it.

Pure: plain values in, plain values out; no Store, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from medialit.core.gradebook.names import name_key, refold
from medialit.core.gradebook.rows import Status
from medialit.core.intake.gathering import current_per_student
from medialit.core.intake.readers import instant as utc_instant
from medialit.core.submission import SubmissionHeader

CLOCK_SLACK = dt.timedelta(hours=24)
_EPOCH = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


def instant(value: str) -> dt.datetime | None:
    """The intake's UTC instant (`intake.readers.instant`: the one way times are compared),
    or None when the time has no UTC offset: a date that cannot be placed is not trusted
    (submission files without one are refused; a JSONL line's is held back)."""
    try:
        has_offset = dt.datetime.fromisoformat(value).tzinfo is not None
    except (TypeError, ValueError):
        return None
    return utc_instant(value) if has_offset else None


@dataclass(frozen=True, slots=True)
class HandIn:
    """One handed-in submission as the gradebook sees it, whichever way it came (made by
    `lms.hand_in`). `header` is whose it is, on which lesson version, and when it says it was
    made, held as it came: a stored submission is its own header; `medialit score`'s is the
    one its intake read (a class-file line's has lesson version 0: not known)."""

    key: str  # unique: the stored submission's id, or the file it came from
    header: SubmissionHeader
    imported_at: str  # when it was first imported (for `medialit score`: when it was read)
    lms_id: str = ""  # an LMS user id found in the path the file came in (a zip's folders)
    lms_name: str = ""  # the student's name as an LMS download wrote it into that path
    payload: object = None  # what is scored: a `Submission` or a `batch.Entry`

    @property
    def moment(self) -> dt.datetime:
        return instant(self.header.submitted_at) or _EPOCH


@dataclass(frozen=True, slots=True)
class Held:
    """Why a submission is not graded unless picked, in plain words."""

    key: str
    reason: str


@dataclass(frozen=True, slots=True)
class Choice:
    """One student's submissions: the graded one (or none), the status, and the others."""

    graded: HandIn | None
    status: Status
    picked: bool
    others: tuple[HandIn, ...]  # the student's other submissions, newest first
    held: Mapping[str, str] = field(default_factory=dict)  # submission key -> reason
    after_release: frozenset[str] = frozenset()  # keys first imported after the release


@dataclass(frozen=True, slots=True)
class Rules:
    """What the teacher decided for a lesson, as the choice needs it."""

    key_released_at: str = ""
    due_at: str = ""
    picks: frozenset[str] = frozenset()  # picked submission keys
    confirmed: frozenset[tuple[str, str]] = frozenset()  # (student id, name_key) accepted
    version_created: Mapping[int, str] = field(default_factory=dict)


def held_reasons(handed: Sequence[HandIn], rules: Rules) -> dict[str, str]:
    """Submission key -> why it is held back, for every submission of the lesson.

    An id's names: those the teacher confirmed (a roster link counts), else the name of
    its earliest import. Two names in the earliest import hold both, since neither was
    known first. `handed` should hold every submission known for the lesson.
    """
    confirmed: dict[str, set[str]] = {}
    for student_id, key in rules.confirmed:
        confirmed.setdefault(student_id, set()).add(refold(key))  # stored: maybe older
    first: dict[str, tuple[dt.datetime, set[str], str]] = {}  # id -> (imported, keys, a name)
    for h in handed:
        when, key = instant(h.imported_at) or _EPOCH, name_key(h.header.student_name)
        known = first.get(h.header.student_id)
        if known is None or when < known[0]:
            first[h.header.student_id] = (when, {key}, h.header.student_name)
        elif when == known[0]:
            known[1].add(key)
    out: dict[str, str] = {}
    for h in handed:
        reason = _date_problem(h, rules)
        key = name_key(h.header.student_name)
        names = confirmed.get(h.header.student_id)
        _when, first_keys, first_name = first[h.header.student_id]
        if reason:
            pass
        elif names is not None:
            if key not in names:
                reason = (
                    "its student id belongs to another student (you confirmed it for someone "
                    "else): imported, but not graded until you confirm it is this student's"
                )
        elif len(first_keys) > 1:
            reason = (
                "the same student id came with different names: imported, but not graded "
                "until you confirm whose it is"
            )
        elif key not in first_keys:
            reason = (
                f"its student id was first used by “{first_name}”: imported, but not "
                "graded until you confirm it is this student's"
            )
        if reason:
            out[h.key] = reason
    return out


def _date_problem(h: HandIn, rules: Rules) -> str:
    if not h.header.submitted_at:  # a JSONL line may give no date: nothing to trust or distrust
        return ""
    moment, imported = instant(h.header.submitted_at), instant(h.imported_at)
    if moment is None:
        return "its date has no UTC offset, so it cannot be placed in time"
    if imported is not None and moment > imported + CLOCK_SLACK:
        return (
            f"dated {_short(moment)}, more than a day after it was imported "
            f"({_short(imported)}): the laptop's clock may be wrong"
        )
    created = instant(rules.version_created.get(h.header.lesson_version, ""))
    if created is not None and moment < created - CLOCK_SLACK:
        return (
            f"dated {_short(moment)}, more than a day before lesson version "
            f"{h.header.lesson_version} was made ({_short(created)}): the laptop's clock may be wrong"
        )
    return ""


def _short(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def latest(handed: Sequence[HandIn]) -> HandIn | None:
    """The intake's "current" of these submissions (`current_per_student`: the latest UTC
    instant; of two at the same instant, the one imported later)."""
    read_order = sorted(handed, key=lambda h: (h.imported_at, h.key))
    current, _older = current_per_student(
        read_order, student=lambda _h: "", submitted_at=lambda h: h.header.submitted_at
    )
    return current[0] if current else None


def choose(handed: Iterable[HandIn], rules: Rules, held: Mapping[str, str]) -> Choice:
    """The graded submission of one student's submissions, and the row's status."""
    mine = sorted(handed, key=lambda h: (h.moment, h.imported_at, h.key), reverse=True)
    released = instant(rules.key_released_at)
    after = frozenset(
        h.key
        for h in mine
        if released is not None and (instant(h.imported_at) or _EPOCH) > released
    )
    own_held = {h.key: held[h.key] for h in mine if h.key in held}
    picked = [h for h in mine if h.key in rules.picks]
    eligible = [h for h in mine if h.key not in after and h.key not in own_held]
    graded = picked[0] if picked else latest(eligible)
    others = tuple(h for h in mine if h is not graded)
    if graded is None:
        status = (
            Status.AFTER_KEY_RELEASE
            if after
            else Status.NEEDS_REVIEW
            if own_held
            else Status.NOT_SUBMITTED
        )
    elif graded.key in after:
        status = Status.AFTER_KEY_RELEASE
    elif _late(graded, rules):
        status = Status.LATE
    else:
        status = Status.SUBMITTED
    return Choice(graded, status, bool(picked), others, own_held, after)


def _late(h: HandIn, rules: Rules) -> bool:
    due = instant(rules.due_at)
    return due is not None and h.moment > due
