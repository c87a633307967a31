"""Our CSV files in a real spreadsheet: LibreOffice converts them headless, we read its output.

Used by tests/core/test_csv_libreoffice.py (skipped without LibreOffice) and
benchmarks/csv_libreoffice.py (prints a table). `write_class` writes results.csv and
details.csv three ways for one delimiter: through `export.write_results/_details` ("api"),
through `python -m medialit score` on generated lesson and submission files ("cli"), and a
"control" with the very same rows written by the bare csv module, without `safe_text`.
Student names, class codes, the lesson title, notes and quoted article text all start with
PAYLOADS. `convert` imports the files with LibreOffice's CSV filter (UTF-8, the delimiter,
"Evaluate formulas" on) and saves flat ODF (.fods: plain XML, readable without
LibreOffice); `read_fods` gives each cell's shown text, type and formula, if any.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from medialit.core import export
from medialit.core.cells import safe_text
from medialit.core.model import KeySpan, Label, Span, SpanId
from medialit.core.results import StudentResult
from medialit.core.scoring import score
from medialit.core.text import canonicalize, context, trim
from tests.score_files import make_lesson, make_submission, write_lesson, write_submission

ROOT = Path(__file__).resolve().parents[1]

# The list, then two that only export.py's wider rule catches: a leading space
# (LibreOffice's "Trim spaces" import option makes it a formula) and a full-width sign.
LEADING: tuple[str, ...] = (
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    " =1+1",
    "＝1+1",
)
# A formula after the other delimiter or a line break: harmless in a file opened with the
# delimiter it was written with, a formula when a spreadsheet splits the cell there.
INNER: tuple[str, ...] = ("see;=1+1;", "x,=1+1", "x;@SUM(1)", "x\t=1+1", "x\n=1+2")
PAYLOADS: tuple[str, ...] = LEADING + INNER
OTHER = {",": ";", ";": ","}  # the delimiter a file is also opened with
SOURCES = ("api", "cli", "control")
FILES = ("results", "details")

_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def soffice() -> str | None:
    """LibreOffice's command, if it is on PATH."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def version(command: str) -> str:
    done = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=60)
    return done.stdout.strip() or done.stderr.strip()


def import_filter(delimiter: str, *, trim_spaces: bool = False) -> str:
    """The `--infilter` string: LibreOffice's "CSV Filter Options", token by token.

    1 field separator (44 "," or 59 ";"), 2 text delimiter (34 "), 3 character set
    (76 = UTF-8), 4 first line (1), 5 column formats (none: Standard, so numbers and
    formulas are detected), 6 language (1033 en-US for ",", 1031 de-DE for ";", so decimal
    commas read as numbers), 7 quoted field as text (false), 8 detect special numbers
    (true), 9-10 export only (false), 11 trim spaces, 12 export only (-1), 13 evaluate
    formulas (true: a cell starting with = becomes a formula, as when a teacher opens it).
    """
    language = 1031 if delimiter == ";" else 1033
    trim = "true" if trim_spaces else "false"
    return (
        f"Text - txt - csv (StarCalc):{ord(delimiter)},34,76,1,,{language},"
        f"false,true,false,false,{trim},-1,true"
    )


# --- inputs --------------------------------------------------------------------------


def article(payloads: Sequence[str] = PAYLOADS) -> tuple[str, list[KeySpan]]:
    """A canonical article quoting every payload, and a key with one span on each.

    Key spans are trimmed as scoring trims them, so quotes of "-1+1" or "@SUM(1)" lose
    their leading punctuation ("1+1", "SUM(1"): the quotes that keep a formula start
    are those of = + and the full-width sign.
    """
    parts, key = [], []
    at = 0
    for i, payload in enumerate(payloads):
        line = f"Item {i} reads {canonicalize(payload)} in full.\n"
        start = at + line.index(" reads ") + len(" reads ")
        end = start + len(canonicalize(payload))
        parts.append(line)
        at += len(line)
        key.append((i, start, end))
    text = "".join(parts)
    spans = []
    for i, start, end in key:
        s, e = trim(text, start, end)
        label = (Label.CLAIM, Label.FACT, Label.SPECULATION, Label.SOURCING)[i % 4]
        spans.append(KeySpan(f"k{i}", s, e, label, text[s:e]))
    return text, spans


