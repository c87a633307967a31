"""A student's work on one lesson, without Qt: selections to spans, re-anchoring, the submission.

The GUI hands over code-point selections; every rule about what a selection
becomes (word snapping, trimming as in scoring.md), how saved work follows a
corrected article text, and what a submission contains lives here, so it is
tested without a window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from medialit.core.errors import MedialitError
from medialit.core.model import Article, Label, Lesson, Span
from medialit.core.records import SavedSpan, Student, now
from medialit.core.store import Store
from medialit.core.text import snap_to_words, trim

if TYPE_CHECKING:  # loaded when work is handed in, or needs re-anchoring: not at start-up
    from medialit.core.anchoring import Placement
    from medialit.core.submission import Submission


def selection_range(text: str, start: int, end: int, *, snap: bool) -> tuple[int, int] | None:
    """The span a selection becomes, or None when it is only spaces and punctuation.

    Trim first (so "Bald " still snaps to "Baldwin"), then grow a word cut in
    half to the whole word, then trim again (snapping may reach a closing quote).
    """
    s, e = trim(text, start, end)
    if s >= e:
        return None
    if snap:
        s, e = trim(text, *snap_to_words(text, s, e))
    return (s, e) if s < e else None


def fits(text: str, span: Span) -> bool:
    """The span's quote is the text at its offsets (not past the end).

    A lesson re-issued with a changed article keeps its id; work saved against
    the old text must never be drawn at the wrong place: it is re-anchored.
    """
    return 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.quote


def needs_anchoring(article: Article, saved: SavedSpan) -> bool:
    """An orphan, a span saved on another version of the text, or one whose quote is not there."""
    return (
        saved.orphaned
        or saved.article_sha256 != article.sha256
        or not fits(article.text, saved.span)
    )


@dataclass(frozen=True, slots=True)
class Reanchoring:
    """What re-anchoring a student's saved work onto the lesson's current text changes.

    `placed`: spans moved onto the current text (new offsets and context, same
    id, label, quote and note); `orphaned`: spans newly found to have no place,
    to be marked as orphans and kept exactly as they were; `orphans`: every
    orphan after the change, the earlier ones included. Empty when nothing
    changes, which is what a second run gives (idempotent).
    """

    placed: tuple[Placement, ...] = ()
    orphaned: tuple[Span, ...] = ()
    orphans: tuple[Span, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.placed and not self.orphaned


def plan_reanchoring(article: Article, saved: Iterable[SavedSpan]) -> Reanchoring:
    """Place each span that needs it (see `needs_anchoring`) with `anchoring.place`; pure.

    Exact offsets first, then the one occurrence of the quote, then the
    occurrence whose context agrees best (`anchoring`). Two spans with the same
    label may not land on the same place (the window never makes such twins):
    when the quote survives only once, the span whose context agrees best (an
    exact one before all, then the nearest to where it was) takes it and the
    other is an orphan, never a silent duplicate at a guessed place.
    """
    from medialit.core.anchoring import Anchor, context_agreement, place

    text = article.text
    taken: set[tuple[int, int, Label]] = set()
    candidates: list[SavedSpan] = []
    for item in saved:
        if needs_anchoring(article, item):
            candidates.append(item)
        else:
            taken.add((item.span.start, item.span.end, item.span.label))
    found: list[tuple[SavedSpan, Placement]] = []
    lost: list[SavedSpan] = []
    for item in candidates:
        placement = place(item.span, text)
        if placement is None:
            lost.append(item)
        else:
            found.append((item, placement))

    def strength(pair: tuple[SavedSpan, Placement]) -> tuple[int, int, int, str]:
        item, p = pair
        agree = context_agreement(item.span, text, p.span.start)
        return (p.how is not Anchor.EXACT, -agree, abs(p.span.start - item.span.start), p.span.id)

    placed: list[Placement] = []
    for item, placement in sorted(found, key=strength):
        where = (placement.span.start, placement.span.end, placement.span.label)
        if where in taken:
            lost.append(item)
        else:
            taken.add(where)
            placed.append(placement)
    order = {item.span.id: n for n, item in enumerate(candidates)}
    placed.sort(key=lambda p: order[p.span.id])
    lost.sort(key=lambda item: order[item.span.id])
    return Reanchoring(
        placed=tuple(placed),
        orphaned=tuple(item.span for item in lost if not item.orphaned),
        orphans=tuple(item.span for item in lost),
    )


def reanchor_work(
    store: Store, student_id: str, lesson: Lesson, *, saved: Iterable[SavedSpan] | None = None
) -> Reanchoring:
    """Re-anchor the student's saved work on `lesson` onto its current text, committed.

    One transaction (`store.work.apply_reanchoring`), and none when nothing changes.
    Afterwards `store.work.spans` holds only spans that fit the current text and
    `store.work.orphans` the rest; no span is ever deleted. `saved`: the work as
    just read, to spare a second read.
    """
    if saved is None:
        saved = store.work.saved_spans(student_id, lesson.id)
    plan = plan_reanchoring(lesson.article, saved)
    if not plan.empty:
        store.work.apply_reanchoring(
            student_id,
            lesson.id,
            lesson.article.sha256,
            placed=[p.span for p in plan.placed],
            orphaned=[s.id for s in plan.orphaned],
        )
    return plan


@dataclass(frozen=True, slots=True)
class Work:
    """A student's work on a lesson as opened: what is drawn, what is kept apart, and why."""

    placed: list[Span]
    orphans: list[SavedSpan]
    reanchoring: Reanchoring
    problem: MedialitError | None = None  # the re-anchoring could not be saved


def open_work(store: Store, student_id: str, lesson: Lesson) -> Work:
    """Re-anchor (committed) and load the work; a failed save moves nothing and says why.

    The usual case (nothing to re-anchor) is one read and no write. If the
    re-anchoring cannot be saved (disk full, busy), spans whose quote is
    still the text at their saved offsets are placed, the rest are orphans
    for now, and the next open tries again.
    """
    saved = store.work.saved_spans(student_id, lesson.id)
    reanchoring, problem = Reanchoring(), None
    try:
        reanchoring = reanchor_work(store, student_id, lesson, saved=saved)
    except MedialitError as exc:
        problem = exc
    if not reanchoring.empty:
        saved = store.work.saved_spans(student_id, lesson.id)  # as committed
    placed, orphans = placed_as_saved(saved, lesson.article.text)
    return Work(placed, orphans, reanchoring, problem)


def placed_as_saved(saved: Iterable[SavedSpan], text: str) -> tuple[list[Span], list[SavedSpan]]:
    """The spans whose quote is the text at their saved offsets, and the rest: what can be
    drawn without re-anchoring (never at a guessed place), and what cannot."""
    placed: list[Span] = []
    rest: list[SavedSpan] = []
    for item in saved:
        if not item.orphaned and fits(text, item.span):
            placed.append(item.span)
        else:
            rest.append(item)
    return placed, rest


def make_submission(
    lesson: Lesson,
    student: Student,
    spans: Iterable[Span],
    *,
    app_version: str,
    submitted_at: str | None = None,
) -> Submission:
    """Everything the teacher needs to score this work, and nothing about the key."""
    from medialit.core.submission import Submission

    return Submission(
        lesson_id=lesson.id,
        lesson_version=lesson.version,
        article_sha256=lesson.article.sha256,
        student_id=student.id,
        student_name=student.name,
        class_code=student.class_code,
        submitted_at=submitted_at or now(),
        spans=tuple(spans),
        app_version=app_version,
        lesson_title=lesson.title,
    )
