"""core.review: a stray label (spurious, scoring.md outcomes v2) on a key span of another label.

Such a span sits inside a box the review draws, so "It matches nothing in the key" reads as
untrue to the student; the review says instead that it covers too little of that key span to
count as an attempt at it. A stray label on no key span keeps the old sentence. The numbers
(outcomes, counts, score) are scoring's and do not change: they are checked here by hand.
"""

from __future__ import annotations

from medialit.core.model import Label
from medialit.core.review import Voice, overlapped_key
from medialit.core.scoring import ScoredSpan, score
from tests.core.test_review import check, check_voice, items
from tests.span_markup import key_of, spans_of

# The trial: a speculation "On October 21, Baldwin" inside the key's 61-character claim,
# and a fact on a sentence the key leaves alone.
TRIAL_KEY = "[On October 21, Baldwin was reportedly handed a gun on the set|claim]. Nobody knew."
TRIAL_STUDENT = (
    "[On October 21, Baldwin|speculation] was reportedly handed a gun on the set. "
    "[Nobody knew|fact]."
)
ON_KEY = (
    "labelled this as speculation. It covers less than half of the key's claim span here, "
    "so it does not count as an attempt at it and lowers {score}. "
    "A different label must cover at least half to count."
)
OFF_KEY = "labelled this as fact. It matches nothing in the key, so it lowers {score}."


def test_a_stray_label_on_a_key_span_says_it_covers_too_little_to_count() -> None:
    # 22 of the claim's 61 characters: under half, so the claim is missed and both student
    # spans are spurious (scoring.md, Outcomes); the score is 0 either way.
    check(
        TRIAL_KEY,
        TRIAL_STUDENT,
        (
            "? Not in the key · speculation",
            "On October 21, Baldwin",
            "You " + ON_KEY.format(score="your score"),
        ),
        (
            "○ Missed · claim",
            "On October 21, Baldwin was reportedly handed a gun on the set",
            "You did not find this. The key says it is claim.",
        ),
        (
            "? Not in the key · fact",
            "Nobody knew",
            "You " + OFF_KEY.format(score="your score"),
        ),
    )
    text, key = key_of(TRIAL_KEY)
    report = score(key, spans_of(TRIAL_STUDENT)[1], text)
    assert (report.spurious, report.missed, report.score) == (2, 1, 0.0)


def test_the_teachers_voice_says_the_same_about_the_student() -> None:
    for name, who in (("Ben Haddad", "Ben Haddad"), ("", "The student")):
        check_voice(
            Voice.teacher(name),
            TRIAL_KEY,
            TRIAL_STUDENT,
            f"{who} " + ON_KEY.format(score="the score"),
            f"{who} did not find this. The key says it is claim.",
            f"{who} " + OFF_KEY.format(score="the score"),
        )


def test_across_two_key_spans_it_names_the_one_it_covers_most() -> None:
    # "c d e" as speculation: 1 of claim "a b c" (5), 3 of fact "d e f g h" (9), both under
    # half, so spurious; it sits mostly on the fact.
    got = items("[a b c|claim] [d e f g h|fact]", "a b [c d e|speculation] f g h")
    stray = next(item for item in got if item.key is None)
    assert stray.quote == "c d e"
    assert "the key's fact span here" in stray.message


def test_a_stray_label_on_an_optional_span_nobody_found_keeps_the_old_sentence() -> None:
    # The review boxes the key spans in its outcomes; an optional span no accepted label
    # touched is not one of them (no box), so nothing is said about it.
    check(
        "[Police said|sourcing] [it may rain all day long|speculation?].",
        "[Police said|sourcing] it may [rain|claim] all day long.",
        (
            "✓ Correct · sourcing",
            "Police said",
            "You found this sourcing with just the key's words.",
        ),
        (
            "? Not in the key · claim",
            "rain",
            "You labelled this as claim. It matches nothing in the key, so it lowers your score.",
        ),
    )


def test_overlapped_key_ties_go_to_the_earliest_start_then_label_order() -> None:
    text, key = key_of("[[ab|fact]cd|claim] [[ef|speculation]|sourcing] gh")
    report = score(key, [], text)
    boxed = [o.key for o in report.outcomes if o.key is not None]
    assert [(k.start, k.end, k.label) for k in boxed] == [
        (0, 2, Label.FACT),
        (0, 4, Label.CLAIM),
        (5, 7, Label.SPECULATION),
        (5, 7, Label.SOURCING),
    ]
    found = overlapped_key(ScoredSpan(1, 6, Label.CLAIM, "bcd e"), boxed)
    # overlaps: fact 1, claim 3, speculation 1, sourcing 1: the claim
    assert found is not None and found.label is Label.CLAIM
    found = overlapped_key(ScoredSpan(3, 6, Label.CLAIM, "d e"), boxed)
    # claim 1, speculation 1, sourcing 1: the earliest start, the claim
    assert found is not None and found.label is Label.CLAIM
    found = overlapped_key(ScoredSpan(5, 7, Label.CLAIM, "ef"), boxed)
    # speculation 2 and sourcing 2, same start: label order puts speculation first
    assert found is not None and found.label is Label.SPECULATION
    assert overlapped_key(ScoredSpan(8, 10, Label.CLAIM, "gh"), boxed) is None
    assert overlapped_key(ScoredSpan(4, 5, Label.CLAIM, " "), boxed) is None  # only touches
