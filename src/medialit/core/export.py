"""CSV (and JSON) export of scores: what a teacher opens in Excel or LibreOffice.

Why it looks like this:
- columns live in two tuple constants, so the file layout is one reviewable line each;
- UTF-8 with a BOM (`utf-8-sig`) and `\\r\\n` rows from the csv module, so Excel
  reads accented names correctly;
- every cell goes through one neutralising writer (`write_table`): a cell that a
  spreadsheet could take for a formula gets a leading `'` (OWASP "CSV injection").
  Student names, notes and quotes come from students, and Excel would run
  `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` as a formula. The rule (`formula_like`):
  the cell starts with a control character (OWASP's TAB and CR, also LF, NUL...), or
  its first character after any whitespace and invisible (format) characters is
  = + - or @, or a full-width, small or superscript form of one (NFKC: `＝1+1`).
  Leading whitespace counts because LibreOffice's "Trim spaces" import option turns
  ` =1+1` into a formula; full-width forms because input methods produce them and
  a spreadsheet may fold them. `|` and `%` are left alone: no spreadsheet starts a
  formula with them, and `|` (DDE) only works inside a formula, which this rule
  stops. LibreOffice shows the `'` as part of the text; numbers are never negative
  here, so they never get one. benchmarks/csv_libreoffice.py checks all this in a
  real spreadsheet. Not covered: a file opened with a delimiter other than the one
  it was written with (a `;` inside an unquoted cell of a `,` file then starts a
  new cell, which may begin with `=`), so `;` is offered for such locales;
- `delimiter=";"` is for locales whose spreadsheets use a decimal comma, so it
  also writes decimals with a comma;
- files are written row by row to a temp file beside the target, then renamed
  (`csv_file`, `outfile.output_file`): a crash never leaves half a gradebook, and a
  class's details need not be in memory all at once.

Ratios are written with 4 decimals, the score with 1, both rounding halves up
(`scoring.round_half_up`); empty cells stand for "not defined" (scoring.md).
Takes ScoreReports and plain values, never a Store.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TextIO

from medialit.core.model import LABELS
from medialit.core.outfile import output_file
from medialit.core.scoring import Outcome, ScoreReport, round_half_up

_METRICS = ("precision", "recall", "f1")

RESULTS_COLUMNS: tuple[str, ...] = (
    "student",
    "class_code",
    "lesson",
    "submitted_at",
    "score",
    "precision",
    "recall",
    "f1",
    "strict_precision",
    "strict_recall",
    "strict_f1",
    "correct",
    "partial",
    "wrong_label",
    "missed",
    "spurious",
    *(f"{label.value}_{metric}" for label in LABELS for metric in _METRICS),
    # Not in the list, so it goes last: `student` is the stable id (a uuid for
    # submission files), and a gradebook needs the name beside it.
    "student_name",
)

DETAILS_COLUMNS: tuple[str, ...] = (
    "student",
    "outcome",
    "key_label",
    "key_start",
    "key_end",
    "key_quote",
    "student_label",
    "student_start",
    "student_end",
    "student_quote",
    "student_note",
    "coverage",
)

DELIMITERS = (",", ";")
_SIGNS = frozenset("=+-@")
RATIO_DECIMALS = 4
SCORE_DECIMALS = 1

Value = str | int | float | None


@dataclass(frozen=True, slots=True)
class StudentResult:
    """One results row: who, which lesson, when, and the report."""

    student: str
    class_code: str
    lesson: str
    submitted_at: str
    report: ScoreReport
    student_name: str = ""

    def figures_only(self) -> StudentResult:
        """This result without the report's outcomes and spans, as `score(..., details=False)`
        gives it: all results.csv and the JSON need, once details.csv has its rows."""
        return replace(self, report=replace(self.report, outcomes=(), spans=()))


def formula_like(value: str) -> bool:
    """True when a spreadsheet could read the cell as a formula (the module docstring's rule)."""
    for ch in value:
        if ch in _SIGNS:
            return True
        if ch.isalnum():  # the common case: a name, a word, a number
            return False
        category = unicodedata.category(ch)
        if category == "Cc":  # TAB, CR, LF, NUL, ...
            return True
        if not (ch.isspace() or category == "Cf"):
            return unicodedata.normalize("NFKC", ch)[:1] in _SIGNS
    return False


def safe_text(value: str) -> str:
    """The cell as written: a leading `'` when it looks like a formula; idempotent."""
    return "'" + value if formula_like(value) else value


def result_values(result: StudentResult) -> tuple[Value, ...]:
    """The row's values in RESULTS_COLUMNS order, rounded as written; None for empty cells."""
    r = result.report
    values: list[Value] = [
        result.student,
        result.class_code,
        result.lesson,
        result.submitted_at,
        r.score,
        _ratio(r.precision),
        _ratio(r.recall),
        _ratio(r.f1),
        _ratio(r.strict_precision),
        _ratio(r.strict_recall),
        _ratio(r.strict_f1),
        r.correct,
        r.partial,
        r.wrong_label,
        r.missed,
        r.spurious,
    ]
    for figures in r.labels:
        values += (_ratio(figures.precision), _ratio(figures.recall), _ratio(figures.f1))
    values.append(result.student_name)
    return tuple(values)


def detail_values(student: str, outcome: Outcome) -> tuple[Value, ...]:
    """One outcome in DETAILS_COLUMNS order: the spans as scored (trimmed, merged)."""
    key, span = outcome.key, outcome.student
    return (
        student,
        outcome.kind.value,
        key.label.value if key else None,
        key.start if key else None,
        key.end if key else None,
        key.quote if key else None,
        span.label.value if span else None,
        span.start if span else None,
        span.end if span else None,
        span.quote if span else None,
        span.note if span else None,
        _ratio(outcome.coverage),
    )


def _ratio(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, RATIO_DECIMALS)


def _kinds(columns: tuple[str, ...]) -> tuple[str, ...]:
    """How each column is written: t(ext), s(core), r(atio) or i(nteger)."""
    text = {
        "student",
        "student_name",
        "class_code",
        "lesson",
        "submitted_at",
        "outcome",
        "key_quote",
    }
    text |= {"key_label", "student_label", "student_quote", "student_note"}
    integer = {"correct", "partial", "wrong_label", "missed", "spurious"}
    integer |= {"key_start", "key_end", "student_start", "student_end"}
    return tuple(
        "t" if c in text else "s" if c == "score" else "i" if c in integer else "r" for c in columns
    )


_RESULT_KINDS = _kinds(RESULTS_COLUMNS)
_DETAIL_KINDS = _kinds(DETAILS_COLUMNS)


def _cells(values: tuple[Value, ...], kinds: tuple[str, ...], decimal_comma: bool) -> list[str]:
    out: list[str] = []
    for kind, value in zip(kinds, values, strict=True):
        if value is None:
            out.append("")
        elif kind == "r":
            text = f"{value:.{RATIO_DECIMALS}f}"
            out.append(text.replace(".", ",") if decimal_comma else text)
        elif kind == "t":
            assert isinstance(value, str)
            out.append(value)  # neutralised by write_table, with every other cell
        elif kind == "s":
            text = f"{value:.{SCORE_DECIMALS}f}"
            out.append(text.replace(".", ",") if decimal_comma else text)
        else:
            out.append(str(value))
    return out


def results_table(results: Iterable[StudentResult], *, delimiter: str = ",") -> Iterator[list[str]]:
    """Header then one row of cells per result, formatted for `delimiter`, not yet neutralised."""
    decimal_comma = _check_delimiter(delimiter)
    yield list(RESULTS_COLUMNS)
    for result in results:
        yield _cells(result_values(result), _RESULT_KINDS, decimal_comma)


def details_table(results: Iterable[StudentResult], *, delimiter: str = ",") -> Iterator[list[str]]:
    """Header then one row per outcome of every result."""
    decimal_comma = _check_delimiter(delimiter)
    yield list(DETAILS_COLUMNS)
    for result in results:
        for outcome in result.report.outcomes:
            yield _cells(detail_values(result.student, outcome), _DETAIL_KINDS, decimal_comma)


def _check_delimiter(delimiter: str) -> bool:
    """True when decimals take a comma (the ';' delimiter)."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {DELIMITERS}, not {delimiter!r}")
    return delimiter == ";"


def write_table(stream: TextIO, rows: Iterable[list[str]], *, delimiter: str = ",") -> None:
    """The one CSV writer: every cell through `safe_text`, then the csv module.

    Open `stream` with newline="" (csv writes \\r\\n). Every CSV medialit writes (the
    teacher window's exports, `medialit score` to a file or stdout) comes through here.
    """
    csv.writer(stream, delimiter=delimiter).writerows([safe_text(c) for c in row] for row in rows)


def write_results_to(
    stream: TextIO, results: Iterable[StudentResult], *, delimiter: str = ","
) -> None:
    """results.csv to a text stream (stdout); no BOM: the stream owns its encoding."""
    write_table(stream, results_table(results, delimiter=delimiter), delimiter=delimiter)


def write_details_to(
    stream: TextIO, results: Iterable[StudentResult], *, delimiter: str = ","
) -> None:
    write_table(stream, details_table(results, delimiter=delimiter), delimiter=delimiter)


@contextlib.contextmanager
def csv_file(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text stream for a CSV file at `path`, for `write_table`: UTF-8 with a BOM, rows
    written as they come to a temp file in the same folder, renamed into place when the
    block ends (`outfile.output_file`); when it raises, `path` is left as it was."""
    with output_file(path) as raw:
        raw.write(codecs.BOM_UTF8)  # what `utf-8-sig` writes, even when no row follows
        stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()  # `output_file` closes the file (after its fsync)


def write_details_keeping_figures(
    stream: TextIO, results: Iterable[StudentResult], *, delimiter: str = ","
) -> list[StudentResult]:
    """details.csv to a text stream, each result's rows written as `results` yields it; returns
    the results without their outcomes (`StudentResult.figures_only`), for results.csv.

    With `batch.score_each` as `results` each student is scored once, and only one student's
    outcomes are in memory at a time, however big the class.
    """
    kept: list[StudentResult] = []

    def keeping_figures() -> Iterator[StudentResult]:
        for result in results:
            kept.append(result.figures_only())
            yield result

    write_details_to(stream, keeping_figures(), delimiter=delimiter)
    return kept


def write_csv_file(
    path: str | os.PathLike[str], rows: Iterable[list[str]], *, delimiter: str = ","
) -> None:
    """UTF-8 with BOM, each row written as `rows` yields it (`csv_file`), renamed into place."""
    with csv_file(path) as stream:
        write_table(stream, rows, delimiter=delimiter)


def write_results(
    path: str | os.PathLike[str], results: Iterable[StudentResult], *, delimiter: str = ","
) -> None:
    write_csv_file(path, results_table(results, delimiter=delimiter), delimiter=delimiter)


def write_details(
    path: str | os.PathLike[str], results: Iterable[StudentResult], *, delimiter: str = ","
) -> None:
    write_csv_file(path, details_table(results, delimiter=delimiter), delimiter=delimiter)


def results_json(results: Iterable[StudentResult]) -> list[dict[str, Value]]:
    """The results rows as JSON-ready objects: same columns and rounding, null for empty cells."""
    return [dict(zip(RESULTS_COLUMNS, result_values(r), strict=True)) for r in results]
