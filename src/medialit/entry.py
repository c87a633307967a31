"""The installed `medialit` command's first step.

With no argument (a double-click, a menu entry: how students start it) the app
opens straight away, without loading the command-line parser (click costs more
than a tenth of the window's first paint), and loads the Qt-free modules the
first paint needs before PySide6 (about 7 ms less); `$MEDIALIT_DB` still
chooses the database (`core.paths`). Anything else is `medialit.cli`'s.
"""

from __future__ import annotations

import sys


def main() -> None:
    if len(sys.argv) == 1:
        from medialit.gui import memory

        memory.hold()  # no collector passes until the window is up (`memory.resume`)
        # Qt-free modules the first paint needs, loaded before PySide6: once imported, PySide
        # reads the source of every module imported after it (its `__feature__` import hook).
        from medialit.core import applog, glance, library, prefs, spanindex, workspace  # noqa: F401
        from medialit.gui.app import run

        sys.exit(run())
    from medialit.cli import main as command

    command()
