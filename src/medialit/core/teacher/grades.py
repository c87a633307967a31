"""A lesson's gradebook from the teacher's database: the roster, every imported submission,
what the teacher decided (`store.grading`), the graded submission of each student scored
against the current key. The class view, the CSVs, the points, the LMS files and the PDF
all read this one `ClassBook`, so they cannot disagree about what is graded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medialit.core.classroom import ClassResults, StudentRow, score_class
from medialit.core.gradebook.book import Book, BookStudent, Listed, build, grade_rows
from medialit.core.gradebook.graded import Handed, Rules
from medialit.core.gradebook.lms import lms_hint
from medialit.core.gradebook.rows import GradeRow, Points
from medialit.core.model import Lesson
from medialit.core.records import LessonGrading, RosterEntry, StoredSubmission
from medialit.core.store import Store
from medialit.core.submission import Submission
from medialit.core.teacher.collection import stored_to_submission


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


def handed_from(stored: StoredSubmission) -> Handed:
    hint = lms_hint(stored.path)
    return Handed(
        key=stored.id,
        student_id=stored.student_id,
        student_name=stored.student_name,
        class_code=stored.class_code,
        submitted_at=stored.submitted_at,
        imported_at=stored.recorded_at,
        lesson_version=stored.lesson_version,
        lms_id=hint.lms_id,
        lms_name=hint.name,
        payload=stored_to_submission(stored),
    )


def book_of(store: Store, lesson: Lesson) -> tuple[Book, LessonGrading]:
    """Who handed in what and what is graded, without scoring (the roster tab's lists)."""
    grading = store.grading.of(lesson.id)
    rules = Rules(
        key_released_at=grading.key_released_at,
        due_at=grading.due_at,
        picks=store.grading.picks(lesson.id),
        confirmed=store.grading.confirmed_ids(),
        version_created=store.lessons.version_times(lesson.id),
    )
    handed = [handed_from(s) for s in store.submissions.imported(lesson.id, current_only=False)]
    book = build(listed(store.roster.entries()), handed, rules, class_codes=grading.class_codes)
    return book, grading


def class_book(store: Store, lesson: Lesson) -> ClassBook:
    """Everything the gradebook shows for `lesson`, read in a few queries and scored once
    (raises UnscorableKeyError when the key has no required span)."""
    book, grading = book_of(store, lesson)
    graded = book.graded()
    subs = [h.payload for h in graded if isinstance(h.payload, Submission)]
    scored = score_class(lesson, subs)
    by_sub = {id(row.submission): row for row in scored.rows}
    rows_by_key = {h.key: by_sub[id(h.payload)] for h in graded if id(h.payload) in by_sub}
    return ClassBook(lesson, grading, book, scored, rows_by_key)
