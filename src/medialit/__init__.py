"""medialit: teach media literacy by close reading."""

# The one place the version is written (pyproject reads it via hatch). Not read
# from importlib.metadata: that import alone costs ~25 ms of every start-up.
__version__ = "0.1.0"
