"""The student window's docks: the label definitions above the span list, on the right.

At first start the definitions must show whole (on a 1366x768 laptop the
dock used to cut them off after the second label), so once the window has
its size the definitions dock is made as tall as its text at the dock's
width, and the span list takes the rest.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTextEdit, QWidget

DOCK_WIDTH = 430


def make_dock(
    window: QMainWindow, view_menu: QMenu, title: str, name: str, widget: QWidget
) -> QDockWidget:
    """A movable, closable dock on the right, listed in the View menu."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    view_menu.addAction(dock.toggleViewAction())
    return dock


def text_height(browser: QTextEdit) -> int:
    """How tall the browser must be to show all its text at its present width."""
    document = browser.document()
    document.setTextWidth(browser.viewport().width())
    frame = browser.height() - browser.viewport().height()
    return math.ceil(document.size().height()) + frame


def fit_definitions(
    window: QMainWindow, legend_dock: QDockWidget, legend: QTextEdit, below: QDockWidget
) -> None:
    """Make the definitions dock tall enough to show every definition; the dock `below`
    (the span list) gets the rest. (Qt shares out the sizes given in proportion, so both
    docks' sizes are given.)"""
    chrome = legend_dock.height() - legend.height()  # the dock's title bar
    wanted = text_height(legend) + chrome
    total = legend_dock.height() + below.height()
    rest = max(total - wanted, below.minimumSizeHint().height())
    window.resizeDocks([legend_dock, below], [wanted, rest], Qt.Orientation.Vertical)


def size_docks(window: QMainWindow, legend_dock: QDockWidget, span_list_dock: QDockWidget) -> None:
    """The docks' first width; their heights follow the text (`fit_definitions`)."""
    window.resizeDocks([legend_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    window.resizeDocks([legend_dock, span_list_dock], [300, 400], Qt.Orientation.Vertical)


def tab_order(window: QMainWindow, *widgets: QWidget) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, then in itertools.pairwise(widgets):
        window.setTabOrder(first, then)
