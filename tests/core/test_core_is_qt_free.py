"""The core and the CLI must never load Qt (tests/gui loads it into this process, so use a subprocess)."""

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_core_and_cli_do_not_import_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, medialit.core, medialit.cli\n"
        "for m in pkgutil.walk_packages(medialit.core.__path__, 'medialit.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
