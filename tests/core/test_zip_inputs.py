"""A .zip of handed-in work is read like a folder, by `medialit score` and the teacher's
import alike, within limits a hostile zip cannot pass; every refusal names the member."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest

from medialit.core.intake import zipped
from medialit.core.submission import submission_to_dict
from tests.intake_paths import score_run, score_verdicts, window_import, window_verdicts
from tests.score_files import (
    KEY,
    TEXT,
    jsonl_line,
    make_submission,
    spans_for,
    write_lesson,
)

GOOD = [(KEY[0].quote, KEY[0].label)]


def _body(student: str) -> bytes:
    return json.dumps(submission_to_dict(make_submission(student, spans_for(TEXT, GOOD)))).encode()


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    return write_lesson(tmp_path / "lesson.json")


def both(paths: list[Path], lesson: Path) -> dict[str, str]:
    window, score = window_verdicts(paths, lesson), score_verdicts(paths, lesson)
    assert window == score
    return window


def test_a_zip_is_read_like_a_folder(tmp_path: Path, lesson: Path) -> None:
    path = tmp_path / "class.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("7b/ann.json", _body("ann"))
        z.writestr("7b/monday/ben.json", _body("ben"))
        z.writestr("more.jsonl", jsonl_line("cat", [(0, 45, "claim")]) + "\n")
        z.writestr("notes.txt", "not work")  # not counted, like in a folder
        z.writestr("__MACOSX/7b/._ann.json", b"\x00\x05\x16\x07")  # macOS's litter
    assert both([path], lesson) == {}
    report = window_import([path], lesson)
    assert sorted(a.submission.student_name for a in report.added) == [
        "Student ann",
        "Student ben",
        "cat",
    ]
    code, stderr = score_run([path], lesson)
    assert code == 0, stderr


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        ("../escape.json", "leads out of the zip"),
        ("7b/../../escape.json", "leads out of the zip"),
        ("/etc/escape.json", "leads out of the zip"),
        ("C:/escape.json", "leads out of the zip"),
        ("inner.zip", "a zip inside the zip"),
    ],
)
def test_members_that_leave_the_zip_or_nest_are_refused_by_name(
    tmp_path: Path, lesson: Path, member: str, reason: str
) -> None:
    path = tmp_path / "class.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("ann.json", _body("ann"))
        z.writestr(zipfile.ZipInfo(member), _body("evil"))
    verdicts = both([path], lesson)
    assert list(verdicts) == [f"{path}!{member}"]
    assert reason in verdicts[f"{path}!{member}"]


def test_a_symlink_member_is_refused_by_name(tmp_path: Path, lesson: Path) -> None:
    path = tmp_path / "class.zip"
    info = zipfile.ZipInfo("link.json")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(info, "/etc/passwd")
        z.writestr("ann.json", _body("ann"))
    assert both([path], lesson) == {f"{path}!link.json": "refused: it is a symbolic link"}


def test_a_zip_bomb_member_is_refused(tmp_path: Path, lesson: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb.json", b"[" + b" " * 4_000_000 + b"]")  # compresses ~1000 times
    verdicts = both([path], lesson)
    assert "compressed over 100 times" in verdicts[f"{path}!bomb.json"]


def test_a_member_over_8_mib_is_refused(tmp_path: Path, lesson: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("big.json", b" " * (zipped.MAX_MEMBER + 1))
    verdicts = both([path], lesson)
    assert "over the 8,388,608-byte limit" in verdicts[f"{path}!big.json"]


def test_over_10000_members_is_refused_with_the_count(tmp_path: Path, lesson: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as z:
        for n in range(zipped.MAX_MEMBERS + 1):
            z.writestr(f"s{n}.json", b"{}")
    assert both([path], lesson) == {
        str(path): "holds 10,001 files, over the limit of 10,000; nothing in it was read"
    }


def test_over_512_mib_uncompressed_is_refused(tmp_path: Path, lesson: Path) -> None:
    path = tmp_path / "huge.zip"
    chunk = b" " * (8 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for n in range(65):  # 520 MiB in all, every member within the per-member cap
            z.writestr(f"s{n}.json", chunk)
    verdicts = both([path], lesson)
    assert "over the limit of 536,870,912; nothing in it was read" in verdicts[str(path)]


def test_a_file_that_is_no_zip_is_refused(tmp_path: Path, lesson: Path) -> None:
    path = tmp_path / "class.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    assert "is not a zip file" in both([path], lesson)[str(path)]
