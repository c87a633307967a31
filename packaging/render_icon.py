"""Render resources/medialit.svg to a 512 px PNG for the Windows .exe and macOS .app icons.

PyInstaller (with Pillow) turns a PNG into .ico / .icns but cannot read SVG; Qt can.
Run by build.sh in the build venv: `python render_icon.py OUT.png`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parents[1] / "resources" / "medialit.svg"
SIZE = 512


def main(out: str) -> None:
    app = QGuiApplication([])  # noqa: F841 (QPainter needs one for text in the SVG)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icon: cannot read {SVG}")
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(out):
        raise SystemExit(f"render_icon: cannot write {out}")


if __name__ == "__main__":
    main(sys.argv[1])
