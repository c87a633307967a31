"""Which submission is graded (issue 12): the teacher's pick, else the latest imported before
the key was released and not held back; dates that cannot be trusted and copied ids are held."""

from __future__ import annotations

import pytest

from medialit.core.gradebook.graded import HandIn, Rules, choose, held_reasons, instant
from medialit.core.gradebook.names import name_key, proposals
from medialit.core.gradebook.rows import Status
from medialit.core.submission import SubmissionHeader


def handed(key: str, at: str, imported: str = "2026-03-02T08:00:00+00:00", **kw: object) -> HandIn:
    header = SubmissionHeader(
        lesson_id="l",
        lesson_version=int(kw.get("version", 1)),  # type: ignore[call-overload]
        article_sha256="",
        student_id=str(kw.get("student_id", "ann-id")),
        student_name=str(kw.get("name", "Ann Lee")),
        class_code="8A",
        submitted_at=at,
    )
    return HandIn(key, header, imported_at=imported)


def pick(subs: list[HandIn], rules: Rules | None = None) -> tuple[str | None, Status]:
    rules = rules or Rules()
    choice = choose(subs, rules, held_reasons(subs, rules))
    return (choice.graded.key if choice.graded else None), choice.status


@pytest.mark.parametrize(
    ("name", "same_as"),
    [
        ("Okafor, Daniel", "Daniel Okafor"),
        ("daniel   OKAFOR", "Daniel Okafor"),
        ("Zoe Angstrom", "Zoë Ångström"),
        ("Chloe-Martin", "Chloé Martin"),
        ("ＡＮＮ ＬＥＥ", "Ann Lee"),  # full-width letters (NFKD folds them)
        ("Kierkegaard, Soren", "Søren Kierkegaard"),  # ø ł æ are no letter and a mark
        ("Lukasz Zolw", "Łukasz Żółw"),
        ("Aeryn Doerr", "Æryn Dœrr"),
    ],
)
def test_names_fold_case_accents_spacing_and_order(name: str, same_as: str) -> None:
    assert name_key(name) == name_key(same_as)


def test_different_names_stay_different() -> None:
    assert name_key("Dan Okafor") != name_key("Daniel Okafor")
    assert name_key("Ann Lee") != name_key("Anne Lee")


def test_close_names_are_proposed_closest_first_never_equal_ones() -> None:
    roster = ["Daniel Okafor", "Dora Missing", "Ben Okafor", "Okafor Daniel"]
    found = proposals("Dan Okafor", roster, roster)
    assert [p.entry_name for p in found] == ["Daniel Okafor", "Okafor Daniel", "Ben Okafor"]
    assert found[0].similarity == pytest.approx(100 * 2 * 10 / 23)  # Indel: "dan"->"daniel"
    # An equal name is a match, not a proposal.
    assert [p.entry_name for p in proposals("Daniel Okafor", roster, roster)] == []
    assert proposals("Zed Quinn", roster, roster) == []


def test_instants_need_an_offset() -> None:
    assert instant("2026-03-01T10:00:00+02:00") == instant("2026-03-01T08:00:00Z")
    assert instant("2026-03-01T10:00:00") is None
    assert instant("yesterday") is None


def test_the_latest_by_instant_not_by_text_is_graded() -> None:
    # 10:30+02:00 is 08:30 UTC, earlier than 09:00Z although its text sorts later.
    subs = [handed("a", "2026-03-01T10:30:00+02:00"), handed("b", "2026-03-01T09:00:00+00:00")]
    assert pick(subs) == ("b", Status.SUBMITTED)


def test_after_key_release_by_import_time_whatever_date_it_claims() -> None:
    before = handed("before", "2026-03-01T09:00:00+00:00", "2026-03-01T12:00:00+00:00")
    # Imported after the release, dated (by the student's laptop) before it.
    after = handed("after", "2026-03-01T09:30:00+00:00", "2026-03-01T15:00:00+00:00")
    rules = Rules(key_released_at="2026-03-01T13:00:00+00:00")
    assert pick([before, after], rules) == ("before", Status.SUBMITTED)
    assert pick([after], rules) == (None, Status.AFTER_KEY_RELEASE)
    picked = Rules(key_released_at=rules.key_released_at, picks=frozenset({"after"}))
    assert pick([before, after], picked) == ("after", Status.AFTER_KEY_RELEASE)
    assert pick([before, after]) == ("after", Status.SUBMITTED)  # never released: latest


