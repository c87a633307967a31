"""PySide6.QtWidgets as PyInstaller's own hook collects it, minus the Qt plugins medialit does not use.

Hooks given to the spec's `hookspath` win over PyInstaller's (higher priority), so this
one runs instead of the stock hook; see medialit_qt_filter.py for the list and why.
"""

from medialit_qt_filter import only_kept
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = only_kept(binaries)
