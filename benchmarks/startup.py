"""Start-up time: process start to the window shown on the seed lesson, vs a bare Qt window.

Each run is a fresh Python process (imports and all), timed from just before
the process is spawned to the moment its window has been shown and the event
loop has painted it. The baseline is a bare QMainWindow + QTextEdit showing
the same text, measured in the same run. Goal: ratio <= 1.5x.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_5580f1b383fac14f.txt"
RUNS = 7

BASELINE = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
app = QApplication(sys.argv)
w = QMainWindow(); e = QTextEdit(); e.setReadOnly(True)
e.setPlainText(open({str(SEED)!r}, encoding="utf-8").read())
w.setCentralWidget(e); w.resize(1100, 760); w.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

MEDIALIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
quitter = QTimer(interval=5)  # quit() before exec() is ignored, so keep asking
quitter.timeout.connect(app.quit)
def check():
    if any(w.isVisible() and w.objectName() == "main_window" for w in app.topLevelWidgets()):
        print("shown", flush=True); quitter.start()
    else:
        QTimer.singleShot(1, check)
QTimer.singleShot(0, check)
from medialit.gui.app import run
run(db_path=None)
"""


def seed_returning_student(db: Path) -> None:
    """A student who has used the app before: the usual start, with no name dialog."""
    sys.path.insert(0, str(ROOT / "src"))
    from medialit.core.prefs import Prefs
    from medialit.core.records import Student
    from medialit.core.store import Store

    store = Store.open(db)
    store.students.save(Student("b" * 32, "Bench"))
    Prefs(store).set_current_student("b" * 32)
    store.close()


def time_process(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"window never shown (exit {proc.returncode})")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHONPATH"] = str(ROOT / "src")
        # An installed medialit has its bytecode compiled by pip; from a checkout, let the
        # warm-up run write __pycache__ so both sides are measured from compiled code.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["MEDIALIT_DB"] = str(Path(tmp) / "bench.db")
        seed_returning_student(Path(env["MEDIALIT_DB"]))
        time_process(MEDIALIT, env)  # warm the OS cache
        time_process(BASELINE, env)
        bare, app = [], []
        for _ in range(RUNS):
            bare.append(time_process(BASELINE, env))
            app.append(time_process(MEDIALIT, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {RUNS} each, median")
    print(f"bare QMainWindow+QTextEdit: {b * 1000:7.1f} ms")
    print(f"medialit on the seed lesson: {a * 1000:7.1f} ms")
    print(f"ratio: {a / b:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
