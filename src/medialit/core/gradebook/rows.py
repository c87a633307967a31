"""A gradebook row and what turns a score into a grade: plain values, no I/O.

`export` writes these rows; `gradebook.book` makes them (one per roster student of the
lesson's classes, then the submitters who are not on the roster).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from medialit.core.scoring import round_half_up

if TYPE_CHECKING:
    from medialit.core.results import StudentResult


class Status(StrEnum):
    """What a row's student handed in, as the `status` column says it."""

    SUBMITTED = "submitted"
    LATE = "late"  # graded submission after the lesson's due date (only with a due date)
    AFTER_KEY_RELEASE = "after key release"  # only submissions first imported after release
    NEEDS_REVIEW = "needs review"  # only submissions held back (a date or an id to confirm)
    NOT_SUBMITTED = "not submitted"


class OnRoster(StrEnum):
    """The `roster` column: whether the row's student is on the roster ("" with no roster)."""

    NONE = ""
    LISTED = "listed"
    NOT_LISTED = "not listed"


@dataclass(frozen=True, slots=True)
class Points:
    """ "Out of N points" for a lesson: points = score x N / 100, rounded to `decimals` (0 or 1,
    halves up as scores are). The default, 100 with one decimal, gives points equal to the
    score."""

    out_of: float = 100.0
    decimals: int = 1
    zero_for_missing: bool = False  # non-submitters get 0 (score and points), not empty cells

    def __post_init__(self) -> None:
        object.__setattr__(self, "out_of", float(self.out_of))
        if not 0 < self.out_of <= 10_000 or round_half_up(self.out_of, 1) != self.out_of:
            raise ValueError("“out of” must be a number of points above 0, at most one decimal")
        if self.decimals not in (0, 1):
            raise ValueError("points are rounded to whole points or to one decimal")

    def of(self, score: float) -> float:
        return round_half_up(score * self.out_of / 100.0, self.decimals)


SCORE_POINTS = Points()  # the default: points are the score


@dataclass(frozen=True, slots=True)
class GradeRow:
    """One results row: a student, the status, and the graded submission's result (None when
    nothing is graded: figures empty, or 0 with `Points.zero_for_missing`)."""

    student_name: str
    class_code: str
    status: Status
    result: StudentResult | None
    student_id: str = ""
    roster: OnRoster = OnRoster.NONE

    @classmethod
    def of(cls, result: StudentResult) -> GradeRow:
        """A scored student as `medialit score` without a roster gives it: submitted."""
        return cls(result.student_name, result.class_code, Status.SUBMITTED, result, result.student)
