"""Teacher core: passphrase, lessons and versions, key checks, packs, roster."""

import dataclasses
import json
from pathlib import Path

import pytest

from medialit.core.errors import InvalidSpanError, MedialitError
from medialit.core.lesson import load_lesson, save_lesson
from medialit.core.model import FeedbackMode, Label
from medialit.core.store import Store
from medialit.core.teacher.authoring import (
    load_authored,
    new_lesson,
    revise_text,
    save_lesson_to_store,
    update_details,
)
from medialit.core.teacher.keycheck import check_key, make_key_span
from medialit.core.teacher.packs import write_review_pack, write_student_pack
from medialit.core.teacher.passphrase import (
    Guess,
    PassphraseGate,
    check_passphrase,
    delay_after,
    has_passphrase,
    hash_passphrase,
    set_passphrase,
    verify_passphrase,
)
from medialit.core.teacher.roster import parse_roster
from medialit.core.teacher_records import RosterLine
from tests.helpers import UNICODE_TEXT, FakeClock

TEXT = "Police said the fire started at 9. It may have been arson, a neighbour claimed."


def _lesson_with_key():
    lesson = new_lesson(TEXT, title="Fire", source="Daily", date="2026-11-30")
    a = make_key_span(lesson.article, 0, 11, Label.SOURCING, explanation="Who is telling us?")
    b = make_key_span(
        lesson.article,
        TEXT.index("It may"),
        TEXT.index(", a n"),
        Label.SPECULATION,
        existing=[a],
        also_accept=[Label.CLAIM],
    )
    return dataclasses.replace(lesson, key=(a, b))


def test_passphrase_hash_is_salted_scrypt_and_verifies() -> None:
    one, two = hash_passphrase("correct horse"), hash_passphrase("correct horse")
    assert one.startswith("scrypt$16384$8$1$") and one != two
    assert verify_passphrase("correct horse", one)
    assert not verify_passphrase("correct hors", one)
    assert not verify_passphrase("x", "garbage")
    assert not verify_passphrase("x", "scrypt$a$b$c$d$e")
    with pytest.raises(MedialitError, match="at least"):
        hash_passphrase("short")


def test_passphrase_in_store(fresh_store: Store) -> None:
    assert not has_passphrase(fresh_store)
    assert not check_passphrase(fresh_store, "anything")
    set_passphrase(fresh_store, "sesame-open")
    assert has_passphrase(fresh_store)
    assert "sesame" not in (fresh_store.settings.get("teacher_passphrase") or "")
    assert check_passphrase(fresh_store, "sesame-open")
    assert not check_passphrase(fresh_store, "sesame-shut")


