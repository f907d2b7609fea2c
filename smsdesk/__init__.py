"""smsdesk: bulk SMS campaigns from the desktop."""

from importlib.metadata import PackageNotFoundError, version

# the one place is pyproject.toml; a bundle carries the metadata (smsdesk.spec copies it)
try:
    __version__ = version("smsdesk")
except PackageNotFoundError:  # a source tree never installed
    __version__ = "0+unknown"
