"""Teacher workflow timings, each with a baseline measured in the same run.

1. Import 30 submission files (check + one transaction) and export results.csv
   (score every student + write) -- goal < 1 s. Baseline: json.load of the same files.
2. Open the class view on 300 students (window built, every submission scored,
   table, most-missed, heatmap drawn) -- goal < 1 s. Baseline: a bare QTableView
   over a QStandardItemModel with the same number of cells.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python benchmarks/teacher.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from classroom_data import bundled_lesson, make_submissions, write_submissions
from medialit.core import export
from medialit.core.classroom import score_class
from medialit.core.store import Store
from medialit.core.teacher.authoring import import_lesson_file, load_authored
from medialit.core.teacher.collection import current_submissions, import_submission_files
from medialit.gui.teacher.class_table import COLUMNS
from medialit.gui.teacher.window import TeacherWindow

RUNS = 5


def timed(fn: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of `runs` calls, in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def import_and_export(tmp: Path, files: list[Path], n: int) -> None:
    store = Store.open(tmp / f"bench{n}.db")
    lesson, _ = import_lesson_file(store, bundled_lesson())
    report = import_submission_files(store, files, [lesson])
    assert len(report.added) == len(files), report.rejected
    results = score_class(lesson, current_submissions(store, lesson.id))
    export.write_results(tmp / f"results{n}.csv", results.results)
    store.close()


def class_store(tmp: Path, students: int) -> Store:
    store = Store.open(tmp / f"class{students}.db")
    lesson, _ = import_lesson_file(store, bundled_lesson())
    files = write_submissions(tmp / f"class{students}", make_submissions(lesson, students))
    import_submission_files(store, files, [lesson])
    return store


def open_class_view(app: QApplication, store: Store) -> None:
    window = TeacherWindow(store)
    window.tabs.setCurrentWidget(window.class_tab)
    window.show()
    app.processEvents()
    assert window.class_tab.model.rowCount() > 0
    window.close()
    window.deleteLater()
    app.processEvents()


def bare_table(app: QApplication, rows: int) -> None:
    model = QStandardItemModel(rows, len(COLUMNS))
    for r in range(rows):
        for c in range(len(COLUMNS)):
            model.setItem(r, c, QStandardItem(f"{r}.{c}"))
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    view.close()
    view.deleteLater()
    app.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        lesson = bundled_lesson()
        files = write_submissions(tmp / "thirty", make_submissions(lesson, 30))
        counter = iter(range(1000))
        baseline = timed(lambda: [json.loads(p.read_bytes()) for p in files])
        ours = timed(lambda: import_and_export(tmp, files, next(counter)))
        print(f"import 30 submissions + export results.csv: {ours * 1000:7.1f} ms (goal < 1000 ms)")
        print(f"  baseline: json.load of the same 30 files:  {baseline * 1000:7.1f} ms")

        store = class_store(tmp, 300)
        spans = store.db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
        open_class_view(app, store)  # warm-up: first window pays for fonts and styles
        view = timed(lambda: open_class_view(app, store))
        lesson_id = store.lessons.authored()[0].id
        authored = load_authored(store, lesson_id)
        subs = current_submissions(store, lesson_id)
        scoring = timed(lambda: score_class(authored, subs))
        loading = timed(lambda: current_submissions(store, lesson_id))
        bare_table(app, 300)
        bare = timed(lambda: bare_table(app, 300))
        print(
            f"class view with {spans} students opens:       {view * 1000:7.1f} ms (goal < 1000 ms)"
        )
        print(f"  of which loading submissions from SQLite: {loading * 1000:7.1f} ms")
        print(f"  of which scoring all students + outcomes: {scoring * 1000:7.1f} ms")
        print(f"  baseline: bare QTableView, same cells:    {bare * 1000:7.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
