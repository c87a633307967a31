"""`medialit score -o/--details` into what is really at the path (issue 13's defect: the
temp-file rename replaced a FIFO, a symlink, and as root /dev/null itself).

Uses only the command line, so it runs against any version of medialit. Never aims at the
machine's own /dev/null: a private character device (mknod) stands in for it.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from tests.fsnodes import FifoReader, char_device, make_fifo
from tests.score_files import TEXT, make_submission, spans_for, write_lesson, write_submission

# -- medialit score -o: the defect seen on a machine ------------------------------------------


def _score(tmp_path: Path, *args: str | Path) -> tuple[int, str]:
    key = write_lesson(tmp_path / "key.json")
    sub = write_submission(tmp_path / "s1.json", make_submission("s1", spans_for(TEXT, [])))
    result = CliRunner().invoke(cli, ["score", str(key), str(sub), *map(str, args)])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("as_json", [False, True])
def test_score_into_a_fifo_leaves_the_fifo(tmp_path: Path, as_json: bool) -> None:
    fifo = make_fifo(tmp_path)
    reader = FifoReader(fifo)
    code, err = _score(tmp_path, "-o", fifo, *(["--json"] if as_json else []))
    data = reader.join()
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert data.startswith(b"[" if as_json else b'\xef\xbb\xbf"student_name",')


def test_score_into_a_character_device_leaves_it(tmp_path: Path) -> None:
    dev = tmp_path / "dev"
    dev.mkdir()
    node = char_device(dev)
    code, err = _score(tmp_path, "-o", node, "--details", node)
    assert code == 0, err
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_score_into_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, err = _score(tmp_path, "-o", link, "--json")
    assert code == 0, err
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))[0]["student_id"] == "s1"


def test_score_into_a_folder_is_refused_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, err = _score(tmp_path, "-o", folder)
    assert code == 2
    assert str(folder) in err and "folder" in err
    assert list(folder.iterdir()) == []
