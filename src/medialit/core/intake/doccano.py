"""The doccano-style row, read one way for keys and class files alike.

A row is a JSON object with `text` and its spans, in any of the forms the app accepts:

- `"label": [[start, end, "claim"], ...]` (doccano's sequence-labelling export; `labels`
  is read the same way), or `"entities": [{"start_offset": 0, "end_offset": 5,
  "label": "claim"}, ...]` (doccano's newer export);
- label names in any case, with spaces around them trimmed (`" Claim "` is a claim);
- offsets count code points of `text` as written; when that text is not canonical (a BOM,
  CRLF, not NFC) they are mapped onto the canonical text;
- `"medialit_spans"`: a list parallel to the spans, one `{"also_accept": [...],
  "optional": false, "explanation": "..."}` per span (every member optional), so a key
  exported to doccano keeps what the lesson file knows (docs/formats.md).

A row with no spans member at all is refused (`label: is missing`): an empty answer is
written `"label": []`. Every problem names the field (`label[3]`, `medialit_spans[0].optional`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.core.intake.sources import MAX_JSON_BYTES, Problem, Refused, Source
from medialit.core.jsonfile import loads_strict
from medialit.core.model import Article, KeySpan, Label, trimmed_range
from medialit.core.submission import MAX_SPANS
from medialit.core.text import canonicalize, has_lone_surrogate

LABEL_NAMES = {label.value: label for label in Label}
EXTRAS = "medialit_spans"
MAX_EXPLANATION = 5_000


@dataclass(frozen=True, slots=True)
class Extras:
    """What a key span knows beyond its place and label (`medialit_spans`)."""

    also_accept: frozenset[Label] = frozenset()
    optional: bool = False
    explanation: str = ""


NO_EXTRAS = Extras()


@dataclass(frozen=True, slots=True)
class Row:
    """A row read: the text as written and canonical, spans on the canonical text."""

    raw: str
    text: str
    spans: tuple[tuple[int, int, Label], ...]
    extras: tuple[Extras, ...] | None  # None: the row has no `medialit_spans`


def read_row(data: dict[str, Any], *, canonical: str | None = None) -> Row:
    """Read one row. With `canonical` (the article the row must be on) the common case, the
    text already canonical and equal to it, costs one comparison."""
    raw = data.get("text")
    if not isinstance(raw, str) or not raw.strip():
        raise Refused("is missing, empty or not text", field="text")
    if canonical is not None and raw == canonical:
        text = canonical
    else:
        if has_lone_surrogate(raw):
            raise Refused("contains an invalid (lone surrogate) character", field="text")
        text = canonicalize(raw)
    items, field = _items(data)
    spans = _spans(items, field, raw)
    if raw is not text and raw != text:
        spans = _mapped(spans, raw, field)
    return Row(raw, text, spans, _extras(data, len(spans)))


def _items(data: dict[str, Any]) -> tuple[list[Any], str]:
    if "entities" in data:
        entities = data["entities"]
        if not isinstance(entities, list):
            raise Refused("must be a list of objects", field="entities")
        out = []
        for i, entity in enumerate(entities):
            if not isinstance(entity, dict):
                raise Refused("must be an object", field=f"entities[{i}]")
            out.append([entity.get("start_offset"), entity.get("end_offset"), entity.get("label")])
        return out, "entities"
    for name in ("label", "labels"):
        if name in data:
            items = data[name]
            if not isinstance(items, list):
                raise Refused("must be a list of [start, end, label]", field=name)
            return items, name
    raise Refused('is missing (an empty answer is written "label": [])', field="label")


def _spans(items: list[Any], field: str, raw: str) -> tuple[tuple[int, int, Label], ...]:
    if len(items) > MAX_SPANS:
        raise Refused(f"has {len(items):,} spans, over the limit of {MAX_SPANS:,}", field=field)
    n = len(raw)
    names = LABEL_NAMES
    try:  # the fast path for well-formed rows: one comprehension that drops bad items
        spans = [
            (s, e, names[name])
            for s, e, name in items
            if type(s) is int and type(e) is int and 0 <= s < e <= n
        ]
    except (ValueError, TypeError, KeyError):
        spans = []
    if len(spans) == len(items):
        return tuple(spans)
    return tuple(_slow_span(item, f"{field}[{i}]", n) for i, item in enumerate(items))


def _slow_span(item: Any, where: str, n: int) -> tuple[int, int, Label]:
    """One item checked field by field (names in any case, trimmed), naming what is wrong."""
    if type(item) is not list or len(item) != 3:
        raise Refused("must be [start, end, label]", field=where)
    s, e, name = item
    if type(s) is not int or type(e) is not int or not 0 <= s < e <= n:
        raise Refused(f"[{s!r}, {e!r}) is not a span of the text (0..{n})", field=where)
    label = LABEL_NAMES.get(name.strip().casefold()) if isinstance(name, str) else None
    if label is None:
        raise Refused(
            f"unknown label {name!r} (expected one of {', '.join(LABEL_NAMES)})", field=where
        )
    return s, e, label


def _mapped(
    spans: tuple[tuple[int, int, Label], ...], raw: str, field: str
) -> tuple[tuple[int, int, Label], ...]:
    to_canon = _offset_map(raw)
    out = []
    for i, (s, e, label) in enumerate(spans):
        cs, ce = to_canon(s), to_canon(e)
        if cs >= ce:
            raise Refused(f"[{s}, {e}) is empty in the canonical text", field=f"{field}[{i}]")
        out.append((cs, ce, label))
    return tuple(out)


def _offset_map(raw: str) -> Callable[[int], int]:
    """Offset in the text as written -> offset in its canonical form (a rare path)."""
    cache: dict[int, int] = {}

    def convert(offset: int) -> int:
        if offset not in cache:
            cache[offset] = len(canonicalize(raw[:offset]))
        return cache[offset]

    return convert


def read_object(line: str) -> dict[str, Any]:
    """One JSON object from one line, strictly (duplicate keys and NaN refused)."""
    try:
        value = loads_strict(line)
    except RecursionError:
        raise Refused("JSON is nested too deeply") from None
    except ValueError as exc:
        raise Refused(f"not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise Refused(f"expected a JSON object, found {type(value).__name__}")
    return value


def _extras(data: dict[str, Any], count: int) -> tuple[Extras, ...] | None:
    if EXTRAS not in data:
        return None
    items = data[EXTRAS]
    if not isinstance(items, list) or len(items) != count:
        raise Refused(f"must be a list with one object per span ({count})", field=EXTRAS)
    return tuple(_one_extra(item, f"{EXTRAS}[{i}]") for i, item in enumerate(items))


def _one_extra(item: Any, where: str) -> Extras:
    if not isinstance(item, dict):
        raise Refused("must be an object", field=where)
    also = item.get("also_accept", [])
    if not isinstance(also, list) or len(also) > len(LABEL_NAMES):
        raise Refused("must be a list of labels", field=f"{where}.also_accept")
    labels = []
    for j, name in enumerate(also):
        label = LABEL_NAMES.get(name.strip().casefold()) if isinstance(name, str) else None
        if label is None:
            raise Refused(f"unknown label {name!r}", field=f"{where}.also_accept[{j}]")
        labels.append(label)
    optional = item.get("optional", False)
    if not isinstance(optional, bool):
        raise Refused("must be true or false", field=f"{where}.optional")
    explanation = item.get("explanation", "")
    if not isinstance(explanation, str) or has_lone_surrogate(explanation):
        raise Refused("must be text", field=f"{where}.explanation")
    if len(explanation) > MAX_EXPLANATION:
        raise Refused(
            f"is {len(explanation):,} characters, over the limit of {MAX_EXPLANATION:,}",
            field=f"{where}.explanation",
        )
    return Extras(frozenset(labels), optional, explanation)


NO_EXTRAS_NOTICE = (
    "this doccano key has no medialit_spans, so every span counts as required with one label "
    "and no explanation (the lesson's also-accept labels and optional spans are not known): "
    "grades can be lower than with the lesson file"
)
MAX_KEY_FILE = 2 * MAX_JSON_BYTES


def read_key_file(
    path: Path, *, article: Article | None = None
) -> tuple[int, Row, tuple[Problem, ...]]:
    """The key row of a doccano JSONL file: the first row, or with `article` the first row
    on that article's text; (its line, the row, notices). The one reader of doccano keys:
    `medialit score KEY.jsonl` and the teacher window's *Import key from doccano JSONL*."""
    origin = str(path)
    found: tuple[int, Row] | None = None
    notices: list[Problem] = []
    rows = 0
    with Source(origin, "jsonl", path).open(MAX_KEY_FILE) as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            rows += 1
            if found is not None:
                if article is None:  # with an article, the rows of students are expected
                    notices.append(
                        Problem(
                            origin,
                            number,
                            "only the first line is the key; the other lines are ignored",
                        )
                    )
                break
            row = _key_row(raw, number, None if article is None else article.text)
            if article is None or row.text == article.text:
                found = (number, row)
    if rows == 0:
        raise Refused("the file is empty")
    if found is None:
        raise Refused("has no row on this lesson's article text")
    if found[1].extras is None:
        notices.insert(0, Problem(origin, None, NO_EXTRAS_NOTICE))
    return found[0], found[1], tuple(notices)


