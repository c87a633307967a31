"""medialit's log: a rotating file in the user's log folder, for whoever has to fix a bug.

A caught exception would otherwise be lost: the user sees a plain message and the
traceback is gone. So the broad `except Exception` blocks log what they caught,
and `install_excepthooks` logs what nothing caught (Qt hands an exception raised in
a slot or a virtual method to `sys.excepthook`).

Shared laptops: a class shares one account, so the log must hold nothing a student
typed or read. The rule is kept here, in `PrivateFormatter`, not at each call: a
record is written as its message template with every text argument withheld
(numbers, flags and type names are kept), and an exception as its type and its
traceback (file, line, function, code line), never its message, whose words can be
a note, a quote, a name or a file path. OSError keeps its errno and sqlite3.Error
its error name, which say what went wrong in no one's words. Messages are written
as constants in the code (`log.exception("checking a submission file failed")`).

Logging never stops the app: a log folder that cannot be made or a file that
cannot be opened means no log (`start_logging` returns None), and a write that
fails later is dropped.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from medialit import __version__
from medialit.core import paths

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_FILE = "medialit.log"
MAX_BYTES = 512 * 1024  # then medialit.log.1 ... .3: about 2 MB in all
BACKUPS = 3
TOP = "medialit"  # the logger every module's logger is under
WITHHELD = "<text withheld>"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class _Held(logging.Handler):
    """Records made before the log file opens (start-up paints the window first), kept
    to be written first thing when it does (at most `HELD`)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < HELD:
            self.records.append(record)


HELD = 1_000


def hold() -> None:
    """Keep medialit's records until `start_logging` opens the file (importing what the
    file needs, logging.handlers, is left until after the first paint)."""
    logger = logging.getLogger(TOP)
    if not any(isinstance(h, _Held) for h in logger.handlers):
        logger.addHandler(_Held())
    logger.setLevel(logging.INFO)


def start_logging(folder: Path | None = None) -> Path | None:
    """Log medialit's records to `folder`/medialit.log (the user's log folder by default),
    those held since `hold()` first.

    Returns the log file, or None when it cannot be made: the app runs on without a log.
    Calling it again moves the log (one file at a time).
    """
    logger = logging.getLogger(TOP)
    stop_logging()
    held = [h for h in logger.handlers if isinstance(h, _Held)]
    for early in held:
        logger.removeHandler(early)
    try:
        folder = folder or paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = _log_file(folder / LOG_FILE)
    except Exception:  # an unwritable folder, a file in the way, an odd platform: no log
        return None
    handler.setFormatter(PrivateFormatter(FORMAT))
    for early in held:
        for record in early.records:
            handler.handle(record)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return Path(handler.baseFilename)


def started() -> None:
    """The first line of a run, once: which medialit, on which Python (no path: a path names
    the account)."""
    if not _said_started:
        _said_started.append(True)
        log.info(f"medialit {__version__} started (Python {sys.version.split()[0]})")


_said_started: list[bool] = []


def _log_file(path: Path) -> RotatingFileHandler:
    """A rotating file handler that drops a failed write quietly: the stdlib would print the
    record's arguments to stderr, and they may be a student's words. (logging.handlers is
    imported here: it loads socket, pickle and more, which start-up does without.)"""
    from logging.handlers import RotatingFileHandler

    class LogFile(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            pass

    return LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")


def stop_logging() -> None:
    """Close the log file (tests start and stop it; the app keeps it until it exits)."""
    logger = logging.getLogger(TOP)
    for handler in [h for h in logger.handlers if _is_log_file(h)]:
        logger.removeHandler(handler)
        with contextlib.suppress(Exception):  # a file already gone cannot be flushed
            handler.close()


class PrivateFormatter(logging.Formatter):
    """Writes a record without the words of any argument or exception message."""

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(record.__dict__)  # other handlers keep the original
        safe.msg, safe.args = private_message(record), None
        safe.exc_text = None
        return super().format(safe)

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        return private_traceback(ei[1])


def private_message(record: logging.LogRecord) -> str:
    """The record's template with each text argument replaced by `WITHHELD`."""
    if not isinstance(record.msg, str):  # log.error(exc) would write the exception's words
        return f"<{type(record.msg).__name__}>"
    args = record.args
    if not args:
        return record.msg
    safe: tuple[object, ...] | dict[str, object]
    if isinstance(args, Mapping):
        safe = {key: _safe_arg(value) for key, value in args.items()}
    else:
        safe = tuple(_safe_arg(value) for value in args)
    try:
        return record.msg % safe
    except (TypeError, ValueError, KeyError):  # "%d" given WITHHELD: keep the template
        return f"{record.msg} [{WITHHELD}]"


def _safe_arg(value: object) -> object:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, type):
        return value.__qualname__
    return WITHHELD


def _is_log_file(handler: logging.Handler) -> bool:
    return type(handler).__name__ == "LogFile" and handler.__module__ == __name__


def private_traceback(exc: BaseException | None) -> str:
    """Each exception of the chain, oldest first, as its frames and its type: no message."""
    import traceback

    chain: list[BaseException] = []
    while exc is not None and all(exc is not seen for seen in chain):
        chain.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    lines: list[str] = []
    for i, each in enumerate(reversed(chain)):
        if i:
            lines.append("During handling of the above exception, another exception occurred:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(each.__traceback__):
            lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(describe(each))
    return "\n".join(lines)


def describe(exc: BaseException) -> str:
    """An exception's qualified type and the codes that say what failed in no one's words."""
    kind = type(exc)
    words = f"{kind.__module__}.{kind.__qualname__}"
    if isinstance(exc, OSError) and exc.errno is not None:
        words += f" (errno {exc.errno})"
    sqlite3 = sys.modules.get("sqlite3")  # not imported: then this is no sqlite3.Error
    is_sqlite = sqlite3 is not None and isinstance(exc, sqlite3.Error)
    name = getattr(exc, "sqlite_errorname", None) if is_sqlite else None
    if isinstance(name, str):
        words += f" ({name})"
    return words + " [message withheld]"


def _short(filename: str) -> str:
    """A frame's file from the package down (medialit/gui/app.py): a home folder's path
    names the account."""
    parts = Path(filename).parts
    if "medialit" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("medialit") :])
    return "/".join(parts[-3:])


class _Hook:
    """sys.excepthook: log what nothing caught, then hand it to the hook before."""

    def __init__(self, before: Callable[..., object]) -> None:
        self.before = before

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        _log_uncaught(value, tb)
        self.before(kind, value, tb)


class _ThreadHook(_Hook):
    """threading.excepthook: the same for a thread's exception."""

    def __call__(self, args: threading.ExceptHookArgs) -> None:  # type: ignore[override]
        if args.exc_value is not None:
            _log_uncaught(args.exc_value, args.exc_traceback)
        self.before(args)


def install_excepthooks() -> None:
    """Log every exception nothing caught, in any thread, then hand it to the hook before
    (which prints it to stderr, as Python always has). Installing twice changes nothing."""
    if not isinstance(sys.excepthook, _Hook):
        sys.excepthook = _Hook(sys.excepthook)
    if not isinstance(threading.excepthook, _ThreadHook):
        threading.excepthook = _ThreadHook(threading.excepthook)


def _log_uncaught(value: BaseException, tb: TracebackType | None) -> None:
    with contextlib.suppress(Exception):  # a failing log must not hide the error itself
        log.error("uncaught exception", exc_info=(type(value), value, tb))
