"""Cancelling long work (imports, exports, checks): the one exception and the one check."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user cancelled long work; nothing was changed."""


def raise_if_cancelled(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled
