"""The app icon ships with the package and Qt can draw it (the SVG plugin is in the wheel)."""

from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from medialit.core import paths


def test_app_icon_renders(qtbot: QtBot) -> None:
    icon = QIcon(str(paths.resources_dir() / "medialit.svg"))
    assert not icon.isNull()
    image = icon.pixmap(32, 32).toImage()
    assert not image.isNull() and image.pixelColor(16, 16).alpha() > 0


def test_desktop_file_names_the_command() -> None:
    desktop = (paths.resources_dir() / "medialit.desktop").read_text("utf-8")
    assert "Exec=medialit" in desktop and "Icon=medialit" in desktop
