"""CSV (and JSON) export of scores: what a teacher opens in Excel or LibreOffice.

Why it looks like this:
- columns live in two tuple constants, so the file layout is one reviewable line each;
- UTF-8 with a BOM (`utf-8-sig`) and `\\r\\n` rows from the csv module, so Excel
  reads accented names correctly;
- every cell goes through one writer (`write_table`) that quotes every text cell and
  neutralises what a spreadsheet could take for a formula (OWASP "CSV injection").
  Student names, notes and quotes come from students, and Excel would run
  `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` as a formula. The rule (`formula_like`):
  the text starts with a control character (OWASP's TAB and CR, also LF, NUL...), or
  its first character after any whitespace and invisible (format) characters is
  = + - or @, or a full-width, small or superscript form of one (NFKC: `＝1+1`).
  Leading whitespace counts because LibreOffice's "Trim spaces" import option turns
  ` =1+1` into a formula; full-width forms because input methods produce them and
  a spreadsheet may fold them. Such a cell gets a leading `'`. `|` and `%` are left
  alone: no spreadsheet starts a formula with them, and `|` (DDE) only works inside a
  formula, which this rule stops. LibreOffice shows the `'` as part of the text;
  numbers are never negative here, so they never get one.
  **Whatever the delimiter** a teacher's spreadsheet uses to open the file: a file
  written with `,` and opened in a `;` locale (or the reverse) splits a cell at the
  other delimiter, and a line break may start a row. So the same rule is applied
  after every `,`, `;`, TAB, CR and LF inside a text cell (`x;=1+1` is written
  `x;'=1+1`), and every text cell is quoted (`Bare` marks the cells written without
  quotes: numbers as formatted, and empty figures). benchmarks/csv_libreoffice.py and
  tests/core/test_csv_libreoffice.py open every file in LibreOffice with both
  delimiters and find no formula;
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
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TextIO, TypedDict, Unpack

from medialit.core.cells import EMPTY, Bare, number, safe_text
from medialit.core.gradebook.rows import SCORE_POINTS, GradeRow, Points
from medialit.core.model import LABELS
from medialit.core.outfile import output_file
from medialit.core.results import StudentResult
from medialit.core.scoring import Outcome, round_half_up

_METRICS = ("precision", "recall", "f1")
_FIGURES: tuple[str, ...] = (
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
)

# Name first, then what a gradebook wants (status, score, points), the figures, and the
# ids last (issue 12): a teacher reads the first columns, a program matches on the last.
RESULTS_COLUMNS: tuple[str, ...] = (
    "student_name",
    "class_code",
    "status",
    "score",
    "points",
    "out_of",
    *_FIGURES,
    "submitted_at",
    "lesson",
    "roster",
    "student_id",
)

DETAILS_COLUMNS: tuple[str, ...] = (
    "student_name",
    "class_code",
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
    "student_id",
)

DELIMITERS = (",", ";")
RATIO_DECIMALS = 4
SCORE_DECIMALS = 1

Value = str | int | float | None


Row = StudentResult | GradeRow


def _row(row: Row) -> GradeRow:
    return row if isinstance(row, GradeRow) else GradeRow.of(row)


def result_values(
    row: Row, *, points: Points = SCORE_POINTS, lesson: str = ""
) -> tuple[Value, ...]:
    """The row's values in RESULTS_COLUMNS order, rounded as written; None for empty cells.

    A row with nothing graded has empty figures, or 0 for score and points when
    `points.zero_for_missing`; `lesson` names the lesson for such a row.
    """
    row = _row(row)
    result = row.result
    head: list[Value] = [row.student_name, row.class_code, row.status.value]
    if result is None:
        zero = 0.0 if points.zero_for_missing else None
        head += [zero, zero, points.out_of]
        tail: list[Value] = ["", lesson, row.roster.value, row.student_id]
        return (*head, *([None] * len(_FIGURES)), *tail)
    r = result.report
    head += [r.score, points.of(r.score), points.out_of]
    figures: list[Value] = [
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
    for per_label in r.labels:
        figures += (_ratio(per_label.precision), _ratio(per_label.recall), _ratio(per_label.f1))
    tail = [result.submitted_at, result.lesson, row.roster.value, row.student_id]
    return (*head, *figures, *tail)


def detail_values(row: Row, outcome: Outcome) -> tuple[Value, ...]:
    """One outcome in DETAILS_COLUMNS order: the spans as scored (trimmed, merged)."""
    row = _row(row)
    key, span = outcome.key, outcome.student
    return (
        row.student_name,
        row.class_code,
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
        row.student_id,
    )


def _ratio(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, RATIO_DECIMALS)


_TEXT = {"student_name", "class_code", "status", "lesson", "submitted_at", "roster"}
_TEXT |= {"student_id", "outcome", "key_label", "key_quote", "student_label"}
_TEXT |= {"student_quote", "student_note"}
_INTEGER = {"correct", "partial", "wrong_label", "missed", "spurious"}
_INTEGER |= {"key_start", "key_end", "student_start", "student_end"}
_FIGURE_KINDS = {"score": "s", "points": "p", "out_of": "o"}  # every other figure: "r"


def _kinds(columns: tuple[str, ...]) -> tuple[str, ...]:
    """How each column is written: t(ext), s(core: 1 decimal), p(oints: the lesson's
    rounding), o(ut of: whole, or 1 decimal), r(atio: 4 decimals) or i(nteger)."""
    return tuple(
        "t" if c in _TEXT else "i" if c in _INTEGER else _FIGURE_KINDS.get(c, "r") for c in columns
    )


_RESULT_KINDS = _kinds(RESULTS_COLUMNS)
_DETAIL_KINDS = _kinds(DETAILS_COLUMNS)


def _cells(
    values: tuple[Value, ...], kinds: tuple[str, ...], decimal_comma: bool, points: Points
) -> list[str]:
    out: list[str] = []
    for kind, value in zip(kinds, values, strict=True):
        if value is None:
            out.append(EMPTY)
        elif kind == "t":
            assert isinstance(value, str)
            out.append(value)  # quoted and neutralised by write_table
        elif kind == "r":
            out.append(number(float(value), RATIO_DECIMALS, decimal_comma))
        elif kind == "s":
            out.append(number(float(value), SCORE_DECIMALS, decimal_comma))
        elif kind == "p":
            out.append(number(float(value), points.decimals, decimal_comma))
        elif kind == "o":
            out.append(number(float(value), 0 if float(value).is_integer() else 1, decimal_comma))
        else:
            out.append(Bare(str(value)))
    return out


def results_table(
    rows: Iterable[Row], *, delimiter: str = ",", points: Points = SCORE_POINTS, lesson: str = ""
) -> Iterator[list[str]]:
    """Header then one row of cells per row, formatted for `delimiter`, not yet neutralised."""
    decimal_comma = _check_delimiter(delimiter)
    yield list(RESULTS_COLUMNS)
    for row in rows:
        values = result_values(row, points=points, lesson=lesson)
        yield _cells(values, _RESULT_KINDS, decimal_comma, points)


def details_table(rows: Iterable[Row], *, delimiter: str = ",") -> Iterator[list[str]]:
    """Header then one row per outcome of every graded row."""
    decimal_comma = _check_delimiter(delimiter)
    yield list(DETAILS_COLUMNS)
    for row in rows:
        graded = _row(row)  # once per row, not once per outcome
        for outcome in graded.result.report.outcomes if graded.result else ():
            values = detail_values(graded, outcome)
            yield _cells(values, _DETAIL_KINDS, decimal_comma, SCORE_POINTS)


def _check_delimiter(delimiter: str) -> bool:
    """True when decimals take a comma (the ';' delimiter)."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {DELIMITERS}, not {delimiter!r}")
    return delimiter == ";"


