"""The printable class report, laid out as HTML and printed to PDF with QPdfWriter (QtGui).

What a teacher reads first comes first: the summary and the student table (every roster
student, with status and points, from the gradebook), then per-label averages, the most
missed key spans (not found apart from wrong label), the label confusions with their
students, and last the article as a heatmap. The heatmap reads on a black-and-white
printer: five shades whose grey levels step evenly from dark (nobody found it) to white
(everybody did), and after every shaded passage the number of students who found it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QObject, QSizeF, QThread, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from medialit.core.classroom import (
    HeatRun,
    confusion_pairs,
    heatmap,
    label_averages,
    most_missed,
    summary,
)
from medialit.core.errors import MedialitError
from medialit.core.outfile import write_output
from medialit.core.teacher.grades import ClassBook
from medialit.core.wording import minute, plural
from medialit.gui.teacher.class_table import STATUS_TEXT, ratio

MOST_MISSED_ROWS = 12
# Red to green with grey levels (luma) 0.48, 0.64, 0.79, 0.88, 0.99: one step apart each,
# so the bands stay apart when printed in grey; text stays readable on the darkest.
HEAT_SHADES = ("#d65454", "#e98c66", "#f2c870", "#d8f0b0", "#fbfffa")
_TABLE = "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"


def heat_band(count: int, total: int) -> int:
    """0 (nobody) .. 4 (everybody): the shade a passage gets."""
    if not total or not count:
        return 0
    if count >= total:
        return 4
    return 1 + min(2, (3 * count) // total)


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of key text shaded once, with the fewest and most students who found a
    character of it, and its shade (`heat_band`)."""

    start: int
    end: int
    low: int
    high: int
    band: int


def heat_passages(runs: Sequence[HeatRun], total: int, text: str = "") -> list[Passage]:
    """Touching runs of one shade merged, and, given `text`, runs that would cut a word in
    two merged with their neighbour (the longer one's shade): per-character counts change
    inside words; a passage is marked once and read whole."""
    out: list[Passage] = []
    for run in runs:
        band = heat_band(run.count, total)
        if out and out[-1].end == run.start:
            last = out[-1]
            splits_word = 0 < run.start < len(text) and (
                text[run.start - 1].isalnum() and text[run.start].isalnum()
            )
            if last.band == band or splits_word:
                longer = last.band if last.end - last.start >= run.end - run.start else band
                out[-1] = Passage(
                    last.start,
                    run.end,
                    min(last.low, run.count),
                    max(last.high, run.count),
                    longer,
                )
                continue
        out.append(Passage(run.start, run.end, run.count, run.count, band))
    return out


def heat_html(text: str, runs: Sequence[HeatRun], total: int) -> str:
    """The article with each key passage shaded, its count beside it (`3/30`, or `3–5/30`
    where it varies inside the passage)."""
    out: list[str] = []
    pos = 0
    for p in heat_passages(runs, total, text):
        out.append(html.escape(text[pos : p.start]))
        count = f"{p.low}/{total}" if p.low == p.high else f"{p.low}–{p.high}/{total}"
        out.append(
            f'<span style="background-color:{HEAT_SHADES[p.band]}">'
            f"{html.escape(text[p.start : p.end])}</span><sup><b>{count}</b></sup>"
        )
        pos = p.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")


def heat_legend(total: int) -> str:
    swatches = " ".join(
        f"<span style='background-color:{shade}'>&nbsp;{words}&nbsp;</span>"
        for shade, words in zip(
            HEAT_SHADES, ("nobody", "a few", "about half", "most", "everybody"), strict=True
        )
    )
    return (
        f"<p>Key passages shaded by how many of the {plural(total, 'graded student')} labelled "
        f"them as the key does: {swatches}. The small number after each passage says how "
        "many (for example 3/30), so the page reads in black and white too.</p>"
    )


