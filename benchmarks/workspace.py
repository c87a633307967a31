"""Student workspace on a big article: open and show, apply one label, memory.

A 200,000-character article (the seed repeated) with 5,000 saved spans, some
overlapping. Prints:
- open and show: a plain QTextEdit setPlainText of the same text, shown and
  painted (the baseline, same run); the article view alone with the 5,000
  spans; and the whole student window (database read, lesson file, docks,
  span list). Goal: view <= 2x the baseline, and the window < 1 s.
  For comparison, the same spans as 5,000 QTextEdit ExtraSelections (the
  foundation's approach): opening, and redrawing after one edit (there is no
  way to change one selection, so all 5,000 are set again).
- apply one label, including the committed write (WAL, synchronous=FULL),
  the span list row and the repaint: median and p95. Goal: median < 16 ms.
- peak memory (max RSS) of the process.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/workspace.py  (from the repository root)
"""

from __future__ import annotations

import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget  # noqa: E402

from medialit.core.lesson import save_lesson  # noqa: E402
from medialit.core.model import LABELS, Article, Lesson, Span  # noqa: E402
from medialit.core.records import Student  # noqa: E402
from medialit.core.spanindex import SpanIndex  # noqa: E402
from medialit.core.store import Store  # noqa: E402
from medialit.core.text import canonicalize  # noqa: E402
from medialit.gui import span_edits  # noqa: E402
from medialit.gui.app import build_window  # noqa: E402
from medialit.gui.article_view import ArticleView  # noqa: E402

SEED = ROOT / "seeds" / "000_5580f1b383fac14f.txt"
CHARS = 200_000
SPANS = 5_000
RUNS = 5
LABEL_EDITS = 300
SIZE = (1200, 780)


def big_text() -> str:
    seed = canonicalize(SEED.read_text("utf-8"))
    text = seed
    while len(text) < CHARS:
        text += "\n\n" + seed
    return text[:CHARS].rstrip()


