"""Other tools' formats: W3C Web Annotation JSON-LD out, doccano JSONL out and in (as a key).

Offsets stay code points into the canonical text: the W3C TextPositionSelector
counts characters as code points, and doccano's backend (Python) does too.
Every annotation also carries a TextQuoteSelector (exact, prefix, suffix), so a
reader can re-anchor it if its copy of the text differs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from medialit.core.errors import FileFormatError, InvalidSpanError
from medialit.core.jsonfile import decode_bytes, dump_json, parse_json_text
from medialit.core.lesson import find_same_label_overlap
from medialit.core.model import Article, KeySpan, Label, Lesson, new_id, trimmed_range
from medialit.core.submission import Submission
from medialit.core.text import canonicalize, context

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MAX_JSONL_BYTES = 16 * 1024 * 1024


def _target(article: Article, start: int, end: int) -> dict[str, Any]:
    prefix, suffix = context(article.text, start, end)
    return {
        "source": f"urn:sha256:{article.sha256}",
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": article.text[start:end],
                "prefix": prefix,
                "suffix": suffix,
            },
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
    }


def _annotation(
    ann_id: str,
    article: Article,
    start: int,
    end: int,
    label: Label,
    *,
    creator: dict[str, Any],
    comment: str = "",
    extra_labels: Sequence[Label] = (),
    optional: bool = False,
) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "classifying", "value": label.value}
    ]
    body += [
        {"type": "TextualBody", "purpose": "tagging", "value": f"also-accept:{extra.value}"}
        for extra in sorted(extra_labels, key=lambda lab: lab.value)
    ]
    if optional:
        body.append({"type": "TextualBody", "purpose": "tagging", "value": "optional"})
    if comment:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": comment})
    return {
        "id": f"urn:uuid:{_uuid(ann_id)}",
        "type": "Annotation",
        "motivation": "classifying",
        "creator": creator,
        "body": body,
        "target": _target(article, start, end),
    }


def _uuid(hex_id: str) -> str:
    h = "".join(ch for ch in hex_id.lower() if ch in "0123456789abcdef")
    h = (h + "0" * 32)[:32]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def web_annotations(lesson: Lesson, submissions: Sequence[Submission] = ()) -> dict[str, Any]:
    """An AnnotationCollection: the key (creator: the teacher) and each student's spans."""
    items: list[dict[str, Any]] = []
    teacher = {"type": "Person", "name": "Teacher (answer key)"}
    for k in lesson.key or ():
        items.append(
            _annotation(
                k.id,
                lesson.article,
                k.start,
                k.end,
                k.label,
                creator=teacher,
                comment=k.explanation,
                extra_labels=sorted(k.also_accept, key=lambda lab: lab.value),
                optional=k.optional,
            )
        )
    for sub in submissions:
        if sub.article_sha256 != lesson.article.sha256:
            continue  # offsets are into another text version; the quote selector alone is unsafe
        creator = {"type": "Person", "id": f"urn:medialit:student:{sub.student_id}"}
        creator["name"] = sub.student_name
        for span in sub.spans:
            items.append(
                _annotation(
                    span.id,
                    lesson.article,
                    span.start,
                    span.end,
                    span.label,
                    creator=creator,
                    comment=span.note,
                )
            )
    return {
        "@context": W3C_CONTEXT,
        "id": f"urn:medialit:lesson:{lesson.id}:v{lesson.version}",
        "type": "AnnotationCollection",
        "label": lesson.title,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def web_annotations_bytes(lesson: Lesson, submissions: Sequence[Submission] = ()) -> bytes:
    return dump_json(web_annotations(lesson, submissions))


# -- doccano -------------------------------------------------------------------------------


def doccano_lines(lesson: Lesson, submissions: Sequence[Submission] = ()) -> list[dict[str, Any]]:
    """doccano sequence-labelling JSONL rows: the key first, then one row per student."""
    rows: list[dict[str, Any]] = [
        {
            "text": lesson.article.text,
            "label": [[k.start, k.end, k.label.value] for k in lesson.key or ()],
            "medialit": {"lesson_id": lesson.id, "role": "key", "sha256": lesson.article.sha256},
        }
    ]
    for sub in submissions:
        if sub.article_sha256 != lesson.article.sha256:
            continue
        rows.append(
            {
                "text": lesson.article.text,
                "label": [[s.start, s.end, s.label.value] for s in sub.spans],
                "medialit": {
                    "lesson_id": lesson.id,
                    "role": "submission",
                    "student_id": sub.student_id,
                    "student_name": sub.student_name,
                },
            }
        )
    return rows


def doccano_jsonl_bytes(lesson: Lesson, submissions: Sequence[Submission] = ()) -> bytes:
    lines = (json.dumps(row, ensure_ascii=False) for row in doccano_lines(lesson, submissions))
    return ("\n".join(lines) + "\n").encode("utf-8")


def read_doccano_key(
    path: str | Path, *, article: Article | None = None
) -> tuple[str, list[KeySpan]]:
    """Canonical text and key spans from a doccano JSONL file.

    With `article`, the row whose text is that article is used (else an error);
    without, the first row. Labels must be medialit's four (any case); spans
    are trimmed like key spans and must not overlap within one label.
    """
    origin = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FileFormatError(origin, f"cannot be read: {exc.strerror or exc}") from None
    text = decode_bytes(data, origin, max_bytes=MAX_JSONL_BYTES)
    rows = [
        (n, parse_json_text(line, f"{origin}: line {n}"))
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    if not rows:
        raise FileFormatError(origin, "has no rows")
    chosen = None
    for n, row in rows:
        raw = row.get("text")
        if not isinstance(raw, str):
            raise FileFormatError(origin, "has no text", field=f"line {n}")
        if article is None or canonicalize(raw) == article.text:
            chosen = (n, row, raw)
            break
    if chosen is None:
        raise FileFormatError(origin, "has no row with this lesson's article text")
    n, row, raw = chosen
    canonical = canonicalize(raw)
    target = Article.from_canonical(canonical)
    found = [
        _doccano_span(target, raw, item, f"line {n}: label[{i}]", origin)
        for i, item in enumerate(_doccano_items(row, origin, n))
    ]
    spans = [s for s in found if s is not None]
    clash = find_same_label_overlap(list(spans))
    if clash:
        a, b = clash
        raise FileFormatError(
            origin,
            f"two {a.label.value} spans overlap: {a.quote[:30]!r} and {b.quote[:30]!r}",
            field=f"line {n}",
        )
    return canonical, sorted(spans, key=lambda k: (k.start, k.end, k.label.value))


def _doccano_items(row: dict[str, Any], origin: str, n: int) -> list[tuple[Any, Any, Any]]:
    if "entities" in row:  # doccano's newer "relation" JSONL
        items = row["entities"]
        if not isinstance(items, list) or not all(isinstance(e, dict) for e in items):
            raise FileFormatError(origin, "entities must be a list of objects", field=f"line {n}")
        return [(e.get("start_offset"), e.get("end_offset"), e.get("label")) for e in items]
    items = row.get("label", row.get("labels", []))
    if not isinstance(items, list):
        raise FileFormatError(origin, "label must be a list", field=f"line {n}")
    out = []
    for item in items:
        if not isinstance(item, list) or len(item) != 3:
            raise FileFormatError(
                origin, "each label must be [start, end, label]", field=f"line {n}"
            )
        out.append((item[0], item[1], item[2]))
    return out


def _doccano_span(
    article: Article, raw: str, item: tuple[Any, Any, Any], where: str, origin: str
) -> KeySpan | None:
    start, end, name = item
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(raw):
        raise FileFormatError(origin, f"offsets {start!r}, {end!r} are not a span", field=where)
    if not isinstance(name, str) or name.strip().casefold() not in {lab.value for lab in Label}:
        raise FileFormatError(
            origin,
            f"label {name!r} is not claim, fact, speculation or sourcing",
            field=where,
        )
    if raw != article.text:  # canonicalising moved characters: map offsets through it
        start, end = len(canonicalize(raw[:start])), len(canonicalize(raw[:end]))
    trimmed = trimmed_range(article, start, end)
    if trimmed is None:
        return None
    s, e = trimmed
    try:
        article.check_range(s, e)
    except InvalidSpanError as exc:
        raise FileFormatError(origin, str(exc), field=where) from None
    return KeySpan(
        id=new_id(),
        start=s,
        end=e,
        label=Label(name.strip().casefold()),
        quote=article.text[s:e],
    )
