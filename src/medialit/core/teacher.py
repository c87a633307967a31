"""The teacher's rules: passphrase, new lessons and versions, key checks, packs, collection, roster.

Pure functions over model objects, plus a few that take a `Store` and make one
write each. No Qt here: the teacher GUI calls these and shows the results.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import hmac
import io
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.core.errors import FileFormatError, InvalidSpanError, MedialitError
from medialit.core.jsonfile import dump_json
from medialit.core.lesson import find_same_label_overlap, lesson_from_dict, lesson_to_dict
from medialit.core.model import (
    LABELS,
    Article,
    FeedbackMode,
    KeySpan,
    Label,
    Lesson,
    new_id,
    trimmed_range,
)
from medialit.core.outfile import write_output
from medialit.core.records import Change, ImportRecord, RosterEntry, StoredSubmission
from medialit.core.store import Store
from medialit.core.submission import (
    Submission,
    check_against,
    clean_name,
    load_submission,
    safe_filename_part,
    submission_from_dict,
    submission_to_dict,
)
from medialit.core.text import canonicalize, text_hash

# -- teacher mode passphrase -----------------------------------------------------------------

PASSPHRASE_SETTING = "teacher_passphrase"
MIN_PASSPHRASE = 6
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def hash_passphrase(passphrase: str, *, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash` (hex), salted with 16 random bytes."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise MedialitError(f"the passphrase needs at least {MIN_PASSPHRASE} characters")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_passphrase(passphrase: str, stored: str) -> bool:
    """Constant-time check of a passphrase against `hash_passphrase` output; junk is False."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            passphrase.encode("utf-8"),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(hash_hex) // 2,
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest.hex(), hash_hex)


def has_passphrase(store: Store) -> bool:
    return bool(store.settings.get(PASSPHRASE_SETTING))


def set_passphrase(store: Store, passphrase: str) -> Change:
    return store.settings.set(PASSPHRASE_SETTING, hash_passphrase(passphrase))


def check_passphrase(store: Store, passphrase: str) -> bool:
    stored = store.settings.get(PASSPHRASE_SETTING)
    return bool(stored) and verify_passphrase(passphrase, stored or "")


FREE_GUESSES = 3
"""Wrong guesses in a row that cost nothing; each one after that makes the next guess wait."""
FIRST_DELAY = 2.0
MAX_DELAY = 60.0


def delay_after(wrong: int) -> float:
    """Seconds the next guess waits after `wrong` wrong guesses in a row: 0, 0, 2, 4, 8 … 60."""
    if wrong < FREE_GUESSES:
        return 0.0
    return min(MAX_DELAY, FIRST_DELAY * 2.0 ** (wrong - FREE_GUESSES))


@dataclass(frozen=True, slots=True)
class Guess:
    """What became of one guess at the passphrase."""

    right: bool
    checked: bool
    """False when the guess came before the wait was over: it was not even looked at."""
    wait: float
    """Seconds before the next guess is taken (0: now)."""


