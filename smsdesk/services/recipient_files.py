"""Opening recipient files: encoding, refusal of what is not text, preview, streaming.

The encoding is decided on the first bytes: a BOM (UTF-8, UTF-16 from Excel "Unicode
text", UTF-32) wins; else UTF-8 when the sample decodes as UTF-8 (or nearly: a few stray
cp1252 bytes in a UTF-8 file); else cp1252, the French Windows default, unless it looks
like an old DOS code page, where charset-normalizer is asked. Undecodable bytes later in
the file never stop an import of a million rows: they are read as cp1252 (or Latin-1).

Every problem is a RecipientFileError whose one-line message names the file (and the line
when there is one): missing, unreadable, empty, binary, no phone column, unbalanced quote.

A line longer than 1 MiB, or with a cell longer than 64 KiB (counted in characters), is
left out whole and reported with its line (`RowReader.take_refused`): such a line is a
pasted document or a broken export, not a contact, and nothing of it is stored. The
reader never holds more than 1 MiB of one line, however long it is.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NamedTuple, NoReturn, TextIO

from smsdesk.domain.phone import split_numbers
from smsdesk.domain.recipient_table import (
    SAMPLE_RECORDS,
    RecipientFileError,
    SourceRow,
    TableLayout,
    iter_rows,
    iter_table_rows,
    layout_of_records,
    looks_like_phone,
    sniff_layout,
    whole_lines,
)
from smsdesk.services import recipient_books
from smsdesk.services.recipient_books import VCARD_SUFFIXES, WORKBOOK_SUFFIXES, SheetRecords

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "CELL_TOO_LONG",
    "LINE_TOO_LONG",
    "MAX_CELL_CHARS",
    "MAX_LINE_CHARS",
    "FilePreview",
    "RecipientFileError",
    "RecordReader",
    "RefusedLine",
    "RowReader",
    "TextPreview",
    "TextRows",
    "detect_encoding",
    "open_rows",
    "preview_file",
    "preview_text",
    "text_rows",
    "workbook_sheets",
]

SAMPLE_BYTES = 256 * 1024  # what detection and the preview read
READ_BUFFER_BYTES = 1024 * 1024
# More control characters than this (besides tab, CR, LF, FF, Ctrl-Z) is not text.
MAX_CONTROL_RATIO = 0.02
FALLBACK_ERRORS = "smsdesk-cp1252"
MAX_LINE_CHARS = 1024 * 1024  # 1 MiB, line ending included
MAX_CELL_CHARS = 64 * 1024
LINE_TOO_LONG = "the line is longer than 1 MiB: left out"
CELL_TOO_LONG = "a cell is longer than 64 KiB: the line is left out"
CARD_TOO_LONG = "the card is longer than 1 MiB: left out"
REFUSED_VALUE_CHARS = 40  # what the report shows of a refused line


# --- decoding ----------------------------------------------------------------------------


def _byte_as_text(value: int) -> str:
    try:
        return bytes([value]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(value)  # the five bytes cp1252 leaves undefined: read them as Latin-1


_CP1252_OF_BYTE = tuple(_byte_as_text(value) for value in range(256))


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode-error handler: the bytes that do not decode are read as cp1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_CP1252_OF_BYTE[value] for value in bad), error.end


codecs.register_error(FALLBACK_ERRORS, _cp1252_fallback)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SAVE_AS_CSV = ": save it as CSV first"
_ZIP = b"PK\x03\x04"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0",
        "this is an Excel 97-2003 workbook (.xls), not a text file" + _SAVE_AS_CSV,
    ),
    (b"%PDF", "this is a PDF document, not a text file"),
    (b"\x89PNG", "this is an image, not a text file"),
    (b"\xff\xd8\xff", "this is an image, not a text file"),
    (b"GIF8", "this is an image, not a text file"),
    (b"\x1f\x8b", "this is a compressed (gzip) file, not a text file"),
)

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1a")
# DOS code pages put é à ç ê è ï î ô û ù ü ä ö ë here, where cp1252 has punctuation:
# one of them between two ASCII letters ("Fr\x82d\x82ric") means cp1252 is wrong.
_DOS_LETTERS = frozenset(b"\x81\x82\x84\x85\x87\x88\x89\x8a\x8b\x8c\x93\x94\x96\x97")
_DOS_EVIDENCE = 2


def _is_ascii_letter(value: int) -> bool:
    return 0x41 <= value <= 0x5A or 0x61 <= value <= 0x7A


def _dos_evidence(sample: bytes) -> int:
    return sum(
        1
        for index in range(1, len(sample) - 1)
        if sample[index] in _DOS_LETTERS
        and _is_ascii_letter(sample[index - 1])
        and _is_ascii_letter(sample[index + 1])
    )


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for value in sample if value < 0x20 and value not in _TEXT_CONTROLS)
    return controls / len(sample)


def _utf16_without_bom(sample: bytes) -> str | None:
    """ASCII-range UTF-16 has a NUL in every other byte."""
    half = len(sample) // 2
    if half == 0:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(sample: bytes, complete: bool) -> bool:
    """UTF-8, or UTF-8 with fewer stray bytes than real multi-byte characters."""
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(sample, final=complete)
    bad = text.count("\ufffd")
    if bad == 0:
        return True
    good = sum(1 for char in text if char > "\x7f") - bad
    return good > bad


def _zip_message(sample: bytes, name: str) -> str:
    if b"xl/" in sample or name.endswith((".xlsx", ".xlsm")):
        return "this is an Excel workbook (.xlsx), not a text file" + _SAVE_AS_CSV
    if b"opendocument.spreadsheet" in sample or name.endswith(".ods"):
        return "this is an OpenDocument spreadsheet (.ods), not a text file" + _SAVE_AS_CSV
    return "this is a ZIP archive, not a text file"


def _not_text(message: str) -> NoReturn:
    raise RecipientFileError(message)


def detect_encoding(sample: bytes, *, complete: bool = False, name: str = "") -> str:
    """The Python codec name for a file that starts with `sample` (`complete`: the sample
    is the whole file). Raises RecipientFileError for binary data; `name` (the file name)
    only makes the message about workbooks more helpful."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if sample.startswith(_ZIP):
        _not_text(_zip_message(sample, name.lower()))
    for magic, message in _MAGIC:
        if sample.startswith(magic):
            _not_text(message)
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16 is None:
            _not_text("this is not a text file")
        return utf16
    if _control_ratio(sample) > MAX_CONTROL_RATIO:
        _not_text("this is not a text file")
    if _mostly_utf8(sample, complete):
        return "utf-8"
    if _dos_evidence(sample) >= _DOS_EVIDENCE:
        guessed = _charset_normalizer_guess(sample)
        if guessed is not None:
            return guessed
    return "cp1252"


