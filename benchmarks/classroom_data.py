"""Synthetic but plausible class work for the teacher benchmark and screenshots.

Each student finds most key spans, sometimes with the wrong label or shifted
boundaries, misses some, and adds a few spans of their own. Deterministic (seeded).
"""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

# Run from a checkout without installing: the package is in src/.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import LABELS, Lesson, Span, trimmed_range
from medialit.core.store import Store
from medialit.core.submission import Submission, write_submission
from medialit.core.teacher.authoring import import_lesson_file, load_authored
from medialit.core.teacher.collection import import_submission_files
from medialit.core.teacher.passphrase import set_passphrase
from medialit.core.teacher_records import RosterLine

FIRST = "Ann Ben Chloé Dev Emma Finn Gia Hugo Ines Jay Kai Lena Mo Nia Omar Pia Quinn Rosa Sam Tia"
LAST = "Lee Marsh Okafor Nguyen Schmidt Rossi Kowalski Haddad Silva Berg Tanaka Dubois O'Neil"


def names(n: int) -> list[str]:
    firsts, lasts = FIRST.split(), LAST.split()
    return [f"{firsts[i % len(firsts)]} {lasts[(i * 7) % len(lasts)]}" for i in range(n)]


def bundled_lesson() -> Lesson:
    return load_lesson(default_lesson_path())


def student_spans(lesson: Lesson, rng: random.Random, skill: float) -> tuple[Span, ...]:
    text = lesson.article.text
    spans: list[Span] = []
    for k in lesson.key or ():
        roll = rng.random()
        if roll > skill + 0.15:
            continue  # missed
        label = k.label
        if roll > skill:
            label = rng.choice([lab for lab in LABELS if lab is not k.label])
        start, end = k.start, k.end
        if rng.random() < 0.35:  # sloppy boundaries
            start = max(0, start + rng.randint(-6, 8))
            end = min(len(text), max(start + 3, end + rng.randint(-10, 6)))
        trimmed = trimmed_range(lesson.article, start, end)
        if trimmed:
            spans.append(Span.create(lesson.article, *trimmed, label))
    for _ in range(rng.randint(0, 3)):  # their own ideas
        start = rng.randrange(0, len(text) - 40)
        trimmed = trimmed_range(lesson.article, start, start + rng.randint(10, 40))
        if trimmed:
            spans.append(Span.create(lesson.article, *trimmed, rng.choice(LABELS)))
    return tuple(spans)


def make_submissions(lesson: Lesson, n: int, *, seed: int = 7) -> list[Submission]:
    rng = random.Random(seed)
    out = []
    for i, name in enumerate(names(n)):
        out.append(
            Submission(
                lesson_id=lesson.id,
                lesson_version=lesson.version,
                article_sha256=lesson.article.sha256,
                student_id=f"student{i:04d}",
                student_name=name if i < 20 else f"{name} {i}",
                class_code="8B" if i % 2 else "8A",
                submitted_at=f"2026-11-30T09:{i % 60:02d}:00+00:00",
                spans=student_spans(lesson, rng, skill=rng.uniform(0.35, 0.9)),
                app_version="0.1.0",
                lesson_title=lesson.title,
            )
        )
    return out


def write_submissions(folder: Path, subs: list[Submission]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_submission(folder, sub) for sub in subs]


def demo_store(db: Path, folder: Path, *, students: int = 30) -> tuple[Store, Lesson]:
    """A teacher database with the bundled lesson authored, a roster and the class's files."""
    store = Store.open(db)
    lesson = bundled_lesson()
    if not store.lessons.is_authored(lesson.id):
        lesson, _ = import_lesson_file(store, dataclasses.replace(lesson, kind="lesson"))
        set_passphrase(store, "demo-passphrase")
        roster = [
            RosterLine(s.class_code, s.student_name) for s in make_submissions(lesson, students)
        ]
        roster += [RosterLine("8A", "Zoë Absent"), RosterLine("8B", "Yusuf Late")]
        store.roster.add(roster)
    paths = write_submissions(folder, make_submissions(lesson, students))
    import_submission_files(store, paths, [load_authored(store, lesson.id)])
    return store, lesson