def write_table(stream: TextIO, rows: Iterable[list[str]], *, delimiter: str = ",") -> None:
    """The one CSV writer: every text cell through `safe_text` and quoted; `Bare` cells as
    they are. Rows end with \r\n (RFC 4180); open `stream` with newline="".

    Every CSV medialit writes (the teacher window's exports, the LMS files, `medialit score`
    to a file or stdout) comes through here. Python 3.11's csv module cannot quote one cell
    and not the next (`QUOTE_STRINGS` came in 3.12), so the quoting is RFC 4180's, here:
    a text cell in double quotes, each quote inside doubled.
    """
    for row in rows:
        stream.write(delimiter.join(_field(cell, delimiter) for cell in row) + "\r\n")


def _field(cell: str, delimiter: str) -> str:
    if type(cell) is Bare:
        if delimiter in cell or any(ch in cell for ch in '"\r\n'):
            raise ValueError(f"a bare cell cannot hold {cell!r}")
        return cell
    return '"' + safe_text(cell).replace('"', '""') + '"'


def write_results_to(
    stream: TextIO,
    rows: Iterable[Row],
    *,
    delimiter: str = ",",
    points: Points = SCORE_POINTS,
    lesson: str = "",
) -> None:
    """results.csv to a text stream (stdout); no BOM: the stream owns its encoding."""
    table = results_table(rows, delimiter=delimiter, points=points, lesson=lesson)
    write_table(stream, table, delimiter=delimiter)


