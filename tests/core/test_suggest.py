"""The suggested key: each cue a teacher names gives its label, spans never overlap within a
label, every span is trimmed as scoring.md trims, any text is taken, and no network is used.

The expected spans are written by hand from the sentences (`check` finds their offsets by
quote), not taken from the suggester.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.core.lesson import bundled_lessons, load_lesson
from medialit.core.model import KeySpan, Label
from medialit.core.suggest import Suggestion, suggest, tidy, without_key_overlaps
from medialit.core.text import trim

C, F, SP, SO = Label.CLAIM, Label.FACT, Label.SPECULATION, Label.SOURCING
SRC = Path(__file__).resolve().parents[2] / "src"


def check(text: str, expected: list[tuple[Label, str]]) -> None:
    """The suggestions for `text` are exactly `expected` (label, quote), in text order."""
    got = [(s.label, text[s.start : s.end]) for s in suggest(text)]
    assert got == expected


def test_a_hedge_is_speculation_and_who_said_it_is_sourcing() -> None:
    check(
        "Officials said the bridge may close next year.",
        [(SO, "Officials said"), (SP, "the bridge may close next year")],
    )


def test_it_is_thought_and_if_are_speculation() -> None:
    check(
        "It is thought that the fire started in the kitchen of the house.",
        [(SP, "It is thought that the fire started in the kitchen of the house")],
    )
    check(
        "If the rain keeps up, the match could be moved to Sunday.",
        [(SP, "If the rain keeps up, the match could be moved to Sunday")],
    )


def test_speculation_starts_at_the_that_before_its_hedge() -> None:
    check(
        "Some fans are sure that the coach will likely leave.",
        [(SP, "the coach will likely leave")],
    )


def test_according_to_marks_the_attribution_phrase_itself() -> None:
    check(
        "The river rose 2 metres on Monday, according to the city's flood office.",
        [(F, "The river rose 2 metres on Monday"), (SO, "according to the city's flood office")],
    )


def test_a_quotation_is_a_claim_and_the_words_after_it_are_its_source() -> None:
    check(
        '"We will rebuild the library," said Mayor Ana Ruiz, who grew up nearby.',
        [(C, "We will rebuild the library"), (SO, "said Mayor Ana Ruiz, who grew up nearby")],
    )
    check(
        '"The tests were fine," the coach told the Daily Star after the game.',
        [(C, "The tests were fine"), (SO, "the coach told the Daily Star after the game")],
    )


def test_x_told_y_and_a_study_published_in() -> None:
    check(
        "Ruiz told reporters the old bridge was perfectly safe.",
        [(SO, "Ruiz told reporters"), (C, "the old bridge was perfectly safe")],
    )
    check(
        "A study published in March in the journal Heart found that coffee drinkers lived longer.",
        [
            (SO, "A study published in March in the journal Heart found"),
            (F, "coffee drinkers lived longer"),
        ],
    )


def test_via_and_a_description_in_quotation_marks() -> None:
    check(
        'He called the plan "a total mess" (via The Courier).',
        [(SO, "He called the plan"), (C, "a total mess"), (SO, "via The Courier")],
    )


def test_reportedly_is_sourcing_and_makes_its_statement_a_claim() -> None:
    check(
        "The club was reportedly sold for $3 million last week.",
        [(C, "The club was reportedly sold for $3 million last week"), (SO, "reportedly")],
    )


def test_checkable_particulars_without_a_hedge_or_source_are_fact() -> None:
    check(
        "The council voted 5 to 2 on Tuesday to close the pool in August.",
        [(F, "The council voted 5 to 2 on Tuesday to close the pool in August")],
    )
    check("The weather was lovely and everyone was happy.", [])


def test_accusations_and_loaded_words_are_claims() -> None:
    check(
        'He accused the mayor of "hiding the real costs from everyone".',
        [(C, 'He accused the mayor of "hiding the real costs from everyone')],
    )
    check(
        "The new stadium is a disaster for the whole town.",
        [(C, "The new stadium is a disaster for the whole town")],
    )


def test_titles_in_quotation_marks_are_part_of_the_sentence_and_questions_are_left_alone():
    check(
        'She starred in "Rust" and "Dune" last year.',
        [(F, 'She starred in "Rust" and "Dune" last year')],
    )
    check('"Where are the children supposed to swim now?" asked one parent.', [])


def test_offsets_are_code_points_after_an_emoji() -> None:
    text = '😀 "We will win the final," said the captain.'
    got = suggest(text)
    assert [(s.start, s.end, s.label) for s in got] == [(3, 24, C), (27, 43, SO)]
    assert text[3:24] == "We will win the final" and text[27:43] == "said the captain"


def test_reasons_name_the_cue_in_plain_words() -> None:
    text = "Officials said the bridge may close next year."
    reasons = {s.label: s.reason for s in suggest(text)}
    assert '"may"' in reasons[SP] and "guess" in reasons[SP]
    assert '"Officials said"' in reasons[SO]


@pytest.mark.parametrize("path", bundled_lessons(), ids=lambda p: p.name)
def test_every_reason_reads_at_grade_8_or_under(path: Path) -> None:
    """The reasons become draft explanations a 14-year-old reads (as core/wording.py's)."""
    reasons = {s.reason for s in suggest(load_lesson(path).article.text)}
    hard = {r: textstat.flesch_kincaid_grade(r) for r in reasons}
    assert all(grade <= 8 for grade in hard.values()), {r: g for r, g in hard.items() if g > 8}


def test_an_empty_or_cue_free_text_gives_nothing() -> None:
    assert suggest("") == []
    assert suggest("   \n\n  ") == []
    assert suggest("ok") == []


def test_another_language_gets_what_the_cues_find_and_no_error() -> None:
    french = "Le ministre a déclaré « nous allons augmenter les impôts de 5 % » mardi."
    quote = french.index("nous"), french.index("5 %") + 1  # "%" is trimmed (scoring.md)
    claims = [(s.start, s.end) for s in suggest(french) if s.label is C]
    assert any(s <= quote[0] and quote[1] <= e for s, e in claims), "the quotation is a claim"
    for text in (
        "据报道，政府可能在2025年提高税收。“这是不可接受的，”他说。",
        "Привет, мир! " * 50,
    ):
        _assert_well_formed(text, suggest(text))


def _assert_well_formed(text: str, found: list[Suggestion]) -> None:
    last_end: dict[Label, int] = {}
    for s in sorted(found, key=lambda s: (s.label.value, s.start)):
        assert 0 <= s.start < s.end <= len(text)
        assert trim(text, s.start, s.end) == (s.start, s.end), "trimmed as scoring.md trims"
        assert s.start >= last_end.get(s.label, 0), f"{s.label.value} spans overlap"
        assert s.reason.strip()
        last_end[s.label] = s.end
    assert found == sorted(found, key=lambda s: (s.start, s.end, s.label.value))


@pytest.mark.parametrize("path", bundled_lessons(), ids=lambda p: p.name)
def test_the_bundled_articles_get_every_label_well_formed(path: Path) -> None:
    text = load_lesson(path).article.text
    found = suggest(text)
    _assert_well_formed(text, found)
    assert {s.label for s in found} == set(Label)


NEWSY = st.sampled_from(
    [" ", " ", " ", "\n", "\n\n", ",", ".", ". ", '"', "'", "“", "”", "(", ")", ":", ";", "?",
     " — ", "said", "says", "told", "may", "could", "If", "that", "according to", "(via ",
     "reportedly", "Dr.", "No.", "2019", "$5", "41,000", "March", "Okafor", "the report",
     "called", "accused", "shocking", "and", "but", "which", "It is thought", "In the clip",
     "didn't", "parents'", "😀", "\u00a0", "\u2028", "é", "ß"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(NEWSY, max_size=80).map("".join))
def test_random_news_like_text_never_overlaps_within_a_label(text: str) -> None:
    _assert_well_formed(text, suggest(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_is_taken(text: str) -> None:
    _assert_well_formed(text, suggest(text))


def test_tidy_drops_a_later_overlapping_span_of_the_same_label_only() -> None:
    text = "alpha beta gamma delta"
    found = [
        Suggestion(0, 10, C, "a"),
        Suggestion(6, 16, C, "b"),  # overlaps the first claim: dropped
        Suggestion(6, 16, F, "c"),  # another label may overlap
        Suggestion(10, 16, C, "d"),  # " gamma" trims to "gamma" and touches: kept
        Suggestion(5, 6, SO, "e"),  # only a space: trims to nothing, dropped
    ]
    assert [(s.start, s.end, s.label, s.reason) for s in tidy(text, found)] == [
        (0, 10, C, "a"),
        (6, 16, F, "c"),
        (11, 16, C, "d"),
    ]


def test_suggestions_overlapping_a_key_span_of_the_same_label_are_left_out() -> None:
    key = [KeySpan("k1", 10, 20, C, "x" * 10), KeySpan("k2", 40, 50, F, "y" * 10)]
    found = [
        Suggestion(0, 10, C, "touches k1: kept"),
        Suggestion(19, 25, C, "one character in k1: out"),
        Suggestion(12, 18, F, "inside k1 but another label: kept"),
        Suggestion(30, 60, F, "covers k2: out"),
        Suggestion(50, 55, F, "after k2: kept"),
    ]
    kept = [s.reason for s in without_key_overlaps(found, key)]
    assert kept == ["touches k1: kept", "inside k1 but another label: kept", "after k2: kept"]


def test_the_suggester_works_with_every_socket_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network use is not allowed in this test")

    for name in ("socket", "create_connection", "getaddrinfo", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    for path in bundled_lessons():
        assert suggest(load_lesson(path).article.text)


def test_a_fresh_process_imports_and_runs_the_suggester_with_sockets_refused(
    tmp_path: Path,
) -> None:
    """Import time included: nothing is downloaded or looked up when the modules load."""
    article = tmp_path / "article.html"
    article.write_text(
        "<html><body><p>The mayor may resign, officials said on Monday.</p></body></html>",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        import socket, sys
        def refuse(*args, **kwargs):
            raise OSError("network use is not allowed")
        for name in ("socket", "create_connection", "getaddrinfo", "socketpair"):
            setattr(socket, name, refuse)
        from medialit.core.suggest_io import draft_for_file
        draft = draft_for_file({str(article)!r})
        print(sorted(s.label.value for s in draft.suggestions))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "['sourcing', 'speculation']"


@pytest.mark.parametrize("lesson", bundled_lessons(), ids=lambda p: p.stem)
def test_a_reason_never_ends_a_quote_with_a_second_full_stop(lesson: Path) -> None:
    """'…: "said parks director Linda Okafor.".' was seen in the key editor."""
    text = load_lesson(lesson).article.text
    for suggestion in suggest(text):
        assert '."' not in suggestion.reason, suggestion.reason
        assert ',"' not in suggestion.reason, suggestion.reason
