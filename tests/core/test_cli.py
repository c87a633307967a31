import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medialit import __version__
from medialit.cli import cli
from medialit.core import paths


def test_version_in_a_real_process() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "medialit", "--version"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"medialit, version {__version__}"


def test_help_lists_options() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for option in ("--db", "--lesson", "--version"):
        assert option in result.output


def test_default_db_is_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.default_db_path() == tmp_path / "medialit" / "medialit.db"
    monkeypatch.setenv("MEDIALIT_DB", str(tmp_path / "other.db"))
    assert paths.default_db_path() == tmp_path / "other.db"


def test_bundled_lesson_is_found() -> None:
    from medialit.core.lesson import bundled_lessons

    assert [p.name for p in bundled_lessons()][:1] == ["000_baldwin_rust.json"]


def test_every_command_has_help_text() -> None:
    """As sqlite-utils' test_docs: a verb nobody can discover is a verb nobody uses."""
    assert cli.help
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"medialit {name} has no help text"
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