def write_details_to(stream: TextIO, rows: Iterable[Row], *, delimiter: str = ",") -> None:
    write_table(stream, details_table(rows, delimiter=delimiter), delimiter=delimiter)


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
    stream: TextIO, rows: Iterable[Row], *, delimiter: str = ","
) -> list[Row]:
    """details.csv to a text stream, each row's outcomes written as `rows` yields it; returns
    the rows without their outcomes (`StudentResult.figures_only`), for results.csv.

    With rows scored as they are asked for (`batch.score_each`, `gradebook.command.
    graded_rows`) only one student's outcomes are in memory at a time, however big the class.
    """
    kept: list[Row] = []

    def keeping_figures() -> Iterator[Row]:
        for row in rows:
            kept.append(_figures_only(row))
            yield row

    write_details_to(stream, keeping_figures(), delimiter=delimiter)
    return kept


def _figures_only(row: Row) -> Row:
    if isinstance(row, StudentResult):
        return row.figures_only()
    return replace(row, result=row.result.figures_only()) if row.result else row


def write_csv_file(
    path: str | os.PathLike[str], rows: Iterable[list[str]], *, delimiter: str = ","
) -> None:
    """UTF-8 with BOM, each row written as `rows` yields it (`csv_file`), renamed into place."""
    with csv_file(path) as stream:
        write_table(stream, rows, delimiter=delimiter)


class ResultsOptions(TypedDict, total=False):
    """`write_results_to`'s options, which `write_results` passes on."""

    delimiter: str
    points: Points
    lesson: str


def write_results(
    path: str | os.PathLike[str], rows: Iterable[Row], **options: Unpack[ResultsOptions]
) -> None:
    """results.csv at `path`: UTF-8 with BOM, renamed into place once written."""
    with csv_file(path) as stream:
        write_results_to(stream, rows, **options)


def write_details(
    path: str | os.PathLike[str], rows: Iterable[Row], *, delimiter: str = ","
) -> None:
    write_csv_file(path, details_table(rows, delimiter=delimiter), delimiter=delimiter)


def results_json(
    rows: Iterable[Row], *, points: Points = SCORE_POINTS, lesson: str = ""
) -> list[dict[str, Value]]:
    """The results rows as JSON-ready objects: same columns and rounding, null for empty cells."""
    return [
        dict(zip(RESULTS_COLUMNS, result_values(r, points=points, lesson=lesson), strict=True))
        for r in rows
    ]
