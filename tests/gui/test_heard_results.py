"""Every result heard by a screen reader, whether or not it speaks Qt's announcements.

Orca 43 (Debian 12) never speaks announcements; every Orca speaks a change of the
focused article's description and a notification that shows (measured by hand with
`a11y.sh --orca`). So each result is checked the way a reader meets it, through Qt's
accessibility interfaces and the events Qt hands the bridge: the article's description
changed in the key press, or a `Notice` (role Notification, named with the message)
shown. A reader that takes announcements (Orca 45.1 on; seen going out on the bus by
`gui.atspi_echo`) hears each result once: the announcement, and no notice.
Real key events; the offscreen platform has no accessibility bus, so the reader is
switched on here (`QAccessible.isActive`) and the bus, where one is needed, is a private
`dbus-daemon`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVariant
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from medialit.gui import announce, caret_voice
from medialit.gui.atspi_echo import ANNOUNCEMENT, BusEcho
from tests.gui.window import db_spans, open_window

Role, Event = QAccessible.Role, QAccessible.Event
CTRL = Qt.KeyboardModifier.ControlModifier
WAIT_MS = announce.ECHO_MS + 3000
REPO = Path(__file__).resolve().parents[2]


class Reader:
    """What medialit hands Qt for a screen reader: announcements and the notices shown. (Qt
    sends a description's change from C++: it is read through the interface instead.)"""

    def __init__(self) -> None:
        self.announced: list[tuple[str, object]] = []
        self.notices: list[str] = []

    def capture(self, event) -> None:
        if event.type() == Event.Announcement:
            self.announced.append((event.message(), event.politeness()))
        elif event.type() == Event.ObjectShow:  # read as a reader reads it, when it shows
            shown = QAccessible.queryAccessibleInterface(event.object())
            if shown.role() == Role.Notification:
                self.notices.append(shown.text(QAccessible.Text.Name))

    def words(self) -> list[str]:
        return [message for message, _ in self.announced]


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Reader:
    """A reader on AT-SPI that takes no announcements (Orca 43): no echo on the bus."""
    heard = Reader()
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(heard.capture))
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(announce, "AT_SPI", True)
    monkeypatch.setattr(caret_voice, "DESCRIPTION_HEARD", True)
    monkeypatch.setattr(announce.herald(), "echo_tried", True)  # no bus watched
    monkeypatch.setattr(announce.herald(), "echo", None)
    return heard


def wait_notice(qtbot: QtBot, reader: Reader, expected: str) -> None:
    """The next notice says `expected` (a reader without announcements hears it)."""
    count = len(reader.notices)
    qtbot.waitUntil(lambda: len(reader.notices) > count, timeout=WAIT_MS)
    assert reader.notices[count:] == [expected]


def select(window, quote: str) -> None:
    start = window.session.article.text.index(quote)
    window.view.select_cp(start, start + len(quote))


def test_without_announcements_every_result_is_heard(
    qtbot: QtBot, tmp_path: Path, reader: Reader
) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    view = window.view
    article = QAccessible.queryAccessibleInterface(view)

    def described() -> str:  # a reader speaks the focused article's description as it changes
        assert view.hasFocus() and article.state().focused
        return article.text(QAccessible.Text.Description)

    # label, relabel: the description says the span; nothing says it again
    select(window, "Alec Baldwin")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert described().startswith("Claim: “Alec Baldwin”.")
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert described().startswith("Fact: “Alec Baldwin”.")
    qtbot.wait(announce.ECHO_MS + 100)
    assert reader.notices == [] and reader.words() == []
    # undo, redo: the description says the span, the notice what was undone
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert described().startswith("Claim: “Alec Baldwin”.")
    wait_notice(qtbot, reader, "Undone: Relabel as fact. Ctrl+Y does it again.")
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert described().startswith("Fact: “Alec Baldwin”.")
    wait_notice(qtbot, reader, "Done again: Relabel as fact.")

    # what no description says: each announced, and said by a notice
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    wait_notice(qtbot, reader, "Deleted the Fact span. Ctrl+Z brings it back.")
    qtbot.keyClick(view, Qt.Key.Key_1)
    wait_notice(qtbot, reader, "Select some text first, then press 1-4.")
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # the span is back, not selected
    wait_notice(qtbot, reader, "Undone: Delete fact span. Ctrl+Y does it again.")
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    wait_notice(qtbot, reader, "Done again: Delete fact span.")
    text = window.session.article.text
    start = text.index("journalist")
    view.select_cp(start - 2, start - 1)  # '," ': nothing but punctuation
    qtbot.keyClick(view, Qt.Key.Key_2)
    wait_notice(qtbot, reader, "That selection is only spaces or punctuation: nothing to label.")
    select(window, "Alec Baldwin")
    qtbot.keyClick(view, Qt.Key.Key_3)
    select(window, "Alec Baldwin")
    qtbot.keyClick(view, Qt.Key.Key_3)
    wait_notice(qtbot, reader, "That is already labelled Speculation.")
    assert reader.words() == [
        "Undone: Relabel as fact. Ctrl+Y does it again.",
        "Done again: Relabel as fact.",
        "Deleted the Fact span. Ctrl+Z brings it back.",
        "Select some text first, then press 1-4.",
        "Undone: Delete fact span. Ctrl+Y does it again.",
        "Done again: Delete fact span.",
        "That selection is only spaces or punctuation: nothing to label.",
        "That is already labelled Speculation.",
    ]
    assert [r[1] for r in db_spans(store, window)] == ["speculation"]
    notice = window.findChild(announce.Notice)
    assert notice is not None and not notice.isVisible()  # heard, never on screen
    window.close()
    store.close()


