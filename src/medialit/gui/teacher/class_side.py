"""What the class missed, beside the gradebook table: the most missed key spans ("not found"
apart from "wrong label"), the label confusions with the students who made them, and the
per-label class averages. It shows what `classroom` computed; it computes nothing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from medialit.core.classroom import ConfusionPair, LabelAverage, MissedSpan
from medialit.core.model import LABELS
from medialit.gui.teacher.class_table import ratio

MISSED_COLUMNS = ("Key span", "Label", "Not found", "Wrong label", "Partial", "Found")


def missed_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(MISSED_COLUMNS), parent)
    table.setObjectName("most_missed")
    table.setHorizontalHeaderLabels(MISSED_COLUMNS)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, len(MISSED_COLUMNS)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_missed(table: QTableWidget, missed: Sequence[MissedSpan], n: int) -> None:
    table.setRowCount(len(missed))
    for r, m in enumerate(missed):
        quote = " ".join(m.key.quote.split())
        cells = (
            quote,
            m.key.label.info.title,
            f"{m.missed} of {n}",
            str(m.wrong_label),
            str(m.partial),
            str(m.correct),
        )
        for c, value in enumerate(cells):
            item = QTableWidgetItem(value)
            if c == 0:
                item.setToolTip(
                    f"{m.key.quote}\n{m.missed} not found, {m.wrong_label} wrong label, "
                    f"{m.partial} partial, {m.correct} correct"
                )
            table.setItem(r, c, item)


def confusion_list(parent: QWidget) -> QListWidget:
    confusions = QListWidget(parent)
    confusions.setObjectName("confusion_pairs")
    confusions.setWordWrap(True)
    return confusions


def fill_confusions(confusions: QListWidget, pairs: Sequence[ConfusionPair]) -> None:
    confusions.clear()
    confusions.addItems([f"{p}: {', '.join(p.names)}" for p in pairs] or ["No label confusions."])


def averages_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(LABELS), 4, parent)
    table.setObjectName("label_averages")
    table.setHorizontalHeaderLabels(("Precision", "Recall", "F1", "Students"))
    table.setVerticalHeaderLabels([label.info.title for label in LABELS])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def fill_averages(table: QTableWidget, averages: Sequence[LabelAverage]) -> None:
    for r, avg in enumerate(averages):
        cells = (ratio(avg.precision), ratio(avg.recall), ratio(avg.f1), str(avg.students))
        for c, value in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(value))
