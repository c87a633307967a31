"""Run by tests/gui/test_keys_after_name.py on a real X server (Xvfb, xcb): the first-start name
dialog answered, then real X key events (xdotool, sent by the test) must reach the article.

Not a test itself: a child process, so that Qt runs on the xcb platform. It prints "ready" once
the name is in, then waits for the test's keys to label the first word, and prints JSON: the
active window and the spans the database holds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from medialit.core.store import Store
from medialit.gui.app import build_window
from medialit.gui.dialogs import NameDialog


def settle(seconds: float, until: object = None) -> None:
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (callable(until) and until()):
        app.processEvents()
        time.sleep(0.005)


def main() -> int:
    app = QApplication(sys.argv[:1])
    store = Store.open(Path(sys.argv[1]))
    window, _ = build_window(store)
    window.show()
    settle(1.0)
    dialog = window.dialog
    assert isinstance(dialog, NameDialog)
    dialog.name_edit.insert("Ann")
    QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    settle(1.0, lambda: window.dialog is None)
    settle(0.5)
    print("ready", flush=True)

    def spans() -> list[str]:
        return [r["quote"] for r in store.db.query("SELECT quote FROM work_spans")]

    settle(10.0, lambda: bool(spans()))
    print(
        json.dumps(
            {"active": QApplication.activeWindow() is window, "spans": spans()},
        ),
        flush=True,
    )
    window.close()
    store.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
