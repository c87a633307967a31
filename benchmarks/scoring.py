"""Benchmark: 10,000 submissions x 40 spans against one key, medialit next to nervaluate.

    /work/venv/bin/python benchmarks/scoring.py [--submissions N] [--spans M] [--seed S]
        [--repeat R] [--baseline REV]

Prints, for the same spans in the same run:
1. scoring alone: `Scorer.score` per submission vs nervaluate's `Evaluator.evaluate`;
2. the whole `python -m medialit score key.jsonl subs.jsonl -o out.csv` process
   (interpreter start, reading JSONL, checking every line, scoring, writing CSV)
   vs nervaluate reading the same JSONL and evaluating, in-process.
Goal: the whole process at least 10x faster than nervaluate, about 1 s.
3. the whole process with and without `--details details.csv`: wall time and
   peak resident memory (`ru_maxrss` of RUSAGE_CHILDREN in a small wrapper), each the
   median time and largest peak of `--repeat` runs. With `--baseline REV` the
   same commands also run on the `src/` of git revision REV (e.g. the commit
   before a change), and the files both write are compared byte for byte.

The key is built from the seed article: 40 clause-sized spans with labels in
rotation (a few optional, a few with also_accept). Submissions perturb key
spans (exact copies, moved boundaries, other labels) and add stray spans, with
a fixed random seed. Not a test: outside testpaths, run by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nervaluate import Evaluator  # noqa: E402

from medialit.core.model import LABELS, KeySpan, Label  # noqa: E402
from medialit.core.scoring import Scorer  # noqa: E402
from medialit.core.text import canonicalize  # noqa: E402

SEED_ARTICLE = ROOT / "seeds" / "000_5580f1b383fac14f.txt"
TAGS = [label.value for label in LABELS]
Triple = tuple[int, int, Label]


def build_key(text: str, count: int) -> list[KeySpan]:
    """`count` clause-sized, non-overlapping spans in rotation claim/fact/speculation/sourcing."""
    clauses = [m.span() for m in re.finditer(r"[^.,;:!?\n]{12,}", text)]
    step = max(1, len(clauses) // count)
    chosen = clauses[::step][:count]
    key = []
    for i, (s, e) in enumerate(chosen):
        label = LABELS[i % len(LABELS)]
        also = frozenset({LABELS[(i + 1) % len(LABELS)]}) if i % 7 == 3 else frozenset()
        key.append(KeySpan(f"k{i}", s, e, label, text[s:e], also, optional=i % 9 == 8))
    return key


def make_submission(rnd: random.Random, key: list[KeySpan], n: int, spans: int) -> list[Triple]:
    """Mostly key spans, exact or with boundaries moved, sometimes relabelled; some strays."""
    out: list[Triple] = []
    for _ in range(spans):
        k = rnd.choice(key)
        roll = rnd.random()
        s, e, label = k.start, k.end, k.label
        if roll < 0.3:
            pass  # exact copy
        elif roll < 0.7:
            s = min(max(0, s + rnd.randint(-8, 8)), e - 1)
            e = max(min(n, e + rnd.randint(-8, 8)), s + 1)
        elif roll < 0.85:
            label = rnd.choice(LABELS)
        else:
            s = rnd.randrange(0, n - 20)
            e = s + rnd.randint(5, 20)
        out.append((s, e, label))
    return out


def nervaluate_entities(spans: list[Triple]) -> list[dict[str, object]]:
    return [{"label": lab.value, "start": s, "end": e - 1} for s, e, lab in spans]  # inclusive


def timed(label: str, fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    print(f"  {label:<48} {elapsed:8.3f} s")
    return elapsed


# Runs the command and reports its time and peak RSS. A small process of its own, because
# a child forked from this one (which holds every span in memory) would inherit this
# process's high-water mark: Linux keeps ru_maxrss across fork and exec.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Run `command` (output discarded); its wall time in seconds and peak RSS in bytes."""
    report = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    elapsed, maxrss, code = float(report[0]), int(report[1]), int(report[2])
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited with {code}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return elapsed, maxrss * scale


