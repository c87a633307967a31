"""One file to read (`Source`), what is wrong with one (`Problem`), and reading it without
letting it hurt the app. Which files an input holds is `folders`' rule.

Reading: only regular files are opened. A FIFO, a socket or a device (`/dev/zero` behind
a `.jsonl` name) is refused after a `stat`, without being opened; the file is then
opened non-blocking and checked again, so one swapped in between cannot block either.
Every file is size-capped before it is read, and an empty one is a problem, not silence.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from medialit.core.errors import MedialitError, printable_path
from medialit.core.jsonfile import MAX_FILE_BYTES

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

    @property
    def where(self) -> str:
        """The file (fit to show) and the line: "class.jsonl:4"."""
        shown = printable_path(self.file)
        return shown if self.line is None else f"{shown}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}"


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
    opener: Callable[[int], BinaryIO] | None = None  # a zip member's bytes (`zipped`)

    def open(self, limit: int) -> BinaryIO:
        """The file, opened for reading, after the checks above (`Refused` otherwise)."""
        if self.opener is not None:
            return self.opener(limit)
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
