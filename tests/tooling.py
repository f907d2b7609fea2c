"""Small helpers shared by the test folders' conftest files (tests/ is on sys.path)."""

from __future__ import annotations

import os

import pytest


def missing_tool(reason: str) -> None:
    """A tool a test needs is missing: skip on a developer's machine, fail in CI (CI=true),
    where .ci/run installs everything and a skip would hide a test that never ran."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)
