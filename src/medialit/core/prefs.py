"""The app's preferences, typed, over the store's `settings` table.

Preferences live in the same database as the work, so a student's zoom and
submit folder follow the database file (one per machine account), and tests
that use a temporary database never touch real preferences.
"""

from __future__ import annotations

from medialit.core.records import Change
from medialit.core.store import Store

ZOOM_MIN, ZOOM_MAX = -4, 12


class Prefs:
    CURRENT_STUDENT = "current_student"
    ZOOM = "zoom"
    SNAP_WORDS = "snap_words"
    LAST_LESSON = "last_lesson"
    LAST_SUBMIT_FOLDER = "last_submit_folder"
    WINDOW_SIZE = "window_size:"  # + the window's name ("student", "teacher", "review")
    CSV_DELIMITER = "csv_delimiter"

    def __init__(self, store: Store) -> None:
        self.store = store

    def current_student(self) -> str:
        return self.store.settings.get(self.CURRENT_STUDENT) or ""

    def set_current_student(self, student_id: str) -> Change:
        return self.store.settings.set(self.CURRENT_STUDENT, student_id)

    def zoom(self) -> int:
        """Zoom steps from the default font size (Ctrl+plus adds one), kept in range."""
        raw = self.store.settings.get(self.ZOOM) or "0"
        try:
            value = int(raw)
        except ValueError:
            return 0
        return min(max(value, ZOOM_MIN), ZOOM_MAX)

    def set_zoom(self, steps: int) -> Change:
        return self.store.settings.set(self.ZOOM, str(min(max(steps, ZOOM_MIN), ZOOM_MAX)))

    def snap_words(self) -> bool:
        """On unless the student turned it off."""
        return self.store.settings.get(self.SNAP_WORDS) != "0"

    def set_snap_words(self, on: bool) -> Change:
        return self.store.settings.set(self.SNAP_WORDS, "1" if on else "0")

    def last_lesson(self) -> str:
        """The lesson opened last, as "id:<lesson id>" (see core.library)."""
        return self.store.settings.get(self.LAST_LESSON) or ""

    def set_last_lesson(self, where: str) -> Change:
        return self.store.settings.set(self.LAST_LESSON, where)

    def last_submit_folder(self) -> str:
        return self.store.settings.get(self.LAST_SUBMIT_FOLDER) or ""

    def set_last_submit_folder(self, folder: str) -> Change:
        return self.store.settings.set(self.LAST_SUBMIT_FOLDER, folder)

    def window_size(self, name: str) -> tuple[int, int] | None:
        """The size the user last gave the window `name`, or None (never set, or unreadable)."""
        raw = self.store.settings.get(self.WINDOW_SIZE + name) or ""
        width, _, height = raw.partition("x")
        if not (width.isdigit() and height.isdigit()):
            return None
        return int(width), int(height)

    def set_window_size(self, name: str, width: int, height: int) -> Change:
        """Keep a window size the user set (the window clamps it to the screen when it opens)."""
        return self.store.settings.set(self.WINDOW_SIZE + name, f"{max(width, 1)}x{max(height, 1)}")

    def csv_delimiter(self) -> str:
        """The teacher's CSV separator: "," or ";" (with decimal commas, as `medialit score
        --delimiter ';'` writes for spreadsheets in decimal-comma locales)."""
        return ";" if self.store.settings.get(self.CSV_DELIMITER) == ";" else ","

    def set_csv_delimiter(self, delimiter: str) -> Change:
        if delimiter not in (",", ";"):
            raise ValueError(f"the CSV separator is ',' or ';', not {delimiter!r}")
        return self.store.settings.set(self.CSV_DELIMITER, delimiter)
