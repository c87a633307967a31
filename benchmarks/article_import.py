"""Article import on hostile and ordinary pages: medialit's reader vs plain html.parser.

Issue 13: a few MB of `<` took minutes on the GUI thread, and a page of unclosed tags (`<a `
repeated) more. The baseline is the standard library's html.parser fed the same page whole
(what the reader did before), measured in the same run on a smaller size where it still
finishes; its time for the full size is extrapolated from how it grew between two sizes.
The reader's goal: every page at the 4 MiB cap read (or refused) in well under the 10 s cap.

    python benchmarks/article_import.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit.core.errors import FileFormatError  # noqa: E402
from medialit.core.importing import MAX_ARTICLE_BYTES, read_article_file  # noqa: E402

PARAGRAPH = "<p>The mayor said the bridge would open on Monday, officials confirmed.</p>\n"
PAGES: dict[str, Callable[[int], str]] = {
    "ordinary paragraphs": lambda n: (PARAGRAPH * (n // len(PARAGRAPH) + 1))[:n],
    "only '<'": lambda n: "<" * n,
    "'<a ' unclosed": lambda n: ("<a " * (n // 3 + 1))[:n],
    "'<p' and '<' mixed": lambda n: ("<p<<x " * (n // 6 + 1))[:n],
}
BASELINE_SIZES = (10_000, 20_000)


def stdlib(text: str) -> float:
    parser = HTMLParser(convert_charrefs=True)
    start = time.perf_counter()
    parser.feed(text)
    parser.close()
    return time.perf_counter() - start


def reader(path: Path) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        read_article_file(path)
        outcome = "read"
    except FileFormatError as exc:
        outcome = f"refused: {exc.reason[:40]}"
    return time.perf_counter() - start, outcome


def main() -> None:
    size = MAX_ARTICLE_BYTES - 16
    print(f"page size {size:,} bytes (the 4 MiB cap); baseline: html.parser fed whole")
    print(f"{'page':<24} {'medialit':>10} {'baseline (extrapolated)':>26} {'ratio':>8}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in PAGES.items():
            path = Path(folder) / "page.html"
            path.write_text(make(size), "utf-8")
            ours, outcome = reader(path)
            small, big = (stdlib(make(n)) for n in BASELINE_SIZES)
            growth = max(1.0, big / max(small, 1e-9))  # 2.0 linear, 4.0 quadratic
            exponent = max(1.0, min(2.5, _log2(growth)))
            base = big * (size / BASELINE_SIZES[1]) ** exponent
            print(
                f"{name:<24} {ours:>9.2f}s {base:>20.1f}s (n^{exponent:.1f}) "
                f"{base / ours:>7.1f}x  {outcome}"
            )


def _log2(x: float) -> float:
    import math

    return math.log2(x)


if __name__ == "__main__":
    main()
