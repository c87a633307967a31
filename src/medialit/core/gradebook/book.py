"""The gradebook of one lesson: a row per roster student of the lesson's classes, whatever
they handed in, then the submitters who are not on the roster (listed apart, never dropped).

Each submission is placed on a roster entry by, in order: a student id the teacher linked
to the entry (a roster entry may link several: a student on two laptops); the LMS user id
of the folder it came in; the student's name in that path (`lms.lms_hint`: an LMS download
names files after the student who uploaded them); the name the student typed, equal once
case, accents, spacing and the order of the names are folded away (`names.name_key`), the
entry of its own class first, never an entry of another class (two classes may each have
a Zoë Martín). Nothing else places it: a close name, or the same name in another class, is
only *proposed* (`names.proposals`) until the teacher confirms.
A submission held back for its student id (`graded.held_reasons`) is placed by its name,
never by the id it carries. Then `graded.choose` picks what is graded for each student.

Both the teacher window and `medialit score --roster` build their rows here. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from medialit.core.gradebook.graded import Choice, HandIn, Rules, choose, held_reasons
from medialit.core.gradebook.names import Proposal, name_key, proposals
from medialit.core.gradebook.rows import GradeRow, OnRoster
from medialit.core.results import StudentResult


@dataclass(frozen=True, slots=True)
class Listed:
    """A roster entry as the gradebook uses it."""

    id: int
    class_code: str
    name: str
    email: str = ""
    lms_id: str = ""
    student_ids: tuple[str, ...] = ()  # ids the teacher linked to this entry


@dataclass(frozen=True, slots=True)
class BookStudent:
    """One row: a roster entry (or a submitter not on it), what is graded, and why."""

    name: str
    class_code: str
    entry: Listed | None
    choice: Choice
    handed: tuple[HandIn, ...]
    proposals: tuple[Proposal, ...] = ()  # close roster names, for a submitter not on it
    in_lesson_classes: bool = True

    @property
    def student_id(self) -> str:
        graded = self.choice.graded
        if graded is not None:
            return graded.header.student_id
        return self.handed[0].header.student_id if self.handed else ""

    @property
    def key(self) -> str:
        """Stable row identity: `r<roster id>`, or `s<student id>` off the roster."""
        return f"r{self.entry.id}" if self.entry is not None else f"s{self.student_id}"


@dataclass(frozen=True, slots=True)
class Book:
    students: tuple[BookStudent, ...]
    has_roster: bool
    held: Mapping[str, str]  # submission key -> why it is held back

    @property
    def listed(self) -> list[BookStudent]:
        return [s for s in self.students if s.entry is not None]

    @property
    def unlisted(self) -> list[BookStudent]:
        return [s for s in self.students if s.entry is None]

    def graded(self) -> list[HandIn]:
        return [s.choice.graded for s in self.students if s.choice.graded is not None]


def build(
    roster: Sequence[Listed],
    handed: Sequence[HandIn],
    rules: Rules = Rules(),  # noqa: B008 (frozen, so one shared default is safe)
    *,
    class_codes: Iterable[str] = (),
) -> Book:
    """The lesson's rows: roster entries of `class_codes` (all classes when empty), then
    roster entries of other classes who handed in, then submitters not on the roster."""
    classes = {c.casefold() for c in class_codes}
    held = held_reasons(handed, rules)
    placed: dict[int, list[HandIn]] = {}
    unplaced: dict[str, list[HandIn]] = {}
    place = _Placer(roster)
    for h in handed:
        entry = place(h, id_held=h.key in held and "student id" in held[h.key])
        if entry is None:
            unplaced.setdefault(h.header.student_id, []).append(h)
        else:
            placed.setdefault(entry.id, []).append(h)

    def in_scope(entry: Listed) -> bool:
        return not classes or entry.class_code.casefold() in classes

    rows: list[BookStudent] = []
    for entry in sorted(roster, key=lambda e: (e.class_code.casefold(), e.name.casefold())):
        mine = tuple(placed.get(entry.id, ()))
        if in_scope(entry) or mine:
            choice = choose(mine, rules, held)
            rows.append(
                BookStudent(entry.name, entry.class_code, entry, choice, mine, (), in_scope(entry))
            )
    rows.sort(key=lambda s: not s.in_lesson_classes)  # stable: the lesson's classes first
    scope = [e for e in roster if in_scope(e)]
    extra: list[BookStudent] = []
    for group in unplaced.values():
        choice = choose(group, rules, held)
        latest = choice.graded or group[-1]
        close = (
            proposals(latest.header.student_name, scope, [e.name for e in scope], equal=True)
            if scope
            else []
        )
        extra.append(
            BookStudent(
                latest.header.student_name,
                latest.header.class_code,
                None,
                choice,
                tuple(group),
                tuple(close),
            )
        )
    if roster:  # apart from the roster, by name; without one, in the order handed in
        extra.sort(key=lambda s: (s.name.casefold(), s.student_id))
    return Book(tuple(rows + extra), bool(roster), held)


class _Placer:
    """Finds a submission's roster entry: linked id, LMS id, the name in the LMS download's
    path, then the name the student typed (names folded)."""

    def __init__(self, roster: Sequence[Listed]) -> None:
        self.by_id = {sid: e for e in roster for sid in e.student_ids}
        self.by_lms = {e.lms_id: e for e in roster if e.lms_id}
        self.by_name: dict[str, list[Listed]] = {}
        for e in roster:
            self.by_name.setdefault(name_key(e.name), []).append(e)

    def __call__(self, h: HandIn, *, id_held: bool) -> Listed | None:
        if not id_held and h.header.student_id in self.by_id:
            return self.by_id[h.header.student_id]
        if h.lms_id and h.lms_id in self.by_lms:
            return self.by_lms[h.lms_id]
        own_class = _class_key(h.header.class_code)
        for name, typed in ((h.lms_name, False), (h.header.student_name, True)):
            same = self.by_name.get(name_key(name), []) if name else []
            if typed and own_class:  # 9D's Zoë Martín is not 9C's: the teacher links her
                same = [e for e in same if _class_key(e.class_code) in ("", own_class)]
            if len(same) > 1:  # two students of one name: the one of the file's own class
                same = [e for e in same if _class_key(e.class_code) == own_class]
            if len(same) == 1:
                return same[0]
        return None


def _class_key(code: str) -> str:
    return code.strip().casefold()


def grade_rows(book: Book, results: Mapping[str, StudentResult]) -> list[GradeRow]:
    """The results rows: `results` maps a graded submission's key to its scored result."""
    out = []
    for s in book.students:
        graded = s.choice.graded
        out.append(grade_row(book, s, results.get(graded.key) if graded is not None else None))
    return out


def grade_row(book: Book, student: BookStudent, result: StudentResult | None) -> GradeRow:
    """One student's results row, with `result` the graded submission's (or None)."""
    on = OnRoster.NONE if not book.has_roster else OnRoster.LISTED
    if student.entry is None and book.has_roster:
        on = OnRoster.NOT_LISTED
    return GradeRow(
        student.name, student.class_code, student.choice.status, result, student.student_id, on
    )
