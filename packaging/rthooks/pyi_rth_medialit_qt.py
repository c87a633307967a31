"""Runtime hook: tell Qt where the bundle's plugins are, without importing Qt.

It replaces PyInstaller's stock PySide6 runtime hook, which imports QtCore at
every start to register a qt.conf: that costs ~150 ms even for `medialit score`,
which never opens a window. The PySide6 wheels register their own qt.conf when
QtCore is first imported, so all a start needs beforehand is the plugin folder
(and, on Windows, the bundle's folder on PATH for the DLLs Qt loads by name).
It runs before any of medialit's code, in the frozen app only.
"""

import os
import sys


def qt_environment(bundle: str, platform: str, environ: dict[str, str]) -> dict[str, str]:
    """The variables to set for a bundle unpacked at `bundle` on `platform`."""
    if platform == "win32":
        qt_dir = os.path.join(bundle, "PySide6")
    else:
        qt_dir = os.path.join(bundle, "PySide6", "Qt")
    changes = {"QT_PLUGIN_PATH": os.path.join(qt_dir, "plugins")}
    if platform == "win32":
        old = environ.get("PATH", "")
        changes["PATH"] = bundle + (os.pathsep + old if old else "")
    return changes


if getattr(sys, "frozen", False):
    os.environ.update(qt_environment(sys._MEIPASS, sys.platform, dict(os.environ)))
    del qt_environment  # runtime hooks share __main__'s namespace with the app's script
