"""Roster-true rows (issue 12): one per roster student of the lesson's classes with a status,
submitters not on the roster listed apart with close names proposed, never applied."""

from __future__ import annotations

from medialit.core.gradebook.book import Listed, build
from medialit.core.gradebook.graded import HandIn, Rules
from medialit.core.gradebook.rows import Status
from medialit.core.submission import SubmissionHeader

IMPORTED = "2026-03-02T08:00:00+00:00"
ROSTER = [
    Listed(1, "8A", "Daniel Okafor"),
    Listed(2, "8A", "Zoë Ångström"),
    Listed(3, "8A", "Dora Missing"),
    Listed(4, "8B", "Ben Ng", lms_id="4411"),
    Listed(5, "8B", "Ann Lee", student_ids=("laptop-1", "laptop-2")),
]


def header(sid: str, name: str, class_code: str, at: str, version: int = 1) -> SubmissionHeader:
    return SubmissionHeader("l", version, "", sid, name, class_code, at)


def handed(key: str, name: str, sid: str, at: str = "2026-03-01T09:00:00Z", **kw: str) -> HandIn:
    who = header(sid, name, kw.get("class_code", "8A"), at)
    return HandIn(key, who, IMPORTED, kw.get("lms", ""))


def rows(book) -> list[tuple[str, str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (s.name, s.class_code, s.choice.status.value, s.choice.graded and s.choice.graded.key)
        for s in book.students
    ]


def test_one_row_per_roster_student_and_submitters_off_the_roster_apart() -> None:
    subs = [
        handed("z", "zoe angstrom", "z-id"),  # folded: the same name
        handed("d", "Dan Okafor", "d-id"),  # only close: proposed, not placed
        handed("x", "Xavier New", "x-id", class_code="8C"),
    ]
    book = build(ROSTER, subs)
    assert rows(book) == [
        ("Daniel Okafor", "8A", "not submitted", None),
        ("Dora Missing", "8A", "not submitted", None),
        ("Zoë Ångström", "8A", "submitted", "z"),
        ("Ann Lee", "8B", "not submitted", None),
        ("Ben Ng", "8B", "not submitted", None),
        ("Dan Okafor", "8A", "submitted", "d"),
        ("Xavier New", "8C", "submitted", "x"),
    ]
    dan = book.unlisted[0]
    assert dan.entry is None and [p.entry_name for p in dan.proposals] == ["Daniel Okafor"]
    assert book.unlisted[1].proposals == ()


def test_a_lesson_for_some_classes_lists_only_their_students_but_drops_no_submitter() -> None:
    subs = [handed("b", "Ben Ng", "b-id", class_code="8B"), handed("z", "Zoe Angstrom", "z")]
    book = build(ROSTER, subs, class_codes=["8a"])
    assert [(s.name, s.in_lesson_classes) for s in book.students] == [
        ("Daniel Okafor", True),
        ("Dora Missing", True),
        ("Zoë Ångström", True),
        ("Ben Ng", False),  # on the roster, another class: kept, after the lesson's classes
    ]


def test_linked_ids_place_two_laptops_on_one_student_the_latest_graded() -> None:
    subs = [
        handed("one", "Ann", "laptop-1", "2026-03-01T09:00:00Z"),
        handed("two", "A. Lee", "laptop-2", "2026-03-01T09:30:00Z"),
    ]
    book = build(ROSTER, subs, class_codes=["8B"])
    (ann,) = [s for s in book.students if s.name == "Ann Lee"]
    assert ann.choice.graded is not None and ann.choice.graded.key == "two"
    assert [h.key for h in ann.choice.others] == ["one"]
    assert book.unlisted == []


def test_an_lms_id_from_the_download_places_the_file() -> None:
    book = build(ROSTER, [handed("f", "benji", "b-id", class_code="8B", lms="4411")])
    (ben,) = [s for s in book.students if s.name == "Ben Ng"]
    assert ben.choice.status is Status.SUBMITTED and book.unlisted == []


def test_a_copied_id_is_placed_by_its_name_and_held() -> None:
    ann = handed("ann", "Ann Lee", "laptop-1", class_code="8B")
    who = header("laptop-1", "Ben Ng", "8B", "2026-03-01T09:10:00Z", version=0)
    copy = HandIn("copy", who, "2026-03-02T09:00Z")
    book = build(ROSTER, [ann, copy])
    by_name = {s.name: s for s in book.students}
    assert by_name["Ann Lee"].choice.graded is not None
    assert by_name["Ann Lee"].choice.graded.key == "ann"
    assert by_name["Ben Ng"].choice.status is Status.NEEDS_REVIEW
    assert "copy" in book.held


def test_two_roster_students_of_one_name_are_told_apart_by_class() -> None:
    roster = [Listed(1, "8A", "Sam Lee"), Listed(2, "8B", "Sam Lee")]
    book = build(roster, [handed("s", "sam lee", "s-b", class_code="8B")])
    assert [(s.class_code, s.choice.status.value) for s in book.students] == [
        ("8A", "not submitted"),
        ("8B", "submitted"),
    ]
    # Without a class to tell them apart, the file is not placed on either.
    book = build(roster, [handed("s", "sam lee", "s-c", class_code="")])
    assert [s.entry for s in book.unlisted] == [None]


def test_without_a_roster_every_submitter_is_a_row() -> None:
    book = build([], [handed("b", "Bo", "b"), handed("a", "al", "a")], Rules())
    # in the order handed in (medialit score keeps its input order without a roster)
    assert [s.name for s in book.students] == ["Bo", "al"] and not book.has_roster


def test_a_name_never_places_a_file_on_a_student_of_another_class() -> None:
    """9D's Zoë Martín is another student than 9C's: her file stays apart, with 9C's Zoe
    proposed for the teacher to link if it was a mistyped class. (A trial's roster 'Zoe
    Martin (9C)' took both, and the headline counted 30 submitted for 31 students.)"""
    roster = [Listed(1, "9C", "Zoe Martin"), Listed(2, "", "Sam Lee")]
    book = build(
        roster,
        [
            handed("c", "Zoë Martín", "zoe-c", class_code=" 9c "),
            handed("d", "Zoë Martín", "zoe-d", class_code="9D"),
            handed("n", "zoe martin", "zoe-n", class_code=""),  # no class: the name places it
            handed("s", "Sam Lee", "sam", class_code="9D"),  # the entry has no class: placed
        ],
    )
    listed = {s.name: sorted(h.key for h in s.handed) for s in book.listed}
    assert listed == {"Zoe Martin": ["c", "n"], "Sam Lee": ["s"]}
    (apart,) = book.unlisted
    assert (apart.name, apart.class_code, [h.key for h in apart.handed]) == (
        "Zoë Martín",
        "9D",
        ["d"],
    )
    assert [(p.entry_name, p.similarity) for p in apart.proposals] == [("Zoe Martin", 100.0)]
