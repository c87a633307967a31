"""results.csv and details.csv opened in LibreOffice: no formula, every dangerous cell as text.

Skipped without LibreOffice (`soffice` or `libreoffice` on PATH); CI does not install it.
The files come from export's writers and from `medialit score`, with both delimiters, and
are imported with "Evaluate formulas" on, with and without "Trim spaces". The control, the
same rows written without `safe_text`, must give formulas, or the check proves nothing.
See tests/spreadsheet.py; benchmarks/csv_libreoffice.py prints the same as a table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.core.cells import safe_text
from tests import spreadsheet
from tests.spreadsheet import INNER, LEADING, OTHER, PAYLOADS, check, formulas, read_csv, read_fods

SOFFICE = spreadsheet.soffice()
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not on PATH")

DELIMITERS = {",": "comma", ";": "semicolon"}
TRIMS = (False, True)
Converted = dict[tuple[str, bool], dict[str, tuple[Path, Path]]]
OPENED_WITH_OTHER: dict[tuple[str, bool], dict[str, tuple[Path, Path]]] = {}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """{(delimiter, trim_spaces): {"api-results": (csv, fods), ...}}: one soffice run each;
    and in OPENED_WITH_OTHER the same files opened with the other delimiter."""
    assert SOFFICE is not None
    root = tmp_path_factory.mktemp("csv-libreoffice")
    out: Converted = {}
    for delimiter, name in DELIMITERS.items():
        csvs = spreadsheet.write_class(root / name, delimiter)
        for trim in TRIMS:
            for opened_with in (delimiter, OTHER[delimiter]):
                how = "same" if opened_with == delimiter else "other"
                folder = root / f"{name}-{'trim' if trim else 'plain'}-{how}"
                fods = spreadsheet.convert(
                    SOFFICE, csvs, folder, opened_with, trim_spaces=trim, profile=root / "profile"
                )
                pairs = {c.stem: (c, f) for c, f in zip(csvs, fods, strict=True)}
                (out if how == "same" else OPENED_WITH_OTHER)[delimiter, trim] = pairs
    return out


@pytest.mark.parametrize("trim", TRIMS, ids=["plain", "trim-spaces"])
@pytest.mark.parametrize("delimiter", list(DELIMITERS), ids=list(DELIMITERS.values()))
@pytest.mark.parametrize("source", ["api", "cli"])
@pytest.mark.parametrize("file", spreadsheet.FILES)
def test_no_formula_and_dangerous_cells_show_as_text(
    converted: Converted, source: str, file: str, delimiter: str, trim: bool
) -> None:
    csv_path, fods_path = converted[delimiter, trim][f"{source}-{file}"]
    finding = check(csv_path, fods_path, delimiter, trim_spaces=trim)
    assert finding.formulas == []
    assert finding.left_as_is == []
    assert finding.not_literal == []
    assert finding.neutralised >= len(LEADING) + len(INNER)


@pytest.mark.parametrize("delimiter", list(DELIMITERS), ids=list(DELIMITERS.values()))
def test_every_payload_is_a_name_shown_as_written(converted: Converted, delimiter: str) -> None:
    csv_path, fods_path = converted[delimiter, False]["api-results"]
    written = read_csv(csv_path, delimiter)
    column = written[0].index("student_name")
    assert [row[column] for row in written[1:]] == [safe_text(p) for p in PAYLOADS]
    assert all(safe_text(p).startswith("'") for p in LEADING)
    assert [safe_text(p) for p in INNER] == [
        "see;'=1+1;",
        "x,'=1+1",
        "x;'@SUM(1)",
        "x\t'=1+1",
        "x\n'=1+2",
    ]
    shown = [row[column] for row in read_fods(fods_path)[1:]]
    # LibreOffice shows the apostrophe; a CR inside a cell becomes a new line.
    assert [cell.shown for cell in shown] == [safe_text(p).replace("\r", "\n") for p in PAYLOADS]
    assert all(cell.kind == "string" and cell.formula is None for cell in shown)


@pytest.mark.parametrize("trim", TRIMS, ids=["plain", "trim-spaces"])
@pytest.mark.parametrize("delimiter", list(DELIMITERS), ids=list(DELIMITERS.values()))
def test_the_control_without_neutralising_gives_formulas(
    converted: Converted, delimiter: str, trim: bool
) -> None:
    csv_path, fods_path = converted[delimiter, trim]["control-results"]
    finding = check(csv_path, fods_path, delimiter, trim_spaces=trim)
    formulas = dict(finding.formulas)
    assert formulas.get("=1+1") == "of:=1+1"
    assert formulas.get('=HYPERLINK("http://x","y")', "").startswith("of:=HYPERLINK(")
    # What export.py's wider rule is for: with "Trim spaces" a leading space hides nothing.
    assert (" =1+1" in formulas) is trim
    details = converted[delimiter, trim]["control-details"]
    assert check(*details, delimiter, trim_spaces=trim).formulas


@pytest.mark.parametrize("trim", TRIMS, ids=["plain", "trim-spaces"])
@pytest.mark.parametrize("delimiter", list(DELIMITERS), ids=list(DELIMITERS.values()))
@pytest.mark.parametrize("source", ["api", "cli"])
@pytest.mark.parametrize("file", spreadsheet.FILES)
def test_opened_with_the_other_delimiter_no_cell_is_a_formula(
    converted: Converted, source: str, file: str, delimiter: str, trim: bool
) -> None:
    """Issue 12: a `,` file opened in a `;` locale (and the reverse) has no formula either."""
    _csv_path, fods_path = OPENED_WITH_OTHER[delimiter, trim][f"{source}-{file}"]
    assert read_fods(fods_path)  # LibreOffice read something
    assert formulas(fods_path) == []


@pytest.mark.parametrize("trim", TRIMS, ids=["plain", "trim-spaces"])
@pytest.mark.parametrize("delimiter", list(DELIMITERS), ids=list(DELIMITERS.values()))
def test_the_control_opened_with_the_other_delimiter_gives_formulas(
    converted: Converted, delimiter: str, trim: bool
) -> None:
    """Without neutralising, the cell cut at the other delimiter becomes a formula: the check
    above can see one."""
    _csv_path, fods_path = OPENED_WITH_OTHER[delimiter, trim]["control-results"]
    assert "of:=1+1" in formulas(fods_path)
