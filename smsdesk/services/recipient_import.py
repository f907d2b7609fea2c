"""Importing recipients: read, clean, dedupe, store (the import engine).

An import streams the rows of a file (services/recipient_files.py) or of a pasted block,
parses each number (domain/phone.py) and sorts it: invalid, not a mobile (landline,
VoIP...: excluded unless `keep_landlines`), duplicate of an earlier row or of a contact
already in the list, on the stop list, or imported. Every row lands in exactly one of
those, so the counts add up to `rows`.

Everything is written in ONE transaction: a cancel, a bad line late in the file or a
crash leaves the database as it was (no half-imported list).

A million rows must import in seconds on two cores. Reading, parsing and storing are
all CPU work, so a big file is read by a child process that parses what it can while
this process stores (threads would not do: the writer drops the GIL for every row it
steps, and would wait on the parser each time). When this process runs out of work, the
child hands it the next batch unparsed, so both stay busy. Duplicates are found by the
database's unique (list_id, e164) index, not by a set of a million numbers in memory.
Small files and pasted text are done in-process: starting the child costs more there.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import json
import json.encoder
import logging
import multiprocessing

# what the child needs (a queue, semaphores, a shared counter), imported at start: imported
# by the first import's worker, they froze the window while it painted
import multiprocessing.queues
import multiprocessing.sharedctypes
import multiprocessing.synchronize
import operator
import queue
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.dml import Insert

from smsdesk.db.models import Contact, RecipientList, StopEntry
from smsdesk.domain.phone import (
    NumberKind,
    PhoneNormalizer,
    Rejection,
    precise_reason,
)
from smsdesk.domain.recipient_table import SourceRow
from smsdesk.services.cancellation import Cancelled
from smsdesk.services.cancellation import raise_if_cancelled as _check
from smsdesk.services.child_process import ChildUnavailable
from smsdesk.services.excel_csv import excel_csv, neutralise_cell
from smsdesk.services.recipient_books import WORKBOOK_SUFFIXES
from smsdesk.services.recipient_files import (
    CARD_TOO_LONG,
    CELL_TOO_LONG,
    LINE_TOO_LONG,
    FilePreview,
    RecipientFileError,
    open_rows,
    preview_file,
    preview_text,
    text_rows,
)
from smsdesk.services.recipient_reading import (
    SORTED_INSERT_ROWS,
    Batch,
    Batches,
    Job,
    NewContact,
    Parser,
    Rejected,
    child_main,
    parsed_in_process,
    unpack_contacts,
    unpack_raw,
)

__all__ = [
    "Cancelled",
    "ImportReport",
    "NumberOutcome",
    "RecipientFileError",
    "RecipientImporter",
    "RecipientsError",
    "RejectedRow",
    "check_region",
    "clean_list_name",
    "save_rejected_csv",
    "supported_regions",
]

# From this size a file is parsed in a child process (below, starting it costs more).
CHILD_PROCESS_MIN_BYTES = 4 * 1024 * 1024
CHILD_QUEUE_BATCHES = 2  # chunks waiting between the processes: bounds the memory
CANCEL_POLL_SECONDS = 0.1
MAX_LIST_NAME = 200  # RecipientList.name
IMPORT_CACHE_SIZE = -16 * 1024  # PRAGMA cache_size while importing: -N is N KiB (16 MiB)
IN_CHUNK = 500  # values per IN (...): well under SQLite's variable limit

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


class RecipientsError(Exception):
    """Bad input or a failure about lists; the message is one line for the user."""


# --- what crosses the boundary ------------------------------------------------------------


class RejectedRow(NamedTuple):
    """A row that was not imported: its line in the file, the value as written, why.

    A named tuple rather than a dataclass: a big file has hundreds of thousands of them.
    """

    line: int
    value: str
    kind: Rejection
    reason: str
    name: str = ""  # the row's name and other columns, to tell whose number it is
    columns: str = ""  # those columns as compact JSON: a big file has many such rows

    @property
    def extra(self) -> dict[str, str]:
        """The row's other columns."""
        return dict(json.loads(self.columns)) if self.columns else {}

    @property
    def message(self) -> str:
        """The reason in words that stand alone ("invalid number: too short")."""
        if self.kind is Rejection.INVALID and self.reason not in _LINE_REASONS:
            return f"invalid number: {self.reason}"
        return self.reason