class PassphraseGate:
    """`check_passphrase` slowed down after wrong guesses, against guessing on a shared laptop.

    The first FREE_GUESSES wrong guesses in a row cost nothing; after that each
    wrong guess makes the next one wait (2 s, 4 s, 8 s … at most 60 s), and a
    guess before the wait is over is refused without being checked. A right
    guess starts afresh. Kept in memory while the app runs (the GUI keeps one
    per database), not in the database; `clock` (seconds, monotonic) is there
    for tests.
    """

    def __init__(self, store: Store, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.clock = clock
        self.wrong = 0
        self._not_before = 0.0

    def seconds_left(self) -> float:
        """How long until the next guess is taken (0: now)."""
        return max(0.0, self._not_before - self.clock())

    def guess(self, passphrase: str) -> Guess:
        wait = self.seconds_left()
        if wait > 0:
            return Guess(right=False, checked=False, wait=wait)
        if check_passphrase(self.store, passphrase):
            self.wrong, self._not_before = 0, 0.0
            return Guess(right=True, checked=True, wait=0.0)
        self.wrong += 1
        wait = delay_after(self.wrong)
        self._not_before = self.clock() + wait
        return Guess(right=False, checked=True, wait=wait)


# -- lessons -----------------------------------------------------------------------------------


def new_lesson(
    text: str,
    *,
    title: str,
    source: str = "",
    date: str = "",
    feedback: FeedbackMode = FeedbackMode.NONE,
) -> Lesson:
    """A fresh lesson (version 1, empty key) on canonicalised text."""
    canonical = canonicalize(text)
    if not canonical.strip():
        raise MedialitError("the article text is empty")
    title = clean_name(title, max_len=500)
    if not title:
        raise MedialitError("the lesson needs a title")
    return Lesson(
        id=new_id(),
        version=1,
        title=title,
        article=Article.from_canonical(canonical),
        source=source.strip(),
        date=date.strip(),
        feedback=feedback,
        key=(),
    )


def authored_body(lesson: Lesson) -> dict[str, Any]:
    """What the `lessons` row keeps: the lesson file without the key (key spans have a table)."""
    return lesson_to_dict(dataclasses.replace(lesson, kind="lesson"), include_key=False)


def save_lesson_to_store(store: Store, lesson: Lesson, *, key_changed: bool = True) -> Change:
    return store.lessons.save_authored(
        lesson, authored_body(lesson), lesson.key or (), key_changed=key_changed
    )


def load_authored(store: Store, lesson_id: str) -> Lesson:
    """An authored lesson with its current key, from the store."""
    body = store.lessons.body(lesson_id)
    lesson = lesson_from_dict(body, origin=f"lesson {lesson_id}")
    return dataclasses.replace(lesson, key=tuple(store.keys.spans(lesson_id)), kind="lesson")


@dataclass(frozen=True, slots=True)
class LessonFootprint:
    """What deleting an authored lesson takes with it, for the confirmation."""

    title: str
    key_spans: int
    versions: int
    """Text versions kept for late submissions (1 for a lesson never revised)."""
    submissions: int
    """Imported submission files: every student's current one and the older ones."""
    students: int

    def describe(self) -> str:
        """The lesson and what is kept with it: “Rain”, its key (12 spans) and its 2 text versions."""
        parts = [f"“{self.title}”", f"its key ({_count(self.key_spans, 'span')})"]
        if self.versions > 1:
            parts.append(f"its {self.versions} text versions")
        return ", ".join(parts[:-1]) + " and " + parts[-1]

    def submissions_text(self) -> str:
        """How many submissions go with it, in a sentence (said even when none)."""
        if not self.submissions:
            return "No submissions were imported for it, so none are removed."
        older = self.submissions - self.students  # each student has one current submission
        ones = "one" if older == 1 else "ones"
        history = f" (their current ones and {older} older {ones})" if older else ""
        return (
            f"{_count(self.submissions, 'submission')} from "
            f"{_count(self.students, 'student')}{history} will be removed with it."
        )

    def deleted_text(self) -> str:
        """Once done: Deleted “Rain”, its key (12 spans), with 31 submissions."""
        return f"Deleted {self.describe()}, with {_count(self.submissions, 'submission')}."


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"


def lesson_footprint(store: Store, lesson_id: str) -> LessonFootprint:
    """Raises NotFoundError when `lesson_id` is not an authored lesson."""
    row = store.lessons.row(lesson_id)
    subs = store.submissions.imported(lesson_id, current_only=False)
    return LessonFootprint(
        title=row.title,
        key_spans=len(store.keys.spans(lesson_id)),
        versions=len(store.lessons.version_bodies(lesson_id)),
        submissions=len(subs),
        students=len({s.student_id for s in subs}),
    )


def delete_lesson(store: Store, lesson_id: str) -> Change:
    """Delete an authored lesson with its key, text versions and imported submissions.

    A database file is backed up first (`Store.backup`), so the deletion can be
    undone with File > Restore from backup…; if the backup fails, nothing is
    deleted. The students' own work and submissions on this computer are kept.
    """
    store.lessons.row(lesson_id)  # NotFoundError before anything happens
    if store.path is not None:
        store.backup()
    return store.lessons.delete_authored(lesson_id)


def update_details(
    store: Store,
    lesson: Lesson,
    *,
    title: str | None = None,
    source: str | None = None,
    date: str | None = None,
    feedback: FeedbackMode | None = None,
) -> tuple[Lesson, Change]:
    changed = dataclasses.replace(
        lesson,
        title=clean_name(title, max_len=500) if title is not None else lesson.title,
        source=source if source is not None else lesson.source,
        date=date if date is not None else lesson.date,
        feedback=feedback if feedback is not None else lesson.feedback,
    )
    if not changed.title:
        raise MedialitError("the lesson needs a title")
    return changed, store.lessons.set_authored_body(
        lesson.id, authored_body(changed), changed.title
    )


def import_lesson_file(store: Store, lesson: Lesson) -> tuple[Lesson, Change]:
    """Adopt a lesson file (with its key) as an authored lesson."""
    adopted = dataclasses.replace(lesson, kind="lesson", key=lesson.key or ())
    return adopted, save_lesson_to_store(store, adopted)


@dataclass(frozen=True, slots=True)
class Revision:
    lesson: Lesson
    kept: tuple[KeySpan, ...]
    dropped: tuple[KeySpan, ...]


def revise_text(lesson: Lesson, raw_text: str) -> Revision:
    """A new version on edited text; remembers the old SHA-256; moves key spans by their quote.

    A key span moves to the occurrence of its quote nearest its old place; a key
    span whose quote is gone is dropped and reported.
    """
    text = canonicalize(raw_text)
    if not text.strip():
        raise MedialitError("the article text is empty")
    article = Article.from_canonical(text)
    if article.sha256 == lesson.article.sha256:
        return Revision(lesson, lesson.key or (), ())
    kept: list[KeySpan] = []
    dropped: list[KeySpan] = []
    for k in lesson.key or ():
        where = _nearest(text, k.quote, k.start)
        if where is None:
            dropped.append(k)
        else:
            kept.append(dataclasses.replace(k, start=where, end=where + len(k.quote)))
    previous = tuple(dict.fromkeys((*lesson.previous_sha256, lesson.article.sha256)))
    revised = dataclasses.replace(
        lesson,
        version=lesson.version + 1,
        article=article,
        previous_sha256=tuple(h for h in previous if h != article.sha256),
        key=tuple(kept),
    )
    return Revision(revised, tuple(kept), tuple(dropped))


def _nearest(text: str, quote: str, near: int) -> int | None:
    best: int | None = None
    i = text.find(quote)
    while i != -1:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(quote, i + 1)
    return best


# -- key checks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyCheck:
    counts: dict[Label, int]
    without_explanation: tuple[KeySpan, ...]
    labels_without_span: tuple[Label, ...]
    required: int

    @property
    def warnings(self) -> list[str]:
        out = []
        if not self.required:
            out.append("The key has no required span yet, so it cannot be scored.")
        for k in self.without_explanation:
            out.append(f"No explanation: {k.label.value} “{_short(k.quote)}”")
        for label in self.labels_without_span:
            out.append(f"No key span is labelled {label.value}.")
        return out


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_key(key: Sequence[KeySpan]) -> KeyCheck:
    counts = {label: 0 for label in LABELS}
    for k in key:
        counts[k.label] += 1
    return KeyCheck(
        counts=counts,
        without_explanation=tuple(k for k in key if not k.explanation.strip()),
        labels_without_span=tuple(label for label in LABELS if not counts[label]),
        required=sum(1 for k in key if not k.optional),
    )


def make_key_span(
    article: Article,
    start: int,
    end: int,
    label: Label,
    *,
    existing: Sequence[KeySpan] = (),
    also_accept: Iterable[Label] = (),
    optional: bool = False,
    explanation: str = "",
    span_id: str | None = None,
) -> KeySpan:
    """A key span trimmed as scoring trims it; refuses empty spans and same-label overlaps."""
    article.check_range(start, end)
    trimmed = trimmed_range(article, start, end)
    if trimmed is None:
        raise InvalidSpanError("that selection is only spaces or punctuation")
    s, e = trimmed
    span = KeySpan(
        id=span_id or new_id(),
        start=s,
        end=e,
        label=label,
        quote=article.text[s:e],
        also_accept=frozenset(also_accept) - {label},
        optional=optional,
        explanation=explanation,
    )
    check_no_overlap(span, existing)
    return span


def check_no_overlap(span: KeySpan, existing: Sequence[KeySpan]) -> None:
    """Refuse a key span that overlaps another key span of the same label (scoring.md)."""
    others = [k for k in existing if k.id != span.id]
    clash = find_same_label_overlap([*others, span])
    if clash:
        a, b = clash
        other = b if a.id == span.id else a
        raise InvalidSpanError(
            f"it overlaps the {other.label.value} key span “{_short(other.quote)}”; "
            "key spans of the same label must not overlap"
        )


# -- packs ----------------------------------------------------------------------------------------


def pack_filename(lesson: Lesson, kind: str) -> str:
    return f"{safe_filename_part(lesson.title)}_v{lesson.version}_{kind}.json"


def student_pack_bytes(lesson: Lesson) -> bytes:
    """The lesson without its key: no key span, offset or explanation anywhere in the bytes."""
    body = lesson_to_dict(dataclasses.replace(lesson, key=None), kind="student-pack")
    data = dump_json(body)
    leaks = [k.explanation for k in lesson.key or () if len(k.explanation.strip()) >= 8]
    if b'"key"' in data or any(x.encode("utf-8") in data for x in leaks):
        raise MedialitError("refusing to write a student pack that would contain the key")
    return data


def write_student_pack(lesson: Lesson, path: str | Path) -> Path:
    path = Path(path)
    write_output(path, student_pack_bytes(lesson))
    return path


def write_review_pack(lesson: Lesson, path: str | Path) -> Path:
    """The lesson with its key and explanations, for review after the work is in."""
    if not lesson.key:
        raise MedialitError("the lesson has no key to release")
    path = Path(path)
    write_output(path, dump_json(lesson_to_dict(lesson, kind="review-pack")))
    return path


# -- collecting submission files ---------------------------------------------------------------

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
        title = f" “{_short(sub.lesson_title)}”" if sub.lesson_title else ""
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


# -- roster ------------------------------------------------------------------------------------


def parse_roster(text: str, *, class_code: str = "") -> list[tuple[str, str]]:
    """(class_code, name) pairs from typed or pasted lines, or from CSV with a name column.

    A CSV header naming a `name` (or `student`) column, and optionally `class`,
    is honoured; otherwise each non-empty line is one name (a tab or a comma
    after it gives the class).
    """
    text = canonicalize(text)
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return []
    delimiter = "\t" if "\t" in lines[0] else ("," if "," in lines[0] else ";")
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [cell.strip().casefold() for cell in rows[0]]
    name_col = _column(header, ("name", "student", "student name", "full name"))
    class_col = _column(header, ("class", "class_code", "class code", "group", "form"))
    first_col = _column(header, ("first name", "first", "given name"))
    last_col = _column(header, ("last name", "last", "surname", "family name"))
    has_header = name_col is not None or (first_col is not None and last_col is not None)
    body = rows[1:] if has_header else rows
    out: list[tuple[str, str]] = []
    for row in body:
        cells = [cell.strip() for cell in row]
        if has_header:
            if name_col is not None:
                name = _cell(cells, name_col)
            else:
                name = f"{_cell(cells, first_col)} {_cell(cells, last_col)}"
            klass = (_cell(cells, class_col) if class_col is not None else "") or class_code
        else:
            name = cells[0] if cells else ""
            klass = cells[1] if len(cells) > 1 and cells[1] else class_code
        name = clean_name(name)
        if name:
            out.append((clean_name(klass, max_len=40), name))
    return list(dict.fromkeys(out))


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for i, cell in enumerate(header):
        if cell in names:
            return i
    return None


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def name_key(name: str) -> str:
    return " ".join(clean_name(name).casefold().split())


def not_submitted(roster: Sequence[RosterEntry], submissions: Sequence[Submission]) -> list[str]:
    """Roster names with no submission, matched by student id where known, else by name."""
    ids = {s.student_id for s in submissions}
    names = {name_key(s.student_name) for s in submissions}
    return [
        e.name
        for e in roster
        if not ((e.student_id and e.student_id in ids) or name_key(e.name) in names)
    ]
