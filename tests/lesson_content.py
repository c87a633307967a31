"""What a bundled lesson's content must be, beyond what `load_lesson` already refuses.

`load_lesson` refuses a file that cannot be a lesson (quotes that do not match the
text, same-label overlaps, bad offsets, unknown labels, ...). A file can pass it and
still teach badly or drift: a span that starts inside a word, an untrimmed span, a
missing explanation, a key span whose id the loader invents afresh on every load.
`content_problems` names those, reading the file as written (the loader fills in
defaults and sorts, which would hide them). `tests/core/test_bundled_lesson.py`
shows each rule catches its fault and that the loader lets that fault through.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from medialit.core.lesson import load_lesson
from medialit.core.model import LABELS
from medialit.core.text import trim

HEX32 = re.compile(r"[0-9a-f]{32}")


def is_uuid4_hex(value: object) -> bool:
    return (
        isinstance(value, str)
        and bool(HEX32.fullmatch(value))
        and uuid.UUID(hex=value).version == 4
    )


def content_problems(path: Path) -> list[str]:
    """Every content rule the lesson file at `path` breaks, one line each ([] when none)."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    text = load_lesson(path).article.text
    key: list[dict[str, Any]] = raw.get("key") or []
    problems = _header_problems(raw)
    problems += _key_set_problems(key)
    for k in key:
        problems += [f"{k.get('quote', '')[:30]!r}: {p}" for p in _span_problems(k, text)]
    return problems


def _header_problems(raw: dict[str, Any]) -> list[str]:
    problems = []
    if not raw.get("sha256"):
        problems.append("the file does not declare the article's sha256")
    names = [d.get("name") for d in raw.get("labels", [])]
    if names != [label.value for label in LABELS]:
        problems.append(f"label definitions are {names}, not all four in order")
    if any(not str(d.get("definition", "")).strip() for d in raw.get("labels", [])):
        problems.append("a label definition is empty")
    return problems


def _key_set_problems(key: list[dict[str, Any]]) -> list[str]:
    problems = []
    ids = Counter(k.get("id") for k in key)
    problems += [f"key span id {i!r} is used {n} times" for i, n in ids.items() if n > 1]
    required = {k["label"] for k in key if not k.get("optional")}
    missing = [label.value for label in LABELS if label.value not in required]
    if missing:
        problems.append(f"no required key span is labelled {', '.join(missing)}")
    if not any(k.get("also_accept") for k in key):
        problems.append("no key span accepts a second label")
    if not any(k.get("optional") for k in key):
        problems.append("no key span is optional")
    ranges = Counter((k["start"], k["end"]) for k in key)
    problems += [
        f"[{s}, {e}) is keyed {n} times: use also_accept" for (s, e), n in ranges.items() if n > 1
    ]
    offsets = [(k["start"], k["end"]) for k in key]
    if offsets != sorted(offsets):
        problems.append("the key is not listed in text order")
    return problems


def _span_problems(k: dict[str, Any], text: str) -> list[str]:
    problems = []
    start, end = k["start"], k["end"]
    if not is_uuid4_hex(k.get("id")):
        problems.append(f"id {k.get('id')!r} is not a uuid4 hex")
    if not str(k.get("explanation", "")).strip():
        problems.append("no explanation")
    if trim(text, start, end) != (start, end):
        problems.append("not trimmed (spaces or punctuation at an end)")
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        problems.append("starts inside a word")
    if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        problems.append("ends inside a word")
    also = k.get("also_accept", [])
    if k["label"] in also or len(set(also)) != len(also):
        problems.append(f"also_accept {also} repeats a label")
    return problems
