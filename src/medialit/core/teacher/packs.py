"""Packs: the student pack (the lesson without any trace of its key) and the review pack
(with the key and explanations, for after the work is in)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from medialit.core.errors import MedialitError
from medialit.core.jsonfile import dump_json
from medialit.core.lesson import lesson_to_dict
from medialit.core.model import Lesson
from medialit.core.outfile import write_output
from medialit.core.submission import safe_filename_part


def pack_filename(lesson: Lesson, kind: str) -> str:
    return f"{safe_filename_part(lesson.title)}_v{lesson.version}_{kind}.json"


def student_pack_bytes(lesson: Lesson) -> bytes:
    """The lesson without its key: no key span, offset or explanation anywhere in the bytes."""
    body = lesson_to_dict(dataclasses.replace(lesson, key=None), kind="student-pack")
    data = dump_json(body)
    leaks = [k.explanation for k in lesson.key or () if len(k.explanation.strip()) >= 8]
    if b'"key"' in data or any(x.encode("utf-8") in data for x in leaks):
        raise MedialitError("refusing to write a student pack that would contain the key")
    return data


def write_student_pack(lesson: Lesson, path: str | Path) -> Path:
    path = Path(path)
    write_output(path, student_pack_bytes(lesson))
    return path


def write_review_pack(lesson: Lesson, path: str | Path) -> Path:
    """The lesson with its key and explanations, for review after the work is in."""
    if not lesson.key:
        raise MedialitError("the lesson has no key to release")
    path = Path(path)
    write_output(path, dump_json(lesson_to_dict(lesson, kind="review-pack")))
    return path
