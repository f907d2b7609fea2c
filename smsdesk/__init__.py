"""smsdesk: bulk SMS campaigns from the desktop."""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    # the one place is pyproject.toml; a bundle carries the metadata (smsdesk.spec copies it)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("smsdesk")
    except PackageNotFoundError:  # a source tree never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    """`__version__`, read from the package metadata when first asked (not at every
    command line start)."""
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'smsdesk' has no attribute {name!r}")