def test_wrong_guesses_slow_down_after_three() -> None:
    assert [delay_after(n) for n in range(10)] == [0, 0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_the_gate_makes_guesses_wait_and_refuses_early_ones_unchecked(
    fresh_store: Store,
) -> None:
    set_passphrase(fresh_store, "sesame-open")
    clock = FakeClock()
    gate = PassphraseGate(fresh_store, clock=clock)
    assert gate.guess("wrong-one") == Guess(right=False, checked=True, wait=0.0)
    assert gate.guess("wrong-two") == Guess(right=False, checked=True, wait=0.0)
    assert gate.guess("wrong-three") == Guess(right=False, checked=True, wait=2.0)
    clock.now += 1.5
    assert gate.seconds_left() == 0.5
    # too early: not checked, even when right, and it costs nothing more
    assert gate.guess("sesame-open") == Guess(right=False, checked=False, wait=0.5)
    assert gate.wrong == 3
    clock.now += 0.5
    assert gate.seconds_left() == 0.0
    assert gate.guess("wrong-four").wait == 4.0
    clock.now += 4
    assert gate.guess("wrong-five").wait == 8.0
    clock.now += 8
    assert gate.guess("sesame-open") == Guess(right=True, checked=True, wait=0.0)
    assert gate.wrong == 0 and gate.seconds_left() == 0.0  # a right guess starts afresh
    assert gate.guess("wrong-again").wait == 0.0


def test_key_span_is_trimmed_and_same_label_overlap_refused() -> None:
    lesson = new_lesson(TEXT, title="Fire")
    k = make_key_span(lesson.article, 0, 12, Label.SOURCING)  # "Police said " -> trimmed
    assert (k.start, k.end, k.quote) == (0, 11, "Police said")
    with pytest.raises(InvalidSpanError, match="overlaps the sourcing key span"):
        make_key_span(lesson.article, 7, 15, Label.SOURCING, existing=[k])
    other = make_key_span(lesson.article, 7, 15, Label.CLAIM, existing=[k])  # other label: fine
    assert other.label is Label.CLAIM
    with pytest.raises(InvalidSpanError, match="only spaces or punctuation"):
        make_key_span(lesson.article, 33, 35, Label.FACT)


def test_key_check_counts_and_warnings() -> None:
    check = check_key(_lesson_with_key().key or ())
    assert check.counts == {Label.CLAIM: 0, Label.FACT: 0, Label.SPECULATION: 1, Label.SOURCING: 1}
    assert [k.label for k in check.without_explanation] == [Label.SPECULATION]
    assert check.labels_without_span == (Label.CLAIM, Label.FACT)
    assert any("No key span is labelled fact" in w for w in check.warnings)
    assert "cannot be scored" in check_key(()).warnings[0]


def test_lesson_round_trips_through_store_and_key_edits_move_the_stamp(
    fresh_store: Store,
) -> None:
    lesson = _lesson_with_key()
    save_lesson_to_store(fresh_store, lesson)
    loaded = load_authored(fresh_store, lesson.id)
    assert loaded.article == lesson.article and loaded.key == lesson.key
    assert loaded.title == "Fire" and loaded.source == "Daily"
    stamp = fresh_store.lessons.row(lesson.id).key_updated_at
    extra = make_key_span(lesson.article, TEXT.index("a neighbour"), len(TEXT) - 1, Label.CLAIM)
    fresh_store.keys.add(lesson.id, extra)
    assert fresh_store.lessons.row(lesson.id).key_updated_at > stamp
    fresh_store.keys.update(lesson.id, dataclasses.replace(extra, explanation="why"))
    assert fresh_store.keys.spans(lesson.id)[-1].explanation == "why"
    fresh_store.keys.delete(lesson.id, extra.id)
    assert len(fresh_store.keys.spans(lesson.id)) == 2
    _changed, _ = update_details(fresh_store, loaded, feedback=FeedbackMode.WHERE_WHY, title="F2")
    again = load_authored(fresh_store, lesson.id)
    assert again.feedback is FeedbackMode.WHERE_WHY and again.title == "F2"


def test_opening_the_pack_as_a_student_does_not_overwrite_the_authored_lesson(
    fresh_store: Store, tmp_path: Path
) -> None:
    lesson = _lesson_with_key()
    save_lesson_to_store(fresh_store, lesson)
    pack = load_lesson(write_student_pack(lesson, tmp_path / "p.json"))
    fresh_store.lessons.remember(pack, {"kind": "student-pack"})
    assert load_authored(fresh_store, lesson.id).key == lesson.key


def test_revising_text_makes_a_new_version_and_moves_the_key() -> None:
    lesson = _lesson_with_key()
    revised = revise_text(lesson, "UPDATE: " + TEXT.replace("a neighbour", "one neighbour"))
    new = revised.lesson
    assert new.version == 2 and new.id == lesson.id
    assert new.previous_sha256 == (lesson.article.sha256,)
    assert all(new.article.text[k.start : k.end] == k.quote for k in new.key or ())
    assert [k.start for k in new.key or ()] == [8, 8 + TEXT.index("It may")]
    gone = revise_text(lesson, TEXT.replace("Police said", "Officers said"))
    assert [k.label for k in gone.dropped] == [Label.SOURCING]
    assert revise_text(lesson, TEXT).lesson is lesson


def test_student_pack_has_no_key_bytes_and_review_pack_has_the_key(tmp_path: Path) -> None:
    lesson = dataclasses.replace(_lesson_with_key(), feedback=FeedbackMode.WHERE_WHY)
    pack = write_student_pack(lesson, tmp_path / "pack.json")
    data = pack.read_bytes()
    assert b'"key"' not in data and b"Who is telling us?" not in data
    assert b'"start"' not in data and b'"explanation"' not in data
    loaded = load_lesson(pack)
    assert loaded.kind == "student-pack" and loaded.key is None and not loaded.review_allowed
    review = load_lesson(write_review_pack(lesson, tmp_path / "review.json"))
    assert review.kind == "review-pack" and review.key == lesson.key and review.review_allowed


def test_unicode_lesson_keeps_code_point_offsets(fresh_store: Store, tmp_path: Path) -> None:
    """A key span after emoji keeps code-point offsets through the store and the file: the
    expected offsets are counted by hand, and differ from the UTF-16 ones Qt would give."""
    before = "Café owner 👩‍👩‍👧 said prices rose 😀 fast. The mayor 🇫🇷 claimed "
    assert UNICODE_TEXT.startswith(before + "東京")
    start = len(before)  # code points
    assert len(before.encode("utf-16-le")) // 2 > start  # the emoji are two UTF-16 units each
    lesson = new_lesson(UNICODE_TEXT, title="Uni")
    k = make_key_span(lesson.article, start, start + 3, Label.FACT)  # "東京 ", trimmed
    assert (k.start, k.end, k.quote) == (start, start + 2, "東京")
    lesson = dataclasses.replace(lesson, key=(k,))
    save_lesson_to_store(fresh_store, lesson)
    save_lesson(tmp_path / "uni.json", lesson)
    raw = json.loads((tmp_path / "uni.json").read_text("utf-8"))
    assert (raw["key"][0]["start"], raw["key"][0]["end"]) == (start, start + 2)
    for again in (load_authored(fresh_store, lesson.id), load_lesson(tmp_path / "uni.json")):
        (k2,) = again.key or ()
        assert (k2.start, k2.end) == (start, start + 2)
        assert again.article.text[k2.start : k2.end] == "東京"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann Lee\nBob\n\n  Bob  \n", [("7A", "Ann Lee"), ("7A", "Bob")]),
        ("name,class\nAnn,7B\nBob,\n", [("7B", "Ann"), ("7A", "Bob")]),
        ("Class;Student\n8C;Zoë\n", [("8C", "Zoë")]),
        ("First name\tLast name\nAnn\tLee\n", [("7A", "Ann Lee")]),
        ("Ann\t7C\n", [("7C", "Ann")]),
        ("Okafor, Daniel\nLee, Ann\n", [("7A", "Okafor, Daniel"), ("7A", "Lee, Ann")]),
        ("Lee, Ann, 8B\nBo, 9C\nCy,\n", [("8B", "Lee, Ann"), ("9C", "Bo"), ("7A", "Cy")]),
        ('"Okafor, Daniel",Year 9\n', [("Year 9", "Okafor, Daniel")]),
    ],
)
def test_parse_roster(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.class_code, r.name) for r in parse_roster(text, class_code="7A")] == expected


