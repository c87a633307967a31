"""Collecting submission files: check each against the teacher's lessons (every text
version), then import the good ones in one transaction, and say what became of each."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from medialit.core.errors import FileFormatError, MedialitError
from medialit.core.jsonfile import dump_json
from medialit.core.model import Article, Lesson
from medialit.core.records import ImportRecord, StoredSubmission
from medialit.core.store import Store
from medialit.core.submission import (
    Submission,
    check_against,
    load_submission,
    submission_from_dict,
    submission_to_dict,
)
from medialit.core.teacher.keycheck import short_quote
from medialit.core.text import text_hash

log = logging.getLogger(__name__)

MAX_FOLDER_FILES = 5_000


@dataclass(frozen=True, slots=True)
class Accepted:
    path: str
    submission: Submission
    record: ImportRecord


@dataclass(frozen=True, slots=True)
class Rejected:
    path: str
    reason: str


@dataclass(slots=True)
class ImportReport:
    """What an import did, file by file, for the report dialog."""

    added: list[Accepted] = field(default_factory=list)
    duplicates: list[Accepted] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)  # older files now kept as history

    @property
    def summary(self) -> str:
        parts = [f"{len(self.added)} imported"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already imported")
        parts.append(f"{len(self.rejected)} rejected")
        return ", ".join(parts)

    def lines(self) -> list[tuple[str, str, str]]:
        """(file, outcome, detail) rows."""
        out = [(Path(a.path).name, "imported", _who(a.submission)) for a in self.added] + [
            (Path(a.path).name, "already imported", _who(a.submission)) for a in self.duplicates
        ]
        out += [(Path(r.path).name, "rejected", r.reason) for r in self.rejected]
        return out


def _who(sub: Submission) -> str:
    return f"{sub.student_name} ({sub.class_code})" if sub.class_code else sub.student_name


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the *.json files inside given folders (recursively), sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if p.is_file())
            out.extend(found[:MAX_FOLDER_FILES])
        else:
            out.append(path)
    return list(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class LessonTexts:
    """An authored lesson and every text version it has had, by SHA-256."""

    lesson: Lesson
    articles: dict[str, Article]

    @classmethod
    def from_store(cls, store: Store, lesson: Lesson) -> LessonTexts:
        articles = {lesson.article.sha256: lesson.article}
        for _version, sha, body in store.lessons.version_bodies(lesson.id):
            text = body.get("article", {}).get("text")
            if isinstance(text, str) and text_hash(text) == sha:
                articles.setdefault(sha, Article(text, sha))
        return cls(lesson, articles)


def content_sha256(sub: Submission) -> str:
    """Identity of a submission's content (not its file's bytes or name)."""
    return hashlib.sha256(dump_json(submission_to_dict(sub))).hexdigest()


def check_submission_file(path: str | Path, lessons: dict[str, LessonTexts]) -> Accepted:
    """Read and fully check one submission file against the teacher's lessons."""
    sub = load_submission(path)
    return check_submission(sub, lessons, path=str(path))


def check_submission(sub: Submission, lessons: dict[str, LessonTexts], *, path: str) -> Accepted:
    target = lessons.get(sub.lesson_id)
    if target is None:
        title = f" “{short_quote(sub.lesson_title)}”" if sub.lesson_title else ""
        raise FileFormatError(path, f"is for a lesson{title} that is not one of yours")
    article = target.articles.get(sub.article_sha256)
    if article is not None:
        check_against(sub, article)
    elif sub.article_sha256 not in target.lesson.previous_sha256:
        raise FileFormatError(path, "is for a different article text", field="article_sha256")
    # else: an earlier text this database never had (the lesson came from a file): accepted as
    # `medialit score` accepts it; its spans are re-anchored by their quotes when scored.
    record = ImportRecord(
        content_sha256=content_sha256(sub),
        lesson_id=sub.lesson_id,
        lesson_version=sub.lesson_version,
        article_sha256=sub.article_sha256,
        student_id=sub.student_id,
        student_name=sub.student_name,
        class_code=sub.class_code,
        submitted_at=sub.submitted_at,
        path=path,
        body=submission_to_dict(sub),
    )
    return Accepted(path, sub, record)


def check_files(
    paths: Sequence[str | Path], lessons: dict[str, LessonTexts]
) -> Iterator[Accepted | Rejected]:
    """One result per file, lazily, so a GUI can show progress between files."""
    for path in paths:
        try:
            yield check_submission_file(path, lessons)
        except MedialitError as exc:
            reason = exc.reason if isinstance(exc, FileFormatError) else str(exc)
            if isinstance(exc, FileFormatError) and exc.field:
                reason = f"{exc.field}: {reason}"
            yield Rejected(str(path), reason)
        except (OSError, RecursionError, MemoryError) as exc:
            yield Rejected(str(path), f"cannot be read: {exc}")
        except Exception as exc:  # a bug must not cost the teacher the rest of the batch
            log.exception("checking a submission file failed unexpectedly")
            yield Rejected(str(path), f"could not be read ({type(exc).__name__})")


def commit_import(store: Store, results: Iterable[Accepted | Rejected]) -> ImportReport:
    """Store every accepted file in one transaction and say what happened to each."""
    report = ImportReport()
    known = store.submissions.known_hashes()
    seen: set[str] = set()
    fresh: list[Accepted] = []
    for result in results:
        if isinstance(result, Rejected):
            report.rejected.append(result)
            continue
        sha = result.record.content_sha256
        if sha in known or sha in seen:
            report.duplicates.append(result)
        else:
            seen.add(sha)
            fresh.append(result)
    if fresh:
        before = {
            (s.lesson_id, s.student_id): s
            for lesson_id in {a.submission.lesson_id for a in fresh}
            for s in store.submissions.imported(lesson_id)
        }
        store.submissions.record_imported([a.record for a in fresh])
        report.added.extend(fresh)
        for (lesson_id, student_id), old in before.items():
            now_current = {s.student_id: s for s in store.submissions.imported(lesson_id)}.get(
                student_id
            )
            if now_current is not None and now_current.id != old.id:
                report.superseded.append(old.path)
    return report


def import_submission_files(
    store: Store, paths: Iterable[str | Path], lessons: Sequence[Lesson]
) -> ImportReport:
    """Check every file (and the *.json in folders), then import the good ones at once."""
    texts = {lesson.id: LessonTexts.from_store(store, lesson) for lesson in lessons}
    return commit_import(store, check_files(expand_paths(paths), texts))


def stored_to_submission(stored: StoredSubmission) -> Submission:
    return submission_from_dict(stored.body, origin=stored.path or stored.id)


def current_submissions(store: Store, lesson_id: str) -> list[Submission]:
    return [stored_to_submission(s) for s in store.submissions.imported(lesson_id)]
