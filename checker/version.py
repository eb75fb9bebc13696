"""The version reported in machine-readable output."""
from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("delibcheck")
except PackageNotFoundError:
    VERSION = "0+source"