def _charset_normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only for the rare files that need it

    best = from_bytes(sample).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return str(best.encoding)


def _errors_for(encoding: str) -> str:
    return FALLBACK_ERRORS if encoding in ("utf-8", "utf-8-sig", "cp1252") else "replace"


# --- files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilePreview:
    """What the import dialog shows before importing, and what `open_rows` needs.

    kind: "text" (CSV, TXT), "workbook" (.xlsx .xls .ods: `sheet` is the one read, of
    `sheets`; `encoding` is "") or "vcard".
    """

    path: Path
    encoding: str
    layout: TableLayout
    first_rows: list[SourceRow]
    size_bytes: int
    region: str = "FR"
    kind: str = "text"
    sheet: str | None = None
    sheets: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextPreview:
    """The same for a pasted block of numbers or a table copied from a spreadsheet."""

    layout: TableLayout
    first_rows: list[SourceRow]


def _open_failure(path: Path, error: OSError) -> RecipientFileError:
    if isinstance(error, FileNotFoundError):
        reason = "file not found"
    elif isinstance(error, IsADirectoryError):
        reason = "this is a folder, not a file"
    elif isinstance(error, PermissionError):
        reason = "permission denied: the file cannot be read"
    else:
        reason = f"the file cannot be read ({error.strerror or error})"
    return RecipientFileError(f"{path}: {reason}")


