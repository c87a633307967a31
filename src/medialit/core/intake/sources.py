"""Which files an input holds, and reading one without letting it hurt the app.

The one folder rule: a folder is walked recursively (symbolic links to folders are not
followed); its `*.json` and `*.jsonl` files count (any case), hidden files and folders
(`.name`, such as macOS's `._name.json`) do not. At most `MAX_FOLDER_FILES` files are read;
a folder with more is refused whole, saying how many it has: a teacher never gets a
class cut short without a word. A file given by name is read whatever its name ends in
(`.jsonl`: a class file; `.zip`: read like a folder; anything else: a submission file).

Reading: only regular files are opened. A FIFO, a socket or a device (`/dev/zero` behind
a `.jsonl` name) is refused after a `stat`, without being opened; the file is then
opened non-blocking and checked again, so one swapped in between cannot block either.
Every file is size-capped before it is read, and an empty one is a problem, not silence.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from medialit.core.errors import MedialitError, printable_path
from medialit.core.jsonfile import MAX_FILE_BYTES

MAX_FOLDER_FILES = 20_000
MAX_JSON_BYTES = MAX_FILE_BYTES  # a submission file: 8 MiB
MAX_JSONL_BYTES = 1024 * 1024 * 1024  # a class file: 1 GiB, read line by line
MAX_LINE_BYTES = MAX_FILE_BYTES  # one line of a class file: one student's work
COUNTED = (".json", ".jsonl")
ZIP = ".zip"


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with one input (skipped), or a notice about it (nothing skipped).

    `line` is the JSONL line (1-based) or None for a whole file; `field` the field named,
    if any. `reason` never repeats the file name: `str()` puts them together."""

    file: str
    line: int | None
    reason: str
    field: str | None = None

    @property
    def detail(self) -> str:
        """The field and the reason, without the file: "label: is missing"."""
        return f"{self.field}: {self.reason}" if self.field else self.reason

    def __str__(self) -> str:
        where = printable_path(self.file)
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.detail}"


class Refused(MedialitError):
    """Raised inside the intake for one input; becomes a `Problem` where it is caught."""

    def __init__(self, reason: str, *, field: str | None = None, line: int | None = None) -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.reason = reason
        self.field = field
        self.line = line


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read: a file on disk, or a member of a zip (`opener` gives its bytes)."""

    name: str  # what every message shows: the path, or "class.zip!7b/ann.json"
    kind: str  # "json" or "jsonl"
    path: Path | None = None
    member: object = None  # a zipped.Member, for a file inside a zip

    def open(self, limit: int) -> BinaryIO:
        """The file, opened for reading, after the checks above (`Refused` otherwise)."""
        if self.member is not None:
            from medialit.core.intake import zipped  # a zip's member: read from memory

            return zipped.open_member(self.member, limit)
        assert self.path is not None
        return open_regular(self.path, limit)

    def read(self, limit: int) -> bytes:
        with self.open(limit) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise Refused(f"the file is over the {limit:,}-byte limit")
        if not data.strip():
            raise Refused("the file is empty")
        return data


def kind_of(name: str) -> str:
    return "jsonl" if name.lower().endswith(".jsonl") else "json"


def counted(name: str) -> bool:
    """Does a file of this name inside a folder (or a zip) count as handed-in work?"""
    return not name.startswith(".") and name.lower().endswith(COUNTED)


def gather(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Source | Problem]:
    """Each input's files in order (a folder's sorted by path), or a Problem for an input
    that cannot be read at all; a file reached twice is read once."""
    seen: set[str] = set()
    for raw in inputs:
        path = Path(raw)
        for item in _expand(path):
            if isinstance(item, Source):
                key = os.path.realpath(item.path) if item.path is not None else item.name
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _expand(path: Path) -> Iterator[Source | Problem]:
    origin = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield Problem(origin, None, "file not found")
        return
    except OSError as exc:
        yield Problem(origin, None, f"cannot be read: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _folder(path)
    elif path.name.lower().endswith(ZIP) and stat.S_ISREG(info.st_mode):
        from medialit.core.intake import zipped

        yield from zipped.zip_sources(path)
    else:
        yield Source(origin, kind_of(path.name), path)


def _folder(folder: Path) -> Iterator[Source | Problem]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root) / name for name in names if counted(name))
        if len(files) > MAX_FOLDER_FILES:
            break
    if len(files) > MAX_FOLDER_FILES:
        total = _count_all(folder)
        yield Problem(
            str(folder),
            None,
            f"holds {total:,} submission files, over the limit of {MAX_FOLDER_FILES:,}; "
            "nothing in it was read (split it into smaller folders)",
        )
        return
    if not files:
        yield Problem(str(folder), None, "the folder has no submission files (*.json, *.jsonl)")
        return
    for file in sorted(files):
        yield Source(str(file), kind_of(file.name), file)


def _count_all(folder: Path) -> int:
    count = 0
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        count += sum(1 for name in names if counted(name))
        del root
    return count


def open_regular(path: Path, limit: int) -> BinaryIO:
    """`path` opened for reading if it is a regular file of at most `limit` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise Refused("file not found") from None
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror or exc}") from None
    _check(info, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror or exc}") from None
    try:
        _check(os.fstat(fd), limit)  # the same file we looked at, not one swapped in
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise


def _check(info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise Refused("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise Refused("is not a regular file")
    if info.st_size > limit:
        raise Refused(f"the file is {info.st_size:,} bytes, over the {limit:,}-byte limit")
    if info.st_size == 0:
        raise Refused("the file is empty")
