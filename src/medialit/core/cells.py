"""What a spreadsheet cell may hold: the rule for text that could become a formula.

export.py's docstring says why (OWASP "CSV injection", whatever the delimiter the file is
opened with); `export.write_table`, the one CSV writer, passes every text cell through
`safe_text` and quotes it, and writes `Bare` cells (numbers) as they are.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_SIGNS = frozenset("=+-@")


def formula_like(value: str, start: int = 0) -> bool:
    """True when a spreadsheet could read `value[start:]` as a formula (the module
    docstring's rule)."""
    for i in range(start, len(value)):
        ch = value[i]
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


# Where another delimiter or a line break may start a cell: just after a run of them.
_CELL_STARTS = re.compile(r"(?<=[,;\t\r\n])(?=[^,;\t\r\n])")


def safe_text(value: str) -> str:
    """The cell as written: a `'` before its start, and after each `,` `;` TAB CR or LF, where
    what follows looks like a formula (`formula_like`); idempotent."""
    cuts = [0] if formula_like(value) else []
    cuts += [m.start() for m in _CELL_STARTS.finditer(value) if formula_like(value, m.start())]
    if not cuts:
        return value
    bounds = [*cuts, len(value)]
    pieces = ("'" + value[a:b] for a, b in itertools.pairwise(bounds))
    return value[: cuts[0]] + "".join(pieces)


class Bare(str):
    """A cell written without quotes and never neutralised: a number as formatted, or an
    empty figure. Every other cell is text, quoted and neutralised by `write_table`."""

    __slots__ = ()


EMPTY = Bare("")


def number(value: float | None, decimals: int, decimal_comma: bool) -> Bare:
    """A figure as a cell: `decimals` places, a decimal comma for `;` files; EMPTY for None."""
    if value is None:
        return EMPTY
    text = f"{value:.{decimals}f}"
    return Bare(text.replace(".", ",") if decimal_comma else text)
