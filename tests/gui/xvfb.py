"""A private Xvfb screen of a given size, for tests that need a real X server (the xcb platform).

Qt's offscreen platform always has an 800x600 screen, so a school laptop's 1366x768 or 1280x720
can only be tried on a real X server. `xvfb_display` starts one on a free display number
(`-displayfd`: Xvfb picks it), and stops only that server afterwards. Tests skip when Xvfb is
not installed (`.ci/run` installs it on Debian).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

XVFB = shutil.which("Xvfb")
ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def xvfb_display(width: int, height: int) -> Iterator[str]:
    """A running Xvfb screen of width x height; yields its DISPLAY (":N")."""
    if XVFB is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            XVFB,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number.isdigit():
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def child_env(display: str, home: Path) -> dict[str, str]:
    """The environment for a probe process shown on `display`: the xcb platform, `home` as its
    HOME and runtime folder (nothing of the user's touched), this checkout's src and tests."""
    return {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(home),
        "PYTHONPATH": os.pathsep.join((str(ROOT / "src"), str(ROOT))),
    }
