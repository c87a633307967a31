"""Open the review window on the bundled lesson with every kind of outcome (for screenshots).

Not a benchmark and not shipped: run it from the repository root, e.g.

    PATH=/path/to/venv/bin:$PATH ../shared/tools/qt-shot.sh --size 1280x800 --wait 2 \\
        --out /tmp/review/review.png -- env PYTHONPATH=src python benchmarks/show_review.py

`--mode where` or `--mode score` shows the other feedback modes.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import FeedbackMode, Label, Lesson, Span

# (quote, label, which occurrence is meant by its first words) -> a student's span
WORK: tuple[tuple[str, Label], ...] = (
    ("Alec Baldwin Makes A Stunning Claim", Label.CLAIM),  # optional key span: bonus
    ("I have done thousands of interviews over the last 20 years", Label.CLAIM),  # correct
    ("journalist George Stephanopoulos said", Label.FACT),  # wrong label (sourcing)
    ("his recent sit-down", Label.FACT),  # partial: shorter
    ("This was the most intense I have ever experienced", Label.CLAIM),  # correct
    (
        "it appears that Baldwin has made some absolutely shocking claims while in "
        "conversation with the veteran reporter",
        Label.CLAIM,  # correct: the key also accepts claim
    ),
    ("On October 21, Baldwin was reportedly handed a gun on the set", Label.CLAIM),  # correct
    ("makes an emphatic claim", Label.FACT),  # not in the key: spurious
    ("Baldwin calls the shooting the worst thing that ever happened to him", Label.SPECULATION),
    ("seemingly modifies one of the central facts", Label.SPECULATION),  # partial
)


def student_work(lesson: Lesson) -> list[Span]:
    text = lesson.article.text
    spans = []
    for quote, label in WORK:
        start = text.index(quote)
        spans.append(Span.create(lesson.article, start, start + len(quote), label))
    return spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=[m.value for m in FeedbackMode], default="where+why")
    parser.add_argument("--row", type=int, default=2, help="the outcome to select first")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from medialit.gui.review import ReviewWindow  # after the QApplication exists

    lesson = load_lesson(default_lesson_path())
    window = ReviewWindow(
        lesson, student_work(lesson), mode=FeedbackMode(args.mode), student_name=""
    )
    window.show()
    window.select_row(args.row)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
