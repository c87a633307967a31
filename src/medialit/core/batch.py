"""The input side of `medialit score`: one key, many submissions, problems instead of crashes.

A teacher points the command at whatever the class handed in: submission
files, folders of them, or doccano-style JSONL (one student per line). One bad
file must not stop the other 29 from being scored, so every input that cannot
be used becomes a `Problem` (file, line, reason) and is skipped; the rest are
scored. Notices (a student counted once, a file re-anchored) are reported too
but skip nothing.

Formats:
- KEY: a lesson file with a key (`lesson.load_lesson`), or a `.jsonl` file
  whose first line is `{"text": ..., "label": [[start, end, "claim"], ...]}`.
- SUBMISSION: a submission file, a folder of them (`*.json`, sorted), or a
  `.jsonl` file with lines `{"student": ..., "text": ..., "label": [...]}`
  (optional `class_code`, `submitted_at`).
JSONL offsets are code points into the line's text; if that text is not
canonical (BOM, CRLF, not NFC) but canonicalises to the article, offsets are
mapped onto the canonical text.

Architecture invariant: reads files, but never writes and never opens a Store.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from medialit.core.anchoring import reanchor
from medialit.core.errors import FileFormatError, MedialitError, UnscorableKeyError
from medialit.core.jsonfile import MAX_FILE_BYTES, decode_bytes, loads_strict
from medialit.core.lesson import find_same_label_overlap, load_lesson
from medialit.core.model import Article, KeySpan, Label
from medialit.core.results import StudentResult
from medialit.core.scoring import Scorer, SpanLike
from medialit.core.submission import (
    MAX_SPANS,
    check_against,
    clean_name,
    parse_submission,
)
from medialit.core.text import canonicalize, has_lone_surrogate

MAX_JSONL_BYTES = 1024 * 1024 * 1024
_LABELS: dict[str, Label] = {label.value: label for label in Label}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something about one input: `line` is the JSONL line (1-based) or None for a whole file."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class GradingKey:
    """The key to score against, whichever file it came from, prepared for scoring."""

    lesson: str  # what the results' `lesson` column shows: the title, or the JSONL file's stem
    lesson_id: str  # "" for a JSONL key
    article: Article
    key: tuple[KeySpan, ...]
    previous_sha256: tuple[str, ...] = ()
    origin: str = ""
    notices: tuple[Problem, ...] = ()
    scorer: Scorer = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Fail now (UnscorableKeyError) rather than after reading 10,000 submissions.
        object.__setattr__(self, "scorer", Scorer(self.key, self.article.text))


@dataclass(frozen=True, slots=True)
class Entry:
    """One student's work, validated against the key's article and ready to score."""

    student: str
    class_code: str
    submitted_at: str
    spans: tuple[SpanLike, ...]
    origin: str
    student_name: str = ""


@dataclass(frozen=True, slots=True)
class Collected:
    """Entries to score (one per student), problems (inputs skipped) and notices."""

    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    notices: tuple[Problem, ...]


# --- the key -----------------------------------------------------------------------------


def load_key(path: str | os.PathLike[str]) -> GradingKey:
    """Read KEY; an unusable key raises UnscorableKeyError (a MedialitError) naming the file."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".jsonl":
            return _load_jsonl_key(path)
        lesson = load_lesson(path)
    except UnscorableKeyError:
        raise
    except MedialitError as exc:
        raise UnscorableKeyError(str(exc)) from None
    if not lesson.key:
        raise UnscorableKeyError(f"{path}: the lesson has no answer key (is it a student pack?)")
    try:
        return GradingKey(
            lesson=lesson.title,
            lesson_id=lesson.id,
            article=lesson.article,
            key=lesson.key,
            previous_sha256=lesson.previous_sha256,
            origin=str(path),
        )
    except UnscorableKeyError as exc:
        raise UnscorableKeyError(f"{path}: {exc}") from None


