"""core.review: what each feedback mode shows, the wording of each outcome, empty cells as —."""

from __future__ import annotations

import pytest

from medialit.core.errors import UnscorableKeyError
from medialit.core.lesson import default_lesson_path, load_lesson
from medialit.core.model import FeedbackMode, Label
from medialit.core.review import (
    EMPTY,
    STUDENT,
    Audience,
    Voice,
    describe,
    lead,
    review_items,
    score_text,
    shows_explanations,
    shows_outcomes,
)
from medialit.core.review_figures import (
    all_labels_text,
    figure_help,
    figure_rows,
    other_counts,
    percent,
)
from medialit.core.scoring import OutcomeKind, score, score_lesson
from tests.helpers import make_lesson
from tests.span_markup import key_of, spans_of

WHY = FeedbackMode.WHERE_WHY
WORKED_KEY = "[Baldwin said it was a one-in-a-trillion event|claim] [(via CBS News).|sourcing]"
WORKED_STUDENT = "Baldwin said [it was a one-in-a-trillion event |claim]([via CBS News|fact])."


def items(key: str, student: str, mode: FeedbackMode = WHY, voice: Voice = STUDENT):
    text, key_spans = key_of(key)
    student_text, spans = spans_of(student)
    assert student_text == text
    return review_items(score(key_spans, spans, text), mode=mode, voice=voice)


def check(key: str, student: str, *expected: tuple[str, str, str]) -> None:
    """Each item as (heading, quote, message), in order."""
    got = [(item.heading, item.quote, item.message) for item in items(key, student)]
    assert got == list(expected)


def check_voice(voice: Voice, key: str, student: str, *expected: str) -> None:
    """Each item's message in `voice`, in order."""
    assert [item.message for item in items(key, student, voice=voice)] == list(expected)


def test_worked_example_wording_and_figures() -> None:
    check(
        WORKED_KEY,
        WORKED_STUDENT,
        (
            "◐ Partly found · claim",
            "Baldwin said it was a one-in-a-trillion event",
            "You found this claim, but your span was shorter. You got 32 of its 45 characters.",
        ),
        (
            "✗ Wrong label · sourcing",
            "via CBS News",
            "You labelled this as fact, but the key says sourcing.",
        ),
    )
    text, key_spans = key_of(WORKED_KEY)
    report = score(key_spans, spans_of(WORKED_STUDENT)[1], text)
    table = {row.title: tuple(cell.text for cell in row.cells) for row in figure_rows(report)}
    assert table == {
        "Claim": ("100%", "71%", "83%"),
        "Fact": ("0%", EMPTY, EMPTY),  # no key span is fact: empty, not 0
        "Speculation": (EMPTY, EMPTY, EMPTY),
        "Sourcing": (EMPTY, "0%", "0%"),  # no student span is sourcing; F1 is 0, not empty
    }
    # All labels: precision and recall only; their F1 is the score, shown once, out of 100.
    assert all_labels_text(report) == (
        "All labels together: precision 50%, recall 36%. Your score is their F1, out of 100."
    )
    assert score_text(report) == "Score 41.6 out of 100"
    assert "42%" not in all_labels_text(report)
    rows = {row.title: row for row in figure_rows(report)}
    assert rows["Fact"].recall.why == "The key has no fact span to find."
    assert rows["Sourcing"].precision.why == "You labelled nothing as sourcing."
    assert rows["Claim"].precision.why == ""
    # found = correct + partial of the required key spans; exactly right = correct;
    # the last part counts spurious spans.
    assert lead(report) == (
        "You found 1 of the 2 key spans · 0 exactly right · every label you made is on a key span"
    )
    assert other_counts(report) == "✗ 1 wrong label"


def test_correct_and_also_accepted_label() -> None:
    check(
        "[Police|sourcing] said [it rained|fact+claim].",
        "[Police|sourcing] said [it rained|claim].",
        ("✓ Correct · sourcing", "Police", "You found this sourcing with just the key's words."),
        (
            "✓ Correct · fact",
            "it rained",
            "You found this fact with just the key's words. "
            "You chose claim, which the key also takes here.",
        ),
    )


def test_partial_longer_and_crossing() -> None:
    check(
        "Police said [it rained|fact] all day.",
        "Police [said it rained|fact] all day.",
        (
            "◐ Partly found · fact",
            "it rained",
            "You found this fact, but your span was longer. It has 5 more characters "
            "than the key's 9.",
        ),
    )
    check(
        "Police said [it rained all|fact] day.",
        "Police [said it|fact] rained all day.",
        (
            "◐ Partly found · fact",
            "it rained all",
            "You found part of this fact. You got 2 of its 13 characters, "
            "and your span goes past it.",
        ),
    )


