"""Exports follow the user's umask (a PDF, a CSV and a JSON file alike); the database and its
backups stay the owner's only (issue 12: CSV/JSON were 0600 while the PDF was 0644)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit.cli import cli
from medialit.core.store import Store
from tests.score_files import write_class


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_score_outputs_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    lesson, inputs = write_class(tmp_path, students=3)
    out, details, js = tmp_path / "r.csv", tmp_path / "d.csv", tmp_path / "r.json"
    argv = ["score", str(lesson), *map(str, inputs)]
    assert (
        CliRunner().invoke(cli, [*argv, "-o", str(out), "--details", str(details)]).exit_code == 0
    )
    assert CliRunner().invoke(cli, [*argv, "--json", "-o", str(js)]).exit_code == 0
    assert [mode(p) for p in (out, details, js)] == [0o644, 0o644, 0o644]
    os.umask(0o077)
    out2 = tmp_path / "r2.csv"
    assert CliRunner().invoke(cli, [*argv, "-o", str(out2)]).exit_code == 0
    assert mode(out2) == 0o600


def test_the_database_and_its_backups_are_the_owners_only(tmp_path: Path, umask_022: None) -> None:
    store = Store.open(tmp_path / "medialit.db")
    store.settings.set("x", "1")
    backup = store.backup()
    assert mode(tmp_path / "medialit.db") == 0o600
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
    wal = tmp_path / "medialit.db-wal"
    assert not wal.exists() or mode(wal) == 0o600
    store.close()
