"""Both production paths of the intake, driven as the app drives them, reduced to verdicts.

`window_verdicts` imports files into a teacher's database (`import_submission_files`, what
Submissions ▸ Import runs); `score_verdicts` runs `medialit score` (the command). Each
returns, for every input skipped, where (file, or file:line) -> "field: reason"; an input
not in the map was accepted. The hostile corpus and the fuzzers compare the two.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner

from medialit.cli import cli
from medialit.core.errors import printable_path
from medialit.core.lesson import load_lesson
from medialit.core.store import Store
from medialit.core.teacher.authoring import import_lesson_file
from medialit.core.teacher.collection import ImportReport, import_submission_files

Paths = Sequence[str | os.PathLike[str]]


def window_import(paths: Paths, lesson_file: Path) -> ImportReport:
    store = Store.memory()
    try:
        lesson, _ = import_lesson_file(store, load_lesson(lesson_file))
        return import_submission_files(store, paths, [lesson])
    finally:
        store.close()


def window_verdicts(paths: Paths, lesson_file: Path) -> dict[str, str]:
    report = window_import(paths, lesson_file)
    return {printable_path(r.path): r.reason for r in report.rejected}


def score_run(paths: Paths, lesson_file: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["score", str(lesson_file), *map(os.fspath, paths)])
    return result.exit_code, result.stderr


def score_verdicts(paths: Paths, lesson_file: Path) -> dict[str, str]:
    _code, stderr = score_run(paths, lesson_file)
    out = {}
    for line in stderr.splitlines():
        if ": skipped: " in line:
            where, detail = line.split(": skipped: ", 1)
            out[where] = detail
    return out