def test_missed_spurious_bonus_and_wrong_label_with_alternatives() -> None:
    check(
        "[Police|sourcing] said [it rained|fact+speculation]. [Maybe|speculation?] so.",
        "Police [said|claim] [it rained|claim]. [Maybe|speculation] so.",
        ("○ Missed · sourcing", "Police", "You did not find this. The key says it is sourcing."),
        (
            "? Not in the key · claim",
            "said",
            "You labelled this as claim. It matches nothing in the key, so it lowers your score.",
        ),
        (
            "✗ Wrong label · fact",
            "it rained",
            "You labelled this as claim, but the key says fact (it also takes speculation).",
        ),
        (
            "+ Bonus · speculation",
            "Maybe",
            "Well spotted! This speculation is an extra in the key, and you found it "
            "(5 of 5 characters). It does not count in your score.",
        ),
    )


def test_items_are_in_text_order_one_per_required_key_span_plus_spurious_and_bonus() -> None:
    got = items(
        "[A b|claim] c [d e|fact] [f|speculation?] g [h i|sourcing]",
        "[A|claim] b [c|fact] d e [f|speculation] g [h i|sourcing]",
    )
    assert [(i.kind, i.start, i.end) for i in got] == [
        (OutcomeKind.PARTIAL, 0, 3),
        (OutcomeKind.SPURIOUS, 4, 5),
        (OutcomeKind.MISSED, 6, 9),
        (OutcomeKind.BONUS, 10, 11),
        (OutcomeKind.CORRECT, 14, 17),
    ]
    assert [i.counted for i in got] == [True, True, True, False, True]
    assert got[1].key is None and got[1].student is not None and got[1].label is Label.FACT
    assert got[2].student is None


@pytest.mark.parametrize(
    ("mode", "outcomes", "explanations"),
    [
        (FeedbackMode.NONE, False, False),
        (FeedbackMode.SCORE, False, False),
        (FeedbackMode.WHERE, True, False),
        (FeedbackMode.WHERE_WHY, True, True),
    ],
)
def test_what_each_mode_shows(mode: FeedbackMode, outcomes: bool, explanations: bool) -> None:
    assert shows_outcomes(mode) is outcomes and shows_explanations(mode) is explanations
    lesson = load_lesson(default_lesson_path())
    report = score_lesson(lesson, [])
    got = review_items(report, mode=mode)
    if not outcomes:
        assert got == ()
        return
    required = [k for k in lesson.key or () if not k.optional]
    assert len(got) == len(required) == report.missed
    assert all(item.kind is OutcomeKind.MISSED for item in got)
    assert [item.start for item in got] == sorted(k.start for k in required)
    if explanations:
        by_id = {k.id: k.explanation for k in required}
        assert all(item.explanation == by_id[item.key.key.id] for item in got)  # type: ignore[union-attr]
        assert "Why: " in got[0].text()
    else:
        assert all(item.explanation == "" for item in got)
        assert "Why:" not in got[0].text()


def test_percent_rounds_halves_up_and_empty_is_a_dash() -> None:
    assert percent(None) == EMPTY == "—"
    assert percent(0.0) == "0%"
    assert percent(0.125) == "13%"  # round() would give 12
    assert percent(1.0) == "100%"


def test_a_lesson_without_a_key_cannot_be_reviewed() -> None:
    with pytest.raises(UnscorableKeyError, match="no answer key"):
        score_lesson(make_lesson(title="Pack"), [])


def test_a_report_without_details_is_refused() -> None:
    text, key_spans = key_of(WORKED_KEY)
    report = score(key_spans, [], text, details=False)
    with pytest.raises(ValueError, match="details=False"):
        review_items(report, mode=WHY)
    assert review_items(report, mode=FeedbackMode.SCORE) == ()


def test_item_text_shortens_long_quotes() -> None:
    text = "x " * 300
    got = items(f"[{text.strip()}|claim]", f"[{text.strip()}|claim]")
    assert len(got[0].text(quote_chars=20).splitlines()[1]) == 22  # “ + 20 + ”


# -- the teacher's voice -------------------------------------------------------------------

BEN = Voice.teacher("Ben  Haddad")  # whitespace in a name is tidied


def test_a_small_span_inside_a_long_key_span_is_not_called_a_wrong_label() -> None:
    # scoring.md outcomes v2: "CBS" as fact covers 3 of the 12 characters of "via CBS News",
    # so the review never says "You labelled this as fact" about the key span; about "CBS" it
    # says why it does not count, naming the key span boxed around it.
    check(
        "[Baldwin said it|claim] ([via CBS News|sourcing]).",
        "[Baldwin said it|claim] (via [CBS|fact] News).",
        (
            "✓ Correct · claim",
            "Baldwin said it",
            "You found this claim with just the key's words.",
        ),
        (
            "○ Missed · sourcing",
            "via CBS News",
            "You did not find this. The key says it is sourcing.",
        ),
        (
            "? Not in the key · fact",
            "CBS",
            "You labelled this as fact. It covers less than half of the key's sourcing span "
            "here, so it does not count as an attempt at it and lowers your score. "
            "A different label must cover at least half to count.",
        ),
    )


