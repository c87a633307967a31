"""Where a file medialit writes goes: the one rule every writer follows.

Results CSVs, JSON, packs, submissions and the PDF report all go through `output_file`
(or `write_output` for bytes in hand), which looks at what is at the path first:

- nothing, or a regular file: the bytes go to a temp file beside it, are fsynced, and the
  temp file is renamed over the target when the block ends, so a crash never leaves half a
  file; when the block raises, the target is left as it was. A file that was there keeps
  its permission bits.
- a symbolic link: followed to its final target, which then gets this same rule (the link
  itself stays a link; a dangling link's target is created).
- a FIFO, a character device (`/dev/null`, a terminal) or `/dev/stdout`, `/dev/stderr`,
  `/dev/fd/N`: written into directly, as a shell's `>` would. Renaming a temp file over
  one of them would replace it (as root, `-o /dev/null` used to turn `/dev/null` into a
  regular file and break the machine).
- anything else (a folder, a socket, a disk device): refused, naming the path, before
  anything is written.

Every failure is an `OutputError`: a `MedialitError` (the GUI shows it) and an `OSError`
(with `filename` and `strerror`, as the CLI reports it).
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from medialit.core.errors import MedialitError, printable_path

# /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name one of our own open files.
_OWN_FD = re.compile(
    r"^/(?:dev/(?:fd/(?P<fd>\d+)|(?P<std>stdout|stderr))|proc/self/fd/(?P<pfd>\d+))$"
)
_STD_FDS = {"stdout": 1, "stderr": 2}
_MAX_HOPS = 40  # symbolic links followed before we call it a loop (Linux's own limit)


class OutputError(MedialitError, OSError):
    """A file that cannot be written where the user asked; nothing was changed there."""

    def __init__(self, path: str | os.PathLike[str], reason: str, code: int = errno.EIO) -> None:
        OSError.__init__(self, code, reason, str(path))
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write {printable_path(str(self.filename))}: {self.reason}"


class Kind(enum.Enum):
    ATOMIC = "atomic"  # temp file + rename at `Target.path`
    DIRECT = "direct"  # opened and written in place (FIFO, character device)
    OWN_FD = "own-fd"  # one of this process's open files (`Target.fd`)


class Target:
    """What writing to a path means: how, and where the bytes really go."""

    __slots__ = ("fd", "kind", "path")

    def __init__(self, kind: Kind, path: Path, fd: int = -1) -> None:
        self.kind = kind
        self.path = path
        self.fd = fd

    def __repr__(self) -> str:
        return f"Target({self.kind.value}, {str(self.path)!r}, fd={self.fd})"


def resolve_target(path: str | os.PathLike[str]) -> Target:
    """Decide how `path` is written, changing nothing; raises OutputError for a refused path."""
    given = Path(os.path.abspath(os.fspath(path)))
    current = given
    for _ in range(_MAX_HOPS):
        own = _own_fd(current)
        if own is not None:
            return Target(Kind.OWN_FD, given, own)
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return Target(Kind.ATOMIC, _existing_parent(current, given))
        except OSError as exc:
            raise _wrapped(given, exc) from None
        if stat.S_ISLNK(info.st_mode):
            current = Path(os.path.normpath(current.parent / os.readlink(current)))
            continue
        return _target_for(info.st_mode, current, given)
    raise OutputError(given, "too many symbolic links (a loop?)", errno.ELOOP)


def _own_fd(path: Path) -> int | None:
    match = _OWN_FD.match(path.as_posix()) if os.name == "posix" else None
    if match is None:
        return None
    if match["std"]:
        return _STD_FDS[match["std"]]
    return int(match["fd"] or match["pfd"])


def _existing_parent(target: Path, given: Path) -> Path:
    if not target.parent.is_dir():
        raise OutputError(given, f"the folder {target.parent} does not exist", errno.ENOENT)
    return target


def _target_for(mode: int, real: Path, given: Path) -> Target:
    if stat.S_ISREG(mode):
        return Target(Kind.ATOMIC, real)
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return Target(Kind.DIRECT, real)
    if stat.S_ISDIR(mode):
        raise OutputError(given, "it is a folder; choose a file name inside it", errno.EISDIR)
    what = "a socket" if stat.S_ISSOCK(mode) else "a disk device" if stat.S_ISBLK(mode) else None
    raise OutputError(
        given, f"it is {what or 'not a file'}; medialit writes only files", errno.EINVAL
    )


def _wrapped(path: Path, exc: OSError) -> OutputError:
    return OutputError(path, exc.strerror or str(exc), exc.errno or errno.EIO)


@contextlib.contextmanager
def output_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into, as it comes, by the module's rule."""
    target = resolve_target(path)
    shown = Path(os.fspath(path))
    try:
        if target.kind is Kind.ATOMIC:
            with _atomic(target.path) as fh:
                yield fh
        elif target.kind is Kind.OWN_FD:
            with _own_stream(target.fd) as fh:
                yield fh
        else:
            with open(target.path, "wb") as fh:
                yield fh
    except OutputError:
        raise
    except OSError as exc:
        raise _wrapped(shown, exc) from exc


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` by the module's rule (atomically where the path is a file)."""
    with output_file(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def _own_stream(fd: int) -> Iterator[BinaryIO]:
    """One of our open files (stdout …), through a duplicate: its offset and mode are kept."""
    if fd in (1, 2):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
    with os.fdopen(os.dup(fd), "wb") as fh:
        yield fh


@contextlib.contextmanager
def _atomic(target: Path) -> Iterator[BinaryIO]:
    """A temp file beside `target`, fsynced and renamed over it when the block ends."""
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """The permission bits the file should have: its own, or a new file's under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, where the platform lets a folder be opened."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
