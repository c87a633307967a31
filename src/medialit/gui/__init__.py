"""The Qt GUI: a thin layer over medialit.core. Only this package imports PySide6."""
