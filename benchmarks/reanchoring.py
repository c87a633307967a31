"""Re-anchoring 10,000 one-letter spans made on an earlier text onto a 20,000-character article.

Issue 13: this took 35 s, and the class view did it again on every key edit. The baseline
is the straightforward ranking (every occurrence of the quote scored by its context), a
copy of what `anchoring.place` did before, measured in the same run on the same spans.
Goals: at most 1 s for the 10,000 spans; the same placements and orphans as the baseline
(no span dropped to be fast); a second scoring of the class after a key edit re-anchors
nothing (`classroom.score_class` keeps each (submission, text version)'s placement).

    python benchmarks/reanchoring.py
"""

from __future__ import annotations

import dataclasses
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from medialit.core import anchoring  # noqa: E402
from medialit.core.anchoring import Anchor, Placement, context_agreement, occurrences  # noqa: E402
from medialit.core.model import Label, Span, SpanId  # noqa: E402
from medialit.core.text import context  # noqa: E402

SPANS = 10_000
LENGTH = 20_000


def article() -> str:
    """20,000 characters of news-like text without long repeats (the seeds, then their
    sentences' words shuffled)."""
    rng = random.Random(13)
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    parts = list(seeds)
    while sum(map(len, parts)) < LENGTH:
        words = rng.choice(seeds).split()
        rng.shuffle(words)
        parts.append(" ".join(words))
    return "\n\n".join(parts)[:LENGTH]


def corrected(text: str) -> str:
    """A teacher's corrections: a sentence added near the start, a word changed in the middle,
    a few words removed near the end (so nearly every span moves)."""
    mid = len(text) // 2
    end = len(text) - 3000
    return (
        "Editor's note: this article was updated. "
        + text[:mid]
        + " (corrected)"
        + text[mid + 12 : end]
        + text[end + 40 :]
    )


def one_letter_spans(text: str) -> list[Span]:
    rng = random.Random(7)
    starts = sorted(rng.sample([i for i, ch in enumerate(text) if not ch.isspace()], SPANS))
    labels = list(Label)
    spans = []
    for n, start in enumerate(starts):
        prefix, suffix = context(text, start, start + 1)
        quote = text[start]
        spans.append(Span(SpanId(f"s{n}"), start, start + 1, labels[n % 4], quote, prefix, suffix))
    return spans


def baseline_place(span: Span, new_text: str) -> Placement | None:
    """`anchoring.place` as it was: every occurrence ranked by its context, per span."""
    quote = span.quote
    if new_text[span.start : span.end] == quote:
        return anchoring._moved(span, new_text, span.start, Anchor.EXACT)
    starts = occurrences(new_text, quote)
    if not starts:
        return None
    if len(starts) == 1:
        return anchoring._moved(span, new_text, starts[0], Anchor.UNIQUE)
    ranked = sorted(
        ((context_agreement(span, new_text, pos), -abs(pos - span.start), pos) for pos in starts),
        reverse=True,
    )
    (best_agree, best_near, best_pos), (next_agree, next_near, _) = ranked[0], ranked[1]
    if best_agree == 0 or (best_agree, best_near) == (next_agree, next_near):
        return None
    return anchoring._moved(span, new_text, best_pos, Anchor.CONTEXT)


def main() -> None:
    old = article()
    new = corrected(old)
    spans = one_letter_spans(old)
    print(
        f"{len(spans):,} one-letter spans made on a {len(old):,}-character text, moved onto "
        f"its correction ({len(new):,} characters)"
    )

    start = time.perf_counter()
    placed, orphans = anchoring.reanchor(spans, new)
    ours = time.perf_counter() - start
    print(
        f"  medialit reanchor           {ours:8.2f} s   placed {len(placed):,}, "
        f"orphans {len(orphans):,}   (goal <= 1 s)"
    )

    sample = spans[:: max(1, len(spans) // 1000)]  # the baseline is slow: time a tenth ...
    start = time.perf_counter()
    expected = [baseline_place(span, new) for span in sample]
    base = (time.perf_counter() - start) * len(spans) / len(sample)
    print(
        f"  baseline (per-span ranking) {base:8.2f} s   (timed on {len(sample):,} spans, "
        f"scaled)   ratio {base / ours:,.0f}x"
    )
    got = {s.id: s for s in placed}
    same = all(
        (got.get(span.id) == (e.span if e else None))
        for span, e in zip(sample, expected, strict=True)
    )
    lost = len(spans) - len(placed) - len(orphans)
    print(
        f"  same placements as the baseline on the {len(sample):,} timed spans: {same}; "
        f"spans dropped: {lost}"
    )

    from tests.helpers import work_on_earlier_text

    from medialit.core.classroom import score_class
    from medialit.core.model import KeySpan

    key = (KeySpan("k1", 0, 6, Label.CLAIM, new[:6]),)
    lesson, sub = work_on_earlier_text(old, new, key, tuple(spans), id="b" * 32, title="Benchmark")
    start = time.perf_counter()
    score_class(lesson, [sub])
    first = time.perf_counter() - start
    edited = dataclasses.replace(lesson, key=(KeySpan("k1", 0, 7, Label.FACT, new[:7]),))
    start = time.perf_counter()
    score_class(edited, [sub])
    again = time.perf_counter() - start
    print(
        f"  class view: first scoring {first:6.2f} s; after a key edit {again:6.2f} s "
        f"(the placement is kept)"
    )


if __name__ == "__main__":
    main()