def test_the_teachers_pick_wins() -> None:
    subs = [handed("old", "2026-03-01T09:00:00Z"), handed("new", "2026-03-01T10:00:00Z")]
    choice = choose(subs, Rules(picks=frozenset({"old"})), {})
    assert choice.graded is not None and choice.graded.key == "old" and choice.picked
    assert [h.key for h in choice.others] == ["new"]


def test_late_only_with_a_due_date() -> None:
    subs = [handed("a", "2026-03-01T10:00:01+00:00")]
    assert pick(subs) == ("a", Status.SUBMITTED)
    assert pick(subs, Rules(due_at="2026-03-01T10:00:00+00:00")) == ("a", Status.LATE)
    assert pick(subs, Rules(due_at="2026-03-01T12:00:00+02:00")) == ("a", Status.LATE)
    assert pick(subs, Rules(due_at="2026-03-01T11:00:01+01:00")) == ("a", Status.SUBMITTED)


def test_nothing_handed_in_is_not_submitted() -> None:
    assert pick([]) == (None, Status.NOT_SUBMITTED)


def test_a_date_far_after_its_import_is_held_not_graded_unless_picked() -> None:
    future = handed("future", "9999-12-31T23:59:59+00:00")
    honest = handed("honest", "2026-03-02T07:00:00+00:00")
    held = held_reasons([future, honest], Rules())
    assert set(held) == {"future"}
    assert "more than a day after it was imported" in held["future"]
    assert pick([future, honest]) == ("honest", Status.SUBMITTED)
    assert pick([future]) == (None, Status.NEEDS_REVIEW)
    assert pick([future], Rules(picks=frozenset({"future"}))) == ("future", Status.SUBMITTED)
    # 24 hours of slack: a wrong time zone on the laptop is not a reason.
    near = handed("near", "2026-03-03T08:00:00+00:00")
    assert held_reasons([near], Rules()) == {}


def test_a_date_far_before_its_lesson_version_is_held() -> None:
    rules = Rules(version_created={2: "2026-03-01T08:00:00+00:00"})
    early = handed("early", "2026-02-28T07:59:59+00:00", version=2)
    fine = handed("fine", "2026-02-28T08:00:00+00:00", version=2)
    held = held_reasons([early, fine], rules)
    assert list(held) == ["early"] and "before lesson version 2 was made" in held["early"]


def test_a_copied_student_id_is_held_until_confirmed() -> None:
    ann = handed("ann", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00+00:00")
    ben = handed("ben", "2026-03-01T09:05:00Z", "2026-03-01T11:00:00+00:00", name="Ben Ng")
    held = held_reasons([ann, ben], Rules())
    assert list(held) == ["ben"] and "first used by “Ann Lee”" in held["ben"]
    # The same name typed differently is the same student.
    again = handed("again", "2026-03-01T09:10:00Z", "2026-03-01T12:00:00Z", name="lee, ann")
    assert "again" not in held_reasons([ann, ben, again], Rules())
    confirmed = Rules(confirmed=frozenset({("ann-id", name_key("Ben Ng"))}))
    assert "ben" not in held_reasons([ann, ben], confirmed)


def test_a_key_confirmed_before_o_slash_was_folded_still_holds() -> None:
    """A teacher confirmed "Søren Ng" on an id while name keys kept ø ("ng søren", stored):
    the confirmation still holds now that the key reads ø as o."""
    ann = handed("ann", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00+00:00")
    ben = handed("ben", "2026-03-01T09:05:00Z", "2026-03-01T11:00:00+00:00", name="Søren Ng")
    assert "ben" in held_reasons([ann, ben], Rules())
    stored = Rules(confirmed=frozenset({("ann-id", "ng søren")}))
    assert "ben" not in held_reasons([ann, ben], stored)


def test_a_confirmed_owner_holds_the_first_importer_if_that_was_the_copier() -> None:
    ben = handed("ben", "2026-03-01T09:05:00Z", "2026-03-01T10:00:00+00:00", name="Ben Ng")
    ann = handed("ann", "2026-03-01T09:00:00Z", "2026-03-01T11:00:00+00:00")
    assert list(held_reasons([ben, ann], Rules())) == ["ann"]
    rules = Rules(confirmed=frozenset({("ann-id", name_key("Ann Lee"))}))
    assert list(held_reasons([ben, ann], rules)) == ["ben"]


def test_two_names_with_one_id_in_the_first_import_hold_both() -> None:
    at = "2026-03-01T10:00:00+00:00"
    both = [handed("a", at, at), handed("b", at, at, name="Ben Ng")]
    assert set(held_reasons(both, Rules())) == {"a", "b"}