def _load_jsonl_key(path: Path) -> GradingKey:
    origin = str(path)
    lines = _jsonl_lines(path, origin)
    numbered = [(n, line) for n, line in lines if line.strip()]
    if not numbered:
        raise UnscorableKeyError(f"{origin}: the file is empty")
    number, first = numbered[0]
    try:
        data = _object(first)
        raw = _doccano_text(data)
        if has_lone_surrogate(raw):
            raise ValueError("'text' contains an invalid (lone surrogate) character")
        text = canonicalize(raw)
        spans = _doccano_spans(data, raw, text)
    except ValueError as exc:
        raise UnscorableKeyError(f"{origin}:{number}: {exc}") from None
    article = Article.from_canonical(text)
    key = tuple(
        KeySpan(id=f"k{i}", start=s, end=e, label=label, quote=text[s:e])
        for i, (s, e, label) in enumerate(spans, start=1)
    )
    clash = find_same_label_overlap(list(key))
    if clash:
        a, b = clash
        raise UnscorableKeyError(
            f"{origin}:{number}: two {a.label.value} key spans overlap: "
            f"[{a.start}, {a.end}) and [{b.start}, {b.end})"
        )
    notices: tuple[Problem, ...] = ()
    if len(numbered) > 1:
        rest = "only the first line is the key; the other lines are ignored"
        notices = (Problem(origin, numbered[1][0], rest),)
    try:
        return GradingKey(
            lesson=path.stem, lesson_id="", article=article, key=key, origin=origin, notices=notices
        )
    except UnscorableKeyError as exc:
        raise UnscorableKeyError(f"{origin}:{number}: {exc}") from None


# --- submissions ---------------------------------------------------------------------------


def collect(key: GradingKey, inputs: Iterable[str | os.PathLike[str]]) -> Collected:
    """Read every SUBMISSION input; one entry per student, the rest as problems and notices."""
    reader = _Reader(key)
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.glob("*.json") if p.is_file())
            if not files:
                reader.problem(str(path), None, "the folder has no *.json submission files")
            for file in files:
                reader.read_submission_file(file)
        elif path.suffix.lower() == ".jsonl":
            reader.read_jsonl(path)
        else:
            reader.read_submission_file(path)
    return reader.result()


def score_all(
    key: GradingKey, entries: Iterable[Entry], *, details: bool = True
) -> list[StudentResult]:
    """One StudentResult per entry, in order; details=False skips outcomes (results.csv only)."""
    return list(score_each(key, entries, details=details))


def score_each(
    key: GradingKey, entries: Iterable[Entry], *, details: bool = True
) -> Iterator[StudentResult]:
    """`score_all` one student at a time, each scored when the caller asks for the next: a
    writer can write a student's outcomes and let them go before the next is scored."""
    score = key.scorer.score
    for e in entries:
        yield StudentResult(
            e.student,
            e.class_code,
            key.lesson,
            e.submitted_at,
            score(e.spans, details=details),
            student_name=e.student_name,
        )


