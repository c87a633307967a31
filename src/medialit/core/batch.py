"""The input side of `medialit score`: one key, many submissions, problems instead of crashes.

A teacher points the command at whatever the class handed in: submission files, folders
of them, zips, or doccano-style JSONL (one student per line). Every input is read by the
one intake (`core.intake`), the same code as the teacher window's import: one bad file
never stops the other 29, and each input that cannot be used is a `Problem` (file, line,
field, reason), skipped. Notices (a student counted once, a file re-anchored, a key
without `medialit_spans`) are reported too but skip nothing.

KEY: a lesson file with a key (`lesson.load_lesson`), or a `.jsonl` file whose first line
is a doccano-style row (`intake.doccano`: `label` or `entities`, names in any case, spans
trimmed as key spans, `medialit_spans` for also-accept labels, optional spans and
explanations).

Architecture invariant: reads files, but never writes and never opens a Store.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from medialit.core.errors import MedialitError, UnscorableKeyError
from medialit.core.intake import doccano
from medialit.core.intake.gathering import Duplicate, current_placed, read_inputs
from medialit.core.intake.placement import Placed, TextVersions
from medialit.core.intake.sources import Problem, Refused
from medialit.core.lesson import find_same_label_overlap, load_lesson
from medialit.core.model import Article, Lesson
from medialit.core.results import StudentResult
from medialit.core.scoring import Scorer, SpanLike
from medialit.core.submission import SubmissionHeader


@dataclass(frozen=True, slots=True)
class GradingKey:
    """The key to score against, whichever file it came from, prepared for scoring.

    It holds the lesson it grades: a lesson file's as read, a JSONL key's made once where it
    is read (titled by the file's stem, with no id). The lesson's title is what the
    results' `lesson` column shows."""

    lesson: Lesson
    notices: tuple[Problem, ...] = ()
    scorer: Scorer = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Fail now (UnscorableKeyError) rather than after reading 10,000 submissions.
        object.__setattr__(self, "scorer", Scorer(self.lesson.key or (), self.lesson.article.text))

    def versions(self) -> TextVersions:
        """The key's lesson as the intake places submissions on it."""
        return TextVersions(self.lesson)


@dataclass(frozen=True, slots=True)
class Entry:
    """One student's work, placed on the key's article and ready to score: its header as
    the intake read it (`Arrival.header`), its spans on the key's text, where it came from."""

    header: SubmissionHeader
    spans: tuple[SpanLike, ...]
    origin: str


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
        return GradingKey(lesson)
    except UnscorableKeyError as exc:
        raise UnscorableKeyError(f"{path}: {exc}") from None


def _load_jsonl_key(path: Path) -> GradingKey:
    origin = str(path)
    try:
        number, row, notices = doccano.read_key_file(path)
    except Refused as exc:
        where = origin if exc.line is None else f"{origin}:{exc.line}"
        raise UnscorableKeyError(f"{where}: {exc}") from None
    spans = doccano.key_spans(row)
    clash = find_same_label_overlap(spans)
    if clash:
        a, b = clash
        raise UnscorableKeyError(
            f"{origin}:{number}: two {a.label.value} key spans overlap: "
            f"[{a.start}, {a.end}) and [{b.start}, {b.end})"
        )
    try:
        lesson = Lesson(
            id="",
            version=1,
            title=path.stem,
            article=Article.from_canonical(row.text),
            key=tuple(spans),
            origin=origin,
        )
        return GradingKey(lesson, notices)
    except UnscorableKeyError as exc:
        raise UnscorableKeyError(f"{origin}:{number}: {exc}") from None


# --- submissions ---------------------------------------------------------------------------


def collect(key: GradingKey, inputs: Iterable[str | os.PathLike[str]]) -> Collected:
    """Read every SUBMISSION input with the one intake; one entry per student (the latest),
    the rest as problems and notices."""
    placed: list[Placed] = []
    problems: list[Problem] = []
    notices: list[Problem] = []
    for result in read_inputs(inputs, [key.versions()]):
        if isinstance(result, Problem):
            problems.append(result)
        elif isinstance(result, Duplicate):
            notices.append(result.notice())
        else:
            notices.extend(result.notices)
            placed.append(result)
    current, older = current_placed(placed)
    entries = tuple(entry_of(p) for p in current)
    return Collected(entries, tuple(problems), (*notices, *older))


def entry_of(placed: Placed) -> Entry:
    """A placed submission as the entry scored: the one way `medialit score` and the class
    view (`classroom.score_class`) make one."""
    return Entry(placed.arrival.header, placed.spans, placed.arrival.where)


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
    for entry in entries:
        yield score_entry(key, entry, details=details)


def score_entry(key: GradingKey, entry: Entry, *, details: bool = True) -> StudentResult:
    """One entry scored against the key: the one place an `Entry` becomes a `StudentResult`
    (results.csv's rows and the gradebook's, `gradebook.command.graded_rows`)."""
    who = entry.header
    return StudentResult(
        who.student_id,
        who.class_code,
        key.lesson.title,
        who.submitted_at,
        key.scorer.score(entry.spans, details=details),
        student_name=who.student_name,
    )
