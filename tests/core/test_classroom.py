"""Class aggregation: scores as `medialit score` gives them, most-missed, confusion, averages, heatmap."""

import dataclasses

import pytest

from medialit.core.classroom import (
    confusion_pairs,
    heatmap,
    label_averages,
    most_missed,
    score_class,
    summary,
)
from medialit.core.errors import UnscorableKeyError
from medialit.core.model import KeySpan, Label, Span
from medialit.core.scoring import score
from medialit.core.submission import Submission
from medialit.core.teacher.authoring import new_lesson, revise_text

# scoring.md's worked example
T = "Baldwin said it was a one-in-a-trillion event (via CBS News)."
KEY = (
    KeySpan("k1", 0, 45, Label.CLAIM, T[0:45]),
    KeySpan("k2", 46, 61, Label.SOURCING, T[46:61]),
)


def _lesson():
    return dataclasses.replace(new_lesson(T, title="Worked"), key=KEY)


def _sub(lesson, sid: str, spans: list[tuple[int, int, Label]]) -> Submission:
    return Submission(
        lesson_id=lesson.id,
        lesson_version=lesson.version,
        article_sha256=lesson.article.sha256,
        student_id=sid,
        student_name=f"Name {sid}",
        class_code="8B",
        submitted_at="2026-11-30T09:00:00+00:00",
        spans=tuple(Span.create(lesson.article, s, e, lab) for s, e, lab in spans),
    )


def _class():
    lesson = _lesson()
    subs = [
        _sub(lesson, "a", [(13, 46, Label.CLAIM), (47, 59, Label.FACT)]),  # the worked example
        _sub(lesson, "b", [(0, 45, Label.CLAIM), (47, 59, Label.SOURCING)]),  # perfect
        _sub(lesson, "c", [(47, 59, Label.FACT)]),  # claim missed, sourcing as fact
        _sub(lesson, "d", []),  # nothing
    ]
    return lesson, subs, score_class(lesson, subs)


def test_scores_are_scoring_md_numbers() -> None:
    _, subs, results = _class()
    by_id = {row.student_id: row for row in results.rows}
    assert by_id["a"].report.score == 41.6
    assert by_id["b"].report.score == 100.0
    assert by_id["a"].report == score(KEY, subs[0].spans, T)
    assert by_id["a"].result.student == "a" and by_id["a"].name == "Name a"


def test_most_missed_and_confusion_pairs() -> None:
    _, _, results = _class()
    reports = [row.report for row in results.rows]
    ranked = most_missed(reports)
    assert [m.key.id for m in ranked] == ["k2", "k1"]
    sourcing, claim = ranked
    assert (sourcing.missed, sourcing.wrong_label, sourcing.correct) == (1, 2, 1)
    assert (claim.missed, claim.partial, claim.correct) == (2, 1, 1)
    pairs = confusion_pairs(reports)
    assert [str(p) for p in pairs] == ["sourcing labelled as fact: 2 students"]


def test_class_view_data_follows_outcomes_v2() -> None:
    # scoring.md v2: "CBS" (3 of 12 characters of the sourcing key span) labelled fact is no
    # attempt at it: the span is missed, not a fact/sourcing confusion; "via CBS News" as
    # fact (all of it) still is one.
    lesson = _lesson()
    subs = [
        _sub(lesson, "small", [(0, 45, Label.CLAIM), (51, 54, Label.FACT)]),
        _sub(lesson, "whole", [(0, 45, Label.CLAIM), (47, 59, Label.FACT)]),
    ]
    reports = [row.report for row in score_class(lesson, subs).rows]
    (sourcing,) = [m for m in most_missed(reports) if m.key.id == "k2"]
    assert (sourcing.missed, sourcing.wrong_label) == (1, 1)
    assert [str(p) for p in confusion_pairs(reports)] == ["sourcing labelled as fact: 1 student"]
    assert [r.spurious for r in reports] == [1, 0]


def test_label_averages_and_summary() -> None:
    _, _, results = _class()
    reports = [row.report for row in results.rows]
    averages = {a.label: a for a in label_averages(reports)}
    assert averages[Label.FACT].f1 is None and averages[Label.FACT].students == 0
    assert averages[Label.CLAIM].students == 4
    assert averages[Label.SOURCING].recall == pytest.approx(0.25)
    s = summary(reports)
    assert s.students == 4 and s.mean_score == pytest.approx((41.6 + 100 + 0 + 0) / 4)


def test_heatmap_counts_students_who_labelled_as_the_key() -> None:
    _, _, results = _class()
    runs = heatmap(KEY, [row.report for row in results.rows])
    # claim [0, 45): b covers it all, a covers [13, 45); sourcing [46, 61): only b, on [47, 59)
    assert [(r.start, r.end, r.count) for r in runs] == [
        (0, 13, 1),
        (13, 45, 2),
        (46, 47, 0),
        (47, 59, 1),
        (59, 61, 0),
    ]


def test_key_edit_rescores_everyone() -> None:
    lesson, subs, before = _class()
    accepting = dataclasses.replace(KEY[1], also_accept=frozenset({Label.FACT}))
    after = score_class(dataclasses.replace(lesson, key=(KEY[0], accepting)), subs)
    old = {r.student_id: r.report.score for r in before.rows}
    new = {r.student_id: r.report.score for r in after.rows}
    assert new["c"] > old["c"] and new["a"] > old["a"] and new["b"] == old["b"]


def test_late_submission_on_earlier_text_is_reanchored() -> None:
    lesson, subs, _ = _class()
    revised = revise_text(lesson, "CORRECTED: " + T).lesson
    results = score_class(revised, subs)
    by_id = {row.student_id: row for row in results.rows}
    assert by_id["a"].report.score == 41.6 and by_id["a"].orphans == 0


def test_key_without_required_span_cannot_be_scored() -> None:
    lesson = dataclasses.replace(_lesson(), key=(dataclasses.replace(KEY[0], optional=True),))
    with pytest.raises(UnscorableKeyError):
        score_class(lesson, [])
