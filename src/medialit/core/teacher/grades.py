"""A lesson's gradebook from the teacher's database: the roster, every imported submission,
what the teacher decided (`store.grading`), the graded submission of each student scored
against the current key. The class view, the CSVs, the points, the LMS files and the PDF
all read this one `ClassBook`, so they cannot disagree about what is graded."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from medialit.core.classroom import ClassResults, StudentRow, grading_key, score_against
from medialit.core.gradebook.book import Book, BookStudent, Listed, build, grade_rows
from medialit.core.gradebook.graded import HandIn, Rules
from medialit.core.gradebook.lms import hand_in
from medialit.core.gradebook.rows import GradeRow, Points
from medialit.core.model import Lesson
from medialit.core.store import Store
from medialit.core.submission import Submission
from medialit.core.teacher.collection import stored_to_submission
from medialit.core.teacher_records import LessonGrading, RosterEntry, StoredSubmission

SCORED_PER_STEP = 15  # students scored per step of `class_book_steps` (about 10 ms)


@dataclass(frozen=True, slots=True)
class ClassBook:
    lesson: Lesson
    grading: LessonGrading
    book: Book
    scored: ClassResults  # the graded submissions, scored against the current key
    rows_by_key: dict[str, StudentRow]  # a graded submission's key -> its scored row

    @property
    def points(self) -> Points:
        g = self.grading
        return Points(g.out_of, g.decimals, g.zero_for_missing)

    def row_of(self, student: BookStudent) -> StudentRow | None:
        graded = student.choice.graded
        return self.rows_by_key.get(graded.key) if graded is not None else None

    def grade_rows(self) -> list[GradeRow]:
        results = {key: row.result for key, row in self.rows_by_key.items()}
        return grade_rows(self.book, results)


def listed(entries: Sequence[RosterEntry]) -> list[Listed]:
    return [Listed(e.id, e.class_code, e.name, e.email, e.lms_id, e.student_ids) for e in entries]


# An imported submission never changes (its id is its content's hash), so each is parsed
# once per store and kept: a key edit or a pick re-reads the gradebook without re-parsing.
_parsed: WeakKeyDictionary[Store, dict[str, Submission]] = WeakKeyDictionary()


def parsed(store: Store, stored: StoredSubmission) -> Submission:
    cache = _parsed.setdefault(store, {})
    sub = cache.get(stored.id)
    if sub is None or sub.origin != (stored.path or stored.id):
        sub = cache[stored.id] = stored_to_submission(stored)
    return sub


def handed_from(store: Store, stored: StoredSubmission) -> HandIn:
    """A stored submission is its own header; it is parsed only when it is scored
    (`class_book_steps`, `graded_work`)."""
    return hand_in(
        stored.id, stored, imported_at=stored.recorded_at, path=stored.path, payload=stored
    )


# The last book and the last scored book of each store, with what they were made from: the
# database unchanged since (SQLite's `total_changes` for the connection) and, for the scores,
# the same key. The class view, the roster tab, the import report and the exports all ask
# for them after one change; they are read and scored once.
_books: WeakKeyDictionary[Store, tuple[object, tuple[Book, LessonGrading]]] = WeakKeyDictionary()
_scored: WeakKeyDictionary[Store, tuple[object, ClassBook]] = WeakKeyDictionary()


def _state(store: Store, lesson: Lesson) -> tuple[str, int]:
    return lesson.id, store.db.conn.total_changes


def book_of(store: Store, lesson: Lesson) -> tuple[Book, LessonGrading]:
    """Who handed in what and what is graded, without scoring (the roster tab's lists)."""
    state = _state(store, lesson)
    known = _books.get(store)
    if known is not None and known[0] == state:
        return known[1]
    made = _read_book(store, lesson)
    _books[store] = (state, made)
    return made


def _read_book(store: Store, lesson: Lesson) -> tuple[Book, LessonGrading]:
    grading = store.grading.of(lesson.id)
    rules = Rules(
        key_released_at=grading.key_released_at,
        due_at=grading.due_at,
        picks=store.grading.picks(lesson.id),
        confirmed=store.grading.confirmed_ids(),
        version_created=store.lessons.version_times(lesson.id),
    )
    stored = store.submissions.imported(lesson.id, current_only=False)
    handed = [handed_from(store, s) for s in stored]
    book = build(listed(store.roster.entries()), handed, rules, class_codes=grading.class_codes)
    return book, grading


def class_book(store: Store, lesson: Lesson) -> ClassBook:
    """Everything the gradebook shows for `lesson`, read in a few queries and scored once
    (raises UnscorableKeyError when the key has no required span)."""
    for done in class_book_steps(store, lesson):
        if done is not None:
            return done
    raise AssertionError("class_book_steps ends with the book")  # pragma: no cover


def class_book_steps(
    store: Store, lesson: Lesson, *, per_step: int = SCORED_PER_STEP
) -> Iterator[ClassBook | None]:
    """`class_book` in steps: None after each `per_step` students scored, then the book.

    All of the reading happens in the first step, so the database is read once, at the
    start; a window drives the rest from a timer and stays responsive however big the class.
    """
    state = (*_state(store, lesson), lesson.version, lesson.key)
    known = _scored.get(store)
    if known is not None and known[0] == state:
        yield known[1]
        return
    book, grading = book_of(store, lesson)
    yield None  # the reading is one step; parsing and scoring the graded work, the next ones
    graded = book.graded()
    key = grading_key(lesson)  # raises without a required key span; one Scorer for every part
    rows: list[StudentRow] = []
    problems: list[tuple[str, str]] = []
    subs: dict[str, Submission] = {}
    for start in range(0, len(graded), per_step):
        part = graded[start : start + per_step]
        chunk = [parsed(store, h.payload) for h in part if isinstance(h.payload, StoredSubmission)]
        subs.update((h.key, sub) for h, sub in zip(part, chunk, strict=True))
        scored_part = score_against(key, chunk)
        rows.extend(scored_part.rows)
        problems.extend(scored_part.problems)
        if start + per_step < len(graded):
            yield None
    scored = ClassResults(lesson, tuple(rows), tuple(problems))
    by_sub = {id(row.submission): row for row in scored.rows}
    rows_by_key = {key: by_sub[id(sub)] for key, sub in subs.items() if id(sub) in by_sub}
    made = ClassBook(lesson, grading, book, scored, rows_by_key)
    _scored[store] = (state, made)
    yield made


def graded_work(store: Store, book: Book) -> list[Submission]:
    """The graded submissions, one per student, parsed (interop exports carry them)."""
    return [
        parsed(store, h.payload) for h in book.graded() if isinstance(h.payload, StoredSubmission)
    ]