def report_html(book: ClassBook, *, key_updated_at: str = "") -> str:
    lesson = book.lesson
    e = html.escape
    students = book.book.students
    scored = [(s, row) for s in students if (row := book.row_of(s)) is not None]
    reports = [row.report for _s, row in scored]
    s = summary(reports)
    points = book.points
    counts: dict[str, int] = {}
    for st in students:
        counts[STATUS_TEXT[st.choice.status]] = counts.get(STATUS_TEXT[st.choice.status], 0) + 1
    meta = [e(part) for part in (lesson.source, lesson.date) if part]
    meta.append(f"lesson version {lesson.version}")
    if key_updated_at:
        meta.append(f"key last changed {e(minute(key_updated_at))} UTC")
    if book.grading.key_released_at:
        meta.append(f"key released {e(minute(book.grading.key_released_at))} UTC")
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 9pt'>",
        f"<h1>{e(lesson.title)}</h1>",
        "<p>" + " · ".join(meta) + "</p>",
        "<h2>Summary</h2>",
        f"<p><b>{plural(len(reports), 'student')}</b> graded"
        + (
            f"; mean score <b>{s.mean_score:.1f}</b>, median {s.median_score:.1f}"
            if s.mean_score is not None and s.median_score is not None
            else ""
        )
        + f"; points out of {points.out_of:g}."
        + (
            " Status: " + ", ".join(f"{n} {what}" for what, n in counts.items()) + "."
            if counts
            else ""
        )
        + "</p>",
        "<h2>Students</h2>",
        _TABLE,
        "<tr><th>Student</th><th>Class</th><th>Status</th><th>Score</th><th>Points</th>"
        "<th>P</th><th>R</th><th>F1</th><th>Correct</th><th>Missed</th></tr>",
    ]
    for st in students:
        row = book.row_of(st)
        name = st.name + (" (not on roster)" if st.entry is None and book.book.has_roster else "")
        cells = [e(name), e(st.class_code), e(STATUS_TEXT[st.choice.status])]
        if row is None:
            zero = "0" if points.zero_for_missing else ""
            cells += [zero, zero, "", "", "", "", ""]
        else:
            r = row.report
            cells += [
                f"{r.score:.1f}",
                f"{points.of(r.score):.{points.decimals}f}",
                ratio(r.precision),
                ratio(r.recall),
                ratio(r.f1),
                str(r.correct),
                str(r.missed),
            ]
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append("</table><h2>Per label (class averages)</h2>" + _TABLE)
    parts.append("<tr><th>Label</th><th>Precision</th><th>Recall</th><th>F1</th></tr>")
    for avg in label_averages(reports):
        parts.append(
            f"<tr><td>{avg.label.info.title}</td><td>{ratio(avg.precision)}</td>"
            f"<td>{ratio(avg.recall)}</td><td>{ratio(avg.f1)}</td></tr>"
        )
    parts.append("</table><h2>Most missed key spans</h2>" + _TABLE)
    parts.append(
        "<tr><th>Key span</th><th>Label</th><th>Not found</th><th>Wrong label</th>"
        "<th>Partial</th></tr>"
    )
    for m in most_missed(reports)[:MOST_MISSED_ROWS]:
        parts.append(
            f"<tr><td>{e(' '.join(m.key.quote.split()))}</td><td>{m.key.label.value}</td>"
            f"<td>{m.missed} of {s.students}</td><td>{m.wrong_label}</td><td>{m.partial}</td></tr>"
        )
    parts.append("</table><h2>Label confusions</h2><ul>")
    pairs = confusion_pairs(reports, [st.name for st, _row in scored])
    parts += [f"<li>{e(str(p))}: {e(', '.join(p.names))}</li>" for p in pairs] or ["<li>None.</li>"]
    parts.append("</ul><h2>The article</h2>")
    parts.append(heat_legend(len(reports)))
    runs = heatmap(lesson.key or (), reports)
    parts.append(f"<p>{heat_html(lesson.article.text, runs, len(reports))}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def pdf_bytes(document_html: str, *, title: str = "medialit class report") -> bytes:
    """The HTML printed to an A4 PDF (QPdfWriter is in QtGui, so PySide6-Essentials has it).

    Everything here is made and used in the calling thread (QTextDocument, QPdfWriter and
    QBuffer are reentrant), so `PdfJob` can run it off the GUI thread."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("medialit")
    writer.setResolution(96)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = QTextDocument()
    doc.setHtml(document_html)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # finishes the PDF
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def write_pdf(
    path: str | Path, document_html: str, *, title: str = "medialit class report"
) -> Path:
    """The PDF made in memory, then written by the one output rule (`outfile.write_output`):
    atomically over a file, into a FIFO or device directly, a folder refused."""
    write_output(path, pdf_bytes(document_html, title=title))
    return Path(path)


class PdfJob(QObject):
    """The PDF laid out and printed on a worker thread (printing a class report takes longer
    than the window may stall), then written from the GUI thread: `finished(Path)` or
    `failed(exception)`."""

    finished = Signal(object)
    failed = Signal(object)
    _made = Signal(object)  # bytes, or the exception; queued to this object's (GUI) thread

    def __init__(self, path: str | Path, document_html: str, *, title: str) -> None:
        super().__init__()
        self.path, self.html, self.title = Path(path), document_html, title
        self._made.connect(self.on_made)
        self.worker = _PdfThread(self)

    def start(self) -> None:
        self.worker.start()

    def work(self) -> None:
        """On the worker thread (a QThread, so Qt's timers inside have an event dispatcher)."""
        try:
            result: object = pdf_bytes(self.html, title=self.title)
        except Exception as exc:  # shown by the GUI thread, never lost in the worker
            result = exc
        self._made.emit(result)

    def on_made(self, result: object) -> None:
        if isinstance(result, Exception):
            self.worker.wait()
            self.failed.emit(result)
            return
        assert isinstance(result, bytes)
        try:
            write_output(self.path, result)
        except (OSError, MedialitError) as exc:
            self.failed.emit(exc)
            return
        self.worker.wait()
        self.finished.emit(self.path)


class _PdfThread(QThread):
    def __init__(self, job: PdfJob) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.work()
