"""Benchmark: refusing hostile submission files costs no more than reading their JSON.

    .venv/bin/python benchmarks/hostile_files.py [--repeat R]

For a submission of 100,000 spans (under the 8 MiB cap, over the 10,000-span cap)
and one just over 8 MiB, prints the median time the intake (`intake.gathering.read_inputs`, what the
teacher's import and `medialit score` run) takes
to refuse it next to baselines measured in the same run: the strict parse alone
(`jsonfile.read_json_file`: duplicate keys, NaN, depth and lone surrogates
refused) and plain `json.loads` of the same bytes; for the oversize file,
`os.stat`. Goal: the 100,000-span file refused in at most 1.2x the strict parse
(the cap is checked on the list's length before any span is read, which
`tests/core/test_hostile_files.py` shows without a clock), and the oversize
file refused without reading it: well under a millisecond. This figure was a
wall-clock assert in the tests (under 3 s), which failed on a loaded 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit.core.intake.gathering import read_inputs  # noqa: E402
from medialit.core.intake.placement import TextVersions  # noqa: E402
from medialit.core.intake.sources import Problem  # noqa: E402
from medialit.core.jsonfile import MAX_FILE_BYTES, read_json_file  # noqa: E402
from medialit.core.lesson import default_lesson_path, load_lesson  # noqa: E402

VALID = ROOT / "tests" / "data" / "valid" / "sub-valid-ann.json"


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def write_files(folder: Path) -> tuple[Path, Path]:
    many = json.loads(VALID.read_text("utf-8"))
    one = {"id": "", "start": 138, "end": 148, "label": "claim", "quote": "journalist"}
    many["spans"] = [{**one, "id": f"{i:x}"} for i in range(100_000)]
    spans = folder / "sub-100000-spans.json"
    spans.write_text(json.dumps(many, separators=(",", ":")), "utf-8")
    oversize = folder / "sub-oversize.json"
    with open(oversize, "wb") as fh:
        fh.write(b'{"format": "medialit-submission", "padding": "')
        fh.write(b"x" * MAX_FILE_BYTES)
        fh.write(b'"}')
    return spans, oversize


def refuse(lesson: object, path: Path) -> None:
    results = list(read_inputs([path], [TextVersions(lesson)]))  # type: ignore[arg-type]
    if len(results) != 1 or not isinstance(results[0], Problem):
        raise SystemExit(f"{path.name} was not refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    lesson = load_lesson(default_lesson_path())
    with tempfile.TemporaryDirectory() as tmp:
        spans, oversize = write_files(Path(tmp))
        parse = median_seconds(lambda: json.loads(spans.read_bytes()), args.repeat)
        strict = median_seconds(lambda: read_json_file(spans), args.repeat)
        refused = median_seconds(lambda: refuse(lesson, spans), args.repeat)
        stat = median_seconds(lambda: os.stat(oversize), args.repeat)
        refused_big = median_seconds(lambda: refuse(lesson, oversize), args.repeat)
    print(f"runs: {args.repeat} each, median")
    print(f"100,000 spans ({spans.name}): json.loads {parse * 1000:7.1f} ms")
    print(f"100,000 spans: strict parse (read_json_file) {strict * 1000:7.1f} ms")
    print(f"100,000 spans refused by the intake {refused * 1000:7.1f} ms")
    print(f"ratio to the strict parse: {refused / strict:.2f}x (goal <= 1.2x)")
    print(f"ratio to json.loads: {refused / parse:.2f}x (the strict parse's own cost)")
    print(f"over 8 MiB: os.stat {stat * 1e6:7.1f} us, refused in {refused_big * 1e6:7.1f} us")


if __name__ == "__main__":
    main()
