"""What a table object is given: the store's connection and its one way to write."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlite_utils import Database


class Connection(Protocol):
    """The part of `Store` a table uses (a protocol, so no table imports the store)."""

    db: Database

    def write(self) -> AbstractContextManager[Database]: ...


class Table:
    """One concern's reads and writes over the store's connection."""

    def __init__(self, store: Connection) -> None:
        self._store = store

    @property
    def db(self) -> Database:
        return self._store.db

    def write(self) -> AbstractContextManager[Database]:
        """One committed transaction (`Store.write()`): an error rolls it back."""
        return self._store.write()