def test_the_teachers_voice_names_the_student_instead_of_you() -> None:
    assert BEN.audience is Audience.TEACHER and BEN.name == "Ben Haddad"
    check_voice(
        BEN,
        WORKED_KEY,
        WORKED_STUDENT,
        "Ben Haddad found this claim, but the span was shorter. It has 32 of its 45 characters.",
        "Ben Haddad labelled this as fact, but the key says sourcing.",
    )
    check_voice(
        BEN,
        "[Police|sourcing] said [it rained|fact+speculation]. [Maybe|speculation?] so.",
        "Police [said|claim] [it rained|claim]. [Maybe|speculation] so.",
        "Ben Haddad did not find this. The key says it is sourcing.",
        "Ben Haddad labelled this as claim. It matches nothing in the key, so it lowers the score.",
        "Ben Haddad labelled this as claim, but the key says fact (it also takes speculation).",
        "This speculation is an extra in the key, and Ben Haddad found it "
        "(5 of 5 characters). It is a bonus and does not count.",
    )
    check_voice(
        BEN,
        "[Police|sourcing] said [it rained|fact+claim].",
        "[Police|sourcing] said [it rained|claim].",
        "Ben Haddad found this sourcing with just the key's words.",
        "Ben Haddad found this fact with just the key's words. "
        "Ben Haddad chose claim, which the key also takes here.",
    )
    check_voice(
        BEN,
        "Police said [it rained|fact] all day. Police said [it rained all|fact] day.",
        "Police [said it rained|fact] all day. Police [said it|fact] rained all day.",
        "Ben Haddad found this fact, but the span was longer. It has 5 more characters "
        "than the key's 9.",
        "Ben Haddad found part of this fact. The span has 2 of its 13 characters, "
        "and goes past it.",
    )


def test_the_teachers_voice_without_a_name_says_the_student() -> None:
    voice = Voice.teacher("  ")
    check_voice(
        voice,
        "[Police|sourcing] said [it|fact?] rained.",
        "Police said [it|fact] rained.",
        "The student did not find this. The key says it is sourcing.",
        "This fact is an extra in the key, and the student found it "
        "(2 of 2 characters). It is a bonus and does not count.",
    )
    assert voice.work_heading("Rain") == "The student's work on “Rain”"
    assert "how much of what the student marked" in figure_help(voice)[0]


def test_headings_figures_and_help_follow_the_voice() -> None:
    assert STUDENT.work_heading("Rain") == "Your work on “Rain”"
    assert Voice(name="Zoë").work_heading("Rain") == "Zoë's work on “Rain”"
    assert BEN.work_heading("Rain") == "Ben Haddad's work on “Rain”"
    text, key_spans = key_of(WORKED_KEY)
    report = score(key_spans, spans_of(WORKED_STUDENT)[1], text)
    student = {row.title: row for row in figure_rows(report)}
    teacher = {row.title: row for row in figure_rows(report, voice=BEN)}
    assert student["Sourcing"].precision.why == "You labelled nothing as sourcing."
    assert teacher["Sourcing"].precision.why == "Ben Haddad labelled nothing as sourcing."
    assert teacher["Fact"].recall.why == "The key has no fact span to find."
    numbers = {t: tuple(c.text for c in row.cells) for t, row in student.items()}
    assert {t: tuple(c.text for c in row.cells) for t, row in teacher.items()} == numbers
    assert figure_help()[0].startswith("Precision: how much of what you marked")
    assert [line.split(":")[0] for line in figure_help()[:2]] == ["Precision", "Recall"]
    assert figure_help()[2].startswith("F1 ") and EMPTY in figure_help(BEN)[3]
    assert all_labels_text(report, voice=BEN).endswith("The score is their F1, out of 100.")
    assert lead(report, voice=BEN).startswith("Ben Haddad found 1 of the 2 key spans")


def test_a_name_is_never_read_as_a_template() -> None:
    voice = Voice.teacher("{who} O'Brien {label}")
    text, key_spans = key_of("[Police|sourcing] said.")
    report = score(key_spans, [], text)
    assert describe(report.outcomes[0], voice=voice) == (
        "{who} O'Brien {label} did not find this. The key says it is sourcing."
    )


def test_one_character_is_singular() -> None:
    check(
        "[ab c|claim] d",
        "[ab|claim] c d",
        (
            "◐ Partly found · claim",
            "ab c",
            "You found this claim, but your span was shorter. You got 2 of its 4 characters.",
        ),
    )
    check(
        "[a|claim]b c",
        "[ab|claim] c",
        (
            "◐ Partly found · claim",
            "a",
            "You found this claim, but your span was longer. "
            "It has 1 more character than the key's 1.",
        ),
    )
