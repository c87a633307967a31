"""Our runtime hook: the plugin folder set before the app runs, and Qt not imported to do it.

The stock PySide6 hook imports QtCore at every start (~150 ms of `medialit score`).
The hook is run here as the frozen app runs it: a script, with sys.frozen and
sys._MEIPASS set, in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.bundle.test_build_files import PACKAGING, load

HOOK = PACKAGING / "rthooks" / "pyi_rth_medialit_qt.py"

FROZEN_RUN = """
import json, os, runpy, sys
sys.frozen = True
sys._MEIPASS = sys.argv[2]
names = runpy.run_path(sys.argv[1], run_name="__main__")
print(json.dumps({
    "plugins": os.environ.get("QT_PLUGIN_PATH"),
    "qt_loaded": sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))),
    "left_behind": "qt_environment" in names,
}))
"""


def test_frozen_start_sets_the_plugin_folder_and_imports_no_qt(tmp_path: Path) -> None:
    bundle = tmp_path / "_internal"
    env = {k: v for k, v in os.environ.items() if k != "QT_PLUGIN_PATH"}
    out = subprocess.run(
        [sys.executable, "-c", FROZEN_RUN, str(HOOK), str(bundle)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    result = json.loads(out)
    assert result["plugins"] == f"{bundle}/PySide6/Qt/plugins"
    assert result["qt_loaded"] == []
    assert result["left_behind"] is False  # hooks share __main__'s namespace with the app


def test_not_frozen_it_changes_nothing() -> None:
    before = dict(os.environ)
    load(HOOK)
    assert dict(os.environ) == before


def test_windows_layout_and_dll_folder_on_path() -> None:
    hook = load(HOOK)
    env = hook.qt_environment("C:/app/_internal", "win32", {"PATH": "C:/Windows"})
    assert env["QT_PLUGIN_PATH"] == os.path.join("C:/app/_internal", "PySide6", "plugins")
    assert env["PATH"] == "C:/app/_internal" + os.pathsep + "C:/Windows"


def test_macos_layout_leaves_path_alone() -> None:
    hook = load(HOOK)
    env = hook.qt_environment("/A.app/Contents/Frameworks", "darwin", {"PATH": "/usr/bin"})
    assert env == {"QT_PLUGIN_PATH": "/A.app/Contents/Frameworks/PySide6/Qt/plugins"}
