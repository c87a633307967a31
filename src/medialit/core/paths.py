"""Where medialit's files live: the user's database and log, the bundled lessons and seeds."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

from medialit.core.errors import StoreError

APP_NAME = "medialit"
DB_ENV = "MEDIALIT_DB"
DB_FILENAME = "medialit.db"


@cache
def _data_root() -> Path:
    """Bundled data: inside the installed package, or the source checkout's root (found once:
    each lesson loaded asked three times, resolving the path each time)."""
    installed = Path(__file__).resolve().parent.parent / "_data"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3]


def lessons_dir() -> Path:
    return _data_root() / "lessons"


def seeds_dir() -> Path:
    return _data_root() / "seeds"


def resources_dir() -> Path:
    return _data_root() / "resources"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The log folder: the platform's per-user one, wherever the database is (`--db`)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def documents_dir() -> Path:
    """Where submission files go unless the student picks another folder."""
    return Path(platformdirs.user_documents_dir())


def dialog_folder() -> Path:
    """Where a teacher's file dialog (open or save) first looks: the documents folder (home
    while it does not exist yet). Qt's default is the folder medialit was started from,
    which is the source checkout with the README's command, or a bundle's program folder."""
    documents = documents_dir()
    return documents if documents.is_dir() else Path.home()


def default_db_path() -> Path:
    """`--db` wins, then $MEDIALIT_DB, then the platform's per-user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / DB_FILENAME


def ensure_folder(folder: Path) -> None:
    """Create the database's folder, private to the user, before anything is put in it.

    A new user's data folder does not exist yet: the lock file, the database and the
    backups all live in it, so it is made first. Only the last folder gets mode 0700;
    parents it has to create get the user's usual permissions.
    """
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"medialit could not create the folder for its database:\n{folder}\n"
            f"({exc.strerror or exc}). Choose a folder you can write to with --db."
        ) from None