def _key_row(raw: bytes, number: int, canonical: str | None) -> Row:
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"not UTF-8 (byte {exc.start})", line=number) from None
    try:
        return read_row(read_object(text), canonical=canonical)
    except Refused as exc:
        raise Refused(exc.reason, field=exc.field, line=number) from None


def key_spans(row: Row) -> list[KeySpan]:
    """The row as key spans, trimmed as the key editor trims them; a span that trims to
    nothing is left out. Ids are k1, k2, … in the row's order."""
    article = Article.from_canonical(row.text)
    extras = row.extras or (NO_EXTRAS,) * len(row.spans)
    out: list[KeySpan] = []
    for i, ((s, e, label), extra) in enumerate(zip(row.spans, extras, strict=True), start=1):
        trimmed = trimmed_range(article, s, e)
        if trimmed is None:
            continue
        start, end = trimmed
        out.append(
            KeySpan(
                id=f"k{i}",
                start=start,
                end=end,
                label=label,
                quote=row.text[start:end],
                also_accept=extra.also_accept - {label},
                optional=extra.optional,
                explanation=extra.explanation,
            )
        )
    return out


def extras_of(key: KeySpan) -> dict[str, Any]:
    """A key span's `medialit_spans` entry, as the doccano export writes it."""
    return {
        "also_accept": sorted(label.value for label in key.also_accept),
        "optional": key.optional,
        "explanation": key.explanation,
    }