def _in_file(path: Path, error: RecipientFileError) -> RecipientFileError:
    return RecipientFileError(f"{path}: {error.message}", line=error.line)


def _read_head(path: Path) -> tuple[bytes, int]:
    try:
        with path.open("rb") as stream:
            size = path.stat().st_size
            return stream.read(SAMPLE_BYTES), size
    except OSError as error:
        raise _open_failure(path, error) from error


def _first_rows(text: str, layout: TableLayout, rows: int, complete: bool) -> list[SourceRow]:
    if not complete:
        text = whole_lines(text)  # the last line may be cut
    found: list[SourceRow] = []
    for row in iter_rows(io.StringIO(text, newline=""), layout):
        found.append(row)
        if len(found) > rows:
            return found[:rows]
    if not complete and found:
        # The sample ran out: the last record may be cut in the middle of a quoted field.
        last_line = found[-1].line
        found = [row for row in found if row.line != last_line]
    return found


def preview_file(
    path: Path,
    *,
    phone_column: str | int | None = None,
    rows: int = 20,
    region: str = "FR",
    sheet: str | None = None,
) -> FilePreview:
    """Detects the kind, the encoding and the layout of a recipient file from its start.

    phone_column: the user's choice of column (a header name, a 0-based index, or a
    1-based column number as text); None to detect it. sheet: a workbook's sheet by
    name; None for the first that holds a phone column. Raises RecipientFileError.
    """
    path = Path(path)
    head, size = _read_head(path)
    if size == 0 or not head:
        raise RecipientFileError(f"{path}: the file is empty")
    kind = _file_kind(path, head)
    if kind == "workbook":
        return _preview_workbook(path, size, phone_column, rows, region, sheet)
    if sheet is not None:
        raise RecipientFileError(f"{path}: only a workbook has sheets (--sheet)")
    complete = len(head) >= size
    try:
        encoding = detect_encoding(head, complete=complete, name=path.name)
        decoder = codecs.getincrementaldecoder(encoding)(errors=_errors_for(encoding))
        text = decoder.decode(head, final=complete)
        if not text.strip("\ufeff \t\r\n"):
            raise RecipientFileError("the file is empty")
        if kind == "vcard":
            return _preview_vcards(path, size, encoding, text, phone_column, rows, region)
        layout = sniff_layout(text, phone_column=phone_column, region=region, complete=complete)
        first_rows = _first_rows(text, layout, rows, complete)
    except RecipientFileError as error:
        raise _in_file(path, error) from error
    return FilePreview(path, encoding, layout, first_rows, size, region)


_OLE = b"\xd0\xcf\x11\xe0"


def _file_kind(path: Path, head: bytes) -> str:
    name = path.name.lower()
    if head.startswith(_OLE) or (
        head.startswith(_ZIP)
        and (
            name.endswith(WORKBOOK_SUFFIXES)
            or b"xl/" in head
            or b"opendocument.spreadsheet" in head
        )
    ):
        return "workbook"
    if name.endswith(VCARD_SUFFIXES) or head.lstrip(b"\xef\xbb\xbf \r\n")[:11].upper() == (
        b"BEGIN:VCARD"
    ):
        return "vcard"
    return "text"


# One loaded sheet, kept between the preview and the import that follows it in this
# process: calamine reads a sheet whole, and a big one takes seconds.
_loaded: tuple[tuple[str, int, int, str], SheetRecords] | None = None


