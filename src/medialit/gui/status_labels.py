"""The student window's status bar, right side: who is working and whether it is saved.

"✓ Saved" appears only after the store committed the edit (`Session.changed`);
"Not saved" stays until the next edit is saved (`set_saved` tells the window the
first save after it: it says "Saved again."). A screen reader reads the state
without the tick. The first paint at start-up shows both, before the
rest of the window is built.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from medialit.core.records import Student


class StatusLabels:
    """The two permanent labels at the right of the status bar."""

    def __init__(self, bar: QStatusBar) -> None:
        self.student = QLabel("")
        self.student.setObjectName("student_state")
        self.saved = QLabel("")
        self.saved.setObjectName("saved_state")
        bar.addPermanentWidget(self.student)
        bar.addPermanentWidget(self.saved)
        self.failed = False  # the last write failed, and none has been saved since
        self.set_saved(True)

    def set_saved(self, saved: bool, *, failed: bool = False) -> bool:
        """Saved, saving (an edit on its way to the store) or not saved (the store refused it).
        True when this is the first save since a write failed (the window says so)."""
        again = saved and self.failed
        self.failed = failed or (self.failed and not saved)
        state = "Not saved" if failed else "Saved" if saved else "Saving"
        self.saved.setText("✓ Saved" if saved else "Not saved" if failed else "Saving…")
        self.saved.setAccessibleName(state)  # what a screen reader reads, no tick
        self.saved.setAccessibleDescription("Save state")
        return again

    def set_student(self, student: Student) -> None:
        who = student.name or "(no name yet)"
        if student.class_code:
            who += f" · {student.class_code}"
        self.student.setText(who)
        self.student.setAccessibleName(f"Student: {who}")
