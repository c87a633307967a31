"""A new user's first launch: the installed `medialit` command, run as a process, on a fresh account.

Every folder the app needs is missing when these start: HOME is a new empty directory
and nothing under it exists, as on a laptop where medialit was just installed. The app
is the real entry point (the console script pip made), with MEDIALIT_SMOKE_TEST=1 so it
prints "window shown" once its window is up and quits.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ENTRY_POINT = Path(sys.executable).with_name("medialit")

pytestmark = pytest.mark.skipif(
    not ENTRY_POINT.exists(), reason="the medialit console script is not installed"
)


def launch(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `medialit` with an environment like a new user's: no XDG_* variables, no MEDIALIT_DB."""
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "MEDIALIT_SMOKE_TEST": "1",
    }
    if "DISPLAY" in os.environ:
        base["DISPLAY"] = os.environ["DISPLAY"]
    return subprocess.run(
        [str(ENTRY_POINT), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=90,
    )


def assert_started(result: subprocess.CompletedProcess[str], db: Path) -> None:
    assert result.returncode == 0, result.stderr
    assert "window shown" in result.stdout, (result.stdout, result.stderr)
    assert db.is_file(), f"no database at {db}; stdout: {result.stdout}"
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700  # private to the user


def test_first_launch_with_an_empty_home(tmp_path: Path) -> None:
    home = tmp_path / "new-user"
    home.mkdir()
    result = launch(home)
    # Where the README says: medialit.db in ~/.local/share/medialit on Linux.
    assert_started(result, home / ".local" / "share" / "medialit" / "medialit.db")


def test_first_launch_with_xdg_data_home_missing(tmp_path: Path) -> None:
    home = tmp_path / "new-user"
    home.mkdir()
    data = tmp_path / "not" / "yet" / "there"
    result = launch(home, XDG_DATA_HOME=str(data))
    assert_started(result, data / "medialit" / "medialit.db")


def test_db_option_in_a_missing_folder(tmp_path: Path) -> None:
    home = tmp_path / "new-user"
    home.mkdir()
    db = tmp_path / "usb" / "class 7b" / "medialit.db"
    assert_started(launch(home, "--db", str(db)), db)


def test_medialit_db_variable_in_a_missing_folder(tmp_path: Path) -> None:
    home = tmp_path / "new-user"
    home.mkdir()
    db = tmp_path / "somewhere" / "new" / "work.db"
    assert_started(launch(home, MEDIALIT_DB=str(db)), db)


def test_a_folder_that_cannot_be_made_is_named_and_exits_1(tmp_path: Path) -> None:
    home = tmp_path / "new-user"
    home.mkdir()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    db = blocker / "medialit" / "medialit.db"
    result = launch(home, "--db", str(db))
    assert result.returncode == 1
    assert "window shown" not in result.stdout
    assert str(blocker / "medialit") in result.stderr
    assert "Not a directory" in result.stderr
    assert "could not create the folder" in result.stderr


def test_the_log_is_in_the_users_log_folder_whatever_db_says(tmp_path: Path) -> None:
    home = tmp_path / "new-user"
    home.mkdir()
    db = tmp_path / "usb" / "medialit.db"
    assert_started(launch(home, "--db", str(db)), db)
    log = home / ".local" / "state" / "medialit" / "log" / "medialit.log"  # XDG's state folder
    assert "INFO medialit.cli: medialit" in log.read_text("utf-8")
    assert sorted(p.name for p in db.parent.iterdir() if "log" in p.name) == []


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    home = tmp_path / "new-user"
    home.mkdir()
    blocker = tmp_path / "state"
    blocker.write_text("a file where the log folder's parent should be")
    result = launch(home, XDG_STATE_HOME=str(blocker))
    assert_started(result, home / ".local" / "share" / "medialit" / "medialit.db")


def test_the_second_launch_paints_from_a_glance_and_still_opens_the_store(tmp_path: Path) -> None:
    """The usual start: a database is there, so the window is painted from a glance first;
    "window shown" is still said only once the store is open (tests/gui/test_startup.py)."""
    home = tmp_path / "new-user"
    home.mkdir()
    db = home / ".local" / "share" / "medialit" / "medialit.db"
    assert_started(launch(home), db)
    assert_started(launch(home), db)
