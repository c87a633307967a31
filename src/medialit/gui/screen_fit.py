"""Every window opens inside the screen: the one helper the student, review and teacher windows
and the dialogs call.

School laptops have 1366x768 or 1280x720 screens, a task bar, and a title bar
on each window. A window asked for 1200x780 there hides its status bar and its
buttons under the task bar. `fit_window` sizes a window to what it asks for,
or the size the user gave it last time (`SizeMemory`, kept in the settings
table), never more than the screen's available geometry
(`QScreen.availableGeometry`: the screen less task bars and docks) leaves
room for, and once it is shown moves its frame, title bar included, inside
that area. The size a user sets by hand is remembered when the window closes;
a size the program chose is not, so a bigger screen later still gets the
window's own size.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room kept for the frame the window manager adds (title bar and borders) before the window is
# shown and its frame can be measured; after that the real frame is used.
FRAME_ALLOWANCE = QSize(16, 40)
MIN_SIZE = QSize(320, 240)
FRAME_SETTLE_MS = 250


class SizeMemory(Protocol):
    """Where window sizes are kept (`core.prefs.Prefs`: the settings table)."""

    def window_size(self, name: str) -> tuple[int, int] | None: ...

    def set_window_size(self, name: str, width: int, height: int) -> object: ...


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen (else the primary screen) a window may cover."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def clamp_size(wanted: QSize, area: QRect, frame: QSize = FRAME_ALLOWANCE) -> QSize:
    """`wanted`, shrunk so that it and its frame fit in `area` (never below MIN_SIZE)."""
    width = min(wanted.width(), area.width() - frame.width())
    height = min(wanted.height(), area.height() - frame.height())
    return QSize(max(width, MIN_SIZE.width()), max(height, MIN_SIZE.height()))


def inside(frame: QRect, area: QRect) -> QPoint:
    """Where a frame's top-left goes so that as much of it as possible is in `area`."""
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    return QPoint(x, y)


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move a shown window so that its whole frame is inside the available area."""
    area = available_area(window)
    frame = window.frameGeometry()
    extra = frame.size() - window.size()  # title bar and borders, measured
    room = clamp_size(window.size(), area, QSize(max(extra.width(), 0), max(extra.height(), 0)))
    size = window.size().boundedTo(room)  # only ever smaller: a small dialog keeps its size
    if size != window.size():
        window.resize(size)
        frame = window.frameGeometry()
    place = inside(frame, area)
    if place != frame.topLeft():
        window.move(place)


class ScreenKeeper(QObject):
    """Watches one window: keeps it on screen when shown, remembers a size the user set."""

    def __init__(self, window: QWidget, memory: SizeMemory | None = None, name: str = "") -> None:
        super().__init__(window)
        self.window = window
        self.memory = memory
        self.name = name
        self.chosen = window.size()  # the size the program chose; another one is the user's
        self.placed = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            kind = event.type()
            if kind == QEvent.Type.Show and not self.placed and self.window.isWindow():
                self.placed = True
                centre_on_screen(self.window)
                self.place()
                # a window manager adds the title bar a moment later: measure the frame again
                QTimer.singleShot(FRAME_SETTLE_MS, self, self.place)
            elif kind == QEvent.Type.Close:
                self.remember()
        return False

    def place(self) -> None:
        keep_on_screen(self.window)
        self.chosen = self.window.size()

    def remember(self) -> None:
        """Keep the window's size if the user changed it (a failed write only loses a size)."""
        size = self.window.size()
        if self.memory is None or not self.name or size == self.chosen:
            return
        with contextlib.suppress(Exception):  # a closed or read-only database: nothing lost
            self.memory.set_window_size(self.name, size.width(), size.height())
            self.chosen = size


def centre_on_screen(window: QWidget) -> None:
    """A main window with no parent opens in the middle of the available area; a dialog or a
    window with a parent stays where Qt put it (over its parent), moved inside if needed."""
    if window.parentWidget() is not None:
        return
    area = available_area(window)
    frame = window.frameGeometry()
    window.move(area.center() - QPoint(frame.width() // 2, frame.height() // 2))


def fit_window(
    window: QWidget,
    width: int,
    height: int,
    *,
    memory: SizeMemory | None = None,
    name: str = "",
) -> ScreenKeeper:
    """Size `window` to width x height (or the size remembered under `name`), clamped to the
    screen; keep it on screen when shown and remember a size the user sets."""
    wanted = QSize(width, height)
    if memory is not None and name:
        remembered = memory.window_size(name)
        if remembered is not None:
            wanted = QSize(*remembered)
    window.resize(clamp_size(wanted, available_area(window)))
    return ScreenKeeper(window, memory, name)


def fit_dialog(dialog: QWidget) -> ScreenKeeper:
    """A dialog sized by its contents (as Qt lays it out when shown), or by an earlier
    `resize`: no bigger than the screen, kept on it when shown."""
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return fit_window(dialog, dialog.width(), dialog.height())
    return ScreenKeeper(dialog)
