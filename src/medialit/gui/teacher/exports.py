"""What the teacher writes out: packs and interop (Lesson menu), CSV, LMS files and PDF
(Results menu).

Each export asks where to save (unless a path is given, as tests and drops do),
writes through core (`core.teacher.packs`, `core.interop`, `core.export`,
`gradebook.lms`, the PDF report) and says where it went. The class's rows, statuses,
points and figures are the gradebook's (`teacher.grades.class_book`): the same as the
Class results tab. Exporting the review pack releases the key: the window warns first,
and the moment is recorded (`store.grading.release_key`), so submissions imported
after it are marked "after key release".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from medialit.core import export, paths
from medialit.core.gradebook.lms import lms_rows, lms_table
from medialit.core.interop import doccano_jsonl_bytes, web_annotations_bytes
from medialit.core.model import FeedbackMode, Lesson
from medialit.core.outfile import write_output
from medialit.core.prefs import Prefs
from medialit.core.submission import Submission
from medialit.core.teacher.grades import ClassBook, class_book, graded_work
from medialit.core.teacher.packs import pack_filename, write_review_pack, write_student_pack
from medialit.core.wording import minute
from medialit.gui.errors import show_error
from medialit.gui.screen_fit import fit_dialog
from medialit.gui.teacher.host import TeacherHost
from medialit.gui.teacher.report import PdfJob, report_html, write_pdf


class Exports:
    def __init__(self, host: TeacherHost) -> None:
        self.host = host
        self.desk = host.desk
        self.pdf_jobs: list[PdfJob] = []  # reports being printed on a worker thread

    def _save_path(self, title: str, name: str, pattern: str) -> str:
        proposed = str(paths.dialog_folder() / name)  # a bare name: the start folder
        path, _ = QFileDialog.getSaveFileName(self.host.window(), title, proposed, pattern)
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

    def review_pack_asked(self) -> QMessageBox | None:
        """Lesson ▸ Export review pack: a warning that it releases the key, then where."""
        lesson = self.desk.lesson
        if lesson is None:
            return None
        released = self.desk.store.grading.of(lesson.id).key_released_at
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Release the key?",
            "The review pack holds the answer key. Once students have it they can relabel "
            "and hand in again: every submission imported after now is marked “after key "
            "release” and is not graded unless you pick it.",
            QMessageBox.StandardButton.Cancel,
            self.host.window(),
        )
        box.setObjectName("release_key_box")
        if released:
            box.setInformativeText(f"The key was first released {minute(released)} UTC.")
        export_button = box.addButton("Export review pack…", QMessageBox.ButtonRole.AcceptRole)
        export_button.setObjectName("release_key_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        fit_dialog(box)

        def on_box_finished() -> None:
            if box.clickedButton() is export_button:
                self.review_pack()

        box.finished.connect(on_box_finished)
        box.open()
        return box

    def review_pack(self, path: str | Path | None = None) -> Path | None:
        """Write the review pack and record that the key is released (the first time)."""
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
        if written:
            self.host.run(lambda: self.desk.apply(lambda s: s.grading.release_key(lesson.id)))
        if written and lesson.feedback is FeedbackMode.NONE:
            self.host.show_message(
                f"Review pack saved: {written}. Its feedback mode is “none”, so students see "
                "no review; change it in Lesson details and export again."
            )
        elif written:
            self.host.show_message(f"Review pack saved, with the key: {written}")
        return written

    def web_annotations(self, path: str | Path | None = None) -> Path | None:
        return self._interop(
            path,
            ("Export Web Annotations", "annotations", "JSON-LD", ".jsonld"),
            web_annotations_bytes,
        )

    def doccano(self, path: str | Path | None = None) -> Path | None:
        return self._interop(
            path, ("Export doccano JSONL", "doccano", "JSONL", ".jsonl"), doccano_jsonl_bytes
        )

    def _interop(
        self,
        path: str | Path | None,
        names: tuple[str, str, str, str],
        to_bytes: Callable[[Lesson, list[Submission]], bytes],
    ) -> Path | None:
        """The key and the graded submissions in another tool's format: `names` is the
        dialog's title, the file name's word, the format's name and its suffix."""
        lesson = self.desk.lesson
        if lesson is None:
            return None
        title, word, kind, suffix = names
        name = pack_filename(lesson, word).replace(".json", suffix)
        target = path or self._save_path(title, name, f"{kind} (*{suffix})")
        if not target:
            return None
        subs = self.graded_submissions()
        self.host.run(lambda: write_output(target, to_bytes(lesson, subs)))
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

    def class_book(self) -> ClassBook | None:
        """The gradebook from the current key (the same rows and numbers as the Class tab)."""
        lesson = self.desk.lesson
        if lesson is None:
            return None
        return self.host.run(lambda: class_book(self.desk.store, lesson))

    def graded_submissions(self) -> list[Submission]:
        """What is graded, one per student (interop exports carry the graded work)."""
        book = self.class_book()
        if book is None:
            return []
        return graded_work(self.desk.store, book.book)

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
        book = self.class_book()
        if book is None:
            return None
        rows, points, lesson = book.grade_rows(), book.points, book.lesson.title
        delimiter = self.csv_delimiter
        return self._export(
            path,
            "Export results.csv",
            "results.csv",
            lambda p: export.write_results(
                p, rows, delimiter=delimiter, points=points, lesson=lesson
            ),
        )

    def details_csv(self, path: str | Path | None = None) -> Path | None:
        book = self.class_book()
        if book is None:
            return None
        rows, delimiter = book.grade_rows(), self.csv_delimiter
        return self._export(
            path,
            "Export details.csv",
            "details.csv",
            lambda p: export.write_details(p, rows, delimiter=delimiter),
        )

    def lms_csv(self, kind: str, path: str | Path | None = None) -> Path | None:
        """A Canvas or Moodle grade-import file, or a plain name, email, points one."""
        book = self.class_book()
        if book is None:
            return None
        points = book.points
        rows = book.grade_rows()
        values = [
            points.of(r.result.report.score)
            if r.result is not None
            else (0.0 if points.zero_for_missing else None)
            for r in rows
        ]
        table = list(
            lms_table(
                kind,
                lms_rows(book.book.students, values),
                title=book.lesson.title,
                points=points,
                delimiter=self.csv_delimiter,
            )
        )
        delimiter = self.csv_delimiter
        return self._export(
            path,
            f"Export grades for {kind.capitalize()}",
            f"{kind}.csv",
            lambda p: export.write_csv_file(p, table, delimiter=delimiter),
        )

    def report_pdf(
        self, path: str | Path | None = None, *, background: bool = False
    ) -> Path | None:
        """The class report as PDF. `background=True` (the menu) prints it on a worker thread
        and says when it is written; otherwise it is written before this returns."""
        book = self.class_book()
        if book is None:
            return None
        lesson = book.lesson
        stamp = self.desk.store.lessons.row(lesson.id).key_updated_at
        document = report_html(book, key_updated_at=stamp)
        if not background:

            def write(target: str | Path) -> None:
                write_pdf(target, document, title=lesson.title)

            return self._export(path, "Export class report", "report.pdf", write)
        name = pack_filename(lesson, "report").replace(".json", ".pdf")
        target = path or self._save_path("Export class report", name, "*.pdf")
        if not target:
            return None
        job = PdfJob(target, document, title=lesson.title)
        job.finished.connect(lambda written: self.host.show_message(f"Saved {written}"))
        job.failed.connect(lambda exc: show_error(self.host.window(), "Not saved", exc))
        self.pdf_jobs.append(job)
        job.finished.connect(lambda _: self.pdf_jobs.remove(job))
        job.failed.connect(lambda _: self.pdf_jobs.remove(job))
        self.host.show_message(f"Writing the class report to {target}…")
        job.start()
        return None
