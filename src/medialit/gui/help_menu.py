"""Help ▸ Open log folder, in both windows: medialit's log (`core.applog`) in the file manager.

Whoever fixes a problem asks for the log; the folder is opened, not the file, so the
older files (medialit.log.1, ...) are there too. The log holds no one's work or name.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from medialit.core import paths
from medialit.gui.errors import show_error

TEXT = "Open &log folder"
TIP = "Open the folder of medialit's log, for whoever fixes a problem (it holds no one's work)"


def open_log_folder(parent: QWidget) -> bool:
    """Open the log folder in the file manager; if none opens, say where it is."""
    folder = paths.log_dir()
    with contextlib.suppress(OSError):  # no log yet: an empty folder still says where
        folder.mkdir(parents=True, exist_ok=True)
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    show_error(parent, "Could not open the log folder", f"medialit's log is in:\n{folder}")
    return False