# reasons about the whole line, not its number (counted as invalid rows all the same)
_LINE_REASONS = frozenset({LINE_TOO_LONG, CELL_TOO_LONG, CARD_TOO_LONG})


class NumberOutcome(NamedTuple):
    """What an import makes of one number (a preview's row)."""

    e164: str | None  # None: not a phone number
    left_out: bool
    reason: str = ""  # why it is left out: the import's words ("too short", "not a mobile")


@dataclass(frozen=True)
class ImportReport:
    """The end of an import. imported + duplicates + invalid + landlines + stopped == rows.

    rows counts numbers; `contacts` counts people (rows of the file, a vCard each). A
    person with several numbers gives one of them, its first mobile (`set_aside`: the
    others, not in `rows`), unless the import took all numbers.
    """

    list_id: int
    list_name: str
    created: bool  # a new list (False: appended to an existing one)
    rows: int
    imported: int
    duplicates: int
    invalid: int
    landlines: int
    stopped: int
    rejected: tuple[RejectedRow, ...] = field(repr=False)
    contacts: int = 0
    set_aside: int = 0

    @property
    def numbers(self) -> int:
        """Every number read, those set aside included."""
        return self.rows + self.set_aside

    def count(self, kind: Rejection) -> int:
        return {
            Rejection.INVALID: self.invalid,
            Rejection.NOT_MOBILE: self.landlines,
            Rejection.DUPLICATE: self.duplicates,
            Rejection.STOPPED: self.stopped,
        }[kind]


# --- reading and parsing: recipient_reading (the child process's side) -----------------

_DUPLICATE_ROW = "duplicate of an earlier row"
_DUPLICATE_CONTACT = "already in the list"


def _duplicate_of(line: int) -> str:
    return f"duplicate of line {line}"


@contextlib.contextmanager
def _parsed_in_child(job: Job, parser: Parser, cancel: threading.Event | None) -> Batches:
    """The batches of `job`, read (and mostly parsed) by a child process."""
    # spawn, not fork: this process may run Qt and database threads.
    context = multiprocessing.get_context("spawn")
    out = context.Queue(maxsize=CHILD_QUEUE_BATCHES)
    stop = context.Event()
    queued = context.Value("i", 0)
    process = context.Process(target=child_main, args=(job, out, stop, queued), daemon=True)
    process.start()

    def batches() -> Iterator[Batch]:
        heard = False
        while True:
            try:
                message = out.get(timeout=CANCEL_POLL_SECONDS)
            except queue.Empty:
                _check(cancel)
                if not process.is_alive():
                    # its last words are flushed before it exits: it died without them
                    if not heard:
                        raise ChildUnavailable(
                            process.exitcode
                        ) from None  # nothing read: in-process
                    raise RecipientsError(
                        f"the import stopped: the reading process exited ({process.exitcode})"
                    ) from None
                continue
            heard = True
            kind = message[0]
            if kind in ("raw", "parsed"):
                with queued.get_lock():
                    queued.value -= 1
            if kind == "raw":
                yield parser(unpack_raw(message[1]), message[2], message[3])
            elif kind == "parsed":
                contacts = unpack_contacts(message[1])
                yield Batch(contacts, message[2], message[3], message[4], message[5])
            elif kind == "done":
                return
            elif kind == "file_error":
                raise RecipientFileError(message[1], line=message[2])
            else:
                raise RecipientsError(f"the import failed: {message[1]}")

    try:
        yield batches()
    finally:
        stop.set()
        process.join(timeout=CANCEL_POLL_SECONDS)
        if process.is_alive():  # blocked on a full queue nobody reads any more
            process.terminate()
            process.join()
        out.close()


class _StopFilter:
    """Takes the stop-listed numbers out of the batches, in file order: the first time
    a number is seen it is "on the stop list", afterwards a duplicate."""

    def __init__(self, stopped: set[str]) -> None:
        self._stopped = stopped
        self._seen: dict[str, int] = {}  # stop-listed number -> its first line

    def __call__(self, contacts: list[NewContact]) -> tuple[list[NewContact], list[Rejected]]:
        stopped = self._stopped
        if not stopped or stopped.isdisjoint(map(_E164, contacts)):  # a C loop
            return contacts, []
        kept: list[NewContact] = []
        refused: list[Rejected] = []
        for contact in contacts:
            e164 = contact[0]
            _e164, name, columns, line, value = contact
            if e164 not in stopped:
                kept.append(contact)
            elif e164 in self._seen:
                reason = _duplicate_of(self._seen[e164])
                refused.append((line, value, Rejection.DUPLICATE, reason, name, columns))
            else:
                self._seen[e164] = line
                refused.append((line, value, Rejection.STOPPED, "on the stop list", name, columns))
        return kept, refused


