import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.core.text import OffsetMap, canonicalize, context, snap_to_words, text_hash, trim


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffHello", "Hello"),
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("Cafe\u0301", "Caf\u00e9"),  # NFD -> NFC
        ("a\u00a0b", "a\u00a0b"),  # NBSP stays NBSP
        ("a\u2028b\u2029c\td", "a\u2028b\u2029c\td"),
        ("\ufeff\ufeffx", "\ufeffx"),  # only one leading BOM is removed
    ],
)
def test_canonicalize(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


def test_hash_is_of_canonical_utf8() -> None:
    import hashlib

    assert text_hash("é") == hashlib.sha256("é".encode()).hexdigest()
    assert text_hash(canonicalize("e\u0301")) == text_hash(canonicalize("\u00e9"))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ('"one-in-a-trillion event"', (0, 25), (1, 24)),
        ("(via CBS News).", (0, 15), (1, 13)),
        ("costs $5 ", (6, 9), (6, 8)),  # symbols stay
        ("50% of", (0, 3), (0, 2)),  # % is punctuation in Unicode
        (" .,;", (0, 4), (4, 4)),
    ],
)
def test_trim(text: str, span: tuple[int, int], expected: tuple[int, int]) -> None:
    assert trim(text, *span) == expected


def test_snap_to_words_grows_partial_words() -> None:
    text = "The trigger wasn't pulled."
    assert snap_to_words(text, 6, 9) == (4, 11)
    assert snap_to_words(text, 12, 16) == (12, 18)  # wasn't is one word
    assert snap_to_words(text, 4, 11) == (4, 11)


def test_context() -> None:
    assert context("abcdefgh", 3, 5, width=2) == ("bc", "fg")


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii",
        "emoji 😀 then",
        "ZWJ 👩‍👩‍👧 family",
        "flag 🇫🇷 x",
        "combining e\u0301 accent",
        "CJK 東京 and 𠮷",
        "😀😀😀",
    ],
)
def test_offset_map_round_trips_against_utf16(text: str) -> None:
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        u16 = len(text[:cp].encode("utf-16-le")) // 2
        assert m.to_utf16(cp) == u16
        assert m.to_codepoint(u16) == cp


def test_offset_map_inside_a_surrogate_pair_rounds_down() -> None:
    m = OffsetMap("a😀b")
    assert m.to_codepoint(2) == 1  # the low half of 😀


@given(st.text())
def test_offset_map_property(text: str) -> None:
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert m.to_codepoint(m.to_utf16(cp)) == cp


@given(st.text())
def test_canonicalize_is_idempotent(text: str) -> None:
    once = canonicalize(text)
    assert canonicalize(once) == once or once.startswith("\ufeff")
    assert "\r" not in once
    assert unicodedata.is_normalized("NFC", once)


def test_lone_surrogates_are_found_and_pairs_are_not() -> None:
    from medialit.core.text import has_lone_surrogate

    assert has_lone_surrogate("a\ud800b") and has_lone_surrogate("\udfff")
    assert not has_lone_surrogate("emoji 😀 and 👩‍👩‍👧 are whole characters")
