"""Durability benchmark: SIGKILL a process saving edits 200 times and count lost edits (goal 0).

    python benchmarks/durability.py [--kills 200] [--seed 1] [--max-delay 0.25]

Each kill lands at a random moment (some while the child is starting or opening the
database, many mid-transaction, some mid-backup). After each, the database is reopened as
the app opens it (quick_check), `PRAGMA integrity_check` is run, and the spans on disk are
compared with the edits the child had acknowledged. See tests/durability.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.durability import integrity_of, run_kills  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=0.25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="medialit-durability-") as folder:
        db = Path(folder) / "medialit.db"
        started = time.perf_counter()
        report = run_kills(db, args.kills, seed=args.seed, max_delay=args.max_delay, progress=True)
        elapsed = time.perf_counter() - started
        print()
        print(f"durability: {args.kills} SIGKILLs, seed {args.seed}, {elapsed:.1f} s")
        for line in report.lines():
            print("  " + line)
        print(f"  final integrity_check     {integrity_of(db)}")
        print(f"  database size             {db.stat().st_size:,} bytes")
        for problem in report.integrity_failures + report.diverged + report.bad_backups:
            print("  PROBLEM: " + problem)
        print(f"LOST EDITS: {report.lost}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
