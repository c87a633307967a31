"""Writes the hostile-file corpus in tests/data/hostile/ and the valid files in tests/data/valid/.

    python tests/data/make_hostile.py

Deterministic: run it again after changing a case and commit the result. What each file must
produce is in tests/core/test_hostile_files.py. Files too big or too strange for git (over the
size cap, 100,000 spans, a FIFO, a file name that is not UTF-8) are made by the test itself.
Every submission is written for the bundled lesson (lessons/000_baldwin_rust.json).
"""

from __future__ import annotations

import copy
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit.core.lesson import default_lesson_path, lesson_to_dict, load_lesson  # noqa: E402

LESSON = load_lesson(default_lesson_path())
TEXT = LESSON.article.text
SHA = LESSON.article.sha256

Case = tuple[str, bytes]


def span(quote: str, label: str, n: int = 0, *, sid: str | None = None) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {
        "id": sid or f"span{n:03d}",
        "start": start,
        "end": start + len(quote),
        "label": label,
        "quote": quote,
        "prefix": TEXT[max(0, start - 32) : start],
        "suffix": TEXT[start + len(quote) : start + len(quote) + 32],
        "note": "",
    }


def base_submission(name: str = "Ann Lee", student_id: str = "5f0c2a9e") -> dict[str, Any]:
    return {
        "format": "medialit-submission",
        "format_version": 1,
        "app_version": "0.1.0",
        "lesson_id": LESSON.id,
        "lesson_version": LESSON.version,
        "lesson_title": LESSON.title,
        "article_sha256": SHA,
        "student_id": student_id,
        "student_name": name,
        "class_code": "7B",
        "submitted_at": "2026-11-29T17:05:00.000000+00:00",
        "spans": [
            span("journalist George Stephanopoulos", "sourcing", 1),
            span("This was the most intense I have ever experienced.", "claim", 2),
        ],
    }


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def mutated(change: Callable[[dict[str, Any]], object]) -> bytes:
    data = base_submission()
    change(data)
    return dumps(data)


