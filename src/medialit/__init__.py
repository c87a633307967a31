"""medialit: teach media literacy by close reading."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("medialit")
except PackageNotFoundError:  # running from a source checkout without install
    __version__ = "0.1.0"
