"""Results ▸ Grading…: what turns the open lesson's scores into grades.

"Out of N points" and their rounding (whole or one decimal), what a student who handed
nothing in gets (an empty cell, or 0), an optional due date (in UTC: without one nothing
is late), and the classes the lesson is for (none ticked: every class on the roster). The
key release moment is shown, not edited: exporting the review pack sets it.
Saved in one write (`store.grading.save`) through `Desk.apply`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from medialit.core.teacher_records import LessonGrading
from medialit.core.wording import minute
from medialit.gui.errors import show_error
from medialit.gui.form_parts import Button, ok_cancel
from medialit.gui.screen_fit import fit_dialog
from medialit.gui.teacher.desk import Desk

ROUNDING = (("Whole points", 0), ("One decimal", 1))


class GradingDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grading_dialog")
        lesson = desk.require_lesson()
        self.desk = desk
        self.setWindowTitle(f"Grading “{lesson.title}”")
        grading = desk.store.grading.of(lesson.id)
        self.grading = grading
        form = QFormLayout(self)
        self.out_of = QDoubleSpinBox(self)
        self.out_of.setObjectName("grading_out_of")
        self.out_of.setRange(0.1, 10_000)
        self.out_of.setDecimals(1)
        self.out_of.setValue(grading.out_of)
        form.addRow("Out of (points)", self.out_of)
        self.rounding = QComboBox(self)
        self.rounding.setObjectName("grading_rounding")
        for text, decimals in ROUNDING:
            self.rounding.addItem(text, decimals)
        self.rounding.setCurrentIndex(grading.decimals)
        form.addRow("Round points to", self.rounding)
        self.zero = QCheckBox("Give 0 to a student who handed nothing in (else: empty)", self)
        self.zero.setObjectName("grading_zero")
        self.zero.setChecked(grading.zero_for_missing)
        form.addRow(self.zero)
        self.has_due = QCheckBox("Due (UTC)", self)
        self.has_due.setObjectName("grading_has_due")
        self.due = QDateTimeEdit(self)
        self.due.setObjectName("grading_due")
        self.due.setTimeZone(QTimeZone.utc())
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
        self.due.setCalendarPopup(True)
        due = _from_iso(grading.due_at)
        self.has_due.setChecked(due is not None)
        self.due.setDateTime(due or QDateTime.currentDateTimeUtc())
        self.due.setEnabled(due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        form.addRow(self.has_due, self.due)
        self.classes = QListWidget(self)
        self.classes.setObjectName("grading_classes")
        codes = sorted(
            {e.class_code for e in desk.store.roster.entries()} | set(grading.class_codes)
        )
        for code in codes:
            item = QListWidgetItem(code or "(no class)", self.classes)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = code in grading.class_codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.classes.setMaximumHeight(120)
        form.addRow("For classes (none ticked: all)", self.classes)
        released = grading.key_released_at
        form.addRow(
            "Key released",
            QLabel(
                f"{minute(released)} UTC (by exporting the review pack)"
                if released
                else "not yet (exporting the review pack releases it)",
                self,
            ),
        )
        form.addRow(ok_cancel(self, self.save, Button.Save))
        fit_dialog(self)

    def chosen(self) -> LessonGrading:
        """The settings as the dialog shows them."""
        classes = tuple(
            self.classes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.classes.count())
            if self.classes.item(i).checkState() == Qt.CheckState.Checked
        )
        due = ""
        if self.has_due.isChecked():
            due = self.due.dateTime().toUTC().toString(Qt.DateFormat.ISODate).replace("Z", "+00:00")
        return LessonGrading(
            self.grading.lesson_id,
            round(self.out_of.value(), 1),
            int(self.rounding.currentData()),
            self.zero.isChecked(),
            due,
            self.grading.key_released_at,
            classes,
        )

    def save(self) -> None:
        grading = self.chosen()
        try:
            self.desk.apply(lambda s: s.grading.save(grading))
        except Exception as exc:  # said once; the dialog stays open with what was typed
            show_error(self, "Not saved", exc)
            return
        self.accept()


def _from_iso(value: str) -> QDateTime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value).astimezone(dt.UTC)
    except ValueError:
        return None
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.utc())
