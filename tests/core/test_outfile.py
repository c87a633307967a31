"""The one output rule, through every writer of the app: what is at the path decides.

Never run against the machine's own /dev/null: a broken rule would replace it (as root). A
character device is made with mknod inside the test's folder instead (skipped where the
process may not make one); `resolve_target(os.devnull)` only looks, it writes nothing.
"""

from __future__ import annotations

import os
import socket
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from medialit.core import export
from medialit.core.errors import MedialitError
from medialit.core.lesson import load_lesson, save_lesson
from medialit.core.outfile import Kind, OutputError, output_file, resolve_target, write_output
from medialit.core.teacher.packs import write_review_pack, write_student_pack
from tests.fsnodes import FifoReader, char_device, make_fifo
from tests.score_files import (
    make_lesson,
)

Writer = Callable[[Path], object]

WRITERS: dict[str, Writer] = {
    "results.csv": lambda p: export.write_results(p, []),
    "details.csv": lambda p: export.write_details(p, []),
    "lesson.json": lambda p: save_lesson(p, make_lesson()),
    "student pack": lambda p: write_student_pack(make_lesson(), p),
    "review pack": lambda p: write_review_pack(make_lesson(), p),
    "bytes": lambda p: write_output(p, b"hello\n"),
}


@pytest.mark.parametrize("name", WRITERS)
def test_a_symlink_is_followed_and_its_target_written(tmp_path: Path, name: str) -> None:
    real = tmp_path / "real" / "target.out"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.out"
    link.symlink_to(real)
    WRITERS[name](link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != b"old" and real.stat().st_size > 0
    assert [p.name for p in real.parent.iterdir()] == ["target.out"]  # no temp file left


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "made.json")
    save_lesson(link, make_lesson())
    assert link.is_symlink()
    assert load_lesson(tmp_path / "made.json").title == make_lesson().title


@pytest.mark.parametrize("name", WRITERS)
def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path: Path, name: str) -> None:
    fifo = make_fifo(tmp_path)
    reader = FifoReader(fifo)
    WRITERS[name](fifo)
    data = reader.join()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert data and [p.name for p in fifo.parent.iterdir()] == ["out.fifo"]


@pytest.mark.parametrize("name", WRITERS)
def test_a_character_device_is_written_into_and_stays_one(tmp_path: Path, name: str) -> None:
    node = char_device(tmp_path)
    WRITERS[name](node)
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


@pytest.mark.parametrize("name", WRITERS)
def test_a_folder_is_refused_naming_it_and_left_alone(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "results.csv"
    folder.mkdir()
    (folder / "inside.txt").write_text("keep")
    with pytest.raises(OutputError) as caught:
        WRITERS[name](folder)
    assert str(folder) in str(caught.value) and "folder" in str(caught.value)
    assert isinstance(caught.value, MedialitError) and isinstance(caught.value, OSError)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["inside.txt", "results.csv"]


def test_a_socket_is_refused_naming_it() -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    with tempfile.TemporaryDirectory(dir="/tmp") as short:  # socket paths are short
        path = Path(short) / "s"
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(str(path))
            with pytest.raises(OutputError, match="socket"):
                write_output(path, b"x")
            assert stat.S_ISSOCK(os.lstat(path).st_mode)
        finally:
            sock.close()


def test_the_machines_own_devices_are_classified_never_written() -> None:
    assert resolve_target(os.devnull).kind is Kind.DIRECT
    assert resolve_target("/dev/stdout").kind is Kind.OWN_FD
    assert resolve_target("/dev/stdout").fd == 1
    assert resolve_target("/dev/fd/2").fd == 2
    assert resolve_target("/proc/self/fd/1").fd == 1


def test_a_regular_file_is_replaced_atomically_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with pytest.raises(RuntimeError), output_file(target) as fh:
        fh.write(b"half")
        raise RuntimeError("crash mid-write")
    assert target.read_bytes() == b"old"
    write_output(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_output(tmp_path / "nope" / "x.csv", b"x")


def test_own_stdout_is_written_through_its_descriptor(tmp_path: Path) -> None:
    """/dev/fd/N is the open file itself: its offset and append mode are kept, not replaced."""
    log = tmp_path / "log.txt"
    log.write_bytes(b"first line\n")
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        write_output(f"/dev/fd/{fd}", b"appended\n")
    finally:
        os.close(fd)
    assert log.read_bytes() == b"first line\nappended\n"
