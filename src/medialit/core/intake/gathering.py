"""Reading many inputs at once: the one duplicate rule and the one "current per student".

- **Duplicates**: two inputs are the same submission when their content is the same
  (`Arrival.identity`: the fields and spans, not the bytes: a file saved again with other
  indentation is still the same submission). The second is a `Duplicate`, counted once;
  the teacher's import also compares with what its database already holds (`known`).
- **Current per student**: of a student's submissions the current one is the latest
  submitted instant, compared in UTC (10:00+02:00 is before 09:00+00:00); a submission
  without a time counts as older than any with one; equal times: the later input wins.

`read_inputs` is lazy, one result per file or line, so a window can show progress and
stay responsive; `medialit score` consumes it in one go.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from medialit.core.intake.folders import gather
from medialit.core.intake.placement import Placed, TextVersions, place
from medialit.core.intake.readers import Arrival, instant, read_source
from medialit.core.intake.sources import Problem, Refused

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """`arrival` has the same content as `first` (a file or line read before), or as a
    submission already kept (`first` is "")."""

    arrival: Arrival
    first: str

    @property
    def path(self) -> str:
        return self.arrival.where

    def notice(self) -> Problem:
        reason = (
            f"the same submission as {self.first}; counted once"
            if self.first
            else "already imported"
        )
        return Problem(self.arrival.origin, self.arrival.line, reason)


Result = Placed | Duplicate | Problem


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    lessons: Sequence[TextVersions],
    *,
    known: Collection[str] = (),
) -> Iterator[Result]:
    """Every file and line of `inputs`, read, checked and placed on one of `lessons`."""
    canonical = lessons[0].current.text if len(lessons) == 1 else None
    seen: dict[str, str] = {}
    for source in gather(inputs):
        if isinstance(source, Problem):
            yield source
            continue
        try:
            items = list(read_source(source, canonical=canonical))
        except Exception as exc:  # a bug costs this one file, not the class: logged, said
            log.exception("reading %s failed unexpectedly", source.name)
            yield Problem(source.name, None, f"could not be read ({type(exc).__name__})")
            continue
        for got in items:
            if isinstance(got, Problem):
                yield got
                continue
            if got.identity in seen:  # placed once already: the same content places the same
                yield Duplicate(got, seen[got.identity])
                continue
            try:
                placed = place(got, lessons)
            except Refused as exc:
                yield Problem(got.origin, got.line, exc.reason, exc.field)
                continue
            except Exception as exc:
                log.exception("placing %s failed unexpectedly", got.where)
                yield Problem(got.origin, got.line, f"could not be read ({type(exc).__name__})")
                continue
            if got.identity in known:
                yield Duplicate(got, "")
            else:
                seen[got.identity] = got.where
                yield placed


T = TypeVar("T")


def is_later(new_at: datetime | None, old_at: datetime | None) -> bool:
    """Does a submission made at `new_at`, read after one made at `old_at`, replace it?"""
    if new_at is None:
        return old_at is None
    return old_at is None or new_at >= old_at


def current_per_student(
    items: Iterable[T], *, student: Callable[[T], str], submitted_at: Callable[[T], str]
) -> tuple[list[T], list[tuple[T, T, T]]]:
    """Each student's current item (in the order students were first seen), and for every
    item that is not current: (it, the current one, whichever of the two was read later);
    by the rule above, `items` in input order."""
    current: dict[str, tuple[T, datetime | None]] = {}
    older: list[tuple[T, T, T]] = []
    for item in items:
        who, at = student(item), instant(submitted_at(item))
        before = current.get(who)
        if before is None:
            current[who] = (item, at)
        elif is_later(at, before[1]):
            older.append((before[0], item, item))
            current[who] = (item, at)
        else:
            older.append((item, before[0], item))
    return [item for item, _at in current.values()], older


def current_placed(items: Iterable[Placed]) -> tuple[list[Placed], list[Problem]]:
    """The current submission of each student, and a notice (on the later input) for each
    that is not."""
    kept, older = current_per_student(
        items,
        student=lambda p: p.arrival.header.student_id,
        submitted_at=lambda p: p.arrival.header.submitted_at,
    )
    notices = [
        Problem(
            later.arrival.origin,
            later.arrival.line,
            f"student {winner.arrival.header.student_id!r} appears more than once: using "
            f"{winner.arrival.where}{_at(winner.arrival)}, ignoring {loser.arrival.where}"
            f"{_at(loser.arrival)}",
        )
        for loser, winner, later in older
    ]
    return kept, notices


def _at(arrival: Arrival) -> str:
    return f" (submitted {arrival.header.submitted_at})" if arrival.header.submitted_at else ""