def student_spans(text: str, key: Sequence[KeySpan], note: str) -> list[Span]:
    """A perfect student: every key span, each with `note`."""
    return [
        Span(
            SpanId(f"q{k.id}"), k.start, k.end, k.label, k.quote, *context(text, k.start, k.end)
        ).with_note(note)
        for k in key
    ]


def api_results(payloads: Sequence[str] = PAYLOADS) -> list[StudentResult]:
    """One student per payload, named after it, with it as class code, lesson and notes."""
    text, key = article(payloads)
    return [
        StudentResult(
            student=payload,
            class_code=payload,
            lesson=payload,
            submitted_at="2026-01-05T10:00:00+00:00",
            report=score(key, student_spans(text, key, payload), text),
            student_name=payload,
        )
        for payload in payloads
    ]


def write_control(folder: Path, results: list[StudentResult], delimiter: str) -> None:
    """The same rows as export writes, by the bare csv module: no `safe_text`."""
    tables = {
        "results": export.results_table(results, delimiter=delimiter),
        "details": export.details_table(results, delimiter=delimiter),
    }
    for name, rows in tables.items():
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=delimiter).writerows(rows)
        (folder / f"control-{name}.csv").write_bytes(buffer.getvalue().encode("utf-8-sig"))


def run_medialit_score(folder: Path, delimiter: str, payloads: Sequence[str] = PAYLOADS) -> None:
    """`python -m medialit score` on a lesson titled after the first payload and one
    submission file per payload (named after it, with it as class code and notes)."""
    text, key = article(payloads)
    inputs = folder / "inputs"
    handed_in = inputs / "handed-in"
    handed_in.mkdir(parents=True, exist_ok=True)
    lesson = write_lesson(inputs / "lesson.json", make_lesson(text, key, title=payloads[0]))
    for i, payload in enumerate(payloads):
        sub = make_submission(
            f"s{i}",
            student_spans(text, key, payload),
            text=text,
            name=payload,
            class_code=payload,
        )
        write_submission(handed_in / f"s{i}.json", sub)
    command = [sys.executable, "-m", "medialit", "score", str(lesson), str(handed_in)]
    command += ["-o", str(folder / "cli-results.csv")]
    command += ["--details", str(folder / "cli-details.csv"), "--delimiter", delimiter]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"medialit score exited {done.returncode}: {done.stderr}")


def write_class(folder: Path, delimiter: str) -> list[Path]:
    """api-, cli- and control- results.csv and details.csv in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    results = api_results()
    export.write_results(folder / "api-results.csv", results, delimiter=delimiter)
    export.write_details(folder / "api-details.csv", results, delimiter=delimiter)
    run_medialit_score(folder, delimiter)
    write_control(folder, results, delimiter)
    return [folder / f"{source}-{name}.csv" for source in SOURCES for name in FILES]


# --- LibreOffice ---------------------------------------------------------------------


def convert(
    command: str,
    csv_paths: Sequence[Path],
    outdir: Path,
    delimiter: str,
    *,
    trim_spaces: bool = False,
    profile: Path,
) -> list[Path]:
    """Import each CSV in LibreOffice and save it as .fods in `outdir` (one soffice run).

    `profile` is a LibreOffice user profile folder of our own, so a running LibreOffice
    or another test's conversion cannot interfere (the first run fills it: a few seconds).
    """
    outdir.mkdir(parents=True, exist_ok=True)
    args = [
        command,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        f"--infilter={import_filter(delimiter, trim_spaces=trim_spaces)}",
        "--convert-to",
        "fods",
        "--outdir",
        str(outdir),
        *map(str, csv_paths),
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    out = [outdir / (p.stem + ".fods") for p in csv_paths]
    missing = [p.name for p in out if not p.exists()]
    if done.returncode != 0 or missing:
        raise RuntimeError(
            f"soffice exited {done.returncode}, missing {missing}: {done.stdout}{done.stderr}"
        )
    return out


@dataclass(frozen=True, slots=True)
class Cell:
    shown: str  # the text LibreOffice displays (paragraphs joined by "\n")
    kind: str  # office:value-type: string, float, ... ("" for an empty cell)
    formula: str | None  # table:formula, when LibreOffice made the cell a formula


EMPTY = Cell("", "", None)


def _shown(element: ET.Element) -> str:
    """The text of a text:p, with text:s (spaces), text:tab and text:line-break expanded."""
    out = [element.text or ""]
    for child in element:
        if child.tag == _q("text:s"):
            out.append(" " * int(child.get(_q("text:c"), "1")))
        elif child.tag == _q("text:tab"):
            out.append("\t")
        elif child.tag == _q("text:line-break"):
            out.append("\n")
        else:  # text:span, text:a, ...
            out.append(_shown(child))
        out.append(child.tail or "")
    return "".join(out)


def read_fods(path: Path) -> list[list[Cell]]:
    """The first sheet's rows of cells; repeated empty cells and rows expanded, trailing dropped."""
    root = ET.parse(path).getroot()
    sheet = next(root.iter(_q("table:table")))
    rows: list[list[Cell]] = []
    for row in sheet.iter(_q("table:table-row")):
        cells: list[Cell] = []
        for cell in row:
            if cell.tag not in (_q("table:table-cell"), _q("table:covered-table-cell")):
                continue
            paragraphs = cell.findall(_q("text:p"))
            value = Cell(
                "\n".join(_shown(p) for p in paragraphs),
                cell.get(_q("office:value-type"), ""),
                cell.get(_q("table:formula")),
            )
            repeat = int(cell.get(_q("table:number-columns-repeated"), "1"))
            cells += [value] * (repeat if value != EMPTY else min(repeat, 1_000))
        while cells and cells[-1] == EMPTY:
            cells.pop()
        repeat = int(row.get(_q("table:number-rows-repeated"), "1"))
        rows += [cells] * (repeat if cells else min(repeat, 1_000))
    while rows and not rows[-1]:
        rows.pop()
    return rows


