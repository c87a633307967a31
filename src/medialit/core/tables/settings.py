"""The `settings` table: key -> text, for preferences and the store's own knobs."""

from __future__ import annotations

from medialit.core.records import Change, ChangeKind
from medialit.core.tables.base import Table


class Settings(Table):
    def get(self, key: str, default: str | None = None) -> str | None:
        rows = list(self.db.query("SELECT value FROM settings WHERE key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_many(self, values: dict[str, str]) -> Change:
        """Several settings in one transaction: all or none."""
        with self.write() as db:
            for key, value in values.items():
                db.table("settings").upsert({"key": key, "value": value}, pk="key")
        return Change(ChangeKind.SETTINGS)

    def set(self, key: str, value: str) -> Change:
        with self.write() as db:
            db.table("settings").upsert({"key": key, "value": value}, pk="key")
        return Change(ChangeKind.SETTINGS)