def word_spans(text: str, n: int, rng: random.Random) -> list[tuple[int, int]]:
    """n ranges of 1-12 words, evenly spread, so about one in three overlaps a neighbour."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\w[\w'’-]*", text)]
    out = []
    for i in range(n):
        first = i * (len(words) - 13) // n
        last = first + rng.randint(0, 11)
        out.append((words[first][0], words[last][1]))
    return out


def rss_mb() -> float:
    """Resident memory now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dispose(app: QApplication, widget: QWidget) -> None:
    """Close and really delete (processEvents alone never runs deferred deletes)."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def shown_and_painted(app: QApplication, widget: QTextEdit) -> None:
    widget.resize(*SIZE)
    widget.show()
    app.processEvents()
    widget.viewport().repaint()


def time_plain(app: QApplication, text: str) -> float:
    start = time.perf_counter()
    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.setPlainText(text)
    shown_and_painted(app, edit)
    elapsed = time.perf_counter() - start
    dispose(app, edit)
    return elapsed


def time_view(app: QApplication, text: str, spans: list[Span]) -> float:
    start = time.perf_counter()
    view = ArticleView(text)
    view.set_index(SpanIndex(spans))
    shown_and_painted(app, view)
    elapsed = time.perf_counter() - start
    dispose(app, view)
    return elapsed


def extra_selections(edit: QTextEdit, spans: list[Span]) -> list[QTextEdit.ExtraSelection]:
    out = []
    for span in spans:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(edit.document())
        cursor.setPosition(span.start)  # the seed is all BMP: code points = UTF-16 here
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(span.label.info.colour))
        sel.format = fmt
        out.append(sel)
    return out


def time_extra_selections(app: QApplication, text: str, spans: list[Span]) -> tuple[float, float]:
    """The road not taken: (open and show, redo all selections after one edit)."""
    start = time.perf_counter()
    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.setPlainText(text)
    edit.setExtraSelections(extra_selections(edit, spans))
    shown_and_painted(app, edit)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    edit.setExtraSelections(extra_selections(edit, spans))  # no incremental API
    edit.viewport().repaint()
    update = time.perf_counter() - start
    dispose(app, edit)
    return opened, update


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    rng = random.Random(20261129)
    text = big_text()
    article = Article.from_canonical(text)
    lesson = Lesson(id="b" * 32, version=1, title="Benchmark", article=article)
    student = Student("c" * 32, "Bench")
    ranges = word_spans(text, SPANS, rng)
    spans = [Span.create(article, s, e, rng.choice(LABELS)) for s, e in ranges]

    with tempfile.TemporaryDirectory() as tmp:
        lesson_path = Path(tmp) / "bench_lesson.json"
        save_lesson(lesson_path, lesson)
        db = Path(tmp) / "bench.db"
        store = Store.open(db)
        store.students.save(student)
        with store.write():  # one transaction for the set-up, not 5,000
            for span in spans:
                store.work.add_span(student.id, lesson.id, article.sha256, span)
        store.close()

        rss_before = rss_mb()
        time_plain(app, text)  # warm fonts and caches for both
        time_view(app, text, spans)
        plain, view, window_open, extra_open, extra_update = [], [], [], [], []
        for _ in range(RUNS):
            plain.append(time_plain(app, text))
            view.append(time_view(app, text, spans))
            opened, update = time_extra_selections(app, text, spans)
            extra_open.append(opened)
            extra_update.append(update)
            start = time.perf_counter()
            store = Store.open(db)
            window, _ = build_window(store, lesson_path, student=student)
            window.resize(*SIZE)
            window.show()
            app.processEvents()
            window.view.viewport().repaint()
            window_open.append(time.perf_counter() - start)
            if len(window_open) < RUNS:
                dispose(app, window)
                store.close()
        rss_open = rss_mb()

        # apply one label: fresh words far from each other, so no duplicates
        assert len(window.session.index) == SPANS
        taken = set(ranges)
        words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
        picks = rng.sample([w for w in words if w not in taken], LABEL_EDITS)
        apply_only, apply_paint = [], []
        for n, (s, e) in enumerate(picks):
            window.view.select_cp(s, e)
            app.processEvents()
            start = time.perf_counter()
            span_edits.label_selection(window, LABELS[n % 4])
            mid = time.perf_counter()
            window.view.viewport().repaint()
            window.span_list.table.viewport().repaint()
            end = time.perf_counter()
            apply_only.append(mid - start)
            apply_paint.append(end - start)
        assert len(window.session.index) == SPANS + LABEL_EDITS
        window.close()
        store.close()

    p, v, w = statistics.median(plain), statistics.median(view), statistics.median(window_open)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_end = rss_mb()
    print(f"platform {os.environ['QT_QPA_PLATFORM']}, {len(text):,} characters, {SPANS:,} spans")
    print(f"open and show (median of {RUNS}):")
    print(f"  plain QTextEdit.setPlainText  {ms(p)}")
    print(f"  ArticleView + 5,000 spans     {ms(v)}   ratio {v / p:.2f}x (goal <= 2x)")
    print(f"  whole student window          {ms(w)}   ratio {w / p:.2f}x (goal < 1 s)")
    print(
        f"  (ExtraSelections instead: open {ms(statistics.median(extra_open))}, "
        f"redraw after one edit {ms(statistics.median(extra_update))})"
    )
    print(f"apply one label ({LABEL_EDITS} labels, committed):")
    print(
        f"  label + commit + list row     median {ms(statistics.median(apply_only))}"
        f"   p95 {ms(statistics.quantiles(apply_only, n=20)[18])}"
    )
    print(
        f"  ... + repaint article, list   median {ms(statistics.median(apply_paint))}"
        f"   p95 {ms(statistics.quantiles(apply_paint, n=20)[18])}   (goal median < 16 ms)"
    )
    print(
        f"memory: {rss_before:.0f} MB with Qt loaded and the spans built, "
        f"{rss_open:.0f} MB with the window open, {rss_end:.0f} MB after the labels; "
        f"peak (max RSS) {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