def test_a_roster_csv_can_carry_email_and_lms_id() -> None:
    text = "Name,Section,Email Address,ID\nAnn Lee,8A,ann@school.example,4411\nBo,8A,,\n"
    assert parse_roster(text) == [
        RosterLine("8A", "Ann Lee", "ann@school.example", "4411"),
        RosterLine("8A", "Bo"),
    ]


def test_roster_entries_keep_email_lms_id_and_several_linked_ids(fresh_store: Store) -> None:
    fresh_store.roster.add([RosterLine("7A", "Ann Lee"), RosterLine("7A", "Bob")])
    fresh_store.roster.add([RosterLine("7A", "Ann Lee", "ann@x.example", "9")])  # fills in
    ann, bob = fresh_store.roster.entries("7A")
    assert (ann.name, ann.email, ann.lms_id) == ("Ann Lee", "ann@x.example", "9")
    fresh_store.roster.link("laptop-1", ann.id)
    fresh_store.roster.link("laptop-2", ann.id)
    fresh_store.roster.link("laptop-2", bob.id)  # an id belongs to one name: moved
    ann, bob = fresh_store.roster.entries("7A")
    assert (ann.student_ids, bob.student_ids) == (("laptop-1",), ("laptop-2",))
    fresh_store.roster.remove([ann.id])
    assert [e.name for e in fresh_store.roster.entries()] == ["Bob"]
