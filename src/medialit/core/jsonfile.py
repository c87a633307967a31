"""Strict reading of medialit's JSON files (writing them is `outfile`'s one rule).

Files come from students' USB sticks: we refuse anything ambiguous (duplicate
keys, NaN, bool-as-int, deep nesting) with a message naming file and field,
before any of it reaches the database.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from collections.abc import Mapping
from typing import Any

from medialit.core.errors import FileFormatError
from medialit.core.text import has_lone_surrogate

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 32


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON numbers")


def _depth(value: Any, limit: int) -> int:
    """Nesting depth, iteratively, so a hostile file cannot exhaust the stack."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def loads_strict(text: str) -> Any:
    """json.loads refusing duplicate keys and NaN/Infinity, without the depth walk.

    For many small documents (JSONL lines) whose shape the caller checks field by
    field anyway; raises ValueError (or RecursionError for absurd nesting).
    """
    return _STRICT_DECODER.decode(text)


_STRICT_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constants)


def parse_json_text(text: str, origin: str) -> dict[str, Any]:
    """Parse one JSON object strictly; every problem becomes a FileFormatError naming `origin`."""
    if not text.strip():
        raise FileFormatError(origin, "the file is empty")
    try:
        value = json.loads(text, object_pairs_hook=_mark_duplicates, parse_constant=_Constant)
    except RecursionError:
        raise FileFormatError(origin, f"JSON is nested too deeply (limit {MAX_DEPTH})") from None
    except (ValueError, TypeError) as exc:
        if "Exceeds the limit" in str(exc):  # int("9" * 5000)
            raise FileFormatError(origin, "not valid JSON: a number has too many digits") from None
        raise FileFormatError(origin, f"not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise FileFormatError(origin, f"expected a JSON object, found {type(value).__name__}")
    if _depth(value, MAX_DEPTH) > MAX_DEPTH:
        raise FileFormatError(origin, f"JSON is nested too deeply (limit {MAX_DEPTH})")
    problem = _first_problem(value)
    if problem is not None:
        raise FileFormatError(origin, problem[1], field=problem[0])
    return value


def decode_bytes(data: bytes, origin: str, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    if len(data) > max_bytes:
        raise FileFormatError(
            origin, f"the file is {len(data):,} bytes, over the {max_bytes:,}-byte limit"
        )
    try:  # as "utf-8-sig" decodes, without loading that codec's module (start-up reads here)
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(origin, f"not UTF-8 text (byte {exc.start})") from None
    if has_lone_surrogate(text):
        raise FileFormatError(origin, "contains an invalid (lone surrogate) character")
    return text


def read_json_file(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES
) -> dict[str, Any]:
    origin = str(path)
    data = read_bytes_capped(path, origin, max_bytes=max_bytes)
    return parse_json_text(decode_bytes(data, origin, max_bytes=max_bytes), origin)


def read_bytes_capped(
    path: str | os.PathLike[str],
    origin: str,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    field: str | None = None,
) -> bytes:
    """At most `max_bytes + 1` bytes of a regular file (a FIFO or device would block or never end)."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise FileFormatError(origin, "is a folder, not a file", field=field)
        if not stat.S_ISREG(info.st_mode):
            raise FileFormatError(origin, "is not a regular file", field=field)
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise FileFormatError(origin, "file not found", field=field) from None
    except IsADirectoryError:
        raise FileFormatError(origin, "is a folder, not a file", field=field) from None
    except OSError as exc:
        raise FileFormatError(
            origin, f"cannot be read: {exc.strerror or exc}", field=field
        ) from None


class _Constant:
    """What NaN, Infinity or -Infinity parse to, so the walk can say which field held one."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class _Duplicated(dict[str, Any]):
    """An object in which `duplicate` appeared twice; the walk reports where."""

    duplicate = ""


def _mark_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    duplicate = None
    for key, value in pairs:
        if key in out and duplicate is None:
            duplicate = key
        out[key] = value
    if duplicate is None:
        return out
    marked = _Duplicated(out)
    marked.duplicate = duplicate
    return marked


def _is_surrogate_free(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(key: str) -> str:
    """A key as a message shows it: a lone surrogate or a control character (a line break,
    a record separator) becomes "?", so the message stays one printable line."""
    text = key.encode("utf-8", "replace").decode("utf-8")[:60]
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _path(parts: tuple[str | int, ...]) -> str | None:
    """A field's path as messages name it (`spans[2].label`), each key as `_shown` shows it."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{_shown(part)}" if out else _shown(part)
    return out or None


def _first_problem(value: Any) -> tuple[str | None, str] | None:
    """(field path, reason) of the first duplicate key, NaN/Infinity or lone surrogate. The
    path is spelled only for the problem found (every lesson load walks every field)."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if not _is_surrogate_free(item):
                return _path(where), "contains an invalid character (a lone UTF-16 surrogate)"
        elif isinstance(item, _Constant):
            return _path(where), f"{item.name} is not allowed (JSON numbers must be finite)"
        elif isinstance(item, dict):
            if isinstance(item, _Duplicated):
                return _path((*where, item.duplicate)), "appears twice (duplicate key)"
            children = []
            for key, child in item.items():
                if not _is_surrogate_free(key):
                    problem = "the name contains an invalid character (a lone surrogate)"
                    return _path((*where, key)), problem
                children.append((child, (*where, key)))
            stack.extend(reversed(children))  # popped in document order
        elif isinstance(item, list):
            stack.extend((item[i], (*where, i)) for i in range(len(item) - 1, -1, -1))
    return None


def dump_json(value: Mapping[str, Any]) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class Fields:
    """Typed access to one JSON object's fields, with errors naming file and field path."""

    def __init__(self, data: Mapping[str, Any], origin: str, where: str = "") -> None:
        self.data = data
        self.origin = origin
        self.where = where

    def check_format(self, name: str, version: int) -> None:
        """The file says which format and version it is; a newer version is refused, not guessed."""
        fmt = self.text("format", required=True)
        if fmt != name:
            raise self.fail("format", f"is {fmt!r}, expected {name!r}")
        found = self.integer("format_version", required=True, low=1, high=1_000)
        if found != version:
            raise self.fail(
                "format_version",
                f"is {found}; this medialit reads version {version} (a newer app may read it)",
            )

    def _path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def fail(self, name: str, reason: str) -> FileFormatError:
        return FileFormatError(self.origin, reason, field=self._path(name))

    def _get(self, name: str, default: Any, required: bool) -> Any:
        if name not in self.data:
            if required:
                raise self.fail(name, "is missing")
            return default
        return self.data[name]

    def text(
        self, name: str, *, default: str = "", required: bool = False, max_len: int = 10_000_000
    ) -> str:
        value = self._get(name, default, required)
        if not isinstance(value, str):
            raise self.fail(name, f"must be text, not {_kind(value)}")
        if len(value) > max_len:
            raise self.fail(name, f"is {len(value):,} characters, over the limit of {max_len:,}")
        return value

    def integer(
        self, name: str, *, low: int, high: int, default: int = 0, required: bool = False
    ) -> int:
        """A JSON whole number in [low, high] (docs/formats.md lists each field's range)."""
        value = self._get(name, default, required)
        if type(value) is not int:  # bool is an int in Python; 1.0 and "3" are not offsets
            raise self.fail(name, f"must be a whole number, not {_kind(value)}")
        if not low <= value <= high:
            raise self.fail(name, f"is {_number(value)}, outside the range {low:,}-{high:,}")
        return value

    def flag(self, name: str, *, default: bool = False) -> bool:
        value = self._get(name, default, False)
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, not {_kind(value)}")
        return value

    def array(self, name: str, *, required: bool = False, max_items: int = 50_000) -> list[Any]:
        value = self._get(name, [], required)
        if not isinstance(value, list):
            raise self.fail(name, f"must be a list, not {_kind(value)}")
        if len(value) > max_items:
            raise self.fail(name, f"has {len(value):,} items, over the limit of {max_items:,}")
        return value

    def object(self, name: str, *, required: bool = False) -> Fields:
        value = self._get(name, {}, required)
        if not isinstance(value, dict):
            raise self.fail(name, f"must be an object, not {_kind(value)}")
        return Fields(value, self.origin, self._path(name))

    def item(self, name: str, index: int) -> Fields:
        value = self.data[name][index]
        where = f"{self._path(name)}[{index}]"
        if not isinstance(value, dict):
            raise FileFormatError(
                self.origin, f"must be an object, not {_kind(value)}", field=where
            )
        return Fields(value, self.origin, where)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        return f"text {value[:20]!r}"
    if isinstance(value, float):
        return f"a decimal number {value!r}"
    return type(value).__name__


def _number(value: int) -> str:
    """A number fit for a message: 2^63 in full, a 5,000-digit one shortened."""
    shown = str(value)
    return shown if len(shown) <= 30 else f"{shown[:12]}… ({len(shown):,} digits)"
