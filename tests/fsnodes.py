"""Special files for tests of what medialit reads and writes: FIFOs, character devices."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest


def char_device(folder: Path) -> Path:
    """A private /dev/null (same major/minor) in `folder`: replacing it harms nothing."""
    node = folder / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        with open(node, "wb") as fh:
            fh.write(b"")
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot make a character device here: {exc}")
    return node


class FifoReader:
    """Reads a FIFO to its end on a thread, so a writer opening it does not block forever."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as fh:
            self.data = fh.read()

    def join(self) -> bytes:
        self.thread.join(timeout=20)
        if self.thread.is_alive():  # nobody opened it: let the reader go, then fail
            os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            self.thread.join(timeout=5)
            pytest.fail("the writer never wrote into the FIFO")
        return self.data


def make_fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = folder / "out.fifo"
    os.mkfifo(path)
    return path
