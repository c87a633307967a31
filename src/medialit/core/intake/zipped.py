"""A `.zip` of handed-in work, read like a folder, within limits a hostile zip cannot pass.

Its `*.json` and `*.jsonl` members count as a folder's files do (hidden ones and macOS's
`__MACOSX/` do not); each is read from memory, never extracted to disk. Limits, checked
on the zip's own directory before a byte is decompressed:

- at most `MAX_MEMBERS` members and `MAX_TOTAL` bytes uncompressed in all (else the whole
  zip is refused, with the numbers);
- each member at most `MAX_MEMBER` bytes (the 8 MiB file cap) and compressed at most
  `MAX_RATIO` times (a zip bomb is refused by name);
- a member whose name has `..` or is absolute, a symbolic link, or a zip inside the zip is
  refused by name.

Every refusal names the member as `class.zip!7b/ann.json`.
"""

from __future__ import annotations

import functools
import io
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from medialit.core.intake.sources import (
    MAX_JSON_BYTES,
    Problem,
    Refused,
    Source,
    counted,
    kind_of,
    open_regular,
)

MAX_MEMBERS = 10_000
MAX_MEMBER = MAX_JSON_BYTES
MAX_TOTAL = 512 * 1024 * 1024
MAX_RATIO = 100
MAX_ZIP_BYTES = MAX_TOTAL  # the zip file itself


@dataclass(frozen=True, slots=True)
class Member:
    zip_path: Path
    info: zipfile.ZipInfo


def zip_sources(path: Path) -> Iterator[Source | Problem]:
    origin = str(path)
    try:
        with open_regular(path, MAX_ZIP_BYTES) as fh, zipfile.ZipFile(fh) as archive:
            infos = archive.infolist()
    except Refused as exc:
        yield Problem(origin, None, exc.reason)
        return
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        yield Problem(origin, None, f"is not a zip file medialit can read ({exc})")
        return
    if len(infos) > MAX_MEMBERS:
        yield Problem(
            origin,
            None,
            f"holds {len(infos):,} files, over the limit of {MAX_MEMBERS:,}; nothing in it was read",
        )
        return
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        yield Problem(
            origin,
            None,
            f"holds {total:,} bytes uncompressed, over the limit of {MAX_TOTAL:,}; "
            "nothing in it was read",
        )
        return
    found = False
    for info in sorted(infos, key=lambda i: i.filename):
        item = _member(path, info)
        if item is not None:
            found = True
            yield item
    if not found:
        yield Problem(origin, None, "the zip has no submission files (*.json, *.jsonl)")


def _member(path: Path, info: zipfile.ZipInfo) -> Source | Problem | None:
    name = info.filename
    shown = f"{path}!{name}"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts:
        return Problem(
            shown, None, "refused: its name leads out of the zip (.. or an absolute path)"
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        return Problem(shown, None, "refused: it is a symbolic link")
    if info.is_dir() or any(part.startswith(".") or part == "__MACOSX" for part in parts):
        return None
    if name.lower().endswith(".zip"):
        return Problem(shown, None, "refused: a zip inside the zip is not read")
    if not counted(parts[-1]):
        return None
    if info.file_size > MAX_MEMBER:
        return Problem(
            shown, None, f"the file is {info.file_size:,} bytes, over the {MAX_MEMBER:,}-byte limit"
        )
    if info.file_size > MAX_RATIO * max(1, info.compress_size):
        return Problem(
            shown,
            None,
            f"refused: it is compressed over {MAX_RATIO} times ({info.compress_size:,} bytes "
            f"become {info.file_size:,}), as a zip bomb is",
        )
    return Source(shown, kind_of(name), None, functools.partial(open_member, Member(path, info)))


def open_member(member: Member, limit: int) -> BinaryIO:
    """A member's bytes (at most `limit`, and never more than its entry declares)."""
    info = member.info
    if info.file_size > limit:
        raise Refused(f"the file is {info.file_size:,} bytes, over the {limit:,}-byte limit")
    if info.file_size == 0:
        raise Refused("the file is empty")
    try:
        with (
            open_regular(member.zip_path, MAX_ZIP_BYTES) as fh,
            zipfile.ZipFile(fh) as archive,
            archive.open(info) as stream,
        ):
            data = stream.read(min(limit, info.file_size) + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise Refused(f"cannot be read from the zip ({exc})") from None
    if len(data) > info.file_size:
        raise Refused("holds more than its zip entry says: refused")
    return io.BytesIO(data)