# --- storing ------------------------------------------------------------------------------

_COLUMNS = ("list_id", "e164", "name", "extra")
_E164 = operator.itemgetter(0)
_NAME = operator.itemgetter(1)
_COLUMNS_OF_CONTACT = operator.itemgetter(2)
_LINE_OF_CONTACT = operator.itemgetter(3)


class _ContactWriter:
    """Stores batches of contacts into one list and says which were duplicates.

    `INSERT OR IGNORE` (`ON CONFLICT DO NOTHING` on PostgreSQL) lets the unique
    (list_id, e164) index drop every number already stored, whether by this import or
    before it. When a batch stored fewer rows than it had, the numbers it did store
    (the ids above the previous maximum: we hold SQLite's write lock) tell which rows
    were the duplicates. On SQLite the rows go through the driver's executemany
    (SQLAlchemy compiles the statement; the ORM would cost more than the whole import).
    """

    def __init__(self, connection: Connection, list_id: int, *, appending: bool) -> None:
        self._connection = connection
        self._list_id = list_id
        self._appending = appending  # the list may hold contacts from before
        table: Table = Contact.__table__  # type: ignore[assignment]
        self._table = table
        dialect = connection.dialect
        self._sqlite = dialect.name == "sqlite"
        compiled = (
            insert(table)
            .prefix_with("OR IGNORE", dialect="sqlite")
            .compile(dialect=dialect, column_keys=list(_COLUMNS))
        )
        self._sql = str(compiled)
        # raw: the rows go to the driver as they are; NULLIF makes "" (no other column)
        # NULL in SQLite's C code rather than in a Python loop
        values = "VALUES (?, ?, ?, ?)"
        self._raw = (
            self._sqlite
            and tuple(compiled.positiontup or ()) == _COLUMNS
            and self._sql.count(values) == 1
        )
        if self._raw:
            self._sql = self._sql.replace(values, "VALUES (?, ?, ?, NULLIF(?, ''))")
        # The rowid range only: with `list_id = ?` SQLite would walk the list's index.
        self._stored_sql = str(
            select(Contact.id, Contact.e164)
            .where(Contact.id > bindparam("after"))
            .order_by(Contact.id)
            .compile(dialect=dialect)
        )
        self._max_id_sql = str(select(func.max(Contact.id)).compile(dialect=dialect))
        # contacts with a higher id were stored by this import
        self._first_new_id = self._max_id() + 1
        self._max_before_batch = self._first_new_id - 1
        # the line each contact of this import came from, by id (a duplicate names it):
        # 8 bytes a contact on SQLite, where ids follow each other
        self._lines = array("q")
        self._lines_by_id: dict[int, int] = {}  # PostgreSQL: ids may leave gaps
        self._ids_sql_by_count: dict[int, str] = {}

    def _line_of(self, contact_id: int) -> int:
        index = contact_id - self._first_new_id
        if 0 <= index < len(self._lines) and self._lines[index]:
            return self._lines[index]
        return self._lines_by_id.get(contact_id, 0)

    def _remember(self, contact_id: int, line: int) -> None:
        index = contact_id - self._first_new_id
        lines = self._lines
        if index == len(lines):
            lines.append(line)
        elif index > len(lines):
            lines.extend([0] * (index - len(lines)))
            lines.append(line)

    def _max_id(self) -> int:
        return int(self._connection.scalar(select(func.max(Contact.id))) or 0)

    def store(self, contacts: Sequence[NewContact]) -> list[Rejected]:
        """Store a batch; returns its duplicates as rejected rows."""
        if not contacts:
            return []
        if self._raw and len(contacts) >= SORTED_INSERT_ROWS:
            # In number order, the batch's entries of the unique (list_id, e164) index
            # land page after page instead of all over it: a big list's index outgrows
            # the page cache, and random inserts then cost a page read each (measured on
            # 800,000 rows: 3.6 s of CPU against 5.2). A stable sort: the first row of a
            # number stays first, and later ones stay its duplicates. (The Parser gives
            # its batches sorted already: timsort then only checks.)
            contacts = sorted(contacts, key=_E164)
        numbers = list(map(_E164, contacts))
        # each number's first row in the batch (C loops: a batch has 10,000 rows)
        first_row = dict(zip(reversed(numbers), range(len(numbers) - 1, -1, -1), strict=True))
        stored: Collection[str] | None
        if self._raw:
            stored = self._store_raw(contacts, numbers, first_row)
        else:
            stored = self._store_returning(contacts, first_row)
        if stored is None:
            return []
        # the first row of each number stored was stored; every other row is a duplicate
        kept = set(map(first_row.__getitem__, stored))
        duplicates = [contacts[index] for index in sorted(set(range(len(contacts))) - kept)]
        return self._why_duplicates(duplicates)

    def _store_raw(
        self, contacts: Sequence[NewContact], numbers: list[str], first_row: dict[str, int]
    ) -> list[str] | None:
        """SQLite: the numbers stored, or None when all of them were."""
        count = len(contacts)
        rows = zip(
            itertools.repeat(self._list_id),
            numbers,
            map(_NAME, contacts),
            map(_COLUMNS_OF_CONTACT, contacts),
            strict=False,
        )
        dbapi = self._connection.connection.dbapi_connection
        assert dbapi is not None
        cursor = dbapi.cursor()
        try:
            cursor.executemany(self._sql, rows)  # type: ignore[arg-type]  # any iterable
            if cursor.rowcount == count:
                stored = None
                self._lines.extend(map(_LINE_OF_CONTACT, contacts))
            else:
                # every row above the previous maximum id is this batch's (we hold the
                # write lock: see _import)
                cursor.execute(self._stored_sql, (self._max_before_batch,))
                found = cursor.fetchall()
                stored = [e164 for _id, e164 in found]
                lines = self._lines
                line_of = [contacts[first_row[e164]][3] for e164 in stored]
                if (
                    found
                    and found[0][0] == self._first_new_id + len(lines)
                    and (found[-1][0] - found[0][0] == len(found) - 1)
                ):  # ids that follow the last one: the usual case, in one call
                    lines.extend(line_of)
                else:
                    for (contact_id, _e164), line in zip(found, line_of, strict=True):
                        self._remember(contact_id, line)
            cursor.execute(self._max_id_sql)
            (max_id,) = cursor.fetchone() or (0,)
            self._max_before_batch = int(max_id or 0)
        finally:
            cursor.close()
        return stored

    def _store_returning(
        self, contacts: Sequence[NewContact], first_row: dict[str, int]
    ) -> set[str]:
        """PostgreSQL (and SQLite through SQLAlchemy): the numbers stored."""
        keys = ["list_id", "e164"]
        statement: Insert
        if self._sqlite:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            statement = sqlite_insert(self._table).on_conflict_do_nothing(index_elements=keys)
        else:
            from sqlalchemy.dialects.postgresql import insert as postgresql_insert

            statement = postgresql_insert(self._table).on_conflict_do_nothing(index_elements=keys)
        statement = statement.returning(self._table.c.id, self._table.c.e164)
        list_id = self._list_id
        result = self._connection.execute(
            statement,
            [
                {
                    "list_id": list_id,
                    "e164": e164,
                    "name": name,
                    "extra": json.loads(columns) if columns else None,
                }
                for e164, name, columns, _line, _value in contacts
            ],
        )
        stored: set[str] = set()
        for contact_id, e164 in result.all():
            stored.add(e164)
            self._lines_by_id[contact_id] = contacts[first_row[e164]][3]
        return stored

    def _ids_sql(self, count: int) -> str:
        """SQLite: the ids of `count` numbers of the list (list_id, then the numbers)."""
        sql = self._ids_sql_by_count.get(count)
        if sql is None:
            marks = ", ".join("?" * count)
            sql = f"SELECT e164, id FROM {self._table.name} WHERE list_id = ? AND e164 IN ({marks})"
            self._ids_sql_by_count[count] = sql
        return sql

    def _why_duplicates(self, duplicates: list[NewContact]) -> list[Rejected]:
        """A duplicate repeats an earlier row (named by its line), or a contact the list
        had before."""
        ids: dict[str, int] = {}
        numbers = sorted(set(map(_E164, duplicates)))
        if self._raw:  # through the driver: SQLAlchemy would compile each IN (...) again
            dbapi = self._connection.connection.dbapi_connection
            assert dbapi is not None
            cursor = dbapi.cursor()
            try:
                for chunk in _chunks(numbers):
                    cursor.execute(self._ids_sql(len(chunk)), (self._list_id, *chunk))
                    ids.update(cursor.fetchall())
            finally:
                cursor.close()
            numbers = []
        for chunk in _chunks(numbers):
            found = self._connection.execute(
                select(Contact.e164, Contact.id).where(
                    Contact.list_id == self._list_id, Contact.e164.in_(chunk)
                )
            )
            ids.update((e164, contact_id) for e164, contact_id in found)
        duplicate = Rejection.DUPLICATE
        rejected: list[Rejected] = []
        for e164, name, columns, line, value in duplicates:
            contact_id = ids.get(e164)
            if contact_id is not None and contact_id < self._first_new_id:
                reason = _DUPLICATE_CONTACT
            else:
                first = self._line_of(contact_id) if contact_id is not None else 0
                reason = _duplicate_of(first) if first else _DUPLICATE_ROW
            rejected.append((line, value, duplicate, reason, name, columns))
        return rejected


