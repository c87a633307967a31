"""Collecting submissions into the teacher's database: every file is read by the one intake
(`core.intake`, the code `medialit score` runs), the good ones stored in one transaction,
and the report says what became of each.

What the intake decides, this module never decides again: which files a folder or zip
holds, how each format is read, which lesson text a submission is on, what counts as the
same submission (here also against what the database already holds), and which of a
student's submissions is current (the latest UTC instant: `current_submissions`).

A class-file (JSONL) line is stored as a submission of the lesson whose text it is on:
its student id is made from its `student` (the same line gives the same id), its spans
get their quotes and context from the text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from medialit.core.intake.gathering import Duplicate, current_per_student, read_inputs
from medialit.core.intake.placement import Placed, TextVersions
from medialit.core.intake.readers import Arrival
from medialit.core.intake.sources import Problem
from medialit.core.model import Article, Lesson, Span, SpanId
from medialit.core.store import Store
from medialit.core.submission import (
    ID_PATTERN,
    Submission,
    SubmissionHeader,
    header_fields,
    submission_from_dict,
    submission_to_dict,
)
from medialit.core.teacher_records import ImportRecord, StoredSubmission
from medialit.core.text import context, text_hash


@dataclass(frozen=True, slots=True)
class Accepted:
    path: str
    submission: Submission
    record: ImportRecord
    notices: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    path: str  # the file, and the line for a class file ("class.jsonl:4")
    reason: str  # the field and the reason ("label: is missing")


@dataclass(slots=True)
class ImportReport:
    """What an import did, file by file, for the report dialog."""

    added: list[Accepted] = field(default_factory=list)
    duplicates: list[Accepted | Duplicate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)  # older files now kept as history
    notices: list[Problem] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = [f"{len(self.added)} imported"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already imported")
        parts.append(f"{len(self.rejected)} rejected")
        return ", ".join(parts)

    def lines(self) -> list[tuple[str, str, str]]:
        """(file, outcome, detail) rows."""
        out = [(_shown(a.path), "imported", _who(a.submission)) for a in self.added]
        out += [(_shown(_where(d)), "already imported", _duplicate_who(d)) for d in self.duplicates]
        out += [(_shown(r.path), "rejected", r.reason) for r in self.rejected]
        out += [(_shown(_notice_where(n)), "note", n.detail) for n in self.notices]
        return out


def _shown(where: str) -> str:
    return Path(where).name if "!" not in where else where.rsplit("/", 1)[-1]


def _where(item: Accepted | Duplicate) -> str:
    return item.path if isinstance(item, Accepted) else item.arrival.where


def _duplicate_who(item: Accepted | Duplicate) -> str:
    if isinstance(item, Accepted):
        return _who(item.submission)
    return _who(item.arrival.header)


def _notice_where(notice: Problem) -> str:
    return notice.file if notice.line is None else f"{notice.file}:{notice.line}"


def _who(header: SubmissionHeader) -> str:
    name = header.student_name
    return f"{name} ({header.class_code})" if header.class_code else name


def lesson_versions(store: Store, lesson: Lesson) -> TextVersions:
    """An authored lesson with every text version its database keeps."""
    earlier: dict[str, Article] = {}
    numbers: dict[str, int] = {}
    for version, sha, body in store.lessons.version_bodies(lesson.id):
        text = body.get("article", {}).get("text")
        if isinstance(text, str) and text_hash(text) == sha:
            earlier.setdefault(sha, Article(text, sha))
            numbers.setdefault(sha, version)
    earlier.pop(lesson.article.sha256, None)
    return TextVersions(lesson, earlier, numbers)


def check_inputs(
    store: Store, paths: Iterable[str | Path], lessons: Sequence[Lesson]
) -> Iterator[Accepted | Duplicate | Rejected]:
    """One result per file or class-file line, lazily, so a window can show progress."""
    versions = [lesson_versions(store, lesson) for lesson in lessons]
    known = store.submissions.known_hashes()
    for result in read_inputs(paths, versions, known=known):
        if isinstance(result, Problem):
            yield Rejected(_notice_where(result), result.detail)
        elif isinstance(result, Duplicate):
            yield result
        else:
            yield accepted(result)


def accepted(placed: Placed) -> Accepted:
    """A placed submission as the database keeps it (a class-file line made a submission)."""
    arrival = placed.arrival
    sub = arrival.submission or as_submission(arrival, placed.versions)
    record = ImportRecord(
        **header_fields(sub, lesson_id=placed.lesson.id),  # the lesson it was placed on
        content_sha256=arrival.identity,
        path=arrival.where,
        body=submission_to_dict(sub),
    )
    return Accepted(arrival.where, sub, record, placed.notices)


def as_submission(arrival: Arrival, versions: TextVersions) -> Submission:
    """A class-file line as a submission of the lesson whose text it is on."""
    text = arrival.text
    spans = []
    for i, item in enumerate(arrival.spans):
        s, e, label = item if isinstance(item, tuple) else (item.start, item.end, item.label)
        prefix, suffix = context(text, s, e)
        spans.append(Span(SpanId(f"s{i}"), s, e, label, text[s:e], prefix, suffix))
    header = arrival.header
    student = header.student_id
    if not ID_PATTERN.fullmatch(student):
        student = "j" + hashlib.sha256(student.encode("utf-8")).hexdigest()[:31]
    return Submission(
        **header_fields(
            header,
            lesson_id=versions.lesson.id,
            lesson_version=versions.version_of(header.article_sha256),
            student_id=student,
        ),
        spans=tuple(spans),
        lesson_title=versions.lesson.title,
        origin=arrival.where,
    )


def commit_import(store: Store, results: Iterable[Accepted | Duplicate | Rejected]) -> ImportReport:
    """Store every accepted submission in one transaction and say what happened to each."""
    report = ImportReport()
    fresh: list[Accepted] = []
    for result in results:
        if isinstance(result, Rejected):
            report.rejected.append(result)
        elif isinstance(result, Duplicate):
            report.duplicates.append(result)
        else:
            fresh.append(result)
            report.notices.extend(result.notices)
    if fresh:
        lesson_ids = {a.record.lesson_id for a in fresh}
        before = {lid: _current_ids(store, lid) for lid in lesson_ids}
        store.submissions.record_imported([a.record for a in fresh])
        report.added.extend(fresh)
        for lesson_id, old in before.items():
            now_current = _current_ids(store, lesson_id)
            report.superseded.extend(
                path
                for student, (sid, path) in old.items()
                if now_current.get(student, (sid,))[0] != sid
            )
    return report


def import_submission_files(
    store: Store, paths: Iterable[str | Path], lessons: Sequence[Lesson]
) -> ImportReport:
    """Read every input with the one intake, then import the good ones at once."""
    return commit_import(store, check_inputs(store, paths, lessons))


def stored_to_submission(stored: StoredSubmission) -> Submission:
    return submission_from_dict(stored.body, origin=stored.path or stored.id)


def current_stored(store: Store, lesson_id: str) -> list[StoredSubmission]:
    """Each student's current imported submission (the latest UTC instant, the intake's
    rule; equal times: the one imported later), by name."""
    rows = sorted(
        store.submissions.imported(lesson_id, current_only=False),
        key=lambda s: (s.recorded_at, s.id),
    )
    current, _older = current_per_student(
        rows, student=lambda s: s.student_id, submitted_at=lambda s: s.submitted_at
    )
    return sorted(current, key=lambda s: (s.student_name, s.student_id))


def current_submissions(store: Store, lesson_id: str) -> list[Submission]:
    return [stored_to_submission(s) for s in current_stored(store, lesson_id)]


def _current_ids(store: Store, lesson_id: str) -> dict[str, tuple[str, str]]:
    return {s.student_id: (s.id, s.path) for s in current_stored(store, lesson_id)}