def checkout_src(revision: str, folder: Path) -> Path:
    """The `src/` folder of a git revision, extracted under `folder`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def details_figures(
    key_file: Path, subs_file: Path, folder: Path, *, repeat: int, baseline: str | None
) -> None:
    """Section 3: the whole process with and without --details, time and peak memory."""
    sources = {"this checkout": ROOT / "src"}
    if baseline:
        base = folder / "baseline"
        base.mkdir()
        sources[f"baseline {baseline}"] = checkout_src(baseline, base)
    written: dict[str, dict[str, bytes]] = {}
    print(f"{'':<53} {'time':>8} {'peak RSS':>10}")
    for name, src in sources.items():
        env = {**os.environ, "PYTHONPATH": str(src)}
        out, details = folder / "out.csv", folder / "details.csv"
        base_command = [sys.executable, "-m", "medialit", "score", str(key_file), str(subs_file)]
        for label, extra in (
            ("-o out.csv", ["-o", str(out)]),
            ("-o out.csv --details details.csv", ["-o", str(out), "--details", str(details)]),
        ):
            runs = [run_measured([*base_command, *extra], env) for _ in range(repeat)]
            elapsed = statistics.median(t for t, _ in runs)
            peak = max(p for _, p in runs)
            print(f"  {name + ': ' + label:<51} {elapsed:6.2f} s {peak / 2**20:7.0f} MB")
        written[name] = {"out.csv": out.read_bytes(), "details.csv": details.read_bytes()}
    rows = written["this checkout"]["details.csv"].count(b"\n") - 1
    print(f"  details rows written: {rows:,}")
    if baseline:
        ours, theirs = written.values()
        for file in ours:
            same = "identical" if ours[file] == theirs[file] else "DIFFERENT"
            print(f"  {file} vs baseline {baseline}: {same} ({len(ours[file]):,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=40)
    parser.add_argument("--key-spans", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20260105)
    parser.add_argument("--repeat", type=int, default=3, help="runs per command in section 3")
    parser.add_argument("--baseline", metavar="REV", help="also run section 3 on this git revision")
    args = parser.parse_args()

    text = canonicalize(SEED_ARTICLE.read_text(encoding="utf-8"))
    key = build_key(text, args.key_spans)
    rnd = random.Random(args.seed)
    subs = [make_submission(rnd, key, len(text), args.spans) for _ in range(args.submissions)]
    total_spans = sum(map(len, subs))
    print(
        f"article {len(text):,} code points; key {len(key)} spans "
        f"({sum(k.optional for k in key)} optional); "
        f"{len(subs):,} submissions, {total_spans:,} spans"
    )

    print("\n1. scoring alone (in-process, spans already in memory)")
    reports: list[object] = []

    def ours() -> None:
        scorer = Scorer(key, text)
        reports.extend(scorer.score(s, details=False) for s in subs)

    def ours_details() -> None:
        scorer = Scorer(key, text)
        reports.extend(scorer.score(s) for s in subs)

    ours_t = timed("medialit Scorer.score (figures, as results.csv)", ours)
    reports.clear()
    details_t = timed("medialit Scorer.score (+ outcome objects)", ours_details)
    reports.clear()
    true = [nervaluate_entities([(k.start, k.end, k.label) for k in key])] * len(subs)
    pred = [nervaluate_entities(s) for s in subs]
    result: dict[str, object] = {}

    def theirs() -> None:
        result.update(Evaluator(true, pred, tags=TAGS, loader="dict").evaluate())

    theirs_t = timed("nervaluate Evaluator.evaluate", theirs)
    print(f"  {'ratio (nervaluate / medialit figures)':<48} {theirs_t / ours_t:8.1f} x")
    print(f"  {'ratio (nervaluate / medialit + outcomes)':<48} {theirs_t / details_t:8.1f} x")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        key_file, subs_file, out = folder / "key.jsonl", folder / "subs.jsonl", folder / "out.csv"
        key_file.write_text(
            json.dumps({"text": text, "label": [[k.start, k.end, k.label.value] for k in key]})
            + "\n",
            encoding="utf-8",
        )
        with open(subs_file, "w", encoding="utf-8") as fh:
            for i, spans in enumerate(subs):
                line = {
                    "student": f"student{i:05d}",
                    "text": text,
                    "label": [[s, e, lab.value] for s, e, lab in spans],
                }
                fh.write(json.dumps(line) + "\n")
        size = subs_file.stat().st_size
        print(f"\n2. whole process on JSONL ({size / 1e6:.1f} MB of submissions)")
        command = [sys.executable, "-m", "medialit", "score", str(key_file), str(subs_file)]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

        def process() -> None:
            subprocess.run([*command, "-o", str(out)], env=env, check=True, capture_output=True)

        process_t = timed("python -m medialit score ... -o out.csv", process)
        rows = out.read_text(encoding="utf-8-sig").count("\n") - 1

        def theirs_whole() -> None:
            gold = json.loads(key_file.read_text(encoding="utf-8").splitlines()[0])
            truth = [{"label": lab, "start": s, "end": e - 1} for s, e, lab in gold["label"]]
            predicted = []
            with open(subs_file, encoding="utf-8") as fh:
                for line in fh:
                    data = json.loads(line)
                    predicted.append(
                        [{"label": lab, "start": s, "end": e - 1} for s, e, lab in data["label"]]
                    )
            Evaluator([truth] * len(predicted), predicted, tags=TAGS, loader="dict").evaluate()

        whole_theirs_t = timed("nervaluate: read JSONL + evaluate (in-process)", theirs_whole)
        print(
            f"  {'ratio (nervaluate / medialit process)':<48} {whole_theirs_t / process_t:8.1f} x"
        )
        print(f"  rows written: {rows:,}")

        print("\n3. whole process with --details: time and peak memory")
        details_figures(key_file, subs_file, folder, repeat=args.repeat, baseline=args.baseline)


if __name__ == "__main__":
    main()
