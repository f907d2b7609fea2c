"""Reading and parsing recipients for an import, the side that may run in a child process.

The child (`child_main`) reads the file and parses the numbers; the importer
(recipient_import) stores them. This module imports no database code: a child process
spawned for a big file starts in a fraction of the time.
"""

from __future__ import annotations

import gc
import json
import json.encoder
import operator
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smsdesk.domain.phone import (
    UNALLOCATED,
    NumberKind,
    ParsedNumber,
    PhoneNormalizer,
    Rejection,
)
from smsdesk.domain.recipient_table import SourceRow
from smsdesk.services.recipient_files import (
    FilePreview,
    RecipientFileError,
    RefusedLine,
    open_rows,
    preview_file,
)

BATCH_ROWS = 10_000  # rows per stored chunk: ~50 ms of work, so a cancel is quick
MAX_CONTACT_NAME = 300  # Contact.name
_E164 = operator.itemgetter(0)
SORTED_INSERT_ROWS = 2_000  # a batch this big is stored in number order (see the importer)

# The row's other columns travel as compact JSON (`columns`, "" for none), encoded once
# where the row is read: it is what is stored, and strings cross to the parent process
# much faster than dicts.
# line, number as written, name, columns, the person's other numbers (number, columns)
_RawRow = tuple[int, str, str, str, tuple[tuple[str, str], ...]]
# e164, name, columns, line, number as written (the last two in case it is refused later)
NewContact = tuple[str, str, str, int, str]
# line, value as written, kind, reason, name, extra
Rejected = tuple[int, str, Rejection, str, str, str]  # ... name, columns as JSON


@dataclass
class Batch:
    """Parsed rows: numbers to store, and rows refused as invalid or not a mobile."""

    contacts: list[NewContact]
    rejected: list[Rejected]
    position: int  # bytes (or lines) read when the batch closed
    people: int = 0  # contacts read: a row, with one number or several
    set_aside: int = 0  # the other numbers of people whose first mobile was kept


