"""The installed `medialit` command's first step.

With no argument (a double-click, a menu entry: how students start it) the app
opens straight away, without loading the command-line parser (click costs more
than a tenth of the window's first paint); `$MEDIALIT_DB` still chooses the
database (`core.paths`). Anything else is `medialit.cli`'s.
"""

from __future__ import annotations

import sys


def main() -> None:
    if len(sys.argv) == 1:
        from medialit.gui.app import run

        sys.exit(run())
    from medialit.cli import main as command

    command()
