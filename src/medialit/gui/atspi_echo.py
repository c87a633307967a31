"""Whether a screen reader on the AT-SPI bus hears Qt's announcements: watching them go out.

Qt's AT-SPI bridge sends an announcement (`Object:Announcement`) only when some client
of the bus asked for announcements (`GetRegisteredEvents`): Orca does from 45.1 on (45.0
asked, and its handler failed); Orca 43 (Debian 12) and 44 never ask, and so never speak
them. PySide6 cannot read the registry's answer (an `a(ss)`: its `QDBusArgument` decodes no
strings), so `BusEcho` listens on the accessibility bus for the announcements this app
sends: an announcement seen going out was asked for by a reader; one that was not, no
reader will speak (`gui.announce` then shows it the way every Orca speaks).
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

ANNOUNCEMENT = ("org.a11y.atspi.Event.Object", "Announcement")
CONNECTION = "medialit-announcement-echo"
ADDRESS_TIMEOUT_MS = 500  # the session bus answers in a millisecond; a hung one must not hang us


def accessibility_bus() -> str:
    """The AT-SPI bus's address: `AT_SPI_BUS_ADDRESS`, else the session bus's `org.a11y.Bus`."""
    if address := os.environ.get("AT_SPI_BUS_ADDRESS"):
        return address
    session = QDBusConnection.sessionBus()
    if not session.isConnected():
        return ""
    call = QDBusMessage.createMethodCall(
        "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress"
    )
    reply = session.call(call, QDBus.CallMode.Block, ADDRESS_TIMEOUT_MS)
    answer = reply.arguments()
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not answer:
        return ""
    return str(answer[0])


class BusEcho(QObject):
    """The texts of the announcements seen on the accessibility bus, the latest few."""

    def __init__(self, address: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seen: deque[str] = deque(maxlen=32)
        self.connection = QDBusConnection.connectToBus(address, CONNECTION)
        interface, member = ANNOUNCEMENT
        # SLOT() gives a str: PySide6 refuses the bytes its stub asks for
        slot: Any = SLOT("on_announcement(QDBusMessage)")
        self.listening = self.connection.isConnected() and self.connection.connect(
            "", "", interface, member, self, slot
        )

    @Slot(QDBusMessage)
    def on_announcement(self, message: QDBusMessage) -> None:
        """An `Object:Announcement` signal: (kind, detail1, detail2, the text as a variant, …)."""
        arguments = message.arguments()
        if len(arguments) > 3:
            text = arguments[3]
            self.seen.append(str(text.variant() if hasattr(text, "variant") else text))

    def heard(self, message: str) -> bool:
        """True once for each time `message` went out to a reader."""
        if message in self.seen:
            self.seen.remove(message)
            return True
        return False


def bus_echo(parent: QObject | None = None) -> BusEcho | None:
    """A `BusEcho` on this session's accessibility bus; None without one."""
    address = accessibility_bus()
    if not address:
        return None
    echo = BusEcho(address, parent)
    return echo if echo.listening else None
