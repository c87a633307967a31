"""results.csv and details.csv: columns, rounding, empty cells, formula safety, atomic writes."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.core.cells import formula_like, safe_text
from medialit.core.export import (
    DETAILS_COLUMNS,
    RESULTS_COLUMNS,
    StudentResult,
    result_values,
    results_json,
    write_csv_file,
    write_details,
    write_details_to,
    write_results,
    write_results_to,
    write_table,
)
from medialit.core.model import Label
from medialit.core.scoring import score
from tests.span_markup import key_of, spans_of

KEY = "[Baldwin said it was a one-in-a-trillion event|claim] [(via CBS News).|sourcing]"
STUDENT = "Baldwin said [it was a one-in-a-trillion event |claim]([via CBS News|fact])."


def worked(student: str = "ann", *, name: str = "", **kw: str) -> StudentResult:
    text, key = key_of(KEY)
    _, spans = spans_of(STUDENT)
    spans = [spans[0].with_note(kw.pop("note", "")), spans[1]]
    report = score(key, spans, text)
    return StudentResult(
        student,
        kw.get("class_code", "7b"),
        kw.get("lesson", "Baldwin"),
        kw.get("submitted_at", "2026-01-05T10:00:00+00:00"),
        report,
        student_name=name,
    )


def read_back(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def test_results_columns_are_the_agreed_ones() -> None:
    # Issue 12: the name first, then status, score and points, the figures, the ids last.
    assert RESULTS_COLUMNS[:6] == (
        "student_name",
        "class_code",
        "status",
        "score",
        "points",
        "out_of",
    )
    assert RESULTS_COLUMNS[6:17] == (
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
    )
    assert RESULTS_COLUMNS[17:29] == tuple(
        f"{label}_{metric}"
        for label in ("claim", "fact", "speculation", "sourcing")
        for metric in ("precision", "recall", "f1")
    )
    assert RESULTS_COLUMNS[29:] == ("submitted_at", "lesson", "roster", "student_id")
    assert DETAILS_COLUMNS == (
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


def test_results_csv_reads_back_with_the_worked_example(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_results(path, [worked(name="Ann Lee")])
    assert path.read_bytes().startswith(b'\xef\xbb\xbf"student_name","class_code","status",')
    assert b"\r\n" in path.read_bytes()
    (row,) = read_back(path)
    assert list(row) == list(RESULTS_COLUMNS)
    assert row["student_name"] == "Ann Lee" and row["student_id"] == "ann"
    assert row["class_code"] == "7b" and row["lesson"] == "Baldwin"
    assert row["status"] == "submitted" and row["roster"] == ""
    assert (row["score"], row["points"], row["out_of"]) == ("41.6", "41.6", "100")
    assert (row["precision"], row["recall"], row["f1"]) == ("0.5000", "0.3556", "0.4156")
    assert (row["strict_precision"], row["strict_recall"], row["strict_f1"]) == ("0.0000",) * 3
    counts = [row[c] for c in ("correct", "partial", "wrong_label", "missed", "spurious")]
    assert counts == ["0", "1", "1", "0", "0"]
    assert (row["claim_precision"], row["claim_recall"], row["claim_f1"]) == (
        "1.0000",
        "0.7111",
        "0.8312",
    )
    # Empty cells, exactly where scoring.md says.
    assert (row["fact_precision"], row["fact_recall"], row["fact_f1"]) == ("0.0000", "", "")
    assert (row["sourcing_precision"], row["sourcing_recall"], row["sourcing_f1"]) == (
        "",
        "0.0000",
        "0.0000",
    )
    assert [row[f"speculation_{m}"] for m in ("precision", "recall", "f1")] == ["", "", ""]


def test_text_cells_are_quoted_and_numbers_and_empty_figures_are_not() -> None:
    out = io.StringIO(newline="")
    write_results_to(out, [worked(name="Ann")])
    header, line = out.getvalue().split("\r\n")[:2]
    assert header == ",".join(f'"{c}"' for c in RESULTS_COLUMNS)
    assert line.startswith('"Ann","7b","submitted",41.6,41.6,100,0.5000,0.3556,')
    assert ',0.0000,,,,,,,0.0000,0.0000,"2026-01-05T10:00:00+00:00","Baldwin","","ann"' in (line)


def test_details_csv_has_one_row_per_outcome(tmp_path: Path) -> None:
    path = tmp_path / "details.csv"
    write_details(path, [worked(note="said who?", name="Ann"), worked("bob", name="Bob")])
    rows = read_back(path)
    assert [r["student_id"] for r in rows] == ["ann", "ann", "bob", "bob"]
    assert [r["student_name"] for r in rows] == ["Ann", "Ann", "Bob", "Bob"]
    first, second = rows[0], rows[1]
    assert first == {
        "student_name": "Ann",
        "class_code": "7b",
        "outcome": "partial",
        "key_label": "claim",
        "key_start": "0",
        "key_end": "45",
        "key_quote": "Baldwin said it was a one-in-a-trillion event",
        "student_label": "claim",
        "student_start": "13",
        "student_end": "45",
        "student_quote": "it was a one-in-a-trillion event",
        "student_note": "said who?",
        "coverage": "0.7111",
        "student_id": "ann",
    }
    assert (second["outcome"], second["key_start"], second["key_end"]) == (
        "wrong_label",
        "47",
        "59",
    )
    assert second["coverage"] == "0.0000"


def test_spurious_and_missed_rows_leave_their_missing_side_empty(tmp_path: Path) -> None:
    text, key = key_of("[Police said|claim] it [rained|fact]. Then it stopped")
    _, spans = spans_of("Police said it rained[.|fact] Then [it stopped|fact]")
    report = score(key, spans, text)
    path = tmp_path / "details.csv"
    write_details(path, [StudentResult("ann", "", "", "", report)])
    rows = read_back(path)
    assert [r["outcome"] for r in rows] == ["missed", "missed", "spurious"]
    assert rows[0]["student_label"] == rows[0]["student_start"] == rows[0]["student_quote"] == ""
    assert rows[2]["key_label"] == rows[2]["key_start"] == rows[2]["coverage"] == ""
    assert rows[2]["student_quote"] == "it stopped"


# OWASP's list, then what else a spreadsheet might read as a formula (export.py's rule).
FORMULA_CELLS = [
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    " =1+1",  # LibreOffice's "Trim spaces" import option makes this a formula
    "\u00a0 =1+1",
    "\u200b=1+1",  # invisible (format) characters are skipped like whitespace
    "\ufeff@SUM(1)",
    "\n=1+1",
    "\x00x",  # any control character first, as OWASP's TAB and CR
    "\tx",
    "＝1+1",  # full-width, small and superscript forms (NFKC)
    "＋1",
    "－1",
    "＠SUM(1)",
    "﹦1+1",
    "⁺1",
]
HARMLESS_CELLS = [
    "",
    "Ann-Marie",
    "O'Brien",
    "'=1+1",  # already neutralised: safe_text is idempotent
    "7b",
    "Ann =1+1",
    "|x",  # no spreadsheet starts a formula with | or %
    "%1",
    "−1",  # U+2212 MINUS SIGN: not folded to "-" by NFKC, text in LibreOffice
    "“=1”",
    "0.5000",
    "41,6",
    "   ",
]


@pytest.mark.parametrize("cell", FORMULA_CELLS)
def test_formula_like_cells_get_an_apostrophe(cell: str) -> None:
    assert formula_like(cell)
    # A TAB, CR or LF before a sign could also start a cell of its own: one more apostrophe.
    inner = {"\t=1+1": "\t'=1+1", "\r=1+1": "\r'=1+1", "\n=1+1": "\n'=1+1"}
    assert safe_text(cell) == "'" + inner.get(cell, cell)
    assert safe_text(safe_text(cell)) == safe_text(cell)


# Issue 12: a `,` file opened in a `;` locale (or the reverse, or by a TAB-separated import)
# cuts a cell at the other delimiter, and a line break may start a new row there.
INNER_CELLS = [
    ("x;=1+1", "x;'=1+1"),
    ("x,=1+1", "x,'=1+1"),
    ("x\t@SUM(1)", "x\t'@SUM(1)"),
    ("note\n-1+1", "note\n'-1+1"),
    ("note\r\n+1", "note\r\n'+1"),
    ("a; =1", "a;' =1"),  # "Trim spaces" would make " =1" a formula
    ("a;;=1", "a;;'=1"),
    ("=1;=2", "'=1;'=2"),
    ("a;\u200b=1", "a;'\u200b=1"),
    ("a;＝1", "a;'＝1"),
]
INNER_HARMLESS = ["Smith, John", "a;b;c", "7;8", "x; y", "one,\ntwo", "a;|b", "end;"]


@pytest.mark.parametrize(("cell", "written"), INNER_CELLS)
def test_a_formula_after_any_delimiter_or_line_break_is_neutralised(
    cell: str, written: str
) -> None:
    assert safe_text(cell) == written
    assert safe_text(written) == written


@pytest.mark.parametrize("cell", INNER_HARMLESS)
def test_text_after_a_delimiter_that_is_no_formula_is_untouched(cell: str) -> None:
    assert safe_text(cell) == cell


@pytest.mark.parametrize(("written_with", "read_with"), [(",", ";"), (";", ","), (",", "\t")])
def test_read_with_another_delimiter_no_cell_looks_like_a_formula(
    written_with: str, read_with: str
) -> None:
    names = [cell for cell, _ in INNER_CELLS]
    out = io.StringIO(newline="")
    write_results_to(
        out,
        [dataclasses.replace(worked(), student_name=n, class_code=n) for n in names],
        delimiter=written_with,
    )
    # A spreadsheet that ignores the quotes, as one does when the delimiter is not its own.
    text = out.getvalue()
    pieces = [p for line in re.split(r"\r\n|\r|\n", text) for p in line.split(read_with)]
    assert not any(formula_like(p.replace('"', "")) for p in pieces)
    # and the check would see it: without neutralising, the same text has formulas
    raw = text.replace(";'", ";").replace(",'", ",").replace("\n'", "\n").replace("\t'", "\t")
    pieces = [p for line in re.split(r"\r\n|\r|\n", raw) for p in line.split(read_with)]
    assert any(formula_like(p.replace('"', "")) for p in pieces)


@pytest.mark.parametrize("cell", HARMLESS_CELLS)
def test_harmless_text_is_untouched(cell: str) -> None:
    assert not formula_like(cell)
    assert safe_text(cell) == cell


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("evil", FORMULA_CELLS)
def test_formula_cells_are_neutralised_in_both_files(
    tmp_path: Path, evil: str, delimiter: str
) -> None:
    result = worked(evil, class_code=evil, lesson=evil, note=evil)
    result = dataclasses.replace(result, student_name=evil)
    write_results(tmp_path / "r.csv", [result], delimiter=delimiter)
    write_details(tmp_path / "d.csv", [result], delimiter=delimiter)
    (row,) = read_back(tmp_path / "r.csv", delimiter)
    for column in ("student_id", "class_code", "lesson", "student_name"):
        assert row[column] == safe_text(evil) and row[column].startswith("'")
    assert row["score"] == ("41,6" if delimiter == ";" else "41.6")  # numbers untouched
    details = read_back(tmp_path / "d.csv", delimiter)
    assert {d["student_id"] for d in details} == {d["student_name"] for d in details}
    assert {d["student_id"] for d in details} == {safe_text(evil)}
    assert details[0]["student_note"] == safe_text(evil)
    for path in (tmp_path / "r.csv", tmp_path / "d.csv"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            cells = [cell for line in csv.reader(fh, delimiter=delimiter) for cell in line]
        assert not any(formula_like(cell) for cell in cells)


def test_quotes_starting_with_a_plus_are_neutralised(tmp_path: Path) -> None:
    # "-" and "@" are punctuation and trimmed away; "+" and "=" are symbols and stay.
    text, key = key_of("Rates rose [+5 percent|fact] today.")
    report = score(key, [(key[0].start, key[0].end, Label.FACT)], text)
    write_details(tmp_path / "d.csv", [StudentResult("ann", "", "", "", report)])
    (row,) = read_back(tmp_path / "d.csv")
    assert row["key_quote"] == row["student_quote"] == "'+5 percent"


@given(st.lists(st.text(max_size=12), min_size=1, max_size=4), st.sampled_from([",", ";"]))
def test_any_text_reads_back_as_itself_or_with_one_apostrophe(
    cells: list[str], delimiter: str
) -> None:
    out = io.StringIO(newline="")
    write_table(out, [cells, ["end"]], delimiter=delimiter)
    back = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=delimiter))
    assert back[-1] == ["end"]
    assert back[0] == [safe_text(c) for c in cells]
    for written, cell in zip(back[0], cells, strict=True):
        # Only apostrophes are added, and no piece another delimiter or a line break could
        # cut out of the cell looks like a formula.
        assert written.replace("'", "") == cell.replace("'", "")
        assert not any(formula_like(piece) for piece in re.split(r"[,;\t\r\n]", written))


def test_semicolon_delimiter_writes_decimal_commas(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_results(path, [worked()], delimiter=";")
    assert (
        path.read_text(encoding="utf-8-sig")
        .splitlines()[0]
        .startswith('"student_name";"class_code";"status";"score";"points";"out_of";')
    )
    (row,) = read_back(path, ";")
    assert row["score"] == "41,6"
    assert (row["precision"], row["recall"]) == ("0,5000", "0,3556")
    assert row["fact_recall"] == "" and row["correct"] == "0"
    write_details(tmp_path / "d.csv", [worked()], delimiter=";")
    assert read_back(tmp_path / "d.csv", ";")[0]["coverage"] == "0,7111"


def test_unknown_delimiter_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="delimiter"):
        write_results(tmp_path / "r.csv", [worked()], delimiter="\t")
    assert not (tmp_path / "r.csv").exists()


def test_written_atomically_leaving_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("old")
    write_results(path, [worked()])
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv"]
    assert read_back(path)[0]["score"] == "41.6"


def test_a_failure_while_rows_stream_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "details.csv"
    path.write_text("old")

    def results() -> Iterator[StudentResult]:
        yield worked("ann")
        assert list(tmp_path.glob(".details.csv.*.tmp"))  # rows go to a temp file meanwhile
        raise RuntimeError("scoring stopped")

    with pytest.raises(RuntimeError, match="scoring stopped"):
        write_details(path, results())
    assert [p.name for p in tmp_path.iterdir()] == ["details.csv"]
    assert path.read_text() == "old"


def test_a_file_always_starts_with_the_bom(tmp_path: Path) -> None:
    write_csv_file(tmp_path / "empty.csv", [])
    assert (tmp_path / "empty.csv").read_bytes() == "".encode("utf-8-sig") == b"\xef\xbb\xbf"
    write_csv_file(tmp_path / "one.csv", [["é"]])
    assert (tmp_path / "one.csv").read_bytes() == '"é"\r\n'.encode("utf-8-sig")


def test_stream_writers_have_no_bom() -> None:
    out = io.StringIO(newline="")
    write_results_to(out, [worked()])
    assert out.getvalue().startswith('"student_name",')
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0]["score"] == "41.6"
    details = io.StringIO(newline="")
    write_details_to(details, [worked()], delimiter=";")
    assert details.getvalue().splitlines()[1].startswith('"";"7b";"partial";"claim";0;45;')


def test_json_has_the_same_columns_and_rounding() -> None:
    (row,) = results_json([worked()])
    assert list(row) == list(RESULTS_COLUMNS)
    assert row["score"] == 41.6 and row["recall"] == 0.3556 and row["fact_recall"] is None
    assert json.loads(json.dumps(row)) == row
    assert tuple(row.values()) == result_values(worked())
