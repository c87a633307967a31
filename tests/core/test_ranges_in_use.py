"""Issue 13: a version of 2^63 in one submission aborted the whole batch import (0 of 6
imported, file not named). (`--lesson`: tests/gui/test_open_lesson_ranges.py.)"""

from __future__ import annotations

import json
from pathlib import Path

from medialit.core.store import Store
from medialit.core.submission import submission_to_dict
from medialit.core.teacher.authoring import save_lesson_to_store
from medialit.core.teacher.collection import import_submission_files
from tests.score_files import KEY, TEXT, make_lesson, make_submission, spans_for


def test_one_huge_version_does_not_stop_the_batch(fresh_store: Store, tmp_path: Path) -> None:
    lesson = make_lesson()
    save_lesson_to_store(fresh_store, lesson)
    spans = spans_for(TEXT, [(KEY[0].quote, KEY[0].label)])
    for n in range(6):
        body = submission_to_dict(make_submission(f"s{n}", spans))
        if n == 3:
            body["lesson_version"] = 2**63
        (tmp_path / f"s{n}.json").write_text(json.dumps(body), "utf-8")
    report = import_submission_files(fresh_store, [tmp_path], [lesson])
    assert len(report.added) == 5
    assert len(report.rejected) == 1
    rejected = report.rejected[0]
    assert Path(rejected.path).name == "s3.json" and "lesson_version" in rejected.reason
