import json
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.core.errors import FileFormatError
from medialit.core.lesson import load_lesson, save_lesson
from medialit.core.model import Article, Label, Span
from medialit.core.records import Student
from medialit.core.store import Store
from medialit.core.submission import Submission, check_against, load_submission, write_submission
from medialit.core.text import (
    OffsetMap,
    canonicalize,
    context,
    has_lone_surrogate,
    snap_to_words,
    text_hash,
    trim,
)
from tests.helpers import make_lesson


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


# -- canonicalisation at every door: more cases, files, and the whole round trip -------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\r\nb", "a\n\nb"),  # CR then CRLF: two line ends
        ("a\n\rb", "a\n\nb"),  # LF then CR is not CRLF
        ("a\r", "a\n"),
        ("\r\n", "\n"),
        ("x\ufeffy", "x\ufeffy"),  # a BOM inside the text is kept (it is ZWNBSP there)
        ("a\u202fb\u2007c", "a\u202fb\u2007c"),  # narrow NBSP, figure space: kept
        ("a\x85b\x0bc\x0cd", "a\x85b\x0bc\x0cd"),  # NEL, VT, FF are not line ends here
        ("\u1100\u1161", "\uac00"),  # Hangul jamo compose
        ("\u212b", "\u00c5"),  # ANGSTROM SIGN is a singleton: NFC maps it
        ("\uf900", "\u8c48"),  # so is a CJK compatibility ideograph
        ("\u0958", "\u0915\u093c"),  # composition exclusion stays decomposed
        ("ﬁ ²", "ﬁ ²"),  # NFC, not NFKC: ligatures and superscripts stay
        ("👩\u200d👩\u200d👧 🇫🇷", "👩\u200d👩\u200d👧 🇫🇷"),
    ],
)
def test_canonicalize_more(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


def test_same_article_whatever_the_encoding_details() -> None:
    lf_nfc = "Café\u00a0owner said\nit was\u2028calm.\u2029Next."
    variants = [
        lf_nfc,
        "\ufeff" + lf_nfc,
        lf_nfc.replace("\n", "\r\n"),
        lf_nfc.replace("\n", "\r"),
        unicodedata.normalize("NFD", lf_nfc),
        "\ufeff" + unicodedata.normalize("NFD", lf_nfc).replace("\n", "\r\n"),
    ]
    assert {text_hash(canonicalize(v)) for v in variants} == {text_hash(lf_nfc)}
    assert text_hash(canonicalize(lf_nfc.replace("\u00a0", " "))) != text_hash(lf_nfc)


def test_canonical_text_never_holds_a_surrogate() -> None:
    text = canonicalize("emoji 😀 and 𠮷 and 🇫🇷")
    assert not has_lone_surrogate(text)
    assert len(text) == len("emoji 😀 and 𠮷 and 🇫🇷")  # one offset per code point
    assert text.index("and") == 8  # a UTF-16 count would say 9


def _lesson_bytes(text: str, *, bom: bool = False) -> bytes:
    body = {
        "format": "medialit-lesson",
        "format_version": 1,
        "id": "canon",
        "title": "Canonical",
        "article": {"text": text},
    }
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return (b"\xef\xbb\xbf" if bom else b"") + data


def test_lesson_file_text_is_canonicalised_on_load(tmp_path: Path) -> None:
    raw = "\ufeffCafe\u0301\u00a0owner\r\nsaid\rso\u2028then\u2029end 😀."
    path = tmp_path / "l.json"
    path.write_bytes(_lesson_bytes(raw, bom=True))
    lesson = load_lesson(path)
    assert lesson.article.text == "Caf\u00e9\u00a0owner\nsaid\nso\u2028then\u2029end 😀."
    assert lesson.article.sha256 == text_hash(lesson.article.text)


def test_article_file_with_bom_and_crlf_has_the_lf_hash(tmp_path: Path) -> None:
    text = "Line one\u00a0here.\nLine two 😀.\n"
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    body = {
        "format": "medialit-lesson",
        "format_version": 1,
        "id": "canon",
        "title": "Canonical",
        "article": {"file": "a.txt"},
        "sha256": text_hash(text),
    }
    (tmp_path / "l.json").write_text(json.dumps(body), "utf-8")
    assert load_lesson(tmp_path / "l.json").article.text == text


def test_offsets_are_code_points_through_store_and_submission_files(tmp_path: Path) -> None:
    text = canonicalize("😀😀 A\u2028B\u2029 𠮷 said\u00a0it 🇫🇷 rose fast.")
    article = Article.from_canonical(text)
    start = text.index("said\u00a0it")
    span = Span.create(article, start, start + 7, Label.CLAIM)
    assert span.quote == "said\u00a0it"
    store = Store.memory()
    store.students.save(Student("s1", "Ann"))
    store.work.add_span("s1", "L1", article.sha256, span)
    (stored,) = store.work.spans("s1", "L1")
    assert (stored.start, stored.end, stored.quote) == (start, start + 7, "said\u00a0it")
    store.close()
    sub = Submission(
        lesson_id="L1",
        lesson_version=1,
        article_sha256=article.sha256,
        student_id="s1",
        student_name="Ann",
        class_code="",
        submitted_at="2026-11-29T17:05:00+00:00",
        spans=(stored,),
    )
    path = write_submission(tmp_path, sub)
    raw = path.read_text("utf-8")
    assert "\\ud8" not in raw.lower()  # no surrogate escapes: code points, written as UTF-8
    loaded = load_submission(path)
    check_against(loaded, article)
    assert loaded.spans[0].start == start

    # a client counting UTF-16 units (doccano's bug) lands 3 places later: refused
    u16 = len(text[:start].encode("utf-16-le")) // 2
    assert u16 == start + 3
    shifted = Span(stored.id, u16, u16 + 7, Label.CLAIM, stored.quote)
    with pytest.raises(FileFormatError, match="does not match"):
        check_against(replace(loaded, spans=(shifted,)), article)


def test_line_separators_survive_a_lesson_round_trip(tmp_path: Path) -> None:
    text = "One\u2028two\u2029three\x85four\u00a0five 😀"
    save_lesson(tmp_path / "l.json", make_lesson(text))
    assert load_lesson(tmp_path / "l.json").article.text == text


def test_lone_surrogates_are_found_and_pairs_are_not() -> None:
    from medialit.core.text import has_lone_surrogate

    assert has_lone_surrogate("a\ud800b") and has_lone_surrogate("\udfff")
    assert not has_lone_surrogate("emoji 😀 and 👩‍👩‍👧 are whole characters")
