"""CSV injection check: our results.csv and details.csv opened in LibreOffice, formulas on.

    python benchmarks/csv_libreoffice.py [--keep DIR]

Writes results.csv and details.csv for a class whose names, class codes, lesson title,
notes and quoted text start with =HYPERLINK(...), =1+1, +1+1, -1+1, @SUM(1), TAB, CR,
=cmd|..., a space or a full-width ＝, or hold one after a `;`, `,`, TAB or line break
(tests/spreadsheet.py): through export's writers
("api") and `medialit score` ("cli"), with "," and ";", and a control with the same rows
written without neutralising. LibreOffice imports each (UTF-8, the delimiter, "Evaluate
formulas" on, with and without "Trim spaces") and saves flat ODF, which is read here for
formulas and shown text; then each file is opened with the other delimiter and every
cell searched for a formula. Prints a table per payload, one line per file, and a verdict;
exits 1 when a neutralised file gave a formula or the control gave none. Needs `soffice`
(Debian: libreoffice-calc-nogui). Not a test: tests/core/test_csv_libreoffice.py is.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests import spreadsheet  # noqa: E402
from tests.spreadsheet import OTHER, PAYLOADS, Cell, check, payload_cells  # noqa: E402

DELIMITERS = {",": "comma", ";": "semicolon"}


def show(text: str, width: int) -> str:
    shown = repr(text)[1:-1] if any(c in text for c in "\t\r\n") else text
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def formula(cell: Cell) -> str:
    return "-" if cell.formula is None else cell.formula


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    command = spreadsheet.soffice()
    if command is None:
        print("csv_libreoffice: LibreOffice (soffice) is not on PATH; nothing checked")
        return 2
    with tempfile.TemporaryDirectory(prefix="medialit-csv-lo-") as temp:
        root = args.keep or Path(temp)
        return run(command, root)


def run(command: str, root: Path) -> int:
    started = time.perf_counter()
    converted: dict[tuple[str, bool], dict[str, tuple[Path, Path]]] = {}
    for delimiter, name in DELIMITERS.items():
        csvs = spreadsheet.write_class(root / name, delimiter)
        for trim in (False, True):
            folder = root / f"{name}-{'trim' if trim else 'plain'}"
            fods = spreadsheet.convert(
                command, csvs, folder, delimiter, trim_spaces=trim, profile=root / "profile"
            )
            converted[delimiter, trim] = {c.stem: (c, f) for c, f in zip(csvs, fods, strict=True)}
    print(f"CSV injection check in {spreadsheet.version(command)}")
    print(f'  soffice --headless --infilter="{spreadsheet.import_filter(",")}" --convert-to fods')
    print('  (token 11 "Trim spaces" true for the trim runs; 59 and 1031 for ";" files)')
    print()

    plain = {k: converted[",", False][k][1] for k in ("api-results", "control-results")}
    trimmed = converted[",", True]["control-results"][1]
    ours = payload_cells(plain["api-results"], "student_name")
    control = payload_cells(plain["control-results"], "student_name")
    control_trim = payload_cells(trimmed, "student_name")
    print("student_name in results.csv (','):  ours, then the control without neutralising")
    header = (
        f"  {'payload':<28} {'LibreOffice shows ours':<30} {'formula':<8}"
        f" {'control shows':<16} {'control formula (plain / trim spaces)'}"
    )
    print(header)
    for payload, mine, theirs, theirs_trim in zip(
        PAYLOADS, ours, control, control_trim, strict=True
    ):
        print(
            f"  {show(payload, 28):<28} {show(mine.shown, 30):<30} {formula(mine):<8}"
            f" {show(theirs.shown, 16):<16} {show(formula(theirs), 20)} / "
            f"{show(formula(theirs_trim), 20)}"
        )
    print()

    failures = []
    imports = list(converted)  # (delimiter, trim spaces), in the order converted
    labels = " ".join(f"{d!r}{'+trim' if t else ''}".ljust(9) for d, t in imports)
    print("every cell of every file; formulas LibreOffice made, per import (delimiter, trim)")
    print(f"  {'file':<22} {'cells':>6} {'neutralised':>11}  {labels} neutralised shown as")
    for stem in converted[imports[0]]:
        counts, shown, cells, neutralised = [], set(), 0, 0
        for delimiter, trim in imports:
            csv_path, fods_path = converted[delimiter, trim][stem]
            finding = check(csv_path, fods_path, delimiter, trim_spaces=trim)
            counts.append(len(finding.formulas))
            shown |= finding.shown_apostrophe
            cells, neutralised = finding.cells, finding.neutralised
            is_control = stem.startswith("control")
            if finding.not_literal:
                shown.add(f"NOT AS WRITTEN: {len(finding.not_literal)} cells")
            if finding.left_as_is and not is_control:
                shown.add(f"NOT NEUTRALISED: {len(finding.left_as_is)} cells")
            if is_control and not finding.formulas:
                failures.append(f"{stem} ({delimiter!r}): the control gave no formula")
            if not is_control and not finding.ok:
                failures.append(f"{stem} ({delimiter!r}, trim {trim}): formula or altered text")
        row = " ".join(str(n).ljust(9) for n in counts)
        how = ", ".join(f"text {s}" for s in sorted(shown)) or "-"
        print(f"  {stem + '.csv':<22} {cells:>6} {neutralised:>11}  {row} {how}")
    print(
        "  (LibreOffice evaluates only cells starting with =, or with spaces and = when"
        " trimming;\n   OWASP: Excel also reads + - @ as formulas, so those are neutralised too)"
    )
    print()

    # Each file opened with the OTHER delimiter too (a `,` file in a `;` locale): cells no
    # longer line up, so every cell of the sheet is searched for a formula.
    print("each file opened with the other delimiter: formulas LibreOffice made anywhere")
    for delimiter, name in DELIMITERS.items():
        other = OTHER[delimiter]
        csvs = [pair[0] for pair in converted[delimiter, False].values()]
        for trim in (False, True):
            folder = root / f"{name}-other-{'trim' if trim else 'plain'}"
            fods = spreadsheet.convert(
                command, csvs, folder, other, trim_spaces=trim, profile=root / "profile"
            )
            for csv_path, fods_path in zip(csvs, fods, strict=True):
                found = spreadsheet.formulas(fods_path)
                is_control = csv_path.stem.startswith("control")
                print(
                    f"  {csv_path.stem + '.csv':<22} written {delimiter!r} opened {other!r}"
                    f"{' +trim' if trim else '      '} {len(found):>3} formula(s)"
                    f" {', '.join(f[:24] + '…' for f in found[:2])}"
                )
                if is_control and not found:
                    failures.append(f"{csv_path.stem} ({delimiter!r} as {other!r}): no formula")
                if found and not is_control:
                    failures.append(f"{csv_path.stem} ({delimiter!r} as {other!r}): formulas")
    print()
    elapsed = time.perf_counter() - started
    if failures:
        print(f"FAIL ({elapsed:.1f} s):")
        for failure in failures:
            print("  " + failure)
        return 1
    print(
        f"PASS ({elapsed:.1f} s): no formula in any neutralised file, opened with either"
        " delimiter; every neutralised cell shows as its text; the control gives formulas"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