def read_csv(path: Path, delimiter: str) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


# --- the check -----------------------------------------------------------------------


def displayed_as_written(written: str, shown: str, *, trim_spaces: bool) -> str | None:
    """How LibreOffice shows a neutralised cell: "with '", "without '" or None (neither)."""
    literal = written.replace("\r\n", "\n").replace("\r", "\n")
    if trim_spaces:
        literal = literal.strip(" ")
    if shown == literal:
        return "with '"
    if shown == literal[1:]:
        return "without '"
    return None


@dataclass
class Finding:
    """One CSV file as LibreOffice read it."""

    file: str
    delimiter: str
    trim_spaces: bool
    cells: int
    neutralised: int  # cells written with a ' where they looked like a formula
    formulas: list[tuple[str, str]]  # (cell as written, LibreOffice's formula)
    not_literal: list[tuple[str, str]]  # neutralised cells not shown as their text
    shown_apostrophe: set[str]  # "with '" and/or "without '"
    left_as_is: list[str]  # cells that look like a formula and were not neutralised

    @property
    def ok(self) -> bool:
        return not (self.formulas or self.not_literal or self.left_as_is)


def check(csv_path: Path, fods_path: Path, delimiter: str, *, trim_spaces: bool) -> Finding:
    written = read_csv(csv_path, delimiter)
    sheet = read_fods(fods_path)
    finding = Finding(csv_path.name, delimiter, trim_spaces, 0, 0, [], [], set(), [])
    for r, row in enumerate(written):
        for c, text in enumerate(row):
            cell = sheet[r][c] if r < len(sheet) and c < len(sheet[r]) else EMPTY
            finding.cells += 1
            if cell.formula is not None:
                finding.formulas.append((text, cell.formula))
            if safe_text(text) != text:  # safe_text leaves what it wrote as it is
                finding.left_as_is.append(text)
            elif "'" in text and safe_text(text.replace("'", "")) == text:
                finding.neutralised += 1
                how = displayed_as_written(text, cell.shown, trim_spaces=trim_spaces)
                if how is None or cell.kind != "string":
                    finding.not_literal.append((text, cell.shown))
                else:
                    finding.shown_apostrophe.add(how)
    if len(sheet) > len(written):  # a cell split in two would add rows
        finding.not_literal.append(("(rows)", f"{len(sheet)} rows for {len(written)}"))
    return finding


def formulas(fods_path: Path) -> list[str]:
    """Every formula LibreOffice made anywhere in the sheet (for a file opened with the other
    delimiter, where cells do not line up with the file's)."""
    return [cell.formula for row in read_fods(fods_path) for cell in row if cell.formula]


def payload_cells(fods_path: Path, column: str) -> list[Cell]:
    """The cells of `column` (by header) in a results file: one row per payload, in order."""
    rows = read_fods(fods_path)
    index = [cell.shown for cell in rows[0]].index(column)
    return [row[index] if index < len(row) else EMPTY for row in rows[1 : len(PAYLOADS) + 1]]
