"""`medialit suggest`'s input and output: an article or a lesson in, one JSONL line out.

The line is what `medialit score` reads as a student (doccano-style, code-point
offsets into the canonical text), plus the doccano extras field:

    {"student": "suggested", "text": "...", "label": [[start, end, "claim"], ...],
     "medialit_spans": [{"also_accept": [], "optional": false, "explanation": "..."}, ...]}

`medialit_spans` is a list parallel to `label`: entry i says more about span i
(its also-accepted labels, whether it is optional, and its explanation, here
the suggester's reason). Readers that do not know it ignore it.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from medialit.core import importing
from medialit.core.lesson import load_lesson
from medialit.core.model import LABELS
from medialit.core.suggest import Suggestion, suggest, without_key_overlaps

LESSON_SUFFIX = ".json"
ARTICLE_SUFFIXES = (*importing.SUFFIXES, LESSON_SUFFIX)
STUDENT = "suggested"


@dataclass(frozen=True, slots=True)
class Draft:
    """The suggestions for one article, and how many a lesson's own key made unneeded."""

    text: str
    suggestions: tuple[Suggestion, ...]
    dropped: int = 0


def draft_for_file(path: str | os.PathLike[str]) -> Draft:
    """Suggestions for a .txt/.md/.html article (read by the article import, as "New lesson"
    reads it) or for a lesson file, leaving out those that overlap one of its key spans of
    the same label. Raises a MedialitError naming the file when there is no article text."""
    path = Path(path)
    if path.suffix.lower() == LESSON_SUFFIX:
        lesson = load_lesson(path)
        text = lesson.article.text
        found = suggest(text)
        kept = without_key_overlaps(found, lesson.key or ())
        return Draft(text, tuple(kept), len(found) - len(kept))
    text = importing.read_article_file(path).text
    return Draft(text, tuple(suggest(text)))


def jsonl_line(draft: Draft) -> str:
    """The one JSONL line (with its newline) that `medialit score` reads as a student."""
    row = {
        "student": STUDENT,
        "text": draft.text,
        "label": [[s.start, s.end, s.label.value] for s in draft.suggestions],
        "medialit_spans": [
            {"also_accept": [], "optional": False, "explanation": s.reason}
            for s in draft.suggestions
        ],
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


def counts(draft: Draft) -> dict[str, int]:
    """How many suggestions of each label, in label order."""
    return {label.value: sum(1 for s in draft.suggestions if s.label is label) for label in LABELS}


def is_taken(path: str | os.PathLike[str]) -> bool:
    """True when writing to `path` would replace something: a file or a link is there.
    A FIFO or a character device (a pipe, /dev/stdout) is written into, not replaced."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return os.path.lexists(path)  # a dangling link: writing would create its target
    except OSError:
        return True
    return not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode))