@contextlib.contextmanager
def _small_page_cache(connection: Connection) -> Iterator[None]:
    """SQLite: a 16 MiB page cache for this connection while it imports, then its own again.

    Measured on a million rows: 6.9 s and 130 MB at peak with 16 MiB, 6.8 s and 183 MB
    with the usual 64 MiB (the dirty pages of the one transaction fill it), 7.4 s with 8.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    (previous,) = dbapi.execute("PRAGMA cache_size").fetchone()
    dbapi.execute(f"PRAGMA cache_size={IMPORT_CACHE_SIZE}")
    try:
        yield
    finally:
        dbapi.execute(f"PRAGMA cache_size={int(previous)}")


_LINE = operator.itemgetter(0)


@dataclass
class _Tally:
    rows: int = 0
    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    people: int = 0
    set_aside: int = 0

    def add(self, stored: int, rejected: list[Rejected]) -> None:
        self.imported += stored
        self.rows += stored + len(rejected)
        rejected.sort(key=_LINE)  # the child's rejections and the duplicates, in file order
        self.rejected.extend(map(RejectedRow._make, rejected))

    def counts(self) -> Counter[Rejection]:
        # str keys: an enum's hash is a Python call, a str's is cached
        kinds = Counter(row.kind.value for row in self.rejected)
        return Counter({Rejection(kind): count for kind, count in kinds.items()})


def clean_list_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise RecipientsError("the list needs a name")
    if len(cleaned) > MAX_LIST_NAME:
        raise RecipientsError(f"a list name has at most {MAX_LIST_NAME} characters")
    return cleaned


class _CyclicGcPause:
    """Pauses Python's cyclic garbage collector while imports run (nested, any thread).

    An import allocates millions of small containers and frees nearly all of them by
    reference counting; the cyclic collector would walk the survivors (hundreds of
    thousands of rejected rows) again and again, holding the GIL for ~0.1 s each time:
    the window would stutter. Collection resumes when the last import ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._was_enabled:
                    gc.enable()


