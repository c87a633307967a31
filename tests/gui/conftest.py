"""GUI tests render offscreen unless told otherwise."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
