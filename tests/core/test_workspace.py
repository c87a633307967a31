"""Selections to spans (snapping, trimming) and the submission a student hands in."""

import re

import pytest

from medialit.core.jsonfile import dump_json
from medialit.core.model import Label, Span
from medialit.core.records import Student
from medialit.core.submission import check_against, parse_submission, submission_to_dict
from medialit.core.workspace import fits, make_submission, selection_range
from tests.helpers import UNICODE_TEXT, make_lesson


def check(marked: str, expected: str | None, *, snap: bool = True) -> None:
    """`marked` has the selection in [brackets]; `expected` is the quote it becomes."""
    start = marked.index("[")
    end = marked.index("]") - 1
    text = marked.replace("[", "").replace("]", "")
    found = selection_range(text, start, end, snap=snap)
    assert (text[found[0] : found[1]] if found else None) == expected


def test_a_selection_inside_a_word_grows_to_the_word() -> None:
    check("Police s[ai]d that", "said")


def test_edges_are_trimmed_then_snapped() -> None:
    check("Police [said ]that", "said")
    check("Police sa[id th]at", "said that")
    check("he said [“one-in-a-tri]llion event”", "one-in-a-trillion")
    check("(via [CBS News).]", "CBS News")


def test_only_spaces_and_punctuation_is_refused() -> None:
    check("one[, ]two", None)
    check("one [“…”] two", None)


def test_snapping_off_keeps_the_exact_characters() -> None:
    check("Police s[ai]d that", "ai", snap=False)
    check("Police [said ]that", "said", snap=False)  # trimming still applies


def test_symbols_stay_and_words_after_emoji_snap() -> None:
    check("costs [$5] now", "$5")
    check("prices rose 😀 f[as]t.", "fast")
    check("owner 👩‍👩‍👧 s[ai]d so", "said")
    check("The mayor 🇫🇷 cl[ai]med", "claimed")
    check("claimed [東]京 was", "東京")


def test_snapping_keeps_combining_accents_with_their_letter() -> None:
    text = "Cafe\u0301 staff"  # not NFC on purpose: the accent is its own code point
    found = selection_range(text, 0, 2, snap=True)
    assert found == (0, 5)


def test_fits_only_where_the_quote_is_the_text_at_the_offsets() -> None:
    lesson = make_lesson()
    good = Span.create(lesson.article, 0, 4, Label.CLAIM)
    moved = Span(good.id.replace("a", "b"), 0, 4, Label.FACT, "Nope")
    past = Span(good.id.replace("a", "c"), 5, 10_000, Label.FACT, "x")
    text = lesson.article.text
    assert [fits(text, s) for s in (good, moved, past)] == [True, False, False]


def test_submission_has_everything_and_round_trips_strictly() -> None:
    lesson = make_lesson()
    i = UNICODE_TEXT.index("fast")
    spans = [Span.create(lesson.article, i, i + 4, Label.FACT, note="seen it")]
    student = Student("f" * 32, "Zoë", "7B")
    sub = make_submission(lesson, student, spans, app_version="9.9")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00", sub.submitted_at)
    text = dump_json(submission_to_dict(sub)).decode("utf-8")
    back = parse_submission(text, origin="mem")
    check_against(back, lesson.article)
    assert (back.student_name, back.class_code, back.app_version) == ("Zoë", "7B", "9.9")
    assert back.spans == tuple(spans) and back.lesson_id == lesson.id
    assert back.article_sha256 == lesson.article.sha256


@pytest.mark.parametrize("word", ["fast", "東京", "staff"])
def test_submitted_offsets_are_code_points(word: str) -> None:
    lesson = make_lesson()
    i = UNICODE_TEXT.index(word)
    span = Span.create(lesson.article, i, i + len(word), Label.CLAIM)
    data = submission_to_dict(make_submission(lesson, Student("x", "X"), [span], app_version=""))
    assert UNICODE_TEXT[data["spans"][0]["start"] : data["spans"][0]["end"]] == word