def test_a_reader_that_takes_announcements_hears_each_once(
    qtbot: QtBot, tmp_path: Path, reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Echo:  # every announcement seen going out: a reader asked for them (Orca 45.1 on)
        def heard(self, message: str) -> bool:
            return True

    monkeypatch.setattr(announce.herald(), "echo", Echo())
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    article = QAccessible.queryAccessibleInterface(window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    select(window, "Alec Baldwin")
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the description says it: not announced as well
    assert article.text(QAccessible.Text.Description).startswith("Claim: “Alec Baldwin”.")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    qtbot.wait(announce.ECHO_MS + 200)
    assert reader.words() == [
        "Select some text first, then press 1-4.",
        "Deleted the Claim span. Ctrl+Z brings it back.",
    ]
    assert reader.notices == []  # nothing said twice
    window.close()
    store.close()


def test_elsewhere_every_result_is_announced_and_no_notice_is_made(
    qtbot: QtBot, tmp_path: Path, reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """UI Automation, macOS: announcements are how a reader hears a result; nothing more."""
    monkeypatch.setattr(announce, "AT_SPI", False)
    monkeypatch.setattr(caret_voice, "DESCRIPTION_HEARD", False)
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    select(window, "Alec Baldwin")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.wait(announce.ECHO_MS + 100)
    assert [w.split(":")[0] for w in reader.words()] == [
        "Labelled Claim",
        "Relabelled as Fact",
        "Undone",
    ]
    assert reader.notices == [] and window.findChild(announce.Notice) is None
    window.close()
    store.close()


def test_not_saved_and_saved_again_are_heard(qtbot: QtBot, tmp_path: Path, reader: Reader) -> None:
    store, window, _ = open_window(qtbot, tmp_path / "m.db")
    saved = QAccessible.queryAccessibleInterface(window.saved_label)
    store.db.execute("PRAGMA query_only = ON")  # the disk turned read-only
    select(window, "Alec Baldwin")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert saved.text(QAccessible.Text.Name) == "Not saved"
    assert ("Not saved.", QAccessible.AnnouncementPoliteness.Assertive) in reader.announced
    box = window.findChild(QMessageBox, "error_box")
    alert = QAccessible.queryAccessibleInterface(box)
    assert alert.role() == Role.AlertMessage  # every reader speaks it: "alert Could not save."
    assert "read-only" in box.text() and box.windowTitle() == "Could not save"
    box.close()
    qtbot.wait(announce.ECHO_MS + 100)
    assert reader.notices == []  # the alert said it; a notice would talk over it
    window.activateWindow()  # the box gave the focus back (offscreen, nothing does)
    qtbot.waitUntil(window.isActiveWindow)

    store.db.execute("PRAGMA query_only = OFF")
    select(window, "Alec Baldwin")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert saved.text(QAccessible.Text.Name) == "Saved"
    wait_notice(qtbot, reader, "Saved again.")
    assert "Saved again." in reader.words()
    assert [r[1] for r in db_spans(store, window)] == ["claim"]
    select(window, "Alec Baldwin")
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # saved as usual: not said again
    qtbot.wait(announce.ECHO_MS + 100)
    assert reader.words().count("Saved again.") == 1
    window.close()
    store.close()


def test_a_notice_for_a_window_that_closed_is_dropped(qtbot: QtBot, reader: Reader) -> None:
    window = QWidget()
    announce.announce(window, "Gone before it was said.")
    window.deleteLater()
    qtbot.wait(announce.ECHO_MS + 100)
    assert reader.words() == ["Gone before it was said."] and reader.notices == []


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A private D-Bus daemon's address, standing in for the accessibility bus."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("no dbus-daemon")
    ran = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address"], stdout=subprocess.PIPE, text=True
    )
    assert ran.stdout is not None
    address = ran.stdout.readline().strip()
    try:
        yield address
    finally:
        ran.terminate()
        ran.wait(timeout=10)


def test_an_announcement_seen_on_the_bus_is_not_said_again(
    qtbot: QtBot, reader: Reader, private_bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real watch: the bus found as the app finds it, the signal as Qt's bridge sends it
    (sent here by hand: offscreen, no bridge is on the bus) when a reader asked for them."""
    monkeypatch.setenv("AT_SPI_BUS_ADDRESS", private_bus)
    monkeypatch.setattr(announce.herald(), "echo_tried", False)
    window = QWidget()
    qtbot.addWidget(window)
    bridge = QDBusConnection.connectToBus(private_bus, "medialit-test-bridge")
    assert bridge.isConnected()
    interface, member = ANNOUNCEMENT

    announce.announce(window, "Saved again.")  # the watch starts before the first goes out
    echo = announce.herald().echo
    assert isinstance(echo, BusEcho) and echo.listening
    signal = QDBusMessage.createSignal("/org/a11y/atspi/accessible/root", interface, member)
    signal.setArguments(["", 1, 0, QDBusVariant("Saved again."), {}])
    assert bridge.send(signal)
    announce.announce(window, "Select some text first, then press 1-4.")  # nobody took it
    wait_notice(qtbot, reader, "Select some text first, then press 1-4.")
    assert reader.words() == ["Saved again.", "Select some text first, then press 1-4."]
    QDBusConnection.disconnectFromBus("medialit-test-bridge")
    echo.connection.disconnectFromBus(echo.connection.name())


def test_the_echo_without_a_bus_hears_nothing() -> None:
    echo = BusEcho("unix:path=/nonexistent/medialit-test-bus")
    assert not echo.listening  # no bus: no echo (gui.announce then shows notices)
    assert not echo.heard("Saved again.")


def test_without_a_reader_an_answer_costs_no_bus_and_no_notice(tmp_path: Path) -> None:
    """No screen reader on (the usual laptop): the window answers a key press, and QtDBus is
    never imported, no bus is watched, no notice is made: only the announcement Qt drops."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtTest import QTest\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qt = QApplication([])\n"
        "from medialit.core.store import Store\n"
        "from medialit.gui import announce\n"
        "from medialit.gui.app import build_window\n"
        "window, _ = build_window(Store.open(Path(sys.argv[1])), None)\n"
        "window.show()\n"
        "QTest.keyClicks(window.dialog.name_edit, 'Ann')\n"  # first start: who is working?
        "QTest.keyClick(window.dialog.name_edit, Qt.Key.Key_Return)\n"
        "QTest.qWait(50)\n"
        "QTest.keyClick(window.view, Qt.Key.Key_1)\n"
        "QTest.qWait(announce.ECHO_MS + 200)\n"
        "print(window.pane.message.text())\n"
        "print('PySide6.QtDBus' in sys.modules, announce._herald is None,"
        " window.findChild(announce.Notice) is None)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO / "src")}
    for switch in ("QT_ACCESSIBILITY", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "AT_SPI_BUS_ADDRESS"):
        env.pop(switch, None)
    ran = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "m.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    said, costs = ran.stdout.splitlines()[-2:]
    assert said == "Select some text first, then press 1-4.", ran.stderr
    assert costs.split() == ["False", "True", "True"], ran.stderr


def test_the_review_says_the_ends_of_the_outcomes(qtbot: QtBot, reader: Reader) -> None:
    from medialit.core.lesson import default_lesson_path, load_lesson
    from medialit.gui.review import ReviewWindow

    lesson = load_lesson(default_lesson_path())
    review = ReviewWindow(lesson, [])  # every key span missed: outcomes to walk
    qtbot.addWidget(review)
    review.show()
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    assert review.summary.hasFocus() and review.outcome_list is not None
    qtbot.keyClick(review.summary, Qt.Key.Key_N)  # from the summary: the next outcome, in the list
    assert review.outcome_list.hasFocus() and review.current_row == 1
    qtbot.keyClick(review.outcome_list, Qt.Key.Key_P)
    qtbot.keyClick(review.outcome_list, Qt.Key.Key_P)
    wait_notice(qtbot, reader, "That was the first outcome.")
    assert reader.words() == ["That was the first outcome."]
