"""One copy of the app per database: an OS file lock on `<database>.lock`.

Two medialit windows on one database would each keep their own undo history
and picture of the spans, so the second is told clearly and does not open.
(Two processes writing would still be safe: every edit is an SQLite
transaction. The lock is about not confusing the student, not about bytes.)

Why an OS lock (`flock` on POSIX, `msvcrt.locking` on Windows) and not a PID
file: the operating system drops it when the process dies, even by SIGKILL or
a power cut, so there is never a stale lock to guess about. The file holds the
holder's PID, host and start time only to make the message useful; it is left
in place on release (deleting it would race with a starting copy).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from medialit.core.errors import DatabaseInUseError, StoreError

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fh: IO[bytes]) -> bool:
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fh: IO[bytes]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


class InstanceLock:
    """Held while a medialit window has the database open; `acquire()` or DatabaseInUseError."""

    def __init__(self, path: Path, fh: IO[bytes]) -> None:
        self.path = path
        self._fh: IO[bytes] | None = fh

    @classmethod
    def acquire(cls, db_path: str | os.PathLike[str]) -> InstanceLock:
        path = lock_path(db_path)
        try:
            fh = open(path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise StoreError(
                    f"the folder {path.parent} is read-only, and medialit saves every edit as "
                    "it happens; choose a folder you can write to (--db)"
                ) from None
            raise StoreError(f"cannot create the lock file {path}: {exc.strerror}") from None
        if not _try_lock(fh):
            holder = _read_holder(fh)
            fh.close()
            raise DatabaseInUseError(
                in_use_message(holder), details=in_use_details(Path(db_path), holder)
            )
        info = {
            "pid": os.getpid(),
            "host": hostname(),
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):  # the lock, not the note, is what matters
            fh.seek(0)
            fh.truncate()
            fh.write(json.dumps(info).encode("utf-8"))
            fh.flush()
        return cls(path, fh)

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        with contextlib.suppress(OSError):
            _unlock(fh)
        fh.close()

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_holder(fh: IO[bytes]) -> dict[str, Any]:
    try:
        fh.seek(0)
        data = json.loads(fh.read(4096).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _since(info: dict[str, Any], today: dt.date | None = None) -> str:
    """When the other copy started, in the words of a clock on the wall: "10:42" today,
    "Mon 30 Nov, 10:42" another day, "" when the note is unreadable."""
    raw = info.get("since")
    if not isinstance(raw, str):
        return ""
    try:
        started = dt.datetime.fromisoformat(raw[:40]).astimezone()
    except ValueError:
        return ""
    today = today or dt.datetime.now().astimezone().date()
    return started.strftime("%H:%M" if started.date() == today else "%a %d %b, %H:%M")


def hostname() -> str:
    """This computer's name, as `socket.gethostname()` gives it (without importing socket,
    which start-up does without, where the OS says it directly)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def in_use_message(info: dict[str, Any], *, today: dt.date | None = None) -> str:
    """What a student is told when medialit is already open: plain words, no path or number."""
    host = info.get("host")
    elsewhere = isinstance(host, str) and host != hostname()
    since = _since(info, today)
    when = f" (since {since})" if since else ""
    if elsewhere:
        return f"medialit is already open on another computer{when}. Close it there first."
    return f"medialit is already open on this computer{when}. Use that window."


def in_use_details(db_path: Path, info: dict[str, Any]) -> str:
    """The facts behind the message, for the Details button and a terminal."""
    lines = [
        f"Database: {db_path}",
        "Two windows on one database would each show a different "
        "picture of the work, so the second one does not open.",
    ]
    if isinstance(info.get("pid"), int):
        lines.append(f"Held by process {info['pid']}")
    if isinstance(info.get("host"), str):
        lines.append(f"On computer: {info['host'][:64]}")
    if isinstance(info.get("since"), str):
        lines.append(f"Since: {info['since'][:40]}")
    return "\n".join(lines)