def _sheet(path: Path, name: str) -> SheetRecords:
    global _loaded
    try:
        stat = path.stat()
    except OSError as error:
        raise _open_failure(path, error) from error
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, name)
    if _loaded is not None and _loaded[0] == key:
        return _loaded[1]
    _loaded = None  # the memory of the previous one first
    sheet = recipient_books.open_sheet(path, name)
    _loaded = (key, sheet)
    return sheet


def workbook_sheets(path: Path) -> list[str]:
    """The sheet names of a workbook, in order. Raises RecipientFileError."""
    return recipient_books.sheet_names(Path(path))


def _holds_phones(sheet_head: list[list[str]], layout: TableLayout) -> bool:
    data = sheet_head[1:] if layout.has_header else sheet_head
    index = layout.phone_column
    return any(
        looks_like_phone(number)
        for record in data
        if index < len(record)
        for number in split_numbers(record[index])
    )


def _preview_workbook(
    path: Path,
    size: int,
    phone_column: str | int | None,
    rows: int,
    region: str,
    wanted: str | None,
) -> FilePreview:
    names = recipient_books.sheet_names(path)
    candidates = [wanted] if wanted is not None else names
    first_error: RecipientFileError | None = None
    for name in candidates:
        sheet = _sheet(path, name)
        head = sheet.head(SAMPLE_RECORDS + 1)
        try:
            layout = layout_of_records(head, phone_column=phone_column, region=region)
        except RecipientFileError as error:
            first_error = first_error or error
            continue
        if wanted is None and not _holds_phones(head, layout):
            first_error = first_error or RecipientFileError("no phone number found")
            continue
        numbered = list(enumerate(head, start=sheet.first_line))
        first_rows = list(iter_table_rows(numbered, layout))[:rows]
        return FilePreview(
            path, "", layout, first_rows, size, region, "workbook", name, tuple(names)
        )
    if wanted is not None and first_error is not None:
        raise RecipientFileError(f"{path}: sheet {wanted!r}: {first_error.message}")
    raise RecipientFileError(
        f"{path}: no sheet holds a phone number column (sheets: {', '.join(names)})"
    )


def _preview_vcards(
    path: Path,
    size: int,
    encoding: str,
    text: str,
    phone_column: str | int | None,
    rows: int,
    region: str,
) -> FilePreview:
    ignored: list[RefusedLine] = []
    records = list(
        recipient_books.vcard_records(
            io.StringIO(text, newline=""),
            lambda line, value, reason: ignored.append(RefusedLine(line, value, reason)),
            (MAX_CELL_CHARS, CARD_TOO_LONG, CELL_TOO_LONG),
        )
    )
    if len(records) < 2:
        raise RecipientFileError("no vCard found (BEGIN:VCARD ... END:VCARD)")
    layout = layout_of_records(
        [cells for _line, cells in records[: SAMPLE_RECORDS + 1]],
        phone_column=phone_column,
        region=region,
    )
    first_rows = list(iter_table_rows(records, layout))[:rows]
    return FilePreview(path, encoding, layout, first_rows, size, region, "vcard")


class _CountingReader(io.RawIOBase):
    """A raw file that counts the bytes read from it, for a progress bar."""

    def __init__(self, raw: io.FileIO) -> None:
        super().__init__()
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int | None:
        read = self._raw.readinto(buffer)
        if read:
            self.count += read
        return read

    def close(self) -> None:
        self._raw.close()
        super().close()


class RefusedLine(NamedTuple):
    """A physical line left out before parsing: its number, its start, why."""

    line: int
    value: str
    reason: str


