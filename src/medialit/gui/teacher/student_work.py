"""One student's work against the key: their spans on the article, and each outcome with the why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from medialit.core.classroom import StudentRow
from medialit.core.model import Lesson, Span, SpanId
from medialit.core.scoring import Outcome, OutcomeKind
from medialit.core.spanindex import SpanIndex
from medialit.gui.article_view import ArticleView

MARKS = {
    OutcomeKind.CORRECT: "✓ correct",
    OutcomeKind.PARTIAL: "◐ partly",
    OutcomeKind.WRONG_LABEL: "✗ wrong label",
    OutcomeKind.MISSED: "○ missed",
    OutcomeKind.SPURIOUS: "+ not in the key",
    OutcomeKind.BONUS: "★ bonus",
}


def one_line(text: str, width: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe(outcome: Outcome) -> str:
    parts = [MARKS[outcome.kind]]
    if outcome.key is not None:
        parts.append(f"key {outcome.key.label.value}: “{one_line(outcome.key.quote)}”")
    if outcome.student is not None and outcome.kind is not OutcomeKind.CORRECT:
        parts.append(f"student {outcome.student.label.value}: “{one_line(outcome.student.quote)}”")
    if outcome.coverage is not None and outcome.kind is OutcomeKind.PARTIAL:
        parts.append(f"{outcome.coverage:.0%} covered")
    return " — ".join(parts)


class StudentWorkDialog(QDialog):
    def __init__(self, lesson: Lesson, row: StudentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("student_work")
        self.setWindowTitle(f"{row.name} — {lesson.title}")
        self.resize(1100, 700)
        self.row = row
        report = row.report
        self.headline = QLabel(
            f"<b>{row.name}</b> ({row.class_code or 'no class'}), submitted "
            f"{row.submitted_at[:16].replace('T', ' ')} · score <b>{report.score:.1f}</b> · "
            f"P {report.precision:.2f} R {report.recall:.2f} F1 {report.f1:.2f} · "
            f"{report.correct} correct, {report.partial} partly, {report.wrong_label} wrong "
            f"label, {report.missed} missed, {report.spurious} not in the key",
            self,
        )
        self.headline.setWordWrap(True)
        self.view = ArticleView(lesson.article.text, self)
        self.view.setObjectName("student_work_view")
        spans = [
            Span(SpanId(f"s{i}"), s.start, s.end, s.label, s.quote, note=s.note)
            for i, s in enumerate(report.spans)
        ]
        self.view.lesson = lesson
        self.view.set_index(SpanIndex(spans))
        self.outcomes = QListWidget(self)
        self.outcomes.setObjectName("student_outcomes")
        self.outcomes.setWordWrap(True)
        self.outcomes.setSpacing(3)
        self.outcomes.setAlternatingRowColors(True)
        for outcome in report.outcomes:
            text = describe(outcome)
            if outcome.key is not None and outcome.key.key.explanation:
                text += f"\n    Why: {outcome.key.key.explanation}"
            item = QListWidgetItem(text)
            target = outcome.key or outcome.student
            if target is not None:
                item.setData(Qt.ItemDataRole.UserRole, (target.start, target.end))
            self.outcomes.addItem(item)
        self.outcomes.currentItemChanged.connect(self.on_outcomes_currentItemChanged)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.outcomes)
        splitter.setSizes([620, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(splitter, 1)

    def on_outcomes_currentItemChanged(
        self, item: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        where = item.data(Qt.ItemDataRole.UserRole) if item else None
        if where:
            self.view.select_cp(*where)
