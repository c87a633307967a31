"""Saying something to a screen reader: the one place medialit sends an announcement.

Qt 6.8's `QAccessibleAnnouncementEvent` asks the platform's screen reader
(Orca over AT-SPI, NVDA, VoiceOver) to speak a message without moving the
focus. What only a status bar shows is never spoken, so results a blind
student must hear go through `announce`. Without an active screen reader Qt
drops the event, so announcing costs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, message: str, *, assertive: bool = False) -> None:
    """Have the screen reader say `message`, on behalf of `source` (a widget or window).

    Polite (the default) waits until the reader has finished what it is saying,
    such as the name of a window that just opened; assertive interrupts it.
    """
    event = QAccessibleAnnouncementEvent(source, message)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
