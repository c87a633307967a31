"""medialit: teach media literacy by close reading."""

import logging

# The one place the version is written (pyproject reads it via hatch). Not read
# from importlib.metadata: that import alone costs ~25 ms of every start-up.
__version__ = "0.1.0"

# Nothing is printed for medialit's records unless `core.applog` starts the log file (the
# stdlib's last-resort handler would print them, words and all, to stderr).
logging.getLogger(__name__).addHandler(logging.NullHandler())
