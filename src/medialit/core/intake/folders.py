"""Which files an input holds: the one folder rule.

A folder is walked recursively (symbolic links to folders are not followed); its `*.json`
and `*.jsonl` files count (any case), hidden files and folders (`.name`, such as macOS's
`._name.json`) do not. At most `MAX_FOLDER_FILES` files are read; a folder with more is
refused whole, saying how many it has: a teacher never gets a class cut short without a
word. A file given by name is read whatever its name ends in (`.jsonl`: a class file;
`.zip`: read like a folder, `zipped`; anything else: a submission file).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from medialit.core.intake.sources import ZIP, Problem, Source, counted, kind_of
from medialit.core.intake.zipped import zip_sources

MAX_FOLDER_FILES = 20_000


def gather(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Source | Problem]:
    """Each input's files in order (a folder's sorted by path), or a Problem for an input
    that cannot be read at all; a file named twice is read once (the same content under
    two names is the duplicate rule's business)."""
    seen: set[str] = set()
    for raw in inputs:
        path = Path(raw)
        for item in _expand(path):
            if isinstance(item, Source):
                key = os.path.abspath(item.path) if item.path is not None else item.name
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _expand(path: Path) -> Iterator[Source | Problem]:
    origin = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield Problem(origin, None, "file not found")
        return
    except OSError as exc:
        yield Problem(origin, None, f"cannot be read: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _folder(path)
    elif path.name.lower().endswith(ZIP) and stat.S_ISREG(info.st_mode):
        yield from zip_sources(path)
    else:
        yield Source(origin, kind_of(path.name), path)


def _folder(folder: Path) -> Iterator[Source | Problem]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root) / name for name in names if counted(name))
        if len(files) > MAX_FOLDER_FILES:
            break
    if len(files) > MAX_FOLDER_FILES:
        total = _count_all(folder)
        yield Problem(
            str(folder),
            None,
            f"holds {total:,} submission files, over the limit of {MAX_FOLDER_FILES:,}; "
            "nothing in it was read (split it into smaller folders)",
        )
        return
    if not files:
        yield Problem(str(folder), None, "the folder has no submission files (*.json, *.jsonl)")
        return
    for file in sorted(files):
        yield Source(str(file), kind_of(file.name), file)


def _count_all(folder: Path) -> int:
    count = 0
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        count += sum(1 for name in names if counted(name))
        del root
    return count
