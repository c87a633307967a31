"""The printable class report: summary, per-label averages, most missed, confusions, the students'
scores and the heatmap, laid out as HTML and printed to PDF with QPdfWriter (QtGui)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from medialit.core.classroom import (
    ClassResults,
    HeatRun,
    confusion_pairs,
    heatmap,
    label_averages,
    most_missed,
    summary,
)
from medialit.core.outfile import write_output
from medialit.gui.teacher.class_table import ratio
from medialit.gui.teacher.heatmap import heat_colour

MOST_MISSED_ROWS = 12


def heat_html(text: str, runs: Sequence[HeatRun], total: int) -> str:
    out: list[str] = []
    pos = 0
    for run in runs:
        out.append(html.escape(text[pos : run.start]))
        colour = heat_colour(run.count, total).name()
        out.append(
            f'<span style="background-color:{colour}">{html.escape(text[run.start : run.end])}'
            "</span>"
        )
        pos = run.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")


def report_html(
    results: ClassResults, *, key_updated_at: str = "", not_submitted: Sequence[str] = ()
) -> str:
    lesson = results.lesson
    reports = [row.report for row in results.rows]
    s = summary(reports)
    e = html.escape
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 9pt'>",
        f"<h1>{e(lesson.title)}</h1>",
        "<p>"
        + " · ".join(e(part) for part in (lesson.source, lesson.date) if part)
        + f" · lesson version {lesson.version}"
        + (
            f" · key last changed {e(key_updated_at[:16].replace('T', ' '))} UTC"
            if key_updated_at
            else ""
        )
        + "</p>",
        "<h2>Summary</h2>",
        f"<p><b>{s.students}</b> students scored"
        + (
            f"; mean score <b>{s.mean_score:.1f}</b>, median {s.median_score:.1f}"
            if s.mean_score is not None and s.median_score is not None
            else ""
        )
        + (
            f"; mean F1 {s.mean_f1:.2f}, strict F1 {s.mean_strict_f1:.2f}"
            if s.mean_f1 is not None and s.mean_strict_f1 is not None
            else ""
        )
        + ".</p>",
    ]
    if not_submitted:
        parts.append(f"<p>Not submitted yet: {e(', '.join(not_submitted))}.</p>")
    parts.append(
        "<h2>Per label (class averages)</h2><table border='1' cellspacing='0' cellpadding='3'>"
    )
    parts.append("<tr><th>Label</th><th>Precision</th><th>Recall</th><th>F1</th></tr>")
    for avg in label_averages(reports):
        parts.append(
            f"<tr><td>{avg.label.info.title}</td><td>{ratio(avg.precision)}</td>"
            f"<td>{ratio(avg.recall)}</td><td>{ratio(avg.f1)}</td></tr>"
        )
    parts.append(
        "</table><h2>Most missed key spans</h2><table border='1' cellspacing='0' cellpadding='3'>"
    )
    parts.append("<tr><th>Key span</th><th>Label</th><th>Not found</th><th>Partial</th></tr>")
    for m in most_missed(reports)[:MOST_MISSED_ROWS]:
        parts.append(
            f"<tr><td>{e(' '.join(m.key.quote.split()))}</td><td>{m.key.label.value}</td>"
            f"<td>{m.not_found} of {s.students}</td><td>{m.partial}</td></tr>"
        )
    parts.append("</table><h2>Label confusions</h2><ul>")
    parts += [f"<li>{e(str(p))}</li>" for p in confusion_pairs(reports)] or ["<li>None.</li>"]
    parts.append(
        "</ul><h2>Heatmap</h2><p>Key text shaded by how many students labelled it as the key does (red: nobody, green: everybody).</p>"
    )
    runs = heatmap(lesson.key or (), reports)
    parts.append(f"<p>{heat_html(lesson.article.text, runs, s.students)}</p>")
    parts.append("<h2>Students</h2><table border='1' cellspacing='0' cellpadding='3'>")
    parts.append(
        "<tr><th>Student</th><th>Class</th><th>Score</th><th>P</th><th>R</th><th>F1</th><th>Correct</th><th>Missed</th></tr>"
    )
    for row in sorted(results.rows, key=lambda r: r.name.casefold()):
        r = row.report
        parts.append(
            f"<tr><td>{e(row.name)}</td><td>{e(row.class_code)}</td><td>{r.score:.1f}</td>"
            f"<td>{ratio(r.precision)}</td><td>{ratio(r.recall)}</td><td>{ratio(r.f1)}</td>"
            f"<td>{r.correct}</td><td>{r.missed}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "".join(parts)


def write_pdf(
    path: str | Path, document_html: str, *, title: str = "medialit class report"
) -> Path:
    """Print the HTML to an A4 PDF (QPdfWriter is in QtGui, so PySide6-Essentials has it).

    The PDF is made in memory, then written by the one output rule (`outfile.write_output`):
    atomically over a file, into a FIFO or device directly, a folder refused."""
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
    write_output(path, data)
    return Path(path)
