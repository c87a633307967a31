"""Issue 13: a lesson file whose version is 2^63 crashed `medialit --lesson FILE`."""

from __future__ import annotations

import json
from pathlib import Path

from medialit.core.lesson import save_lesson
from medialit.core.store import Store
from medialit.gui.app import open_lesson
from tests.score_files import make_lesson


def test_a_lesson_with_a_huge_version_is_refused_not_a_crash(
    fresh_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "huge.json"
    save_lesson(path, make_lesson())
    body = json.loads(path.read_text("utf-8"))
    body["version"] = 2**63
    path.write_text(json.dumps(body), "utf-8")
    lesson, problems = open_lesson(fresh_store, path)
    assert lesson.id != make_lesson().id  # the bundled lesson instead
    assert problems and "huge.json" in problems[0] and "version" in problems[0]