class _Reader:
    """Accumulates entries, problems and notices while inputs are read, in input order."""

    def __init__(self, key: GradingKey) -> None:
        self.key = key
        self.text = key.article.text
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.entries: dict[str, Entry] = {}  # student -> entry; dicts keep first-seen order
        self.seen_files: dict[str, str] = {}  # sha256 of bytes -> first file

    def problem(self, file: str, line: int | None, reason: str) -> None:
        self.problems.append(Problem(file, line, reason))

    def notice(self, file: str, line: int | None, reason: str) -> None:
        self.notices.append(Problem(file, line, reason))

    def result(self) -> Collected:
        return Collected(tuple(self.entries.values()), tuple(self.problems), tuple(self.notices))

    def _read_bytes(self, path: Path, limit: int) -> bytes | None:
        """The file's bytes, or None (a problem, or a notice when an identical file was read)."""
        origin = str(path)
        try:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            self.problem(origin, None, f"cannot be read: {exc.strerror or exc}")
            return None
        if len(data) > limit:
            self.problem(origin, None, f"the file is over the {limit:,}-byte limit")
            return None
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.seen_files:
            self.notice(origin, None, f"identical to {self.seen_files[digest]}; counted once")
            return None
        self.seen_files[digest] = origin
        return data

    def read_submission_file(self, path: Path) -> None:
        origin = str(path)
        data = self._read_bytes(path, MAX_FILE_BYTES)
        if data is None:
            return
        try:
            sub = parse_submission(decode_bytes(data, origin), origin=origin)
            key = self.key
            if key.lesson_id and sub.lesson_id != key.lesson_id:
                self.notice(
                    origin,
                    None,
                    f"was made for lesson {sub.lesson_id}, scored against {key.lesson_id} "
                    "(same article text)",
                )
            if sub.article_sha256 == key.article.sha256:
                check_against(sub, key.article)
                spans: tuple[SpanLike, ...] = sub.spans
            elif sub.article_sha256 in key.previous_sha256:
                placed, orphans = reanchor(sub.spans, self.text)
                self.notice(
                    origin,
                    None,
                    f"made on an earlier version of the article: {len(placed)} of "
                    f"{len(sub.spans)} spans re-anchored in the corrected text",
                )
                for span in orphans:
                    self.notice(
                        origin,
                        None,
                        f"span {span.label.value} {span.quote[:40]!r} at [{span.start}, "
                        f"{span.end}) is not in the corrected text; not scored",
                    )
                spans = placed
            else:
                raise FileFormatError(
                    origin,
                    "is for a different article text (not this lesson's article "
                    "nor an earlier version of it)",
                    field="article_sha256",
                )
        except MedialitError as exc:
            self.problem(origin, None, _reason(exc))
            return
        self._add(
            Entry(
                sub.student_id, sub.class_code, sub.submitted_at, spans, origin, sub.student_name
            ),
            origin,
            None,
        )

    def read_jsonl(self, path: Path) -> None:
        """Read line by line (a class set can be tens of MB), hashing as we go; the entries
        count only if no identical file was read before."""
        origin = str(path)
        digest = hashlib.sha256()
        size = 0
        found: list[tuple[Entry, int]] = []
        problems: list[Problem] = []
        try:
            with open(path, "rb") as fh:
                for number, raw in enumerate(fh, start=1):
                    digest.update(raw)
                    size += len(raw)
                    if size > MAX_JSONL_BYTES:
                        self.problem(origin, None, f"over the {MAX_JSONL_BYTES:,}-byte limit")
                        return
                    try:
                        line = raw.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        problems.append(Problem(origin, number, f"not UTF-8 (byte {exc.start})"))
                        continue
                    if number == 1 and line.startswith("\ufeff"):
                        line = line[1:]
                    if not line.strip():
                        continue
                    try:
                        entry = self._jsonl_entry(line, f"{origin}:{number}")
                    except ValueError as exc:
                        problems.append(Problem(origin, number, str(exc)))
                        continue
                    found.append((entry, number))
        except OSError as exc:
            self.problem(origin, None, f"cannot be read: {exc.strerror or exc}")
            return
        sha = digest.hexdigest()
        if sha in self.seen_files:
            self.notice(origin, None, f"identical to {self.seen_files[sha]}; counted once")
            return
        self.seen_files[sha] = origin
        self.problems.extend(problems)
        for entry, number in found:
            self._add(entry, origin, number)

    def _jsonl_entry(self, line: str, where: str) -> Entry:
        data = _object(line)
        student = _short_text(data, "student", required=True)
        class_code = _short_text(data, "class_code", max_len=40)
        submitted_at = _short_text(data, "submitted_at")
        raw = _doccano_text(data)
        if raw != self.text:  # the common case is one memcmp; canonicalise only when needed
            canon = canonicalize(raw)
            if canon != self.text:
                raise ValueError(
                    f"'text' is not the key's article text "
                    f"(first difference at character {_first_difference(canon, self.text)})"
                )
        spans = _doccano_spans(data, raw, self.text)
        return Entry(student, class_code, submitted_at, spans, where, student)

    def _add(self, entry: Entry, file: str, line: int | None) -> None:
        """Keep one entry per student: the latest submitted_at, else the later input."""
        earlier = self.entries.get(entry.student)
        if earlier is None:
            self.entries[entry.student] = entry
            return
        new_at, old_at = _timestamp(entry.submitted_at), _timestamp(earlier.submitted_at)
        keep_new = new_at is None or old_at is None or new_at == old_at or new_at > old_at
        winner, loser = (entry, earlier) if keep_new else (earlier, entry)
        self.notice(
            file,
            line,
            f"student {entry.student!r} appears more than once: using {winner.origin}"
            f"{_at(winner)}, ignoring {loser.origin}{_at(loser)}",
        )
        if keep_new:
            self.entries[entry.student] = entry


def _at(entry: Entry) -> str:
    return f" (submitted {entry.submitted_at})" if entry.submitted_at else ""


