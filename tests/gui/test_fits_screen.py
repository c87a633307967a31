"""Every window fits a school laptop's screen: 1366x768 and 1280x720, on a real X server (Xvfb).

The windows are opened the way the app opens them, in a child process on the xcb platform
(tests/gui/fit_probe.py); it reports where each landed. Each must lie inside the screen's
available geometry with its status bar and every visible button on screen; the label
definitions show whole at first start; a size the user sets is kept in the settings table
and clamped to the screen the next time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.xvfb import ROOT, child_env, xvfb_display

WINDOWS = (
    "name dialog",
    "student window",
    "note dialog",
    "submit dialog",
    "lesson dialog",
    "review window",
    "teacher window",
    "key editor answering suggestions",
    "label definitions dialog",
    "teacher lesson dialog",
    "teacher text dialog",
    "passphrase dialog",
    "restore dialog",
    "recovery dialog",
    "recovery code box",
    "grading dialog",
    "release key box",
    "delete lesson box",
    "key spans removed box",
    "student window again",
    "student window from a bigger screen",
)


def probe(width: int, height: int, tmp_path: Path) -> dict[str, dict[str, object]]:
    with xvfb_display(width, height) as display:
        env = child_env(display, tmp_path)
        result = subprocess.run(
            [sys.executable, "-m", "tests.gui.fit_probe"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {line["name"]: line for line in lines}


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_every_window_opens_inside_the_screen(width: int, height: int, tmp_path: Path) -> None:
    seen = probe(width, height, tmp_path)
    assert sorted(seen) == sorted(WINDOWS)
    for name, line in seen.items():
        assert line["area"] == [0, 0, width, height], name  # Xvfb: no task bar
        assert line["inside"], f"{name} at {line['frame']} leaves the {width}x{height} screen"
        assert line["outside"] == [], f"{name}: off screen: {line['outside']}"

    for name in ("name dialog", "submit dialog", "passphrase dialog"):  # sized by their contents
        frame, hint = seen[name]["frame"], seen[name]["hint"]
        assert frame[3] <= hint[1] + 2, f"{name} {frame} is taller than it needs ({hint})"

    student = seen["student window"]
    assert student["hint_shown"]
    assert student["legend_dock_inside"]
    # every definition shows at first start: the dock is as tall as its text, no scrolling
    assert not student["legend_scrolls"], student
    assert student["legend_has"] >= student["legend_needs"], student

    keys = seen["key editor answering suggestions"]  # room for each part, none squeezed shut
    assert keys["key_rows_shown"] >= 3, keys
    assert keys["explanation_height"] >= 50, keys
    assert not keys["reason_clipped"], keys
    assert keys["article_width"] >= 480, keys

    again = seen["student window again"]
    assert again["kept"] == [900, 560]  # the size the user set, from the settings table
    assert again["size"] == [900, 560]
    bigger = seen["student window from a bigger screen"]
    assert bigger["frame"][2] <= width and bigger["frame"][3] <= height  # clamped
