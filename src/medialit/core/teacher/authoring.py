"""Authoring lessons: a new lesson, its details, a new text version (the key moved by its
quotes), adopting a lesson file, and deleting a lesson with what goes with it.

Pure functions over model objects, plus a few that take a `Store` and make one
write each."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.core.errors import MedialitError
from medialit.core.importing import read_article_file, text_from_string
from medialit.core.lesson import lesson_from_dict, lesson_to_dict
from medialit.core.model import (
    DEFAULT_DEFINITIONS,
    LABELS,
    Article,
    FeedbackMode,
    KeySpan,
    LabelDefinition,
    Lesson,
    new_id,
)
from medialit.core.records import Change
from medialit.core.store import Store
from medialit.core.submission import clean_name
from medialit.core.text import canonicalize
from medialit.core.wording import plural


def new_lesson(
    text: str,
    *,
    title: str,
    source: str = "",
    date: str = "",
    feedback: FeedbackMode = FeedbackMode.NONE,
) -> Lesson:
    """A fresh lesson (version 1, empty key) on canonicalised text, with the default label
    definitions written into it, so they travel in its files as they are."""
    canonical = canonicalize(text)
    if not canonical.strip():
        raise MedialitError("the article text is empty")
    title = clean_name(title, max_len=500)
    if not title:
        raise MedialitError("the lesson needs a title")
    return Lesson(
        id=new_id(),
        version=1,
        title=title,
        article=Article.from_canonical(canonical),
        source=source.strip(),
        date=date.strip(),
        feedback=feedback,
        definitions=DEFAULT_DEFINITIONS,
        key=(),
    )


def lesson_from_text(
    raw: str,
    *,
    kind: str = "txt",
    title: str = "",
    source: str = "",
    date: str = "",
    feedback: FeedbackMode = FeedbackMode.WHERE_WHY,
) -> Lesson:
    """A new lesson from text in hand, read once as `kind` (the New-lesson dialog's OK).

    The title defaults to the one the text suggests (its first line or heading); the date
    to today."""
    imported = text_from_string(raw, kind=kind)
    return new_lesson(
        imported.text,
        title=title.strip() or imported.title,
        source=source,
        date=date.strip() or dt.date.today().isoformat(),
        feedback=feedback,
    )


def lesson_from_article_file(
    path: str | Path,
    *,
    title: str = "",
    source: str = "",
    date: str = "",
    feedback: FeedbackMode = FeedbackMode.WHERE_WHY,
) -> Lesson:
    """A new lesson from an article file, as the New-lesson dialog makes it: the file read by
    its kind (`read_article_file`), its text then taken as plain text, the title the file's
    own unless given, the source the file's name unless given. `medialit lesson new` uses it."""
    imported = read_article_file(path)
    return lesson_from_text(
        imported.text,
        kind="txt",
        title=title.strip() or imported.title,
        source=source.strip() or Path(path).name,
        date=date,
        feedback=feedback,
    )


def authored_body(lesson: Lesson) -> dict[str, Any]:
    """What the `lessons` row keeps: the lesson file without the key (key spans have a table)."""
    return lesson_to_dict(dataclasses.replace(lesson, kind="lesson"), include_key=False)


def save_lesson_to_store(store: Store, lesson: Lesson, *, key_changed: bool = True) -> Change:
    return store.lessons.save_authored(
        lesson, authored_body(lesson), lesson.key or (), key_changed=key_changed
    )


def load_authored(store: Store, lesson_id: str) -> Lesson:
    """An authored lesson with its current key, from the store."""
    body = store.lessons.body(lesson_id)
    lesson = lesson_from_dict(body, origin=f"lesson {lesson_id}")
    return dataclasses.replace(lesson, key=tuple(store.keys.spans(lesson_id)), kind="lesson")


@dataclass(frozen=True, slots=True)
class LessonFootprint:
    """What deleting an authored lesson takes with it, for the confirmation."""

    title: str
    key_spans: int
    versions: int
    """Text versions kept for late submissions (1 for a lesson never revised)."""
    submissions: int
    """Imported submission files: every student's current one and the older ones."""
    students: int

    def describe(self) -> str:
        """The lesson and what is kept with it: “Rain”, its key (12 spans) and its 2 text versions."""
        parts = [f"“{self.title}”", f"its key ({plural(self.key_spans, 'span')})"]
        if self.versions > 1:
            parts.append(f"its {self.versions} text versions")
        return ", ".join(parts[:-1]) + " and " + parts[-1]

    def submissions_text(self) -> str:
        """How many submissions go with it, in a sentence (said even when none)."""
        if not self.submissions:
            return "No submissions were imported for it, so none are removed."
        older = self.submissions - self.students  # each student has one current submission
        ones = "one" if older == 1 else "ones"
        history = f" (their current ones and {older} older {ones})" if older else ""
        return (
            f"{plural(self.submissions, 'submission')} from "
            f"{plural(self.students, 'student')}{history} will be removed with it."
        )

    def deleted_text(self) -> str:
        """Once done: Deleted “Rain”, its key (12 spans), with 31 submissions."""
        return f"Deleted {self.describe()}, with {plural(self.submissions, 'submission')}."


def lesson_footprint(store: Store, lesson_id: str) -> LessonFootprint:
    """Raises NotFoundError when `lesson_id` is not an authored lesson."""
    row = store.lessons.row(lesson_id)
    subs = store.submissions.imported(lesson_id, current_only=False)
    return LessonFootprint(
        title=row.title,
        key_spans=len(store.keys.spans(lesson_id)),
        versions=len(store.lessons.version_bodies(lesson_id)),
        submissions=len(subs),
        students=len({s.student_id for s in subs}),
    )


def delete_lesson(store: Store, lesson_id: str) -> Change:
    """Delete an authored lesson with its key, text versions and imported submissions.

    A database file is backed up first (`Store.backup`), so the deletion can be
    undone with File > Restore from backup…; if the backup fails, nothing is
    deleted. The students' own work and submissions on this computer are kept.
    """
    store.lessons.row(lesson_id)  # NotFoundError before anything happens
    if store.path is not None:
        store.backup()
    return store.lessons.delete_authored(lesson_id)


def update_details(
    store: Store,
    lesson: Lesson,
    *,
    title: str | None = None,
    source: str | None = None,
    date: str | None = None,
    feedback: FeedbackMode | None = None,
    definitions: Sequence[LabelDefinition] | None = None,
) -> tuple[Lesson, Change]:
    """Title, source, date, feedback mode or label definitions changed: one write, no new
    text version, the key untouched."""
    changed = dataclasses.replace(
        lesson,
        title=clean_name(title, max_len=500) if title is not None else lesson.title,
        source=source if source is not None else lesson.source,
        date=date if date is not None else lesson.date,
        feedback=feedback if feedback is not None else lesson.feedback,
        definitions=(
            checked_definitions(definitions) if definitions is not None else lesson.definitions
        ),
    )
    if not changed.title:
        raise MedialitError("the lesson needs a title")
    return changed, store.lessons.set_authored_body(
        lesson.id, authored_body(changed), changed.title
    )


MAX_DEFINITION = 2_000  # as the lesson format reads `labels[].definition`


def checked_definitions(definitions: Sequence[LabelDefinition]) -> tuple[LabelDefinition, ...]:
    """The definitions as a lesson keeps them: one per label in the labels' order, each on
    one line of plain words; an empty or over-long one is refused naming its label."""
    by_label = {d.label: " ".join(d.definition.split()) for d in definitions}
    out = []
    for label in LABELS:
        text = by_label.get(label)
        if text is None:
            continue
        if not text:
            raise MedialitError(f"the definition of {label.info.title} is empty")
        if len(text) > MAX_DEFINITION:
            raise MedialitError(
                f"the definition of {label.info.title} is longer than {MAX_DEFINITION} characters"
            )
        out.append(LabelDefinition(label, text))
    return tuple(out)


def import_lesson_file(store: Store, lesson: Lesson) -> tuple[Lesson, Change]:
    """Adopt a lesson file (with its key) as an authored lesson."""
    adopted = dataclasses.replace(lesson, kind="lesson", key=lesson.key or ())
    return adopted, save_lesson_to_store(store, adopted)


@dataclass(frozen=True, slots=True)
class Revision:
    lesson: Lesson
    kept: tuple[KeySpan, ...]
    dropped: tuple[KeySpan, ...]


def revise_text(lesson: Lesson, raw_text: str) -> Revision:
    """A new version on edited text; remembers the old SHA-256; moves key spans by their quote.

    A key span moves to the occurrence of its quote nearest its old place; a key
    span whose quote is gone is dropped and reported.
    """
    text = canonicalize(raw_text)
    if not text.strip():
        raise MedialitError("the article text is empty")
    article = Article.from_canonical(text)
    if article.sha256 == lesson.article.sha256:
        return Revision(lesson, lesson.key or (), ())
    kept: list[KeySpan] = []
    dropped: list[KeySpan] = []
    for k in lesson.key or ():
        where = _nearest(text, k.quote, k.start)
        if where is None:
            dropped.append(k)
        else:
            kept.append(dataclasses.replace(k, start=where, end=where + len(k.quote)))
    previous = tuple(dict.fromkeys((*lesson.previous_sha256, lesson.article.sha256)))
    revised = dataclasses.replace(
        lesson,
        version=lesson.version + 1,
        article=article,
        previous_sha256=tuple(h for h in previous if h != article.sha256),
        key=tuple(kept),
    )
    return Revision(revised, tuple(kept), tuple(dropped))


def _nearest(text: str, quote: str, near: int) -> int | None:
    best: int | None = None
    i = text.find(quote)
    while i != -1:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(quote, i + 1)
    return best
