"""Builders for `medialit score` inputs: lesson files with keys, submission files, JSONL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from medialit.core.jsonfile import dump_json
from medialit.core.lesson import save_lesson
from medialit.core.model import Article, KeySpan, Label, Lesson, Span, SpanId
from medialit.core.submission import Submission, submission_to_dict
from medialit.core.text import context
from tests.span_markup import key_of

KEY_MARKUP = (
    "[Baldwin said it was a one-in-a-trillion event|claim] [(via CBS News).|sourcing] "
    "[Investigators|sourcing] said [the gun held live rounds|fact]. "
    "[It may have been mislabelled|speculation+claim]. [Some blame the armourer|claim?]."
)
TEXT, KEY = key_of(KEY_MARKUP)
LESSON_ID = "c" * 32


def make_lesson(
    text: str = TEXT,
    key: Sequence[KeySpan] | None = KEY,
    *,
    previous_sha256: tuple[str, ...] = (),
    title: str = "Rust shooting",
) -> Lesson:
    return Lesson(
        id=LESSON_ID,
        version=1,
        title=title,
        article=Article.from_canonical(text),
        previous_sha256=previous_sha256,
        key=tuple(key) if key is not None else None,
    )


def write_lesson(path: Path, lesson: Lesson | None = None) -> Path:
    save_lesson(path, lesson or make_lesson())
    return path


def spans_for(text: str, quotes: Sequence[tuple[str, Label]]) -> tuple[Span, ...]:
    """Spans on the first occurrence of each quote, with context, ids q0, q1, ..."""
    spans = []
    for n, (quote, label) in enumerate(quotes):
        start = text.index(quote)
        end = start + len(quote)
        prefix, suffix = context(text, start, end)
        spans.append(Span(SpanId(f"q{n}"), start, end, label, quote, prefix, suffix))
    return tuple(spans)


def make_submission(
    student_id: str,
    spans: Sequence[Span],
    *,
    text: str = TEXT,
    name: str = "",
    class_code: str = "7b",
    submitted_at: str = "2026-01-05T10:00:00+00:00",
    lesson_id: str = LESSON_ID,
    sha256: str | None = None,
) -> Submission:
    return Submission(
        lesson_id=lesson_id,
        lesson_version=1,
        article_sha256=sha256 or Article.from_canonical(text).sha256,
        student_id=student_id,
        student_name=name or f"Student {student_id}",
        class_code=class_code,
        submitted_at=submitted_at,
        spans=tuple(spans),
    )


def write_submission(path: Path, sub: Submission) -> Path:
    path.write_bytes(dump_json(submission_to_dict(sub)))
    return path


def jsonl_line(
    student: str, spans: Sequence[tuple[int, int, str]], text: str = TEXT, **kw: str
) -> str:
    return json.dumps({"student": student, "text": text, "label": [list(s) for s in spans], **kw})


def write_jsonl(path: Path, lines: Sequence[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- a generated class: many students, every outcome, hostile cells --------------------------

CLASS_MARKUP = (
    "[Baldwin said it was a one-in-a-trillion event|claim] [(via CBS News).|sourcing] "
    "[Investigators|sourcing] said [the gun held live rounds|fact]. "
    "[It may have been mislabelled|speculation+claim]. [Some blame the armourer|claim?]. "
    "[=1+1 is what the armourer wrote|fact], [according to the café's owner|sourcing] 🎬. "
    "[Prices could rise by 5%|speculation] while [@critics|sourcing] say "
    "[the set was unsafe|claim]. [-3 °C|fact] was the low that night; "
    "[«a tragedy»|claim?], said [the sheriff|sourcing+fact]."
)
CLASS_TEXT, CLASS_KEY = key_of(CLASS_MARKUP)
CLASS_NAMES = (
    "Ann Lee",
    '=HYPERLINK("http://x","y")',
    "Zoë Ångström",
    "O'Neil, Pat",
    "+1 Kai",
    "Mo; Nia",
    "@Sam",
    "ＡＢ Chloé",
    "-Dev",
    'Gia "G" Rossi',
)
CLASS_NOTES = ("", "said who?", "=1+1", '"quoted", he said', "line one\nline two", "@SUM(1)", ";-)")


def write_class(folder: Path, students: int = 30) -> tuple[Path, list[Path]]:
    """A lesson on CLASS_TEXT and its class: half submission files (spans with notes), half
    one JSONL; every student's spans made from the key by a fixed arithmetic sequence (exact,
    moved boundaries, other labels, missed, strays), so the files are the same on every run
    and every Python."""
    lesson = write_lesson(folder / "lesson.json", make_lesson(CLASS_TEXT, CLASS_KEY))
    subs = folder / "handed-in"
    subs.mkdir()
    n, labels = len(CLASS_TEXT), list(Label)
    ends = sorted((k.start, k.end) for k in CLASS_KEY)
    gaps = [(a[1], b[0]) for a, b in pairwise(ends) if b[0] - a[1] > 4]
    seed = 20260105

    def roll(bound: int) -> int:
        nonlocal seed
        seed = (seed * 1103515245 + 12345) % 2**31
        return (seed >> 8) % bound

    lines = []
    for i in range(students):
        spans = []
        for k in CLASS_KEY:
            s, e, label, how = k.start, k.end, k.label, roll(10)
            if how == 0:
                continue  # missed
            if how in (1, 2, 3):
                s = min(max(0, s + roll(13) - 6), e - 1)
                e = max(min(n, e + roll(13) - 6), s + 1)
            elif how == 4:
                label = labels[roll(len(labels))]
            spans.append((s, e, label))
        for _ in range(roll(4)):  # strays: in the text between key spans, or anywhere
            s, e = gaps[roll(len(gaps))] if roll(3) else (roll(n - 12), n)
            s += roll(3)
            spans.append((s, min(e, s + 1 + roll(12)), labels[roll(len(labels))]))
        name = CLASS_NAMES[i % len(CLASS_NAMES)]
        if i % 2:
            triples = [(s, e, label.value) for s, e, label in spans]
            lines.append(jsonl_line(f"{name} {i}", triples, CLASS_TEXT, class_code=f"7{i % 3}"))
            continue
        student_spans = [
            Span(
                SpanId(f"g{i}x{j}"),
                s,
                e,
                label,
                CLASS_TEXT[s:e],
                *context(CLASS_TEXT, s, e),
                note=CLASS_NOTES[roll(len(CLASS_NOTES))],
            )
            for j, (s, e, label) in enumerate(spans)
        ]
        sub = make_submission(
            f"-s{i:03d}" if i % 4 == 0 else f"s{i:03d}",
            student_spans,
            text=CLASS_TEXT,
            name=name,
            class_code="+7b" if i % 6 == 0 else "7b",
            submitted_at=f"2026-01-05T10:{i % 60:02d}:00+00:00",
        )
        write_submission(subs / f"s{i:03d}.json", sub)
    return lesson, [subs, write_jsonl(folder / "more.jsonl", lines)]


GOLDEN = Path(__file__).resolve().parent / "data" / "golden"


def class_outputs(folder: Path) -> dict[str, bytes]:
    """What `medialit score` writes for `write_class(folder)`: file name -> bytes.

    results and details as files for each delimiter, results on standard output, and --json;
    the names are those of the files in GOLDEN (tests/data/make_golden_scores.py).
    """
    from click.testing import CliRunner

    from medialit.cli import cli

    lesson, inputs = write_class(folder)

    def score(*args: str | Path) -> bytes:
        argv = ["score", str(lesson), *map(str, inputs), *map(str, args)]
        result = CliRunner().invoke(cli, argv, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return result.stdout_bytes

    outputs = {}
    for name, delimiter in (("comma", ","), ("semicolon", ";")):
        results, details = folder / f"results-{name}.csv", folder / f"details-{name}.csv"
        assert score("-o", results, "--details", details, "--delimiter", delimiter) == b""
        outputs[results.name], outputs[details.name] = results.read_bytes(), details.read_bytes()
        outputs[f"stdout-{name}.csv"] = score("--delimiter", delimiter)
    outputs["results.json"] = score("--json")
    return outputs
