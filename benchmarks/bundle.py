"""The self-contained bundle against the venv it is built from: size, build time, start-up, score.

Builds `dist/medialit/` with packaging/build.sh (timed; `--no-build` reuses the one
there), then measures in the same run, alternating bundle and venv:

- size of the folder on disk and of the .tar.gz (goal: folder <= 120 MB);
- start-up: process spawn to "medialit: window shown" (the app's MEDIALIT_SMOKE_TEST
  switch, printed once the window is up), on a private Xvfb screen when Xvfb is
  installed (the xcb plugin users get), else offscreen (goal: <= 1.05x the venv);
- `medialit score` of tests/data/valid against the bundled lesson.

The venv is the build venv (MEDIALIT_VENV, default build/venv): the same Python,
PySide6 and medialit code as the bundle, run through its `medialit` console script.
Both run with a small clean environment and a HOME made for the benchmark.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "medialit"
VENV = Path(os.environ.get("MEDIALIT_VENV", ROOT / "build" / "venv"))
LESSON = "000_baldwin_rust.json"
RUNS = 9
SIZE_GOAL_MB, STARTUP_GOAL = 120, 1.05  # goal in decimal MB, the stricter reading
MB, MIB = 1_000_000, 1 << 20


def disk_bytes(folder: Path) -> int:
    """Bytes the folder takes on disk, as `du` counts them (symlinks are not followed)."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*")) + folder.stat().st_blocks * 512


def version() -> str:
    for line in (ROOT / "src" / "medialit" / "__init__.py").read_text().splitlines():
        if line.startswith("__version__"):
            return line.split('"')[1]
    raise SystemExit("no __version__")


def build() -> float:
    start = time.perf_counter()
    subprocess.run([str(ROOT / "packaging" / "build.sh")], check=True)
    return time.perf_counter() - start


@contextmanager
def screen() -> Iterator[dict[str, str]]:
    """DISPLAY and QT_QPA_PLATFORM for the app: a private Xvfb if there is one, else offscreen."""
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as display:
        number = display.readline().strip()
    try:
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        xvfb.terminate()
        xvfb.wait()


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to the app's "window shown" line."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**env, "MEDIALIT_SMOKE_TEST": "1"},
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if not line.startswith("medialit: window shown"):
        raise SystemExit(f"{command[0]}: no window shown (exit {proc.returncode})")
    return elapsed


def time_score(command: list[str], env: dict[str, str]) -> float:
    key = DIST / "_internal" / "medialit" / "_data" / "lessons" / LESSON
    start = time.perf_counter()
    subprocess.run(
        [*command, "score", str(key), str(ROOT / "tests" / "data" / "valid")],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


Measure = Callable[[list[str], dict[str, str]], float]


def alternate(
    measure: Measure, bundle: list[str], venv: list[str], env: dict[str, str]
) -> tuple[float, float]:
    """Median seconds of bundle and venv, run in turns after one warm-up each."""
    measure(bundle, env), measure(venv, env)
    ours, theirs = [], []
    for _ in range(RUNS):
        ours.append(measure(bundle, env))
        theirs.append(measure(venv, env))
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-build", action="store_true", help="measure the dist/ already built")
    args = parser.parse_args()
    build_s = None if args.no_build else build()
    archive = ROOT / "dist" / f"medialit-{version()}-linux-x86_64.tar.gz"
    bundle, venv = [str(DIST / "medialit")], [str(VENV / "bin" / "medialit")]
    folder, archive_size = disk_bytes(DIST), archive.stat().st_size
    with tempfile.TemporaryDirectory() as home, screen() as display:
        env = {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **display}
        window = alternate(time_to_window, bundle, venv, env)
        score = alternate(time_score, bundle, venv, env)
    print(f"bundle: {DIST}; venv: {VENV}; {RUNS} runs each, median")
    if build_s is not None:
        print(f"build time (packaging/build.sh): {build_s:6.1f} s")
    verdict = "ok" if folder / MB <= SIZE_GOAL_MB else "OVER"
    print(
        f"size on disk: {folder / MIB:6.1f} MiB = {folder / MB:6.1f} MB"
        f" (goal <= {SIZE_GOAL_MB} MB: {verdict})"
    )
    print(
        f"as .tar.gz:   {archive_size / MIB:6.1f} MiB = {archive_size / MB:6.1f} MB ({archive.name})"
    )
    print(f"start-up to a shown window ({display['QT_QPA_PLATFORM']}):")
    print(f"  bundle {window[0] * 1000:6.0f} ms, venv {window[1] * 1000:6.0f} ms,", end=" ")
    ratio = window[0] / window[1]
    print(
        f"ratio {ratio:.2f}x (goal <= {STARTUP_GOAL}x: {'ok' if ratio <= STARTUP_GOAL else 'OVER'})"
    )
    print("score tests/data/valid:")
    print(f"  bundle {score[0] * 1000:6.0f} ms, venv {score[1] * 1000:6.0f} ms,", end=" ")
    print(f"ratio {score[0] / score[1]:.2f}x")


if __name__ == "__main__":
    main()
