"""After the first-start name dialog the student's next keys label the article, on a real X
server (Xvfb) with no window manager to hand the focus back: keys pressed as X events
(xdotool), as a student's keyboard sends them. Offscreen, Qt re-activated the window by
itself and hid that nothing else did."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.xvfb import ROOT, child_env, xvfb_display


def test_keys_after_the_name_dialog_reach_the_article(tmp_path: Path) -> None:
    xdotool = shutil.which("xdotool")
    if xdotool is None:
        pytest.skip("xdotool is not installed (apt-get install xdotool)")
    with xvfb_display(1366, 768) as display:
        env = child_env(display, tmp_path)
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.gui.keys_probe", str(tmp_path / "m.db")],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            subprocess.run(
                [xdotool, "key", "--delay", "50", "ctrl+Home", "ctrl+shift+Right", "1"],
                env=env,
                check=True,
                timeout=30,
            )
            out, err = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert child.returncode == 0, err[-3000:]
    result = json.loads(out.strip().splitlines()[-1])
    assert result["active"], "the student window is not active after the name dialog"
    assert result["spans"] == ["Alec"]
