"""What the teacher writes out: packs and interop (Lesson menu), CSV and PDF (Results menu).

Each export asks where to save (unless a path is given, as tests and drops do),
writes through core (`core.teacher.packs`, `core.interop`, `core.export`, the PDF
report) and says where it went. The class's figures are `classroom.score_class`'s
from the current key, the same numbers as the Class results tab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu

from medialit.core import export
from medialit.core.classroom import ClassResults, score_class
from medialit.core.interop import doccano_jsonl_bytes, web_annotations_bytes
from medialit.core.model import FeedbackMode
from medialit.core.outfile import write_output
from medialit.core.prefs import Prefs
from medialit.core.teacher.collection import current_submissions
from medialit.core.teacher.grades import book_of
from medialit.core.teacher.packs import pack_filename, write_review_pack, write_student_pack
from medialit.gui.teacher.host import TeacherHost
from medialit.gui.teacher.report import report_html, write_pdf


class Exports:
    def __init__(self, host: TeacherHost) -> None:
        self.host = host
        self.desk = host.desk

    def _save_path(self, title: str, name: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.host.window(), title, name, pattern)
        return path

    # -- packs and interop -----------------------------------------------------------------

    def student_pack(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        target = path or self._save_path(
            "Export student pack", pack_filename(lesson, "student-pack"), "Lesson (*.json)"
        )
        if not target:
            return None
        written = self.host.run(lambda: write_student_pack(lesson, target))
        if written:
            self.host.show_message(f"Student pack saved (no key inside): {written}")
        return written

    def review_pack(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        target = path or self._save_path(
            "Export review pack (releases the key)",
            pack_filename(lesson, "review-pack"),
            "Lesson (*.json)",
        )
        if not target:
            return None
        written = self.host.run(lambda: write_review_pack(lesson, target))
        if written and lesson.feedback is FeedbackMode.NONE:
            self.host.show_message(
                f"Review pack saved: {written}. Its feedback mode is “none”, so students see "
                "no review; change it in Lesson details and export again."
            )
        elif written:
            self.host.show_message(f"Review pack saved, with the key: {written}")
        return written

    def web_annotations(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        name = pack_filename(lesson, "annotations").replace(".json", ".jsonld")
        target = path or self._save_path("Export Web Annotations", name, "JSON-LD (*.jsonld)")
        if not target:
            return None
        subs = current_submissions(self.desk.store, lesson.id)
        self.host.run(lambda: write_output(target, web_annotations_bytes(lesson, subs)))
        return Path(target)

    def doccano(self, path: str | Path | None = None) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        name = pack_filename(lesson, "doccano").replace(".json", ".jsonl")
        target = path or self._save_path("Export doccano JSONL", name, "JSONL (*.jsonl)")
        if not target:
            return None
        subs = current_submissions(self.desk.store, lesson.id)
        self.host.run(lambda: write_output(target, doccano_jsonl_bytes(lesson, subs)))
        return Path(target)

    # -- results ---------------------------------------------------------------------------

    def delimiter_menu(self, menu: QMenu) -> dict[str, QAction]:
        """Results ▸ CSV separator: "," or ";" with decimal commas (remembered), as `medialit
        score --delimiter` writes; for spreadsheets whose locale uses a decimal comma."""
        window = self.host.window()
        actions: dict[str, QAction] = {}
        sub = menu.addMenu("CSV &separator")
        group = QActionGroup(window)
        current = Prefs(self.desk.store).csv_delimiter()
        for delimiter, text, name in (
            (",", "&Comma (1.5)", "csv_comma"),
            (";", "S&emicolon, decimal comma (1,5)", "csv_semicolon"),
        ):
            action = QAction(text, window, checkable=True)
            action.setObjectName(name)
            action.setChecked(delimiter == current)
            action.triggered.connect(lambda _=False, d=delimiter: self.set_csv_delimiter(d))
            group.addAction(action)
            sub.addAction(action)
            actions[name] = action
        return actions

    def set_csv_delimiter(self, delimiter: str) -> None:
        self.host.run(lambda: self.desk.apply(lambda s: Prefs(s).set_csv_delimiter(delimiter)))

    @property
    def csv_delimiter(self) -> str:
        return Prefs(self.desk.store).csv_delimiter()

    def class_results(self) -> ClassResults | None:
        """The class scored against the current key (the same numbers as the Class tab)."""
        lesson = self.desk.lesson
        if lesson is None:
            return None
        subs = current_submissions(self.desk.store, lesson.id)
        return self.host.run(lambda: score_class(lesson, subs))

    def _export(
        self,
        path: str | Path | None,
        title: str,
        suffix: str,
        write: Callable[[str | Path], object],
    ) -> Path | None:
        lesson = self.desk.lesson
        if lesson is None:
            return None
        name = pack_filename(lesson, suffix.split(".")[0]).replace(
            ".json", "." + suffix.split(".")[1]
        )
        target = path or self._save_path(title, name, f"*.{suffix.split('.')[1]}")
        if not target:
            return None

        def written() -> bool:
            write(target)
            return True

        if not self.host.run(written):
            return None
        self.host.show_message(f"Saved {target}")
        return Path(target)

    def results_csv(self, path: str | Path | None = None) -> Path | None:
        results = self.class_results()
        if results is None:
            return None
        return self._export(
            path,
            "Export results.csv",
            "results.csv",
            lambda p: export.write_results(p, results.results, delimiter=self.csv_delimiter),
        )

    def details_csv(self, path: str | Path | None = None) -> Path | None:
        results = self.class_results()
        if results is None:
            return None
        return self._export(
            path,
            "Export details.csv",
            "details.csv",
            lambda p: export.write_details(p, results.results, delimiter=self.csv_delimiter),
        )

    def report_pdf(self, path: str | Path | None = None) -> Path | None:
        results = self.class_results()
        lesson = self.desk.lesson
        if results is None or lesson is None:
            return None
        book, _grading = book_of(self.desk.store, lesson)
        missing = [st.name for st in book.students if st.choice.graded is None]
        stamp = self.desk.store.lessons.row(lesson.id).key_updated_at
        document = report_html(results, key_updated_at=stamp, not_submitted=missing)

        def write(target: str | Path) -> None:
            write_pdf(target, document, title=lesson.title)

        return self._export(path, "Export class report", "report.pdf", write)
