"""What goes into the bundle besides what PyInstaller finds by itself (read by medialit.spec).

Kept apart from the spec so tests can check it without running PyInstaller.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

AT_SPI_ONLY = ["PySide6.QtDBus"]
"""Imported only where a screen reader may be on AT-SPI (Linux), and there only while one is
on: gui.atspi_echo watches the accessibility bus for the announcements Qt sends a reader.
On Linux its C++ library is in the bundle anyway (QtGui's AT-SPI bridge links
libQt6DBus), so keeping it adds just the binding module (QtDBus.abi3.so, ~330 KB)."""


RAPIDFUZZ_COMPILED = [
    "rapidfuzz._feature_detector_cpp",
    "rapidfuzz.distance._initialize_cpp",
    "rapidfuzz.distance.metrics_cpp",
    "rapidfuzz.distance.metrics_cpp_avx2",
    "rapidfuzz.fuzz_cpp",
    "rapidfuzz.fuzz_cpp_avx2",
    "rapidfuzz.process_cpp_impl",
    "rapidfuzz.utils_cpp",
]
"""rapidfuzz's compiled scorers, each built twice (generic and AVX2): 11.7 MB, which took the
bundle over its 120 MB goal. rapidfuzz falls back to its pure-Python scorers, which give the
same similarities (packaging/smoke.sh compares the close roster names `medialit score
--roster` prints with the venv's, byte for byte); medialit only ranks a few typed names
against one class's roster (150 names against 150: 120 ms in pure Python, 29 ms compiled)."""


def excludes(platform: str) -> list[str]:
    """The modules left out of the bundle built on `platform` (a `sys.platform` value)."""
    left_out = [
        # PyInstaller's Qt hooks add these because Qt's libraries link them; medialit
        # imports only QtCore, QtGui and QtWidgets (and QtDBus on Linux: AT_SPI_ONLY), so
        # their Python modules, plugins (tls, networkinformation, qmltooling, ...) and data
        # stay out.
        "PySide6.QtNetwork",
        "PySide6.QtOpenGL",
        "PySide6.QtOpenGLWidgets",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtQuickWidgets",
        "tkinter",
        *RAPIDFUZZ_COMPILED,
    ]
    return left_out + ([] if platform.startswith("linux") else AT_SPI_ONLY)


EXCLUDES = excludes(sys.platform)

STOCK_QT_RTHOOK = "pyi_rth_pyside6"
"""PyInstaller's PySide6 runtime hook: it imports QtCore at every start; ours does not."""


def wheel_data(root: Path) -> list[tuple[str, str]]:
    """(source folder, place in the bundle) exactly as the wheel's force-include puts them.

    Read from pyproject.toml, so the bundle finds lessons, seeds and resources where
    `medialit.core.paths` finds them in a wheel install (`medialit/_data/...`), and a
    lesson added to lessons/ is bundled with no change here.
    """
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    force = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    return [(str(root / source), target) for source, target in force.items()]


def version(root: Path) -> str:
    """The version as `medialit/__init__.py` writes it (the one place it is written)."""
    text = (root / "src" / "medialit" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if found is None:
        raise SystemExit("no __version__ line in src/medialit/__init__.py")
    return found.group(1)


def without_stock_qt_rthook(scripts: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Analysis's scripts minus the stock PySide6 runtime hook; refuses if it is not there.

    Refusing matters: if a PyInstaller upgrade renamed the hook, both hooks would run
    and start-up would silently pay for the QtCore import again.
    """
    kept = [entry for entry in scripts if entry[0] != STOCK_QT_RTHOOK]
    if len(kept) == len(scripts):
        names = ", ".join(entry[0] for entry in scripts)
        raise SystemExit(f"{STOCK_QT_RTHOOK} is not among the runtime hooks ({names})")
    return kept