class _BoundedLines:
    """The lines of a text stream (opened with newline=""), none longer than
    MAX_LINE_CHARS, none with a cell longer than MAX_CELL_CHARS: such a line is read
    in bounded pieces, recorded in `refused` and given as an empty line (so the csv
    reader, which skips it, still counts it)."""

    def __init__(self, stream: TextIO, delimiter: str | None, first_line: int = 1) -> None:
        self._readline = stream.readline
        self._delimiter = delimiter
        self._next_line = first_line
        self.refused: list[RefusedLine] = []

    def __iter__(self) -> Iterator[str]:
        readline, limit = self._readline, MAX_LINE_CHARS
        while True:
            text = readline(limit)
            if not text:
                return
            if len(text) <= MAX_CELL_CHARS:  # nearly every line: nothing more to look at
                self._next_line += 1
                yield text
                continue
            line = self._next_line
            self._next_line += 1
            if len(text) == limit and not text.endswith(("\n", "\r")):
                rest = text
                while rest and not rest.endswith(("\n", "\r")):
                    rest = readline(limit)  # the rest of the line, a piece at a time
                self._refuse(line, text, LINE_TOO_LONG)
                yield "\n"
            elif self._long_cell(text):
                self._refuse(line, text, CELL_TOO_LONG)
                yield "\n"
            else:
                yield text

    def _long_cell(self, text: str) -> bool:
        if self._delimiter is None:
            return True  # the whole line is the cell
        try:
            cells = next(csv.reader([text], delimiter=self._delimiter), [])
        except csv.Error:  # beyond csv's own field limit (128 KiB) or not a record alone
            return True
        return any(len(cell) > MAX_CELL_CHARS for cell in cells)

    def _refuse(self, line: int, text: str, reason: str) -> None:
        value = text[:REFUSED_VALUE_CHARS].strip() + "…"
        self.refused.append(RefusedLine(line, value, reason))

    def take_refused(self) -> list[RefusedLine]:
        refused, self.refused = self.refused, []
        return refused


def _open_counted(path: Path, encoding: str) -> tuple[_CountingReader, io.TextIOWrapper]:
    """The file as text in `encoding`, through a counter of the bytes read (progress)."""
    try:
        raw = io.FileIO(path, "r")
    except OSError as error:
        raise _open_failure(path, error) from error
    counter = _CountingReader(raw)
    buffered = io.BufferedReader(counter, buffer_size=READ_BUFFER_BYTES)
    text = io.TextIOWrapper(buffered, encoding=encoding, errors=_errors_for(encoding), newline="")
    return counter, text


