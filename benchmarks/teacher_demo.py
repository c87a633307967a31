"""Open the teacher window on a demo class, for screenshots (tools/qt-shot.sh) and a look around.

    PYTHONPATH=src python benchmarks/teacher_demo.py --db /tmp/teacher/t.db --tab key

Builds (once) a database with the bundled lesson as an authored lesson, a roster
and 30 synthetic submissions, then shows the teacher window on the given tab.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication

from classroom_data import demo_store
from medialit.gui.teacher.window import TeacherWindow

TABS = {"key": 0, "class": 1, "roster": 2}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--tab", choices=sorted(TABS), default="key")
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--select", type=int, default=3, help="key span to select (index)")
    parser.add_argument("--student", type=int, help="also open this student's work (table row)")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="medialit-demo-"))
    store, _lesson = demo_store(args.db, folder, students=args.students)
    window = TeacherWindow(store)
    window.tabs.setCurrentIndex(TABS[args.tab])
    key = window.desk.key
    if args.tab == "key" and key:
        window.key_editor.select_span(key[min(args.select, len(key) - 1)].id)
    window.show()
    if args.student is not None:
        view = window.class_tab
        view.refresh()
        work = window.student_work.open(view.row_at(args.student))
        if work is not None:
            work.move(0, 0)
            work.select_row(min(2, len(work.items) - 1))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
