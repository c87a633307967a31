"""`medialit score`'s gradebook: the same rows as the teacher window's, from files.

Each entry `batch.collect` read becomes a `HandIn` submission "imported" when the command
runs; a roster file (`--roster`, read by `teacher.roster.parse_roster`: the window's rules
and columns) makes the rows roster-true; `book.build` places and chooses exactly as for
the window. With no teacher decisions in the window's database (no picks, links, due date
or key release) both write the same bytes (tests/gui/test_teacher_same_bytes.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from medialit.core.batch import Entry, GradingKey, score_entry
from medialit.core.gradebook.book import Book, Listed, build, grade_row
from medialit.core.gradebook.graded import HandIn
from medialit.core.gradebook.lms import hand_in
from medialit.core.gradebook.rows import GradeRow
from medialit.core.teacher_records import RosterLine


def handed(entries: Sequence[Entry], *, imported_at: str) -> list[HandIn]:
    return [
        hand_in(e.origin, e.header, imported_at=imported_at, path=e.origin, payload=e)
        for e in entries
    ]


def listed(lines: Sequence[RosterLine]) -> list[Listed]:
    return [
        Listed(i, line.class_code, line.name, line.email, line.lms_id)
        for i, line in enumerate(lines, start=1)
    ]


def book_of(entries: Sequence[Entry], roster: Sequence[RosterLine], *, imported_at: str) -> Book:
    return build(listed(roster), handed(entries, imported_at=imported_at))


def notes(book: Book) -> list[str]:
    """What stderr says about the book: files held back and why, names not on the roster
    (with the close roster names, for the teacher to check)."""
    out = []
    for s in book.students:
        for h in s.handed:
            if h.key in book.held:
                out.append(f"{h.key}: held back, not graded: {book.held[h.key]}")
        if s.entry is None and book.has_roster:
            where = ", ".join(h.key for h in s.handed)
            close = ", ".join(p.entry_name for p in s.proposals)
            tip = f"; close to {close} (add the name to the roster, or fix it)" if close else ""
            out.append(f"{where}: {s.name!r} is not on the roster{tip}")
    return out


def graded_rows(book: Book, key: GradingKey, *, details: bool = True) -> Iterator[GradeRow]:
    """The rows in order, each graded submission scored when its row is asked for (so a
    details writer can let one student's outcomes go before the next is scored)."""
    for s in book.students:
        graded = s.choice.graded
        result = None
        if graded is not None:
            e = graded.payload
            assert isinstance(e, Entry)
            result = score_entry(key, e, details=details)
        yield grade_row(book, s, result)
