"""The one CSV writer for every export (history, rejected lines, reports).

French Excel opens the file as it is: UTF-8 with a BOM, `;` between cells, CRLF. The file is
private (0600) and appears whole or not at all: written beside, renamed at the end.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from smsdesk.private_files import open_private

_SAFE_NUMBER = re.compile(r"\+[0-9]{6,15}")


def neutralise_cell(value: str) -> str:
    """Keep spreadsheets from running a cell as a formula (phone numbers stay as they are)."""
    if value and value[0] in "=+-@\t\r" and not _SAFE_NUMBER.fullmatch(value):
        return "'" + value
    return value


@contextmanager
def excel_csv(path: Path) -> Iterator[Any]:
    """A csv writer for `path`. Callers pass cells through neutralise_cell() when they hold
    user text."""
    tmp = path.with_name(path.name + ".part")
    try:
        with open_private(tmp, encoding="utf-8-sig", newline="") as handle:
            yield csv.writer(handle, delimiter=";", lineterminator="\r\n")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
