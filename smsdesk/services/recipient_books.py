"""Workbooks (.xlsx .xls .ods, through python-calamine) and vCards (.vcf, through vobject)
as tables of cells: (line, cells) records for domain/recipient_table.py.

A workbook's cells come typed: a number Excel stored as a number (612345678,
33612345678.0) is written back without its ".0", as the digits a phone number is made
of; a date is its ISO text; a formula gives its cached value. The sheet is the first
whose cells hold a phone column (an empty first sheet or a notes sheet is common),
unless the user names one.

A vCard file (2.1 with quoted-printable names, 3.0, 4.0; from phones, Google, Apple) is
one row a card: its name (FN, else N), its numbers in one cell (" ::: " between them,
as Google writes them), their types (cell, work, home...) in a column of their own, its
e-mail and organisation. Photos are dropped before parsing: they are not contacts' data
and would be the only cells over the size limit.

The limits of text files hold here too: a record with a cell over 64 KiB or over 1 MiB
in all is left out whole, reported with its line.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from smsdesk.domain.recipient_table import RecipientFileError

__all__ = [
    "VCARD_COLUMNS",
    "VCARD_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "Records",
    "SheetRecords",
    "cell_text",
    "open_sheet",
    "vcard_records",
]

log = logging.getLogger(__name__)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
VCARD_SUFFIXES = (".vcf", ".vcard")
VCARD_COLUMNS = ("Name", "First name", "Last name", "Phone", "Phone type", "E-mail", "Company")
MAX_CARD_CHARS = 1024 * 1024  # as a text line: a card over 1 MiB is not a contact

Records = Iterator[tuple[int, list[str]]]
Refuse = Callable[[int, str, str], None]

_MAX_EXACT_FLOAT = 2**53  # beyond, a float no longer holds every digit of an integer


def cell_text(value: Any) -> str:
    """A workbook cell as the text a person reads in it."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is float:
        if value.is_integer() and abs(value) < _MAX_EXACT_FLOAT:
            return str(int(value))  # 612345678.0: a number stored as a number
        return repr(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is int:
        return str(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


WORKBOOK_UNREADABLE = "this workbook cannot be read (damaged, or protected by a password)"


def _workbook_failure(path: Path, error: Exception) -> RecipientFileError:
    log.info("%s: calamine: %s", path, error)  # its words are for a developer
    return RecipientFileError(f"{path}: {WORKBOOK_UNREADABLE}")


class SheetRecords:
    """One sheet of a workbook, loaded once (calamine reads a sheet whole)."""

    def __init__(self, path: Path, name: str, sheet: Any) -> None:
        self.path = path
        self.name = name
        self._sheet = sheet
        start = sheet.start
        self.first_line = (start[0] if start else 0) + 1
        self.height = int(sheet.height)
        self.rows_read = 0

    def head(self, count: int) -> list[list[str]]:
        """The first `count` records (the header among them), as text."""
        return [[cell_text(value) for value in row] for row in self._sheet.to_python(nrows=count)]

    def records(self) -> Records:
        convert = cell_text
        line = self.first_line
        for row in self._sheet.iter_rows():
            self.rows_read += 1
            # most cells are text already (or "" when empty): no call for them
            yield line, [value if type(value) is str else convert(value) for value in row]
            line += 1


def sheet_names(path: Path) -> list[str]:
    return list(_workbook(path).sheet_names)


def _workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine's own errors: a damaged or protected file
        raise _workbook_failure(path, error) from error


def open_sheet(path: Path, name: str) -> SheetRecords:
    """The sheet `name` of the workbook at `path`. Raises RecipientFileError."""
    workbook = _workbook(path)
    names = list(workbook.sheet_names)
    if name not in names:
        raise RecipientFileError(f"{path}: no sheet {name!r}; sheets: {', '.join(names)}")
    try:
        sheet = workbook.get_sheet_by_name(name)
    except Exception as error:
        raise _workbook_failure(path, error) from error
    return SheetRecords(path, name, sheet)


# --- vCards ---------------------------------------------------------------------------

_BEGIN = "BEGIN:VCARD"
_END = "END:VCARD"
_QP = re.compile(r"QUOTED-PRINTABLE", re.I)
_DROPPED = re.compile(r"^(?:[\w-]+\.)?(?:PHOTO|LOGO|SOUND|KEY)[;:]", re.I)
_IGNORED_TYPES = frozenset({"voice", "pref", "internet", "x-internet"})


def _unfold_card(lines: list[str]) -> str:
    """The card as vobject reads it: with 2.1's quoted-printable
    soft line breaks ("=" at a line's end) joined, which vobject does not do."""
    kept: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if kept and kept[-1].endswith("=") and _QP.search(kept[-1].split(":", 1)[0]):
            kept[-1] = kept[-1][:-1] + line
        else:
            kept.append(line)
    return "\r\n".join(kept) + "\r\n"


def _types(line: Any) -> str:
    found: list[str] = []
    for value in list(line.params.get("TYPE", ())) + list(getattr(line, "singletonparams", ())):
        for part in str(value).split(","):
            kind = part.strip().lower()
            if kind and kind not in _IGNORED_TYPES and kind not in found:
                found.append(kind)
    return ",".join(found) or "other"


def _card_record(text: str) -> list[str]:
    import vobject

    card = vobject.readOne(text, ignoreUnreadable=True)
    contents = card.contents
    name = ""
    if "fn" in contents:
        name = str(contents["fn"][0].value).strip()
    given = family = ""
    if "n" in contents:
        value = contents["n"][0].value
        given = _joined(getattr(value, "given", ""))
        family = _joined(getattr(value, "family", ""))
    if not name:
        name = " ".join(part for part in (given, family) if part)
    numbers: list[str] = []
    kinds: list[str] = []
    for tel in contents.get("tel", ()):
        number = str(tel.value).strip()
        if number.lower().startswith("tel:"):
            number = number[4:].split(";", 1)[0]  # 4.0's tel: URI, without ;ext=
        if number:
            numbers.append(number)
            kinds.append(_types(tel))
    email = str(contents["email"][0].value).strip() if "email" in contents else ""
    company = ""
    if "org" in contents:
        company = _joined(contents["org"][0].value)
    return [name, given, family, " ::: ".join(numbers), " ::: ".join(kinds), email, company]


def _joined(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(str(part).strip() for part in value if str(part).strip())
    return str(value).strip()


def vcard_records(stream: TextIO, refuse: Refuse, limits: tuple[int, str, str]) -> Records:
    """The header, then one record a card, from a text stream; a card that cannot be
    read, or too big, goes to `refuse(line, value, reason)`. `limits`: the longest cell,
    and the reasons for a card too long and for a cell too long."""
    yield 0, list(VCARD_COLUMNS)
    readline = stream.readline
    line_number = 0
    card: list[str] | None = None
    start = size = 0
    in_photo = False
    while True:
        text = readline(MAX_CARD_CHARS)
        if not text:
            break
        line_number += 1
        if len(text) == MAX_CARD_CHARS and text[-1:] not in ("\n", "\r"):
            size += MAX_CARD_CHARS  # a line of 1 MiB or more: the card is too long
        upper = text.strip().upper()
        if card is None:
            if upper == _BEGIN:
                card, start, size, in_photo = [text], line_number, len(text), False
            continue
        if upper == _END:
            card.append(text)
            if size > MAX_CARD_CHARS:
                refuse(start, _shown(card), limits[1])
            else:
                yield from _one_card(card, start, refuse, limits)
            card = None
            continue
        if in_photo and text[:1] in (" ", "\t"):
            continue  # a folded line of a photo: dropped
        in_photo = bool(_DROPPED.match(text))
        if in_photo:
            continue
        size += len(text)
        if size <= MAX_CARD_CHARS:
            card.append(text)


def _shown(card: Sequence[str]) -> str:
    for line in card:
        if line.upper().startswith(("FN:", "FN;")):
            return line.split(":", 1)[-1].strip()[:40]
    return card[0].strip()[:40]


def _one_card(card: list[str], start: int, refuse: Refuse, limits: tuple[int, str, str]) -> Records:
    try:
        record = _card_record(_unfold_card(card))
    except Exception as error:  # vobject's ParseError and the like: this card only
        refuse(start, _shown(card), f"this vCard cannot be read ({str(error)[:80]})")
        return
    if any(len(cell) > limits[0] for cell in record):
        refuse(start, _shown(card), limits[2])
        return
    yield start, record