def json_object_encoder() -> Callable[[dict[str, str]], str]:
    """Compact JSON for `extra`. json.dumps builds a new encoder on every call, which for
    a small dict costs more than the encoding itself (1.8 µs against 0.5 µs here)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    escape = getattr(json.encoder, "c_encode_basestring", None)
    if make is None or escape is None:
        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def refuse(value: object) -> object:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")

    encode = make(None, refuse, escape, None, ":", ",", False, False, True)
    join = "".join

    def encode_object(value: dict[str, str]) -> str:
        return join(encode(value, 0))

    return encode_object


encode_extra = json_object_encoder()

_Refused = Callable[[], list[RefusedLine]]


def _no_refused() -> list[RefusedLine]:
    return []


def _raw_batches(
    rows: Iterable[SourceRow],
    position: Callable[[], int],
    refused: _Refused = _no_refused,
    batch_rows: int = BATCH_ROWS,
) -> Iterator[tuple[list[_RawRow], int, list[RefusedLine]]]:
    """The rows in batches of plain tuples (cheap to send to another process), with the
    lines the reader left out meanwhile (too long). The numbers of one person stay
    together: a batch closes only before a row of another person."""
    batch: list[_RawRow] = []
    append, encode = batch.append, encode_extra
    for line, phone, name, extra, same_contact in rows:
        columns = encode(extra) if extra else ""
        if same_contact and batch:
            first, first_phone, first_name, first_columns, others = batch[-1]
            batch[-1] = (first, first_phone, first_name, first_columns, (*others, (phone, columns)))
            continue
        if len(batch) >= batch_rows:
            yield batch, position(), refused()
            batch = []
            append = batch.append
        append((line, phone, name, columns, ()))
    yield batch, position(), refused()


class Parser:
    """Parses a batch and refuses what is wrong with a number by itself: invalid, or not
    a mobile. What depends on other rows (duplicates, the stop list) is decided when
    storing, in file order, by the process that stores (see _StopFilter, _ContactWriter)."""

    def __init__(self, region: str, keep_landlines: bool, all_numbers: bool = False) -> None:
        self._region = region
        normalizer = PhoneNormalizer(region)
        self._parse = normalizer.parse
        self._answer = normalizer.answer
        self._precise_reason = normalizer.precise_reason
        self._keep_landlines = keep_landlines
        self._all_numbers = all_numbers

    def __call__(
        self, rows: Sequence[_RawRow], position: int, refused: Sequence[RefusedLine] = ()
    ) -> Batch:
        # The hot loop of a million-row import: plain locals, no call that can be avoided.
        answer, keep_landlines = self._answer, self._keep_landlines
        mobile, landline = NumberKind.MOBILE, NumberKind.LANDLINE
        invalid, not_mobile = Rejection.INVALID, Rejection.NOT_MOBILE
        contacts: list[NewContact] = []
        rejected: list[Rejected] = [(r.line, r.value, invalid, r.reason, "", "") for r in refused]
        set_aside = 0
        for line, phone, name, columns, others in rows:
            if others:  # a person with several numbers: rare, and slower
                set_aside += self._person(line, phone, name, columns, others, contacts, rejected)
                continue
            e164, kind, why = answer(phone)
            if e164 is None:
                reason = why or "invalid"
                if reason == UNALLOCATED:  # "06 12 34 56 7" is one digit short
                    parsed = ParsedNumber(phone, e164, kind, why)
                    reason = self._precise_reason(parsed) or reason
                rejected.append((line, phone, invalid, reason, name, columns))
            elif kind is not mobile and not keep_landlines:
                reason = "landline" if kind is landline else "not a mobile number"
                rejected.append((line, phone, not_mobile, reason, name, columns))
            else:
                contacts.append((e164, name[:MAX_CONTACT_NAME], columns, line, phone))
        # in number order, as they are stored (see _ContactWriter.store), sorted where
        # there may be a spare core; stable: a number's first row stays first
        if len(contacts) >= SORTED_INSERT_ROWS:
            contacts.sort(key=_E164)
        return Batch(contacts, rejected, position, len(rows), set_aside)

    def _person(
        self,
        line: int,
        phone: str,
        name: str,
        columns: str,
        others: tuple[tuple[str, str], ...],
        contacts: list[NewContact],
        rejected: list[Rejected],
    ) -> int:
        """One person's numbers: the first mobile only (or, with keep_landlines and no
        mobile, the first valid number), unless all_numbers. Returns how many numbers
        were set aside; when none is kept, each number is refused for its own reason."""
        numbers = [(phone, columns), *others]
        if self._all_numbers:
            for number, own in numbers:
                batch = self(((line, number, name, own, ()),), 0)
                contacts.extend(batch.contacts)
                rejected.extend(batch.rejected)
            return 0
        parsed = [(self._parse(number), number, own) for number, own in numbers]
        chosen = next(
            (item for item in parsed if item[0].e164 and item[0].kind is NumberKind.MOBILE), None
        )
        if chosen is None and self._keep_landlines:
            chosen = next((item for item in parsed if item[0].e164), None)
        if chosen is None:
            for number, own in numbers:
                batch = self(((line, number, name, own, ()),), 0)
                rejected.extend(batch.rejected)
            return 0
        found, number, own = chosen
        assert found.e164 is not None
        contacts.append((found.e164, name[:MAX_CONTACT_NAME], own, line, number))
        return len(numbers) - 1


Batches = Iterator[Iterator[Batch]]

# --- between the processes ----------------------------------------------------------------
# A batch crosses as a few long strings (each field of every row joined by NUL) and an
# array of line numbers: pickle then handles 6 objects instead of 50,000, and split()
# and zip() rebuild the tuples in C (measured: 1.2 s of pickling a million rows, and a
# busy feeder thread in the child, against ~0.1 s). A field holding a NUL itself (a
# cell can) makes the batch cross as it is.
_NUL = "\x00"
PackedContacts = tuple[str, str, str, str, "array[int]"] | list[NewContact]
PackedRaw = tuple[str, str, str, "array[int]", list[tuple[tuple[str, str], ...]]] | list[_RawRow]


def _joined(values: Sequence[str], count: int) -> str | None:
    text = _NUL.join(values)
    return text if text.count(_NUL) == count - 1 else None


def pack_contacts(contacts: list[NewContact]) -> PackedContacts:
    if not contacts:
        return contacts
    e164s, names, columns, lines, values = zip(*contacts, strict=True)
    count = len(contacts)
    joined = [_joined(field, count) for field in (e164s, names, columns, values)]
    if None in joined:
        return contacts
    e164, name, extra, value = (text or "" for text in joined)
    return e164, name, extra, value, array("q", lines)


def unpack_contacts(packed: PackedContacts) -> list[NewContact]:
    if isinstance(packed, list):
        return packed
    e164, name, extra, value, lines = packed
    split = operator.methodcaller("split", _NUL)
    return list(zip(*map(split, (e164, name, extra)), lines, split(value), strict=True))


def pack_raw(rows: list[_RawRow]) -> PackedRaw:
    if not rows:
        return rows
    lines, phones, names, columns, others = zip(*rows, strict=True)
    count = len(rows)
    joined = [_joined(field, count) for field in (phones, names, columns)]
    if None in joined:
        return rows
    phone, name, extra = (text or "" for text in joined)
    return phone, name, extra, array("q", lines), list(others)


def unpack_raw(packed: PackedRaw) -> list[_RawRow]:
    if isinstance(packed, list):
        return packed
    phone, name, extra, lines, others = packed
    split = operator.methodcaller("split", _NUL)
    return list(zip(lines, *map(split, (phone, name, extra)), others, strict=True))


def parsed_in_process(
    rows: Iterable[SourceRow],
    position: Callable[[], int],
    parser: Parser,
    refused: _Refused = _no_refused,
) -> Iterator[Batch]:
    for batch, at, left_out in _raw_batches(rows, position, refused):
        yield parser(batch, at, left_out)


@dataclass(frozen=True)
class Job:
    """What the child process needs to read and parse a file (picklable)."""

    path: str
    preview: FilePreview | None  # None: the child previews (a big workbook is read once)
    region: str
    keep_landlines: bool
    phone_column: str | int | None = None
    sheet: str | None = None
    all_numbers: bool = False


def child_main(job: Job, out: Any, stop: Any, queued: Any) -> None:
    """In the child process: read the file; parse each batch, unless the parent has
    nothing left to do (`queued`, the batches sent and not yet taken, is 0): then it
    gets the batch raw and parses it itself. Both processes stay busy whichever is
    faster on this machine."""
    # Millions of small tuples and no reference cycles: the cyclic collector would only
    # walk them again and again; the process ends with the file.
    gc.disable()
    try:
        parser = Parser(job.region, job.keep_landlines, job.all_numbers)
        preview = job.preview or preview_file(
            Path(job.path),
            phone_column=job.phone_column,
            region=job.region,
            rows=0,
            sheet=job.sheet,
        )
        with open_rows(Path(job.path), preview) as reader:
            batches = _raw_batches(reader, lambda: reader.bytes_read, reader.take_refused)
            for rows, position, refused in batches:
                if stop.is_set():
                    return
                with queued.get_lock():
                    idle = queued.value == 0
                    queued.value += 1
                if idle:
                    out.put(("raw", pack_raw(rows), position, refused))
                else:
                    batch = parser(rows, position, refused)
                    out.put(
                        (
                            "parsed",
                            pack_contacts(batch.contacts),
                            batch.rejected,
                            position,
                            batch.people,
                            batch.set_aside,
                        )
                    )
        out.put(("done",))
    except RecipientFileError as error:
        out.put(("file_error", str(error), error.line))
    except Exception as error:  # sent to the parent, which reports it
        out.put(("failed", f"{type(error).__name__}: {error}"))
