"""Saying something to a screen reader: the one place medialit speaks to one.

Qt 6.8's `QAccessibleAnnouncementEvent` asks the screen reader (Orca over AT-SPI,
NVDA, VoiceOver) to speak a message without moving the focus. What only a status bar
shows is never spoken, so every result a blind student must hear goes through
`announce`. Orca speaks announcements only from 45.1 on; Orca 43 (Debian 12's) and 44
never do. So on AT-SPI (Linux), while a reader is on (`QAccessible.isActive()`), each
announcement is watched: one that did not go out on the accessibility bus (Qt sends it
only when a reader asked for announcements: `gui.atspi_echo`) is said a second way, one
every Orca speaks: the window's `Notice`, an accessible object with the Notification role
named with the message, shown to the reader but never on screen. Orca 43.1 says
"notification Select some text first, then press 1-4." (`a11y.sh --orca`); a reader that
takes announcements hears each message once, and no notice follows.

Without a reader nothing more happens than the announcement Qt drops: no bus, no QtDBus,
no notice. `carried=True`: something else already says it to a reader without
announcements (an alert box); only the announcement is sent.
"""

from __future__ import annotations

import sys
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
)
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QWidget

AT_SPI = sys.platform.startswith("linux")  # where readers without announcements are
ECHO_MS = 250  # how long an announcement may take to show on the bus before a notice says it


class Echo(Protocol):
    def heard(self, message: str) -> bool:
        """True if `message` went out to a reader that asked for announcements."""
        ...


class Notice(QWidget):
    """A message for a reader that speaks no announcements: never on screen, one per window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("screen_reader_notice")
        self.message = ""
        self.accessible: NoticeAccessible | None = None  # made by `_factory`; kept alive here
        self.hide()

    def show_message(self, message: str) -> None:
        """Named `message`, "shown" to the reader: Orca speaks a notification when it shows."""
        self.message = message
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.ObjectShow))


class NoticeAccessible(QAccessibleWidget):
    """A `Notice` as a reader sees it: a notification whose name is the message."""

    def __init__(self, notice: Notice) -> None:
        super().__init__(notice, QAccessible.Role.Notification, "")

    def text(self, t: QAccessible.Text) -> str:
        notice = self.widget()
        if t == QAccessible.Text.Name and isinstance(notice, Notice):
            return notice.message
        return super().text(t)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks each factory for each class of an object; a Notice's is made here."""
    if key == "Notice" and isinstance(obj, Notice):
        obj.accessible = NoticeAccessible(obj)  # Python owns it: the notice keeps it alive
        return obj.accessible
    return None


def notice_for(window: QWidget) -> Notice:
    found = window.findChild(
        Notice, "screen_reader_notice", Qt.FindChildOption.FindDirectChildrenOnly
    )
    return found if isinstance(found, Notice) else Notice(window)


class Herald(QObject):
    """Watches the announcements go out; the ones no reader was seen to take, a notice says."""

    def __init__(self) -> None:
        super().__init__()
        QAccessible.installFactory(_factory)
        self.echo: Echo | None = None
        self.echo_tried = False
        self.pending: list[tuple[QWidget, str]] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ECHO_MS)
        self.timer.timeout.connect(self.flush)

    def watch(self) -> None:
        """Start watching the bus (once, before the first announcement goes out)."""
        if not self.echo_tried:
            self.echo_tried = True
            from medialit.gui.atspi_echo import bus_echo  # QtDBus: only with a reader on

            self.echo = bus_echo(self)

    def follow(self, source: QObject, message: str) -> None:
        """Check, a moment after it went out, that `message` reached a reader."""
        window = source.window() if isinstance(source, QWidget) else QApplication.activeWindow()
        if window is None:
            return
        self.pending.append((window, message))
        if not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        """What went out unheard, said again by each window's notice (together, in order)."""
        pending, self.pending = self.pending, []
        unheard: dict[QWidget, list[str]] = {}
        for window, message in pending:
            if shiboken6.isValid(window) and not (self.echo and self.echo.heard(message)):
                unheard.setdefault(window, []).append(message)
        for window, messages in unheard.items():
            notice_for(window).show_message(" ".join(messages))


_herald: Herald | None = None


def herald() -> Herald:
    """The app's one herald, made when a reader on AT-SPI first needs it."""
    global _herald
    if _herald is None:
        _herald = Herald()
    return _herald


def reader_on_at_spi() -> bool:
    """A screen reader (or another assistive tool) is on, over AT-SPI."""
    return AT_SPI and QAccessible.isActive()


def announce(
    source: QObject, message: str, *, assertive: bool = False, carried: bool = False
) -> None:
    """Have the screen reader say `message`, on behalf of `source` (a widget or window).

    Polite (the default) waits until the reader has finished what it is saying,
    such as the name of a window that just opened; assertive interrupts it.
    `carried`: a reader without announcements hears it some other way already.
    """
    watched = reader_on_at_spi()
    if watched:
        herald().watch()
    event = QAccessibleAnnouncementEvent(source, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    if watched and not carried:
        herald().follow(source, message)