_cyclic_gc_paused = _CyclicGcPause()


def check_region(region: str) -> str:
    try:
        PhoneNormalizer(region)
    except ValueError:
        raise RecipientsError(f"unknown region {region!r} (a country code such as FR)") from None
    return region.upper()


def supported_regions() -> list[str]:
    """The region codes numbers can be read for (FR, BE, CH...), sorted."""
    import phonenumbers

    return sorted(phonenumbers.SUPPORTED_REGIONS)


def _is_workbook(path: Path) -> bool:
    return path.name.lower().endswith(WORKBOOK_SUFFIXES)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the preview says why, with the file's name


def _chunks(values: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# --- the importer -------------------------------------------------------------------------

_Source = Callable[[], AbstractContextManager[Iterator[Batch]]]


class RecipientImporter:
    """Imports files and pasted blocks into lists (RecipientService.import_file calls it)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def import_file(
        self,
        path: Path | str,
        *,
        list_name: str | None = None,
        region: str = "FR",
        phone_column: str | int | None = None,
        keep_landlines: bool = False,
        all_numbers: bool = False,
        preview: FilePreview | None = None,
        sheet: str | None = None,
        parallel: bool | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportReport:
        """Import a recipient file into the list `list_name` (created, or appended to
        when it exists; default: the file's name). `preview` is the dialog's (its column
        and sheet choices included); otherwise the file is previewed with `phone_column`
        and `sheet` (a workbook's sheet by name; default: the first with phone numbers).
        `parallel`: parse in a child process (default: for files of 4 MB and more).
        `progress(bytes done, bytes in all)`.

        Raises RecipientFileError (nothing imported), RecipientsError, Cancelled.
        """
        path = Path(path)
        region = check_region(region)
        name = list_name if list_name is not None else (path.stem or "Imported list")
        if preview is None and not _is_workbook(path):
            preview = preview_file(
                path, phone_column=phone_column, region=region, rows=1, sheet=sheet
            )
        size = preview.size_bytes if preview is not None else _size_of(path)
        if parallel is None:
            # a frozen build starts children only with freeze_support() in its __main__
            frozen = getattr(sys, "frozen", False)
            parallel = size >= CHILD_PROCESS_MIN_BYTES and not frozen
        parser = Parser(region, keep_landlines, all_numbers)

        def previewed() -> FilePreview:
            # a workbook is previewed here only when read here: a sheet loads whole
            return preview or preview_file(
                path, phone_column=phone_column, region=region, rows=1, sheet=sheet
            )

        @contextlib.contextmanager
        def in_process() -> Batches:
            with open_rows(path, previewed()) as reader:
                yield parsed_in_process(
                    reader, lambda: reader.bytes_read, parser, reader.take_refused
                )

        def in_child() -> AbstractContextManager[Iterator[Batch]]:
            shipped = replace(preview, first_rows=[]) if preview is not None else None
            job = Job(str(path), shipped, region, keep_landlines, phone_column, sheet, all_numbers)
            return _parsed_in_child(job, parser, cancel)

        return self._import(
            name,
            in_child if parallel else in_process,
            fallback=in_process,
            total=size,
            progress=progress,
            cancel=cancel,
        )

    def import_text(
        self,
        text: str,
        *,
        list_name: str,
        region: str = "FR",
        phone_column: str | int | None = None,
        keep_landlines: bool = False,
        all_numbers: bool = False,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportReport:
        """Import a pasted block: numbers one or several a line, or cells copied from a
        spreadsheet. `progress(lines done, lines in all)`.
        Raises RecipientFileError, RecipientsError, Cancelled."""
        region = check_region(region)
        layout = preview_text(text, phone_column=phone_column, region=region, rows=1).layout
        lines = text.count("\n") + 1
        parser = Parser(region, keep_landlines, all_numbers)

        def in_process() -> AbstractContextManager[Iterator[Batch]]:
            last_line = 0

            pasted = text_rows(text, layout)

            def rows() -> Iterator[SourceRow]:
                nonlocal last_line
                for row in pasted:
                    last_line = row.line
                    yield row

            return contextlib.nullcontext(
                parsed_in_process(rows(), lambda: last_line, parser, pasted.take_refused)
            )

        return self._import(list_name, in_process, total=lines, progress=progress, cancel=cancel)

    def _import(
        self,
        list_name: str,
        source: _Source,
        *,
        fallback: _Source | None = None,
        total: int,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> ImportReport:
        name = clean_list_name(list_name)
        _check(cancel)
        with _cyclic_gc_paused():
            return self._import_unpaused(
                name, source, fallback=fallback, total=total, progress=progress, cancel=cancel
            )

    def _import_unpaused(
        self,
        name: str,
        source: _Source,
        *,
        fallback: _Source | None,
        total: int,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> ImportReport:
        tally = _Tally()
        # One transaction: any exception (a cancel included) rolls everything back.
        with self._sessions.begin() as session:
            list_id = session.scalar(select(RecipientList.id).where(RecipientList.name == name))
            created = list_id is None
            if list_id is None:
                new_list = RecipientList(name=name)
                session.add(new_list)
                session.flush()
                list_id = new_list.id
            else:
                # a write first: SQLite's write lock is ours from here to the commit, so
                # no other connection adds contacts while _ContactWriter counts ids
                session.execute(
                    update(RecipientList)
                    .where(RecipientList.id == list_id)
                    .values(name=RecipientList.name)
                )
            stop_filter = _StopFilter(set(session.scalars(select(StopEntry.e164))))
            writer = _ContactWriter(session.connection(), list_id, appending=not created)
            store = functools.partial(
                self._store_all,
                stop_filter=stop_filter,
                writer=writer,
                tally=tally,
                total=total,
                progress=progress,
                cancel=cancel,
            )
            with _small_page_cache(session.connection()):
                try:
                    store(source())
                except ChildUnavailable as error:
                    if fallback is None:
                        raise RecipientsError(f"the import could not start ({error})") from None
                    log.warning("no child process (exit code %s): importing in-process", error)
                    store(fallback())
                _check(cancel)
        counts = tally.counts()
        return ImportReport(
            list_id=list_id,
            list_name=name,
            created=created,
            rows=tally.rows,
            imported=tally.imported,
            duplicates=counts[Rejection.DUPLICATE],
            invalid=counts[Rejection.INVALID],
            landlines=counts[Rejection.NOT_MOBILE],
            stopped=counts[Rejection.STOPPED],
            rejected=tuple(tally.rejected),
            contacts=tally.people,
            set_aside=tally.set_aside,
        )

    @staticmethod
    def _store_all(
        parsed: AbstractContextManager[Iterator[Batch]],
        *,
        stop_filter: _StopFilter,
        writer: _ContactWriter,
        tally: _Tally,
        total: int,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> None:
        with parsed as batches:
            for batch in batches:
                _check(cancel)
                contacts, stopped = stop_filter(batch.contacts)
                duplicates = writer.store(contacts)
                tally.add(len(contacts) - len(duplicates), batch.rejected + stopped + duplicates)
                tally.people += batch.people
                tally.set_aside += batch.set_aside
                if progress is not None:
                    progress(batch.position, total)

    @staticmethod
    def outcomes(
        phones: Sequence[str], *, region: str = "FR", keep_landlines: bool = False
    ) -> list[NumberOutcome]:
        """What an import would make of each number, for a preview (duplicates and the
        stop list aside): its E.164 form when valid, and whether it is left out."""
        normalizer = PhoneNormalizer(check_region(region))
        shown = []
        for phone in phones:
            parsed = normalizer.parse(phone)
            if parsed.e164 is None:
                reason = precise_reason(parsed, region) or "invalid"
                shown.append(NumberOutcome(None, True, reason))
            elif parsed.kind is not NumberKind.MOBILE and not keep_landlines:
                shown.append(NumberOutcome(parsed.e164, True, "not a mobile"))
            else:
                shown.append(NumberOutcome(parsed.e164, False))
        return shown


# --- the rejected lines as a file ------------------------------------------------------------


def save_rejected_csv(rejected: Iterable[RejectedRow], path: Path | str) -> int:
    """The rejected lines as UTF-8 with BOM, `;` separated (what French Excel opens):
    `line;value;kind;reason`, then the row's name and other columns when it had some (so
    that whoever fixes the file knows whose number it is). Returns how many rows were
    written."""
    rows = list(rejected)
    columns: dict[str, None] = {}
    named = False
    for row in rows:
        named = named or bool(row.name)
        if row.columns:
            columns.update(dict.fromkeys(row.extra))
    header = ["line", "value", "kind", "reason"]
    if named or columns:
        header.append("name")
    header.extend(column for column in columns if column not in header)
    extra_columns = header[5:]
    written = 0
    try:
        with excel_csv(Path(path)) as writer:
            writer.writerow([neutralise_cell(column) for column in header])
            for row in rows:
                cells = [row.line, neutralise_cell(row.value), row.kind.value, row.reason]
                if len(header) > 4:
                    cells.append(neutralise_cell(row.name))
                    extra = row.extra
                    cells.extend(neutralise_cell(extra.get(key, "")) for key in extra_columns)
                writer.writerow(cells)
                written += 1
    except OSError as error:
        raise RecipientsError(
            f"{path}: cannot write the file ({error.strerror or error})"
        ) from None
    return written
