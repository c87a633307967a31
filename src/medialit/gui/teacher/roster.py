"""The class roster (typed, pasted or from CSV) and who has not submitted the open lesson yet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medialit.core.errors import MedialitError
from medialit.core.gradebook.rows import Status
from medialit.core.jsonfile import decode_bytes
from medialit.core.paths import dialog_folder
from medialit.core.records import Change, Touches
from medialit.core.teacher.grades import book_of
from medialit.core.teacher.roster import MAX_ROSTER_BYTES, parse_roster
from medialit.gui.errors import show_error
from medialit.gui.teacher.desk import Desk


class RosterPanel(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roster_panel")
        self.desk = desk
        grid = QGridLayout(self)

        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel("Class", self))
        self.class_code = QLineEdit(self)
        self.class_code.setObjectName("roster_class")
        self.class_code.setPlaceholderText("e.g. 8B (blank: all classes)")
        self.class_code.textChanged.connect(self.refresh)
        row.addWidget(self.class_code, 1)
        left.addLayout(row)
        self.names = QListWidget(self)
        self.names.setObjectName("roster_names")
        self.names.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        left.addWidget(self.names, 1)
        remove = QPushButton("Remove selected", self)
        remove.setObjectName("roster_remove")
        remove.clicked.connect(self.on_remove_clicked)
        left.addWidget(remove)
        grid.addLayout(left, 0, 0)

        middle = QVBoxLayout()
        hint = QLabel("Type or paste names, one a line (or CSV with a header):", self)
        hint.setWordWrap(True)
        middle.addWidget(hint)
        self.paste = QPlainTextEdit(self)
        self.paste.setObjectName("roster_paste")
        middle.addWidget(self.paste, 1)
        buttons = QHBoxLayout()
        add = QPushButton("Add to roster", self)
        add.setObjectName("roster_add")
        add.clicked.connect(self.on_add_clicked)
        buttons.addWidget(add)
        csv_button = QPushButton("Import CSV…", self)
        csv_button.setObjectName("roster_csv")
        csv_button.clicked.connect(self.on_csv_clicked)
        buttons.addWidget(csv_button)
        middle.addLayout(buttons)
        grid.addLayout(middle, 0, 1)

        right = QVBoxLayout()
        self.missing_title = QLabel("Not submitted yet", self)
        self.missing_title.setObjectName("missing_title")
        self.missing_title.setWordWrap(True)
        right.addWidget(self.missing_title)
        self.missing = QListWidget(self)
        self.missing.setObjectName("roster_missing")
        right.addWidget(self.missing, 1)
        grid.addLayout(right, 0, 2)

        desk.changed.connect(self.on_desk_changed)
        desk.lesson_switched.connect(self.refresh)
        self.refresh()

    def add_text(self, text: str) -> int:
        entries = parse_roster(text, class_code=self.class_code.text().strip())
        if entries:
            self.desk.apply(lambda s: s.roster.add(entries))
        return len(entries)

    def add_csv(self, path: str | Path) -> int:
        try:
            text = decode_bytes(Path(path).read_bytes(), str(path), max_bytes=MAX_ROSTER_BYTES)
        except (OSError, MedialitError) as exc:
            show_error(self, "Could not read the roster", exc)
            return 0
        return self.add_text(text)

    def on_add_clicked(self) -> None:
        if self.add_text(self.paste.toPlainText()):
            self.paste.clear()

    def on_csv_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Roster CSV", str(dialog_folder()), "CSV or text (*.csv *.txt)"
        )
        if path:
            self.add_csv(path)

    def on_remove_clicked(self) -> None:
        ids = [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.names.selectedItems()]
        if ids:
            self.desk.apply(lambda s: s.roster.remove(ids))

    def on_desk_changed(self, change: Change) -> None:
        if change.touches & (Touches.ROSTER | Touches.IMPORTED | Touches.TEXT):
            self.refresh()

    def refresh(self) -> None:
        code = self.class_code.text().strip() or None
        roster = self.desk.store.roster.entries(code)
        self.names.clear()
        for entry in roster:
            label = f"{entry.name}  ({entry.class_code})" if entry.class_code else entry.name
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.names.addItem(item)
        self.missing.clear()
        lesson = self.desk.lesson
        if lesson is None:
            self.missing_title.setText("Not submitted yet (open a lesson)")
            return
        book, _grading = book_of(self.desk.store, lesson)
        missing = [s.name for s in book.listed if s.choice.status is Status.NOT_SUBMITTED]
        self.missing_title.setText(f"Not submitted yet for “{lesson.title}”: {len(missing)}")
        self.missing.addItems(missing)
