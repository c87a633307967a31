"""The lesson file format (JSON, versioned) and its validating loader.

Format `medialit-lesson`, version 1::

    {
      "format": "medialit-lesson", "format_version": 1,
      "kind": "lesson" | "student-pack" | "review-pack",
      "id": "<uuid4 hex>", "version": 1,
      "title": "...", "source": "...", "date": "YYYY-MM-DD",
      "level": 1,                                       # optional: 1 easy, 2 medium, 3 hard
      "article": {"text": "<canonical text>"}          # or
      "article": {"file": "seeds/000_....txt"},         # a file beside the lesson / bundled seeds
      "sha256": "<sha256 of canonical text>",
      "previous_sha256": ["<sha256 of earlier versions>", ...],
      "labels": [{"name": "claim", "definition": "..."}, ...],   # optional overrides
      "feedback": "none" | "score" | "where" | "where+why",
      "key": [{"id": "...", "start": 0, "end": 12, "label": "claim", "quote": "...",
               "also_accept": ["speculation"], "optional": false, "explanation": "..."}]
    }

Offsets are code points into the canonical text, half-open. A student pack has
no "key" member at all (and no explanation anywhere in its bytes).

`level` (optional) says how hard the lesson is: a whole number from 1 (easy) to 3
(hard); anything else is refused, naming the file and the field. The lesson picker
lists the bundled lessons by level (a lesson without one after them, then by file
name); a first start still opens the seed article's lesson, `DEFAULT_LESSON`.
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path
from typing import Any

from medialit.core import paths
from medialit.core.errors import FileFormatError, InvalidSpanError
from medialit.core.jsonfile import (
    MAX_FILE_BYTES,
    Fields,
    decode_bytes,
    dump_json,
    read_bytes_capped,
    read_json_file,
)
from medialit.core.model import (
    Article,
    FeedbackMode,
    KeySpan,
    Label,
    LabelDefinition,
    Lesson,
    new_id,
    parse_label,
)
from medialit.core.text import canonicalize

FORMAT = "medialit-lesson"
FORMAT_VERSION = 1
KINDS = ("lesson", "student-pack", "review-pack")
MAX_KEY_SPANS = 5_000
MAX_VERSION = 1_000_000  # a new version per text correction: far more than a lesson gets
LEVELS = range(1, 4)  # 1 easy, 2 medium, 3 hard
DEFAULT_LESSON = "000_baldwin_rust.json"  # the seed article's lesson: what a first start opens
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}")


def load_lesson(path: str | Path) -> Lesson:
    """Read and validate a lesson file; every problem names the file and the field."""
    path = Path(path)
    data = read_json_file(path)
    return lesson_from_dict(data, origin=str(path), base_dir=path.parent)


def lesson_from_dict(data: dict[str, Any], *, origin: str, base_dir: Path | None = None) -> Lesson:
    f = Fields(data, origin)
    f.check_format(FORMAT, FORMAT_VERSION)
    kind = f.text("kind", default="lesson")
    if kind not in KINDS:
        raise f.fail("kind", f"is {kind!r}, expected one of {', '.join(KINDS)}")
    article = _read_article(f, base_dir)
    declared = f.text("sha256", default="")
    if declared and declared != article.sha256:
        raise f.fail("sha256", "does not match the article text (the text was changed or damaged)")
    lesson_version = f.integer("version", default=1, low=1, high=MAX_VERSION)
    feedback_raw = f.text("feedback", default="none")
    try:
        feedback = FeedbackMode(feedback_raw)
    except ValueError:
        modes = ", ".join(m.value for m in FeedbackMode)
        raise f.fail("feedback", f"is {feedback_raw!r}, expected one of {modes}") from None
    key: tuple[KeySpan, ...] | None = None
    if "key" in data and data["key"] is not None:
        if kind == "student-pack":
            raise f.fail("key", "a student pack must not contain a key")
        key = tuple(_read_key(f, article))
    lesson_id = f.text("id", required=True, max_len=64)
    if not lesson_id.strip():
        raise f.fail("id", "is empty")
    if not ID_PATTERN.fullmatch(lesson_id):
        raise f.fail("id", "must be 1-64 letters, digits, '-' or '_'")
    return Lesson(
        id=lesson_id,
        version=lesson_version,
        title=f.text("title", required=True, max_len=500),
        source=f.text("source", max_len=2_000),
        date=f.text("date", max_len=40),
        article=article,
        previous_sha256=tuple(_read_hashes(f)),
        definitions=tuple(_read_definitions(f)),
        feedback=feedback,
        key=key,
        kind=kind,
        level=_read_level(f),
        origin=origin,
    )


def _read_level(f: Fields) -> int | None:
    if f.data.get("level") is None:
        return None
    raw = f.data["level"]
    if type(raw) is int and raw not in LEVELS:
        raise f.fail("level", f"is {raw}, expected 1 (easy), 2 (medium) or 3 (hard)")
    return f.integer("level", low=min(LEVELS), high=max(LEVELS))


def _read_article(f: Fields, base_dir: Path | None) -> Article:
    art = f.object("article", required=True)
    if "text" in art.data:
        raw = art.text("text", required=True)
    elif "file" in art.data:
        name = art.text("file", required=True, max_len=500)
        raw = _read_article_file(art, name, base_dir)
    else:
        raise f.fail("article", "needs either 'text' or 'file'")
    if not raw.strip():
        raise art.fail("text", "the article is empty")
    return Article.from_canonical(canonicalize(raw))


def _read_article_file(art: Fields, name: str, base_dir: Path | None) -> str:
    """The text of `article.file`: a regular file inside the lesson's folder, its parent's
    `seeds/` or the bundled seeds folder, after following symlinks (a link in the lesson's
    folder must not lead to /etc/passwd)."""
    rel = Path(name)
    if rel.is_absolute() or ".." in rel.parts:
        raise art.fail("file", "must be a relative path inside the lesson's folder")
    candidates = [base_dir / rel] if base_dir else []
    candidates += [paths.seeds_dir() / rel.name]
    if base_dir:
        candidates.append(base_dir.parent / rel)
    roots = _article_roots(base_dir)
    for candidate in candidates:
        if not os.path.lexists(candidate):
            continue
        real = candidate.resolve()
        if not any(real.is_relative_to(root) for root in roots):
            raise art.fail(
                "file",
                f"{name!r} leads outside the lesson's folder and the seeds folders; "
                "copy the article beside the lesson instead",
            )
        try:
            data = read_bytes_capped(real, str(candidate))
            return decode_bytes(data, str(candidate), max_bytes=MAX_FILE_BYTES)
        except FileFormatError as exc:
            raise art.fail("file", f"{candidate}: {exc.reason}") from None
    raise art.fail("file", f"article file {name!r} not found")


def _article_roots(base_dir: Path | None) -> list[Path]:
    """The folders an article file may be in, as real paths."""
    roots = [paths.seeds_dir()]
    if base_dir is not None:
        roots += [base_dir, base_dir.parent / "seeds"]
    return [root.resolve() for root in roots]


def _read_hashes(f: Fields) -> list[str]:
    out = []
    for i, value in enumerate(f.array("previous_sha256")):
        if not isinstance(value, str) or not SHA256_PATTERN.fullmatch(value):
            raise f.fail(
                f"previous_sha256[{i}]", "must be a 64-character lowercase SHA-256 hex string"
            )
        out.append(value)
    return out


def _read_definitions(f: Fields) -> list[LabelDefinition]:
    out = []
    for i in range(len(f.array("labels", max_items=16))):
        item = f.item("labels", i)
        label = _label(item, "name")
        out.append(LabelDefinition(label, item.text("definition", max_len=2_000)))
    return out


def _label(item: Fields, name: str) -> Label:
    try:
        return parse_label(item.data.get(name))
    except InvalidSpanError as exc:
        raise item.fail(name, str(exc)) from None


def _read_key(f: Fields, article: Article) -> list[KeySpan]:
    spans: list[KeySpan] = []
    for i in range(len(f.array("key", max_items=MAX_KEY_SPANS))):
        item = f.item("key", i)
        n = len(article.text)
        start = item.integer("start", required=True, low=0, high=max(0, n - 1))
        end = item.integer("end", required=True, low=1, high=n)
        if end <= start:
            raise item.fail("end", f"[{start}, {end}) is not a span (need start < end)")
        label = _label(item, "label")
        quote = item.text("quote", required=True)
        if article.text[start:end] != quote:
            raise item.fail("quote", f"{quote[:40]!r} does not match the text at [{start}, {end})")
        also = []
        for j, value in enumerate(item.array("also_accept", max_items=4)):
            try:
                also.append(parse_label(value))
            except InvalidSpanError as exc:
                raise item.fail(f"also_accept[{j}]", str(exc)) from None
        spans.append(
            KeySpan(
                id=item.text("id", default="", max_len=64) or new_id(),
                start=start,
                end=end,
                label=label,
                quote=quote,
                also_accept=frozenset(also) - {label},
                optional=item.flag("optional"),
                explanation=item.text("explanation", max_len=5_000),
            )
        )
    _check_no_same_label_overlap(spans, f)
    return sorted(spans, key=lambda k: (k.start, k.end, k.label.value))


def _check_no_same_label_overlap(spans: list[KeySpan], f: Fields) -> None:
    clash = find_same_label_overlap(spans)
    if clash:
        a, b = clash
        raise f.fail(
            "key",
            f"two {a.label.value} key spans overlap: [{a.start}, {a.end}) {a.quote[:30]!r} "
            f"and [{b.start}, {b.end}) {b.quote[:30]!r}",
        )


def find_same_label_overlap(spans: list[KeySpan]) -> tuple[KeySpan, KeySpan] | None:
    """The first pair of key spans with the same label that overlap (scoring.md forbids it)."""
    by_label: dict[Label, list[KeySpan]] = {}
    for span in spans:
        by_label.setdefault(span.label, []).append(span)
    for group in by_label.values():
        group.sort(key=lambda k: (k.start, k.end))
        for a, b in itertools.pairwise(group):
            if b.start < a.end:
                return a, b
    return None


def lesson_to_dict(
    lesson: Lesson, *, kind: str | None = None, include_key: bool = True
) -> dict[str, Any]:
    """The file form of a lesson; a student pack never carries the key."""
    kind = kind or lesson.kind
    out: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "id": lesson.id,
        "version": lesson.version,
        "title": lesson.title,
        "source": lesson.source,
        "date": lesson.date,
        "article": {"text": lesson.article.text},
        "sha256": lesson.article.sha256,
        "previous_sha256": list(lesson.previous_sha256),
        "labels": [{"name": d.label.value, "definition": d.definition} for d in lesson.definitions],
        "feedback": lesson.feedback.value,
    }
    if lesson.level is not None:
        out["level"] = lesson.level
    if include_key and kind != "student-pack" and lesson.key is not None:
        out["key"] = [key_span_to_dict(k) for k in lesson.key]
    return out


def key_span_to_dict(k: KeySpan) -> dict[str, Any]:
    return {
        "id": k.id,
        "start": k.start,
        "end": k.end,
        "label": k.label.value,
        "quote": k.quote,
        "also_accept": sorted(label.value for label in k.also_accept),
        "optional": k.optional,
        "explanation": k.explanation,
    }


def save_lesson(path: str | Path, lesson: Lesson, *, kind: str | None = None) -> None:
    from medialit.core.outfile import write_output  # not loaded to read a lesson (start-up)

    write_output(path, dump_json(lesson_to_dict(lesson, kind=kind)))


def bundled_lessons() -> list[Path]:
    """The lesson files shipped with the app, sorted by name."""
    return sorted(paths.lessons_dir().glob("*.json"))


def default_lesson_path() -> Path:
    """The lesson a first start opens: the seed article's, whatever the levels say."""
    lessons = bundled_lessons()
    if not lessons:
        raise FileFormatError(str(paths.lessons_dir()), "no bundled lesson found")
    return next((p for p in lessons if p.name == DEFAULT_LESSON), lessons[0])
