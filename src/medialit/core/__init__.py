"""The Qt-free core of medialit. Nothing under this package imports PySide6."""
