"""Writes tests/data/golden/: what `medialit score` wrote for the generated class.

    python tests/data/make_golden_scores.py

The class is `tests.score_files.write_class` (hostile names and notes, every outcome);
tests/core/test_score_streaming.py requires the command to write these bytes exactly.
Run it again only when the files are meant to change, and say why in the commit.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.score_files import GOLDEN, class_outputs  # noqa: E402


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in class_outputs(Path(tmp)).items():
            (GOLDEN / name).write_bytes(data)
            print(f"{GOLDEN / name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