def set_span(i: int, **fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["spans"][i].update(fields)


def raw_replace(old: str, new: str, data: dict[str, Any] | None = None) -> bytes:
    """Serialise, then swap text: for what json.dumps will not write (NaN stays, escapes)."""
    text = json.dumps(data or base_submission(), ensure_ascii=False, indent=1)
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


def submissions_bad() -> list[Case]:
    good = dumps(base_submission())
    first = base_submission()["spans"][0]
    start, end = first["start"], first["end"]
    deep_note = '"note": ' + "[" * 50_000 + "]" * 50_000
    nested: Any = "bottom"
    for _ in range(40):
        nested = {"x": nested}
    two_ids = base_submission()
    two_ids["spans"][1]["id"] = two_ids["spans"][0]["id"]
    return [
        ("sub-empty.json", b""),
        ("sub-whitespace-only.json", b" \n\t\r\n "),
        ("sub-invalid-utf8.json", good.replace(b"Ann Lee", b"Ann \xc3\x28 Lee")),
        ("sub-utf16.json", json.dumps(base_submission()).encode("utf-16")),
        ("sub-latin1.json", good.replace(b"Ann Lee", "Ånn Lée".encode("latin-1"))),
        ("sub-not-json.json", b"student: Ann\nspans: lots\n"),
        ("sub-truncated.json", good[: len(good) // 2]),
        ("sub-trailing-data.json", good + b'\n{"format": "medialit-submission"}'),
        ("sub-nul-bytes.json", b"\x00" * 512),
        (
            "sub-raw-control-char.json",
            raw_replace('"Ann Lee"', '"Ann\x01Lee"'),
        ),  # JSON forbids raw control characters in strings
        (
            "sub-duplicate-key.json",
            raw_replace(
                '"student_name": "Ann Lee"', '"student_name": "Ann Lee", "student_name": "Bob"'
            ),
        ),
        (
            "sub-duplicate-key-in-span.json",
            raw_replace(f'"start": {start}', f'"start": {start}, "start": 0'),
        ),
        ("sub-nan.json", raw_replace(f'"start": {start}', '"start": NaN')),
        ("sub-infinity.json", raw_replace(f'"end": {end}', '"end": Infinity')),
        ("sub-negative-infinity.json", raw_replace(f'"start": {start}', '"start": -Infinity')),
        ("sub-deep-nesting.json", raw_replace('"note": ""', deep_note)),
        ("sub-nesting-over-limit.json", mutated(lambda d: d.update(extra=nested))),
        ("sub-top-level-array.json", dumps([base_submission()])),
        ("sub-top-level-string.json", b'"medialit-submission"'),
        ("sub-top-level-number.json", b"42"),
        ("sub-offset-bool.json", mutated(set_span(0, start=True))),
        ("sub-offset-float.json", mutated(set_span(0, start=float(start)))),
        ("sub-offset-string.json", mutated(set_span(0, start=str(start)))),
        ("sub-offset-null.json", mutated(set_span(0, end=None))),
        ("sub-offset-exponent.json", raw_replace(f'"start": {start}', '"start": 1e2')),
        ("sub-offset-negative.json", mutated(set_span(0, start=-5))),
        ("sub-offset-inverted.json", mutated(set_span(0, start=end, end=start))),
        ("sub-offset-zero-length.json", mutated(set_span(0, end=start, quote=""))),
        ("sub-offset-past-end.json", mutated(set_span(0, start=len(TEXT) - 2, end=len(TEXT) + 40))),
        ("sub-offset-huge.json", mutated(set_span(0, end=10**30))),
        ("sub-offset-5000-digits.json", raw_replace(f'"end": {end}', '"end": ' + "9" * 5000)),
        ("sub-offset-shifted-by-one.json", mutated(set_span(0, start=start + 1, end=end + 1))),
        ("sub-quote-mismatch.json", mutated(set_span(0, quote="journalist George Stephanopoulus"))),
        (
            "sub-quote-nfd.json",
            mutated(
                set_span(0, quote="journalist George Stephanopoulos".replace("e", "e\u0301", 1))
            ),
        ),
        ("sub-quote-missing.json", mutated(lambda d: d["spans"][0].pop("quote"))),
        ("sub-wrong-article-sha.json", mutated(lambda d: d.update(article_sha256="0" * 64))),
        ("sub-sha-uppercase.json", mutated(lambda d: d.update(article_sha256=SHA.upper()))),
        ("sub-sha-short.json", mutated(lambda d: d.update(article_sha256=SHA[:40]))),
        ("sub-lesson-id-path.json", mutated(lambda d: d.update(lesson_id="../../lessons/x"))),
        ("sub-unknown-label.json", mutated(set_span(0, label="opinion"))),
        ("sub-label-capitalised.json", mutated(set_span(0, label="Claim"))),
        ("sub-label-number.json", mutated(set_span(0, label=1))),
        ("sub-format-version-2.json", mutated(lambda d: d.update(format_version=2))),
        ("sub-format-version-string.json", mutated(lambda d: d.update(format_version="1"))),
        ("sub-format-version-missing.json", mutated(lambda d: d.pop("format_version"))),
        ("sub-format-is-lesson.json", mutated(lambda d: d.update(format="medialit-lesson"))),
        ("sub-spans-missing.json", mutated(lambda d: d.pop("spans"))),
        ("sub-spans-object.json", mutated(lambda d: d.update(spans={"0": d["spans"][0]}))),
        ("sub-span-not-object.json", mutated(lambda d: d.update(spans=[1, 2]))),
        ("sub-duplicate-span-id.json", dumps(two_ids)),
        ("sub-student-id-path.json", mutated(lambda d: d.update(student_id="../../etc/passwd"))),
        ("sub-student-id-empty.json", mutated(lambda d: d.update(student_id=""))),
        ("sub-name-missing.json", mutated(lambda d: d.pop("student_name"))),
        ("sub-name-number.json", mutated(lambda d: d.update(student_name=42))),
        (
            "sub-name-only-controls.json",
            mutated(lambda d: d.update(student_name="\x00\x07\u200b\u202e\t")),
        ),
        ("sub-name-lone-surrogate.json", raw_replace('"Ann Lee"', '"Ann \\ud800 Lee"')),
        (
            "sub-quote-lone-surrogate.json",
            raw_replace('"quote": "journalist', '"quote": "\\udfffjournalist'),
        ),
        ("sub-key-lone-surrogate.json", raw_replace('"class_code"', '"class_\\ud83d"')),
        (
            "sub-submitted-at-not-a-date.json",
            mutated(lambda d: d.update(submitted_at="yesterday, after lunch")),
        ),
        ("sub-lesson-version-bool.json", mutated(lambda d: d.update(lesson_version=True))),
        ("sub-note-too-long.json", mutated(set_span(0, note="n" * 5_001))),
    ]


def submissions_accepted() -> list[Case]:
    """Odd but harmless: accepted, with names sanitised and forged scores ignored."""

    def forged(d: dict[str, Any]) -> None:
        d.update(score=100, f1=1.0, grade="A+", results={"precision": 1, "recall": 1})
        d["spans"][0].update(correct=True, outcome="correct", score=1.0)

    def named(name: str) -> bytes:
        return dumps(base_submission(name=name))

    return [
        ("ok-forged-score.json", mutated(forged)),
        ("ok-name-control-chars.json", named("Ann\x07\x00 Lee\u202e\u200b")),
        ("ok-name-path-separators.json", named("../../Windows/System32\\drivers/etc")),
        ("ok-name-formula-equals.json", named('=HYPERLINK("http://evil.example","Ann")')),
        ("ok-name-formula-plus.json", named("+44 20 7946 0000")),
        ("ok-name-formula-minus.json", named("-2+3+cmd|' /C calc'!A0")),
        ("ok-name-formula-at.json", named("@SUM(1+1)*cmd|' /C calc'!A0")),
        ("ok-name-formula-tab.json", named("\t=1+1")),
        ("ok-name-formula-cr.json", named("\r=1+1")),
        ("ok-name-windows-device.json", named("CON")),
        ("ok-name-very-long.json", named("Ann " * 2_000)),
        ("ok-name-bidi-override.json", named("\u202eelif.exe\u202c Ann")),
        ("ok-utf8-bom.json", b"\xef\xbb\xbf" + dumps(base_submission(name="Bom Ann"))),
        (  # a lesson made again from the same article: counted for it, with a notice
            "ok-other-lesson-same-text.json",
            mutated(lambda d: d.update(lesson_id="0123456789abcdef0123456789abcdef")),
        ),
        (  # another lesson and another text: no lesson to put it in
            "sub-other-lesson.json",
            mutated(
                lambda d: d.update(
                    lesson_id="0123456789abcdef0123456789abcdef", article_sha256="1" * 64
                )
            ),
        ),
    ]


def valid_submissions() -> list[Case]:
    second = base_submission(name="Chidi Okafor", student_id="9b1e77d4")
    second["spans"] = [
        span("Alec Baldwin", "sourcing", 1),
        span('"I have done thousands of interviews over the last 20 years,"', "claim", 2),
    ]
    return [
        ("sub-valid-ann.json", dumps(base_submission())),
        ("sub-valid-chidi.json", dumps(second)),
    ]


def base_lesson() -> dict[str, Any]:
    data = lesson_to_dict(LESSON)
    return copy.deepcopy(data)


def lesson_mutated(change: Callable[[dict[str, Any]], object]) -> bytes:
    data = base_lesson()
    change(data)
    return dumps(data)


def set_key(i: int, **fields: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["key"][i].update(fields)


def lessons_bad() -> list[Case]:
    good = dumps(base_lesson())
    key0 = base_lesson()["key"][0]

    def overlap(d: dict[str, Any]) -> None:
        extra = dict(d["key"][0])
        extra.update(
            id="dup", start=extra["start"] + 1, quote=TEXT[extra["start"] + 1 : extra["end"]]
        )
        d["key"].append(extra)

    return [
        ("lesson-empty.json", b""),
        ("lesson-invalid-utf8.json", good.replace(b'"title": "', b'"title": "\xff', 1)),
        (
            "lesson-duplicate-key.json",
            dumps(base_lesson()).replace(b'"feedback": ', b'"feedback": "none", "feedback": ', 1),
        ),
        ("lesson-nan.json", dumps(base_lesson()).replace(b'"version": 1', b'"version": NaN', 1)),
        ("lesson-top-level-array.json", dumps([base_lesson()])),
        ("lesson-deep-nesting.json", b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        ("lesson-format-version-3.json", lesson_mutated(lambda d: d.update(format_version=3))),
        ("lesson-kind-unknown.json", lesson_mutated(lambda d: d.update(kind="exam"))),
        ("lesson-article-missing.json", lesson_mutated(lambda d: d.pop("article"))),
        ("lesson-article-empty.json", lesson_mutated(lambda d: d.update(article={"text": " \n "}))),
        (
            "lesson-article-neither.json",
            lesson_mutated(lambda d: d.update(article={"url": "http://x"})),
        ),
        (
            "lesson-article-file-traversal.json",
            lesson_mutated(lambda d: d.update(article={"file": "../../../etc/passwd"})),
        ),
        (
            "lesson-article-file-absolute.json",
            lesson_mutated(lambda d: d.update(article={"file": "/etc/passwd"})),
        ),
        (
            "lesson-article-file-missing.json",
            lesson_mutated(lambda d: d.update(article={"file": "nowhere.txt"})),
        ),
        (
            "lesson-article-lone-surrogate.json",
            dumps(base_lesson()).replace(b'"text": "Alec', b'"text": "\\udc00Alec', 1),
        ),
        ("lesson-sha-mismatch.json", lesson_mutated(lambda d: d.update(sha256="f" * 64))),
        (
            "lesson-previous-sha-not-hex.json",
            lesson_mutated(lambda d: d.update(previous_sha256=["z" * 64])),
        ),
        ("lesson-id-empty.json", lesson_mutated(lambda d: d.update(id=" "))),
        ("lesson-id-path.json", lesson_mutated(lambda d: d.update(id="../../x"))),
        ("lesson-title-missing.json", lesson_mutated(lambda d: d.pop("title"))),
        ("lesson-version-zero.json", lesson_mutated(lambda d: d.update(version=0))),
        ("lesson-feedback-unknown.json", lesson_mutated(lambda d: d.update(feedback="everything"))),
        (
            "lesson-label-unknown.json",
            lesson_mutated(lambda d: d["labels"][0].update(name="opinion")),
        ),
        (
            "lesson-student-pack-with-key.json",
            lesson_mutated(lambda d: d.update(kind="student-pack")),
        ),
        ("lesson-key-offset-bool.json", lesson_mutated(set_key(0, start=False))),
        ("lesson-key-offset-float.json", lesson_mutated(set_key(0, end=float(key0["end"])))),
        (
            "lesson-key-inverted.json",
            lesson_mutated(set_key(0, start=key0["end"], end=key0["start"])),
        ),
        ("lesson-key-past-end.json", lesson_mutated(set_key(0, end=len(TEXT) + 1))),
        ("lesson-key-quote-mismatch.json", lesson_mutated(set_key(0, quote="something else"))),
        ("lesson-key-unknown-label.json", lesson_mutated(set_key(0, label="rumour"))),
        ("lesson-key-also-accept-unknown.json", lesson_mutated(set_key(0, also_accept=["gossip"]))),
        ("lesson-key-optional-string.json", lesson_mutated(set_key(0, optional="yes"))),
        ("lesson-key-overlap-same-label.json", lesson_mutated(overlap)),
    ]


def write(folder: Path, cases: list[Case]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    names = [name for name, _ in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    for name, data in cases:
        (folder / name).write_bytes(data)


def main() -> None:
    write(HERE / "hostile" / "submissions", submissions_bad() + submissions_accepted())
    write(HERE / "hostile" / "lessons", lessons_bad())
    write(HERE / "valid", valid_submissions())
    print(f"wrote the corpus under {HERE}")


if __name__ == "__main__":
    main()
