"""Shared fixtures. No test ever touches the user's real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from medialit.core.lesson import save_lesson
from medialit.core.store import Store
from tests.helpers import make_lesson

# Hypothesis fails an example that takes over 200 ms by default: a wall-clock assert, which
# a loaded machine trips. No test here is about speed (benchmarks/ are), so no deadline.
settings.register_profile("medialit", deadline=None)
settings.load_profile("medialit")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real user data folder and settings (Mu's conftest)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log folder
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("MEDIALIT_DB", raising=False)


@pytest.fixture
def fresh_store() -> Store:
    store = Store.memory()
    yield store
    store.close()


@pytest.fixture
def unicode_lesson_file(tmp_path: Path) -> Path:
    path = tmp_path / "unicode_lesson.json"
    save_lesson(path, make_lesson())
    return path
