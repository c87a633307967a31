"""Guards the PySide6 pin: 6.12.0 on Python 3.11 drops a reference to None on void Qt calls
and the process dies ("Fatal Python error: none_dealloc") after a few thousand of them."""

import subprocess
import sys

import pytest

CODE = """
import sys
from PySide6.QtWidgets import QApplication, QTextEdit
from PySide6.QtGui import QTextCursor
app = QApplication([])
edit = QTextEdit()
cursor = QTextCursor(edit.document())
before = sys.getrefcount(None)
for i in range(10_000):
    edit.setPlainText("abc")          # void
    cursor.setPosition(1)             # void
after = sys.getrefcount(None)
print(before, after)
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_do_not_leak_none_references() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    before, after = map(int, out.stdout.split())
    assert after >= before - 100, f"None refcount fell from {before} to {after}"
