"""Start-up time: process start to the student's saved spans painted, vs a bare Qt window.

    .venv/bin/python benchmarks/startup.py [--runs N]     (QT_QPA_PLATFORM=xcb for a display)

Each run is a fresh Python process (imports and all), timed in the parent from just
before the process is spawned to the line the child prints:

- medialit: the installed command's own `main()` (`medialit.entry`, no argument)
  on a database where a returning student (last lesson remembered) has SPANS saved spans on the seed
  lesson, importing what it imports in its own order (the article view is
  watched from an import hook as `main()` loads it, so nothing is imported
  before `main()` that a user's start would not import there); "painted" is
  printed when the article view has finished a paint with those spans in it
  (the window's first paint, from the glance at the database), and "open" when
  the store is open and the window offers edits (the moment MEDIALIT_SMOKE_TEST
  calls "window shown");
- the baseline: a bare QMainWindow + QTextEdit showing the same text, "painted"
  when the QTextEdit has finished its first paint.

Goal: painted <= 1.5x the baseline (the median of the runs, both measured in the
same run of this script). The time to "open" is printed beside it, with its ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_5580f1b383fac14f.txt"
SPANS = 20

BASELINE = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
class Edit(QTextEdit):
    def paintEvent(self, event):
        super().paintEvent(event)
        print("painted", flush=True)
        QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv)
w = QMainWindow(); e = Edit(); e.setReadOnly(True)
e.setPlainText(open({str(SEED)!r}, encoding="utf-8").read())
w.setCentralWidget(e); w.resize(1100, 760); w.show()
app.exec()
"""

MEDIALIT = f"""
import sys
from importlib.machinery import PathFinder
told = []
def tell(what):
    if what not in told:
        told.append(what); print(what, flush=True)
def watch(module):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    paint = module.ArticleView.paintEvent
    def painted(self, event):
        paint(self, event)
        if len(self.index) >= {SPANS}:
            tell("painted")
    module.ArticleView.paintEvent = painted
    def check():
        window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window"), None)
        if window is not None and window.session.is_open and told:
            tell("open"); QApplication.quit()
        QTimer.singleShot(1, check)
    QTimer.singleShot(0, check)
class Watch:  # the article view is watched once main() imports it: no import of ours comes first
    def find_spec(self, name, path, target=None):
        if name != "medialit.gui.article_view":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module); watch(module)
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Watch())
sys.argv = ["medialit"]
from medialit.entry import main
main()
"""


def seed_returning_student(db: Path) -> None:
    """A student who has used the app before and saved SPANS spans: the usual start."""
    sys.path.insert(0, str(ROOT / "src"))
    from medialit.core.lesson import default_lesson_path, load_lesson
    from medialit.core.model import LABELS, Span
    from medialit.core.prefs import Prefs
    from medialit.core.records import Student
    from medialit.core.store import Store

    lesson = load_lesson(default_lesson_path())
    store = Store.open(db)
    store.students.save(Student("b" * 32, "Bench"))
    Prefs(store).set_current_student("b" * 32)
    Prefs(store).set_last_lesson("id:" + lesson.id)  # as every open remembers it
    words = [i for i, ch in enumerate(lesson.article.text) if ch == " "]
    for n in range(SPANS):  # one word in every twenty
        start = words[n * 20] + 1
        end = lesson.article.text.index(" ", start)
        span = Span.create(lesson.article, start, end, LABELS[n % 4])
        store.work.add_span("b" * 32, lesson.id, lesson.article.sha256, span)
    store.close()


def time_process(code: str, env: dict[str, str], lines: tuple[str, ...]) -> list[float]:
    """Seconds from spawning to each of `lines`, in order."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    times = []
    for want in lines:
        line = proc.stdout.readline().strip()
        times.append(time.perf_counter() - start)
        if line != want:
            proc.kill()
            raise SystemExit(f"expected {want!r}, got {line!r} (exit {proc.wait()})")
    proc.wait(timeout=60)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHONPATH"] = str(ROOT / "src")
        env["XDG_STATE_HOME"] = str(Path(tmp) / "state")  # the log, away from the user's
        # An installed medialit has its bytecode compiled by pip; from a checkout, let the
        # warm-up run write __pycache__ so both sides are measured from compiled code.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["MEDIALIT_DB"] = str(Path(tmp) / "bench.db")
        seed_returning_student(Path(env["MEDIALIT_DB"]))
        time_process(MEDIALIT, env, ("painted", "open"))  # warm the OS cache
        time_process(BASELINE, env, ("painted",))
        bare, painted, opened = [], [], []
        for _ in range(args.runs):
            bare += time_process(BASELINE, env, ("painted",))
            p, o = time_process(MEDIALIT, env, ("painted", "open"))
            painted.append(p)
            opened.append(o)
    b, p, o = (statistics.median(x) for x in (bare, painted, opened))

    def spread(xs: list[float]) -> str:
        return f"{min(xs) * 1000:.0f}-{max(xs) * 1000:.0f} ms"

    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} each, median (min-max)")
    print(f"bare QMainWindow+QTextEdit, first paint: {b * 1000:7.1f} ms ({spread(bare)})")
    print(f"medialit, saved spans painted:           {p * 1000:7.1f} ms ({spread(painted)})")
    print(f"medialit, store open, edits offered:     {o * 1000:7.1f} ms ({spread(opened)})")
    print(f"ratio painted: {p / b:.2f}x (goal <= 1.5x); ratio open: {o / b:.2f}x")
    ratios = sorted(pp / bb for pp, bb in zip(painted, bare, strict=True))
    print(f"ratio painted, run by run: {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
