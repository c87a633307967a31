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
        where = f"{path}: {field}: " if field else f"{path}: "
        super().__init__(where + reason)


class StoreError(MedialitError):
    """The database cannot be opened or written; nothing was changed."""


class NewerSchemaError(StoreError):
    """The database was written by a newer medialit; we refuse to touch it."""


class UnscorableKeyError(MedialitError, ValueError):
    """An answer key that cannot score anything: no required span (scoring.md), or unreadable."""