class RowReader(Iterator[SourceRow]):
    """Every row of a previewed file, streamed. `bytes_read` / `size_bytes` is the
    progress. Close it (or use it in a `with` block) when stopping early."""

    def __init__(self, path: Path, preview: FilePreview) -> None:
        self.path = Path(path)
        self.size_bytes = preview.size_bytes
        self._counter, self._text = _open_counted(self.path, preview.encoding)
        self._lines = _BoundedLines(self._text, preview.layout.delimiter)
        self._rows = self._stream(iter_rows(self._lines, preview.layout))

    def _stream(self, rows: Iterator[SourceRow]) -> Iterator[SourceRow]:
        # One generator for the whole file: `yield from` costs no Python call per row.
        try:
            yield from rows
        except RecipientFileError as error:
            raise _in_file(self.path, error) from error
        except OSError as error:
            raise _open_failure(self.path, error) from error

    @property
    def bytes_read(self) -> int:
        return self._counter.count

    def take_refused(self) -> list[RefusedLine]:
        """The lines left out since the last call (too long, or a cell too long)."""
        return self._lines.take_refused()

    def __iter__(self) -> Iterator[SourceRow]:
        return self._rows

    def __next__(self) -> SourceRow:
        return next(self._rows)

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> RowReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class RecordReader(Iterator[SourceRow]):
    """Every row of a previewed workbook or vCard file, streamed, with the interface of
    RowReader (`bytes_read` is the share of the sheet read, for a workbook)."""

    def __init__(self, path: Path, preview: FilePreview) -> None:
        self.path = Path(path)
        self.size_bytes = preview.size_bytes
        self.refused: list[RefusedLine] = []
        self._sheet: SheetRecords | None = None
        self._counter: _CountingReader | None = None
        self._text: TextIO | None = None
        records: Iterator[tuple[int, list[str]]]
        if preview.kind == "workbook":
            assert preview.sheet is not None
            self._sheet = _sheet(self.path, preview.sheet)
            records = self._bounded(self._sheet.records())
        else:
            self._counter, self._text = _open_counted(self.path, preview.encoding)
            records = recipient_books.vcard_records(
                self._text, self._refuse, (MAX_CELL_CHARS, CARD_TOO_LONG, CELL_TOO_LONG)
            )
        self._rows = self._stream(iter_table_rows(records, preview.layout))

    def _refuse(self, line: int, value: str, reason: str) -> None:
        self.refused.append(RefusedLine(line, value[:REFUSED_VALUE_CHARS] + "…", reason))

    def _bounded(self, records: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
        """The records without those over the limits of a text line."""
        for line, cells in records:
            if sum(map(len, cells)) <= MAX_CELL_CHARS:  # nearly every row
                yield line, cells
            elif any(len(cell) > MAX_CELL_CHARS for cell in cells):
                self._refuse(line, "\t".join(cells), CELL_TOO_LONG)
            elif sum(map(len, cells)) + len(cells) > MAX_LINE_CHARS:
                self._refuse(line, "\t".join(cells), LINE_TOO_LONG)
            else:
                yield line, cells

    def _stream(self, rows: Iterator[SourceRow]) -> Iterator[SourceRow]:
        try:
            yield from rows
        except RecipientFileError as error:
            raise _in_file(self.path, error) from error
        except OSError as error:
            raise _open_failure(self.path, error) from error

    @property
    def bytes_read(self) -> int:
        if self._sheet is not None:
            return self.size_bytes * self._sheet.rows_read // max(self._sheet.height, 1)
        assert self._counter is not None
        return self._counter.count

    def take_refused(self) -> list[RefusedLine]:
        refused, self.refused = self.refused, []
        return refused

    def __iter__(self) -> Iterator[SourceRow]:
        return self._rows

    def __next__(self) -> SourceRow:
        return next(self._rows)

    def close(self) -> None:
        global _loaded
        if self._text is not None:
            self._text.close()
        if self._sheet is not None and _loaded is not None and _loaded[1] is self._sheet:
            _loaded = None  # read: its memory can go
        self._sheet = None

    def __enter__(self) -> RecordReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_rows(path: Path, preview: FilePreview) -> RowReader | RecordReader:
    """Streams all the rows of `path` with the kind, encoding and layout of its preview."""
    if preview.kind == "text":
        return RowReader(path, preview)
    return RecordReader(path, preview)


# --- pasted text -------------------------------------------------------------------------


def preview_text(
    text: str,
    *,
    phone_column: str | int | None = None,
    rows: int = 20,
    region: str = "FR",
) -> TextPreview:
    """The layout of a pasted block: numbers one a line or several a line, or a table
    copied from a spreadsheet (tabs). Raises RecipientFileError."""
    layout = sniff_layout(text, phone_column=phone_column, region=region)
    return TextPreview(layout, _first_rows(text, layout, rows, complete=True))


class TextRows(Iterator[SourceRow]):
    """Every row of a pasted block; the lines left out (too long) by `take_refused`."""

    def __init__(self, text: str, layout: TableLayout) -> None:
        self._lines = _BoundedLines(io.StringIO(text, newline=""), layout.delimiter)
        self._rows = iter_rows(self._lines, layout)

    def __iter__(self) -> Iterator[SourceRow]:
        return self._rows

    def __next__(self) -> SourceRow:
        return next(self._rows)

    def take_refused(self) -> list[RefusedLine]:
        return self._lines.take_refused()


def text_rows(text: str, layout: TableLayout) -> TextRows:
    """Every row of a pasted block."""
    return TextRows(text, layout)
