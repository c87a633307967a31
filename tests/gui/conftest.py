"""GUI tests render offscreen unless told otherwise."""

import gc
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _unfreeze_after_test():
    """The teacher window freezes what the process holds (gui.memory); one test's windows
    must not stay frozen into the next test's process."""
    yield
    gc.unfreeze()
