"""One exception root, so the GUI and the CLI each have one place that reports errors."""

from __future__ import annotations


class MedialitError(Exception):
    """Base of every error the core raises on purpose; its message is meant for a person."""


class NotFoundError(MedialitError, LookupError):
    """A lesson, span, student or file that should exist does not."""


class InvalidSpanError(MedialitError, ValueError):
    """A span whose offsets, label or quote do not fit the article."""


class FileFormatError(MedialitError, ValueError):
    """A lesson or submission file that cannot be read; names the file and the field."""

    def __init__(self, path: str, reason: str, *, field: str | None = None) -> None:
        self.path = path
        self.field = field
        self.reason = reason
        shown = printable_path(path)
        where = f"{shown}: {field}: " if field else f"{shown}: "
        super().__init__(where + reason)


def printable_path(path: str) -> str:
    """A file name fit to show: bytes that are not UTF-8 (kept by Python as lone
    surrogates, e.g. from a USB stick) become U+FFFD instead of breaking the display."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that no file system produced
        return path.encode("utf-8", "replace").decode("utf-8")


class StoreError(MedialitError):
    """The database cannot be opened or written; nothing was changed."""


class NewerSchemaError(StoreError):
    """The database was written by a newer medialit; we refuse to touch it."""


class CorruptDatabaseError(StoreError):
    """The database file is damaged or is not an SQLite database; it was left untouched.

    `path` is the file; the app moves it aside (never overwrites it) and offers a backup.
    """

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"database {path} is damaged or is not a medialit database ({detail})")


class DamagedTextError(CorruptDatabaseError):
    """Saved text in the database is not valid UTF-8: SQLite's quick_check cannot see it,
    reading finds it. The file is kept as it is; a backup that reads cleanly is offered."""

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        StoreError.__init__(
            self,
            "some saved text in the database cannot be read: the file is damaged "
            f"({detail}). Nothing more was saved to it; quit medialit and start it again "
            "to restore a backup",
        )


class DatabaseInUseError(StoreError):
    """Another copy of medialit has this database open.

    The message is for a 14-year-old ("medialit is already open on this
    computer (since 10:42). Use that window."); `details` holds what a
    teacher or technician may need (the file, the process, the exact time),
    shown behind a Details button.
    """

    def __init__(self, message: str, *, details: str = "") -> None:
        self.details = details
        super().__init__(message)


class UnscorableKeyError(MedialitError, ValueError):
    """An answer key that cannot score anything: no required span (scoring.md), or unreadable."""
