"""Preferences over the settings table, and the lessons a student can open."""

import dataclasses
from pathlib import Path

import pytest

from medialit.core.errors import FileFormatError, NotFoundError
from medialit.core.lesson import (
    bundled_lessons,
    default_lesson_path,
    lesson_to_dict,
    load_lesson,
    save_lesson,
)
from medialit.core.library import SAVED, by_level, lesson_choices, load_choice
from medialit.core.prefs import ZOOM_MAX, Prefs
from medialit.core.store import Store
from tests.helpers import make_lesson


def test_prefs_defaults_and_round_trip(fresh_store: Store) -> None:
    prefs = Prefs(fresh_store)
    assert (prefs.zoom(), prefs.snap_words(), prefs.last_lesson()) == (0, True, "")
    assert prefs.current_student() == "" and prefs.last_submit_folder() == ""
    prefs.set_zoom(3)
    prefs.set_snap_words(False)
    prefs.set_last_submit_folder("/media/usb")
    assert (prefs.zoom(), prefs.snap_words(), prefs.last_submit_folder()) == (
        3,
        False,
        "/media/usb",
    )


def test_zoom_is_kept_in_range_even_from_a_damaged_setting(fresh_store: Store) -> None:
    prefs = Prefs(fresh_store)
    prefs.set_zoom(99)
    assert prefs.zoom() == ZOOM_MAX
    fresh_store.settings.set(Prefs.ZOOM, "large")
    assert prefs.zoom() == 0


def test_bundled_lessons_come_first_then_lessons_opened_before(
    fresh_store: Store, tmp_path: Path
) -> None:
    pack = tmp_path / "pack.json"
    save_lesson(pack, make_lesson(title="From the teacher"), kind="student-pack")
    lesson = load_choice(fresh_store, str(pack))
    choices = lesson_choices(fresh_store)
    bundled = {load_lesson(path).id for path in bundled_lessons()}
    assert {place for _, place in choices[: len(bundled)]} == {SAVED + i for i in bundled}
    assert ("From the teacher (from your teacher, opened before)", SAVED + lesson.id) in choices
    pack.unlink()  # the USB stick is gone: the copy in the database still opens
    assert load_choice(fresh_store, SAVED + lesson.id).article == lesson.article


def test_a_bundled_lesson_opens_from_its_file_not_an_old_copy(fresh_store: Store) -> None:
    bundled = load_lesson(bundled_lessons()[0])
    old = dataclasses.replace(bundled, title="An older version")
    fresh_store.lessons.remember(old, lesson_to_dict(old))
    again = load_choice(fresh_store, SAVED + bundled.id)
    assert again.title == bundled.title and again.origin == str(bundled_lessons()[0])


def test_a_bundled_lesson_by_id_builds_that_lesson_only(
    fresh_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A returning student's start-up opens its last lesson by id before the first paint:
    the other bundled lessons are not built and hashed for it."""
    from medialit.core import library

    built: list[str] = []
    real = library.lesson_from_dict

    def counting(data: dict, **kw: object):  # type: ignore[no-untyped-def]
        built.append(data["id"])
        return real(data, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "lesson_from_dict", counting)
    last = load_lesson(bundled_lessons()[-1])
    assert load_choice(fresh_store, SAVED + last.id).origin == str(bundled_lessons()[-1])
    assert built == [last.id]


def test_load_choice_errors_are_medialit_errors(fresh_store: Store, tmp_path: Path) -> None:
    with pytest.raises(FileFormatError):
        load_choice(fresh_store, str(tmp_path / "missing.json"))
    with pytest.raises(NotFoundError):
        load_choice(fresh_store, SAVED + "nope")


def test_the_picker_lists_the_bundled_lessons_easiest_first(fresh_store: Store) -> None:
    # The bundled files, by name: 000 (the seed article, level 2), 001 (level 1), 002 (level 3).
    levels = {load_lesson(p).id: (load_lesson(p).level, p.name) for p in bundled_lessons()}
    shown = [levels[place[len(SAVED) :]] for _, place in lesson_choices(fresh_store)]
    assert [name for _, name in shown] == [
        "001_eastbrook_pool.json",
        "000_baldwin_rust.json",
        "002_phones_sleep.json",
    ]
    assert [level for level, _ in shown] == [1, 2, 3]
    first_text = lesson_choices(fresh_store)[0][0]
    assert first_text.endswith("(practice, level 1: easy, comes with medialit)")


def test_lessons_without_a_level_come_after_those_with_one_in_their_order() -> None:
    lessons = [
        make_lesson(id="none1"),
        make_lesson(id="hard", level=3),
        make_lesson(id="none2"),
        make_lesson(id="easy", level=1),
        make_lesson(id="easy2", level=1),
    ]
    assert [x.id for x in by_level(lessons)] == ["easy", "easy2", "hard", "none1", "none2"]


def test_a_first_start_still_opens_the_seed_articles_lesson() -> None:
    assert default_lesson_path().name == "000_baldwin_rust.json"
    assert load_lesson(default_lesson_path()).level == 2  # not the easiest: levels order the picker
