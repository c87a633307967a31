"""Label definitions: one default set for every new lesson, edited per lesson, travelling in
the lesson file and both packs (issue 11)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from medialit.core.errors import MedialitError
from medialit.core.lesson import load_lesson, save_lesson
from medialit.core.model import LABELS, Label, LabelDefinition
from medialit.core.paths import lessons_dir
from medialit.core.store import Store
from medialit.core.teacher.authoring import (
    lesson_from_text,
    load_authored,
    save_lesson_to_store,
    update_details,
)
from medialit.core.teacher.keycheck import make_key_span
from medialit.core.teacher.packs import write_review_pack, write_student_pack

PRACTICE = "000_baldwin_rust.json"


def practice_definitions() -> list[tuple[str, str]]:
    """Read from the bundled practice lesson's bytes, not through medialit."""
    data = json.loads((lessons_dir() / PRACTICE).read_text("utf-8"))
    return [(item["name"], item["definition"]) for item in data["labels"]]


def test_a_new_lesson_gets_the_practice_lessons_definitions_written_into_it(
    tmp_path: Path,
) -> None:
    lesson = lesson_from_text("The mayor said the bridge may open.", title="Bridge")
    assert [(d.label.value, d.definition) for d in lesson.definitions] == practice_definitions()
    path = tmp_path / "bridge.json"
    save_lesson(path, lesson)
    written = json.loads(path.read_text("utf-8"))
    assert [(i["name"], i["definition"]) for i in written["labels"]] == practice_definitions()


def test_every_bundled_lesson_starts_from_the_same_set() -> None:
    for path in sorted(lessons_dir().glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        pairs = [(i["name"], i["definition"]) for i in data["labels"]]
        assert pairs == practice_definitions(), path.name


def test_edited_definitions_are_kept_and_travel_in_the_file_and_both_packs(
    fresh_store: Store, tmp_path: Path
) -> None:
    lesson = lesson_from_text("The mayor said the bridge may open.", title="Bridge")
    text = lesson.article.text
    key = (make_key_span(lesson.article, 0, text.index(" said"), Label.SOURCING),)
    lesson = dataclasses.replace(lesson, key=key)
    save_lesson_to_store(fresh_store, lesson)
    mine = "A guess:   words like\n maybe or might."
    edited, _ = update_details(
        fresh_store,
        lesson,
        definitions=[*lesson.definitions[:2], LabelDefinition(Label.SPECULATION, mine)],
    )
    again = load_authored(fresh_store, lesson.id)
    assert again.definition_of(Label.SPECULATION) == "A guess: words like maybe or might."
    assert again.definition_of(Label.CLAIM) == lesson.definition_of(Label.CLAIM)
    assert again.key == key  # the key untouched
    for write, name in ((write_student_pack, "s.json"), (write_review_pack, "r.json")):
        path = write(again, tmp_path / name)
        raw = json.loads(path.read_text("utf-8"))
        speculation = next(i for i in raw["labels"] if i["name"] == "speculation")
        assert speculation["definition"] == "A guess: words like maybe or might."
        assert load_lesson(path).definition_of(Label.SPECULATION) == speculation["definition"]
    assert edited.label_definitions[2].definition == speculation["definition"]
    assert [d.label for d in edited.label_definitions] == list(LABELS)


@pytest.mark.parametrize(("text", "says"), [("  \n ", "is empty"), ("x" * 2001, "is longer than")])
def test_a_bad_definition_is_refused_naming_the_label(
    fresh_store: Store, text: str, says: str
) -> None:
    lesson = lesson_from_text("The mayor said so.", title="Bridge")
    save_lesson_to_store(fresh_store, lesson)
    with pytest.raises(MedialitError, match=f"definition of Fact {says}"):
        update_details(fresh_store, lesson, definitions=[LabelDefinition(Label.FACT, text)])
    assert load_authored(fresh_store, lesson.id).definitions == lesson.definitions
