"""PySide6.QtCore as PyInstaller's own hook collects it, minus Qt's translations.

medialit installs no QTranslator, so Qt's ~14 MB of .qm files would never be read.
Hooks in the spec's `hookspath` win over PyInstaller's own (higher priority).
"""

from medialit_qt_filter import is_qt_translation, only_kept
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = only_kept(binaries)
datas = [(src, dest) for src, dest in datas if not is_qt_translation(dest)]
