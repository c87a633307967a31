"""Canonical article text and the offsets into it.

Every offset medialit stores is a code-point offset into canonical text.
Qt speaks UTF-16; `OffsetMap` is the one converter, used only at the GUI boundary.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata

CONTEXT_CHARS = 32
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
SURROGATE = re.compile("[\\ud800-\\udfff]")  # a Python loop took 15 ms on 200k characters
# Letters NFKD does not split into a base letter and a mark (Ł is not L with a mark), as
# they are typed without the key for them: for matching names, and for ASCII file names.
PLAIN_LETTERS = str.maketrans(
    {
        **{"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss"},
        **{"Ł": "L", "Ø": "O", "Đ": "D", "Ħ": "H", "Æ": "AE", "Œ": "OE"},
    }
)


def canonicalize(raw: str) -> str:
    """BOM removed, CRLF/CR to LF, then NFC; everything else (NBSP, U+2028, tabs) kept."""
    text = raw[1:] if raw.startswith("\ufeff") else raw
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_hash(text: str) -> str:
    """SHA-256 of the canonical text's UTF-8 bytes: the article's identity."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def has_lone_surrogate(text: str) -> bool:
    return SURROGATE.search(text) is not None


def is_trimmable(ch: str) -> bool:
    """Whitespace and Unicode punctuation (P*) are trimmed from span edges; symbols stay."""
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past edge whitespace/punctuation; returns (s, s) when nothing is left."""
    while start < end and is_trimmable(text[start]):
        start += 1
    while end > start and is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’" or unicodedata.category(ch) in ("Mn", "Mc", "Pd")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection that starts or ends inside a word to the whole word."""
    while (
        start > 0
        and start < len(text)
        and is_word_char(text[start - 1])
        and (is_word_char(text[start]))
    ):
        start -= 1
    while end < len(text) and end > 0 and is_word_char(text[end - 1]) and is_word_char(text[end]):
        end += 1
    return start, end


def context(text: str, start: int, end: int, *, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Prefix and suffix around a span (W3C TextQuoteSelector style), for re-anchoring."""
    return text[max(0, start - width) : start], text[end : end + width]


class OffsetMap:
    """Converts between code-point offsets and UTF-16 positions for one text.

    Only characters outside the BMP differ (two UTF-16 units, one code point),
    so we keep their sorted positions and bisect: O(log n) per conversion.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # A regex scan, not a Python loop: 200,000 characters in well under a millisecond.
        self._astral_cp: list[int] = [m.start() for m in ASTRAL.finditer(text)]
        self._astral_u16: list[int] = [cp + n for n, cp in enumerate(self._astral_cp)]

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point offset `cp` (0 <= cp <= len)."""
        return cp + bisect.bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code-point offset of UTF-16 position `u16`; a position inside a pair rounds down."""
        # Each astral character starting before u16 adds one extra unit; one that
        # u16 splits in half also lands on its own start, which is the rounding we want.
        return u16 - bisect.bisect_left(self._astral_u16, u16)
