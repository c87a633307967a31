"""Not a benchmark: the teacher window's gradebook on a demo class, for screenshots.

A roster of two classes; most students handed in on time, some after the due date, one
after the key was released (relabelled with the key in hand), one with a far-future date
(held back), one never; a submitter not on the roster whose name is close to one on it.

    QT_QPA_PLATFORM=xcb python benchmarks/show_gradebook.py [--select NAME] [--pdf OUT.pdf]

With --pdf the class report is written there and the program exits.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication

from classroom_data import bundled_lesson, make_submissions
from medialit.core.store import Store
from medialit.core.submission import write_submission
from medialit.core.teacher.authoring import import_lesson_file, load_authored
from medialit.core.teacher.collection import import_submission_files
from medialit.core.teacher_records import LessonGrading, RosterLine


def demo(folder: Path) -> Store:
    store = Store.open(folder / "demo.db")
    lesson, _ = import_lesson_file(store, dataclasses.replace(bundled_lesson(), kind="lesson"))
    subs = make_submissions(lesson, 22)
    roster = [RosterLine("8A" if i % 2 else "8B", s.student_name) for i, s in enumerate(subs)]
    roster.append(RosterLine("8A", "Zoë Absent"))
    roster.append(RosterLine("8B", "Daniel Okafor", "daniel@school.example", "1001"))
    store.roster.add(roster)
    on_time = []
    for i, sub in enumerate(subs):
        when = f"2026-11-30T09:{i:02d}:00+00:00" if i < 16 else f"2026-11-30T11:{i:02d}:00+00:00"
        on_time.append(dataclasses.replace(sub, class_code=roster[i].class_code, submitted_at=when))
    held = dataclasses.replace(on_time[20], submitted_at="9999-12-31T23:59:59+00:00")
    stranger = dataclasses.replace(
        on_time[21], student_id="dan-laptop", student_name="Dan Okafor", class_code="8B"
    )
    first = [s for i, s in enumerate(on_time) if i not in (3, 20, 21)] + [held, stranger]
    (folder / "in").mkdir()
    paths = [write_submission(folder / "in", s) for s in first]
    lesson = load_authored(store, lesson.id)
    import_submission_files(store, paths, [lesson])
    store.grading.save(
        LessonGrading(lesson.id, 20.0, 0, False, "2026-11-30T10:00:00+00:00", "", ())
    )
    store.grading.release_key(lesson.id)
    # After the review pack went out: a student hands in for the first time, another again.
    late = [on_time[3], dataclasses.replace(on_time[5], submitted_at="2026-11-30T09:30:00+00:00")]
    (folder / "after").mkdir()
    import_submission_files(store, [write_submission(folder / "after", s) for s in late], [lesson])
    return store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="", help="select this student's row")
    parser.add_argument("--pdf", type=Path, help="write the class report here and exit")
    parser.add_argument("--scroll", action="store_true", help="scroll the table to the right")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    from medialit.gui.teacher.window import TeacherWindow

    with tempfile.TemporaryDirectory(prefix="medialit-show-") as temp:
        store = demo(Path(temp))
        window = TeacherWindow(store)
        window.resize(1366, 768)
        window.tabs.setCurrentWidget(window.class_tab)
        window.show()
        view = window.class_tab
        view.refresh()
        if args.pdf:
            window.exports.report_pdf(args.pdf)
            return 0
        for r in range(view.proxy.rowCount()):
            if args.select and view.row_at(r).name == args.select:
                view.table.selectRow(r)
        if args.scroll:
            bar = view.table.horizontalScrollBar()
            bar.setValue(bar.maximum())
        return app.exec()


if __name__ == "__main__":
    sys.exit(main())
