"""Open the teacher's key editor on a bundled seed article in suggestion mode (for screenshots).

Not a benchmark and not shipped: run it from the repository root, e.g.

    PATH=/path/to/venv/bin:$PATH ../shared/tools/qt-shot.sh --size 1366x768 --wait 3 \\
        --out /tmp/keyeditor/suggest.png -- env PYTHONPATH=src python benchmarks/show_key_editor.py

A new lesson is made from the seed (as New lesson does) in a fresh database; `--accept N`
accepts the first N suggestions with Enter, `--walk N` then moves N suggestions on, and
`--no-suggest` shows the editor without suggestion mode.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from medialit.core.paths import seeds_dir
from medialit.core.store import Store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", default="001_eastbrook_pool.txt", help="a file in seeds/")
    parser.add_argument("--accept", type=int, default=2)
    parser.add_argument("--walk", type=int, default=1)
    parser.add_argument("--no-suggest", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from medialit.gui.teacher.window import TeacherWindow  # after the QApplication exists

    folder = Path(tempfile.mkdtemp(prefix="medialit-keyeditor-"))
    store = Store.open(folder / "teacher.db")
    window = TeacherWindow(store)
    window.create_lesson_from_file(seeds_dir() / args.seed)
    window.show()
    editor = window.key_editor
    if not args.no_suggest:
        editor.suggesting.start()
        for _ in range(args.accept):
            editor.suggesting.accept()
        for _ in range(args.walk):
            editor.suggesting.walk(1)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
