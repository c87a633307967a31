"""Builders shared by tests (kept out of conftest so tests can import them)."""

from __future__ import annotations

from pathlib import Path

from medialit.core.model import Article, KeySpan, Label, Lesson, Span
from medialit.core.submission import Submission
from medialit.core.text import canonicalize

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_5580f1b383fac14f.txt"

UNICODE_TEXT = canonicalize(
    "Café owner 👩‍👩‍👧 said prices rose 😀 fast. "
    "The mayor 🇫🇷 claimed 東京 was calm. Cafe\u0301 staff reportedly left."
)


def make_lesson(
    text: str = UNICODE_TEXT, *, key: tuple[KeySpan, ...] | None = None, **kw: object
) -> Lesson:
    article = Article.from_canonical(canonicalize(text))
    return Lesson(
        id=kw.pop("id", "a" * 32),
        version=1,
        title=kw.pop("title", "Test lesson"),
        article=article,
        key=key,
        **kw,
    )  # type: ignore[arg-type]


def work_on_earlier_text(
    old: str, new: str, key: tuple[KeySpan, ...], spans: tuple[Span, ...], *, id: str, title: str
) -> tuple[Lesson, Submission]:
    """A lesson at version 2 whose article was edited from `old` to `new` (both canonical), and
    Ann's submission of `spans` made on `old`: what the class view has to re-anchor."""
    lesson = Lesson(
        id=id,
        version=2,
        title=title,
        article=Article.from_canonical(new),
        previous_sha256=(Article.from_canonical(old).sha256,),
        key=key,
    )
    sub = Submission(
        lesson.id,
        1,
        Article.from_canonical(old).sha256,
        "s1",
        "Ann",
        "",
        "2026-01-01T00:00:00+00:00",
        spans,
    )
    return lesson, sub


def key_span(text: str, quote: str, label: Label, **kw: object) -> KeySpan:
    start = text.index(quote)
    return KeySpan(
        id=f"k{start}", start=start, end=start + len(quote), label=label, quote=quote, **kw
    )  # type: ignore[arg-type]


class FakeClock:
    """Seconds (as time.monotonic gives them) that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