def _reason(exc: MedialitError) -> str:
    """A FileFormatError's message without the file name (Problem carries it)."""
    if isinstance(exc, FileFormatError):
        return f"{exc.field}: {exc.reason}" if exc.field else exc.reason
    return str(exc)


def _timestamp(value: str) -> datetime | None:
    """An ISO 8601 time as an aware datetime (naive means UTC), or None when unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _jsonl_lines(path: Path, origin: str) -> list[tuple[int, str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnscorableKeyError(f"{origin}: cannot be read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnscorableKeyError(f"{origin}: not UTF-8 text (byte {exc.start})") from None
    # JSON strings may hold a raw U+2028 but never a raw newline: split on "\n" only.
    return list(enumerate(text.split("\n"), start=1))


def _object(line: str) -> dict[str, Any]:
    try:
        value = loads_strict(line)
    except RecursionError:
        raise ValueError("JSON is nested too deeply") from None
    except ValueError as exc:
        raise ValueError(f"not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, found {type(value).__name__}")
    return value


def _short_text(
    data: dict[str, Any], name: str, *, required: bool = False, max_len: int = 100
) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise ValueError(f"'{name}' must be text")
    if value.isprintable() and value.strip() == value and "  " not in value:
        # Nothing for clean_name to remove (printable means no control, format or
        # separator characters but the plain space); the common case, so skip it.
        if required and not value:
            raise ValueError(f"'{name}' is missing or empty")
        return value[:max_len]
    if has_lone_surrogate(value):
        raise ValueError(f"'{name}' contains an invalid (lone surrogate) character")
    value = clean_name(value, max_len=max_len)
    if required and not value:
        raise ValueError(f"'{name}' is missing or empty")
    return value


def _doccano_text(data: dict[str, Any]) -> str:
    raw = data.get("text")
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError("'text' is missing, empty or not text")
    return raw


def _doccano_spans(
    data: dict[str, Any], raw: str, canonical: str
) -> tuple[tuple[int, int, Label], ...]:
    """The `label` spans of a doccano-style object, as offsets into `canonical`.

    Offsets count code points of `raw`, the text as written on the line; when
    that text is not canonical they are mapped (rare, so done the simple way).
    """
    items = data.get("label", [])
    if not isinstance(items, list):
        raise ValueError("'label' must be a list of [start, end, label]")
    if len(items) > MAX_SPANS:
        raise ValueError(f"'label' has {len(items):,} spans, over the limit of {MAX_SPANS:,}")
    n = len(raw)
    labels = _LABELS
    try:  # the fast path, for well-formed lines: one comprehension that drops bad items
        spans = [
            (s, e, labels[name])
            for s, e, name in items
            if type(s) is int and type(e) is int and 0 <= s < e <= n
        ]
    except (ValueError, TypeError, KeyError):
        spans = []
    if len(spans) != len(items):
        _span_problem(items, n)
    if raw is canonical or raw == canonical:
        return tuple(spans)
    to_canon = _offset_map(raw)
    mapped = []
    for i, (s, e, label) in enumerate(spans):
        cs, ce = to_canon(s), to_canon(e)
        if cs >= ce:
            raise ValueError(f"label[{i}]: [{s}, {e}) is empty in the canonical text")
        mapped.append((cs, ce, label))
    return tuple(mapped)


def _span_problem(items: list[Any], n: int) -> NoReturn:
    """Raise ValueError naming the first bad item of a `label` list (the slow, exact path)."""
    for i, item in enumerate(items):
        if type(item) is not list or len(item) != 3:
            raise ValueError(f"label[{i}] must be [start, end, label]")
        s, e, name = item
        if type(s) is not int or type(e) is not int or not 0 <= s < e <= n:
            raise ValueError(f"label[{i}]: [{s!r}, {e!r}) is not a span of the text (0..{n})")
        if not isinstance(name, str) or name not in _LABELS:
            names = ", ".join(_LABELS)
            raise ValueError(f"label[{i}]: unknown label {name!r} (expected one of {names})")
    raise ValueError("'label' is not a list of [start, end, label]")


def _offset_map(raw: str) -> Callable[[int], int]:
    """Raw-text offset -> canonical-text offset (rare path: only for non-canonical JSONL text)."""
    cache: dict[int, int] = {}

    def convert(offset: int) -> int:
        if offset not in cache:
            cache[offset] = len(canonicalize(raw[:offset]))
        return cache[offset]

    return convert


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))
