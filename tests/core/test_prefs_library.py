"""Preferences over the settings table, and the lessons a student can open."""

import dataclasses
from pathlib import Path

import pytest

from medialit.core.errors import FileFormatError, NotFoundError
from medialit.core.lesson import bundled_lessons, lesson_to_dict, load_lesson, save_lesson
from medialit.core.library import SAVED, lesson_choices, load_choice
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
    bundled = load_lesson(bundled_lessons()[0])
    assert choices[0][1] == SAVED + bundled.id
    assert ("From the teacher (from your teacher, opened before)", SAVED + lesson.id) in choices
    pack.unlink()  # the USB stick is gone: the copy in the database still opens
    assert load_choice(fresh_store, SAVED + lesson.id).article == lesson.article


def test_a_bundled_lesson_opens_from_its_file_not_an_old_copy(fresh_store: Store) -> None:
    bundled = load_lesson(bundled_lessons()[0])
    old = dataclasses.replace(bundled, title="An older version")
    fresh_store.lessons.remember(old, lesson_to_dict(old))
    again = load_choice(fresh_store, SAVED + bundled.id)
    assert again.title == bundled.title and again.origin == str(bundled_lessons()[0])


def test_load_choice_errors_are_medialit_errors(fresh_store: Store, tmp_path: Path) -> None:
    with pytest.raises(FileFormatError):
        load_choice(fresh_store, str(tmp_path / "missing.json"))
    with pytest.raises(NotFoundError):
        load_choice(fresh_store, SAVED + "nope")
