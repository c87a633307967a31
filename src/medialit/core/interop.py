"""Other tools' formats: W3C Web Annotation JSON-LD out, doccano JSONL out and in (as a key).

Offsets stay code points into the canonical text: the W3C TextPositionSelector
counts characters as code points, and doccano's backend (Python) does too.
Every annotation also carries a TextQuoteSelector (exact, prefix, suffix), so a
reader can re-anchor it if its copy of the text differs.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.core.errors import FileFormatError
from medialit.core.intake import doccano
from medialit.core.intake.sources import Refused
from medialit.core.jsonfile import dump_json
from medialit.core.lesson import find_same_label_overlap
from medialit.core.model import Article, KeySpan, Label, Lesson, Span, new_id
from medialit.core.submission import Submission
from medialit.core.text import context

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


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
    span: Span | KeySpan,
    article: Article,
    *,
    creator: dict[str, Any],
    comment: str = "",
    extra_labels: Sequence[Label] = (),
    optional: bool = False,
) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "classifying", "value": span.label.value}
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
        "id": f"urn:uuid:{_uuid(span.id)}",
        "type": "Annotation",
        "motivation": "classifying",
        "creator": creator,
        "body": body,
        "target": _target(article, span.start, span.end),
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
                k,
                lesson.article,
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
            items.append(_annotation(span, lesson.article, creator=creator, comment=span.note))
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
            doccano.EXTRAS: [doccano.extras_of(k) for k in lesson.key or ()],
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


@dataclass(frozen=True, slots=True)
class DoccanoKey:
    """A key read from doccano JSONL: the canonical text, the key spans, and notices (a key
    without `medialit_spans`, lines ignored) the window shows."""

    text: str
    key: list[KeySpan]
    notices: tuple[str, ...]


def read_doccano_key(path: str | Path, *, article: Article | None = None) -> DoccanoKey:
    """Canonical text and key spans from a doccano JSONL file, by the one doccano reader
    (`intake.doccano`, the one `medialit score` reads a JSONL key with).

    With `article`, the first row whose text is that article is used (else an error);
    without, the first row. Labels in any case, spans trimmed like key spans and not
    overlapping within one label; also-accept labels, optional spans and explanations come
    from `medialit_spans`.
    """
    origin = str(path)
    try:
        number, row, notices = doccano.read_key_file(Path(path), article=article)
    except Refused as exc:
        field = exc.field if exc.line is None else f"line {exc.line}: {exc.field or 'row'}"
        raise FileFormatError(origin, exc.reason, field=field) from None
    spans = doccano.key_spans(row)
    clash = find_same_label_overlap(spans)
    if clash:
        a, b = clash
        raise FileFormatError(
            origin,
            f"two {a.label.value} spans overlap: {a.quote[:30]!r} and {b.quote[:30]!r}",
            field=f"line {number}",
        )
    ordered = sorted(spans, key=lambda k: (k.start, k.end, k.label.value))
    keyed = [dataclasses.replace(k, id=new_id()) for k in ordered]
    return DoccanoKey(row.text, keyed, tuple(n.detail for n in notices))
