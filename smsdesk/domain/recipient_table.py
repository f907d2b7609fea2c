"""Recipient tables as people export them: the layout of decoded text, then its rows.

Pure: it works on text that services/recipient_files.py has already decoded.
`sniff_layout` looks at a sample (the start of a file, or a pasted block) and finds the
delimiter (`,` `;` tab `|`, or none: one number a line), whether line 1 is a header,
the column that holds the phone numbers (by its name in English or French, or by its
content) and the columns that hold the name. `iter_rows` then streams every row of
the whole text through the csv module: quoted fields, embedded newlines, CRLF, with
the physical line where each row starts, without ever holding the file in memory.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from smsdesk.domain.phone import PhoneNormalizer, split_numbers


class RecipientFileError(Exception):
    """A recipient list that cannot be read; the message is one line for the user.

    `line` is the 1-based physical line of the problem when there is one.
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class TableLayout:
    """How to read a recipient table.

    delimiter: `,` `;` `\\t` `|`, or None when each line is one cell (a list of numbers;
        a line may still hold several numbers: see `split_numbers`).
    has_header: line 1 (after `skip_lines`) names the columns.
    columns: one unique name per column: the header's, or "Column 1", "Column 2"...
    phone_column: index of the column read for the number.
    name_columns: indexes whose non-empty values, joined by a space, give the name.
    typed_phone_columns: (value, type) index pairs of Google Contacts' "Phone N - Value" /
        "Phone N - Type": a row takes the first value whose type says mobile, and the
        `phone_column` otherwise.
    skip_lines: lines before the header or the first row (Excel's "sep=;" line).
    other_phone_columns: the other columns named for a phone (home, business...), read
        after `phone_column` for the other numbers of the same person.
    phone_type_column: a column that gives the type of each number of the phone cell,
        " ::: " between them (vCards' TEL types): each row keeps its number's type.
    """

    delimiter: str | None
    has_header: bool
    columns: tuple[str, ...]
    phone_column: int
    name_columns: tuple[int, ...] = ()
    typed_phone_columns: tuple[tuple[int, int], ...] = ()
    skip_lines: int = 0
    other_phone_columns: tuple[int, ...] = ()
    phone_type_column: int | None = None

    @property
    def phone_column_name(self) -> str:
        return self.columns[self.phone_column]


class SourceRow(NamedTuple):
    """One number to import, as written in the file (a named tuple: a million-row file
    makes a million of them, and a frozen dataclass costs three times as much to build).

    line: 1-based physical line where the row starts (the header is line 1). A cell
        that holds several numbers gives one SourceRow each, all with the same line.
    phone: the number as written, stripped ("" when the row has none).
    name: the name columns joined; "" when there are none.
    extra: the other non-empty cells of the row by column name (the phone cell aside).
    same_contact: another number of the person of the row before (a second number of
        one cell, of another phone column): "one person, one message" keeps only one.
    """

    line: int
    phone: str
    name: str
    extra: dict[str, str]  # never changed in place: rows of one cell may share it
    same_contact: bool = False


DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
SAMPLE_RECORDS = 200  # records of the sample that sniffing looks at
# A quoted field spanning more lines than this is an unbalanced quote, not a note.
MAX_LINES_PER_RECORD = 100
MAX_COLUMNS_LISTED = 25

# --- header names ----------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MOBILE_WORDS = _words(
    "mobile mobiles mobil cell cellular cellphone cellulaire portable portables gsm sms "
    "handy movil celular"
)
_PHONE_WORDS = _words(
    "phone phones telephone telephones tel tels number numbers numero numeros num msisdn "
    "telefon telefono telefone recipient recipients destinataire destinataires"
)
# A phone word next to one of these names a landline or a second choice.
_SECOND_CHOICE_WORDS = _words(
    "home business work office domicile fixe fix bureau pro professionnel professionnelle "
    "company societe entreprise car voiture assistant other autre autres "
    "radio tty tdd landline maison travail"
)
# A column whose name holds one of these is not a phone number column.
_NOT_PHONE_WORDS = _words(
    "fax telecopie pager telex isdn callback type types label libelle etiquette client "
    "customer commande order account compte rue street voie adherent member membre id "
    "siret siren tva vat invoice facture postal zip code badge carte card licence license "
    "permis passport passeport securite ssn iban date ext extension poste serie serial "
    "version lot dossier contrat contract police policy ticket reference ref email mail "
    "courriel"
)
_FULL_NAME_HEADERS = frozenset(
    {
        "name",
        "full name",
        "fullname",
        "display name",
        "contact",
        "contact name",
        "nom complet",
        "nom et prenom",
        "nom prenom",
        "prenom nom",
        "prenom et nom",
        "nom du contact",
        "nom contact",
    }
)
_FIRST_NAME_HEADERS = frozenset(
    {"first name", "firstname", "first", "given name", "givenname", "forename", "prenom"}
)
_LAST_NAME_HEADERS = frozenset(
    {"last name", "lastname", "last", "family name", "familyname", "surname", "nom"}
    | {"nom de famille"}
)
_MOBILE_SCORE, _PHONE_SCORE, _SECOND_CHOICE_SCORE = 3, 2, 1

_NON_WORD = re.compile(r"[^0-9a-z]+")
_TYPED_VALUE = re.compile(r"(?P<stem>.*\S)\s+(?:value|valeur)")
_TYPE_SUFFIXES = ("type", "label", "libelle")


def normalize_header(name: str) -> str:
    """Lower case, accents dropped, punctuation as single spaces: "Téléphone (bureau)"
    -> "telephone bureau"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", plain.casefold()).strip()


def phone_header_score(name: str) -> int:
    """3 for a mobile column, 2 for a phone column, 1 for a landline / second choice
    (home, business...), 0 for anything else (fax, customer number, phone type...)."""
    words = set(normalize_header(name).split())
    if not words or words & _NOT_PHONE_WORDS:
        return 0
    if words & _MOBILE_WORDS:
        return _MOBILE_SCORE
    if words & _PHONE_WORDS:
        return _SECOND_CHOICE_SCORE if words & _SECOND_CHOICE_WORDS else _PHONE_SCORE
    return 0


def _name_role(name: str) -> str | None:
    header = normalize_header(name)
    if header in _FULL_NAME_HEADERS:
        return "full"
    if header in _FIRST_NAME_HEADERS:
        return "first"
    if header in _LAST_NAME_HEADERS:
        return "last"
    return None


def is_mobile_label(label: str) -> bool:
    """Google's "Phone N - Type" values: "Mobile", "* Mobile", "Portable"..."""
    return bool(set(normalize_header(label).split()) & _MOBILE_WORDS)


# --- cell content ----------------------------------------------------------------------

_PHONE_CHARS = frozenset("0123456789+ .-()/")


def looks_like_phone(cell: str) -> bool:
    """Digits and phone punctuation only, with 6 to 17 digits: "06 12 34 56 78",
    "+33 (0)6...", "0612345678"; not "Dupont" nor "2024" nor a 20-digit reference."""
    text = cell.strip()
    if not text or not set(text) <= _PHONE_CHARS:
        return False
    digits = sum(char.isdigit() for char in text)
    return 6 <= digits <= 17


# --- sniffing --------------------------------------------------------------------------


def _records(text: str, delimiter: str, limit: int = SAMPLE_RECORDS) -> list[list[str]]:
    """The first non-blank records of `text` read with `delimiter`."""
    records: list[list[str]] = []
    # Lines split as a file opened with newline="" splits them (not str.splitlines).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append(record)
                if len(records) >= limit:
                    break
    except csv.Error:
        return records
    return records


def _cells_of_lines(text: str, limit: int = SAMPLE_RECORDS) -> list[list[str]]:
    records: list[list[str]] = []
    for line in io.StringIO(text, newline=""):
        cell = _bare_cell(line)
        if cell:
            records.append([cell])
            if len(records) >= limit:
                break
    return records


def _bare_cell(line: str) -> str:
    return line.strip().strip('"').strip()


@dataclass(frozen=True, slots=True)
class _Candidate:
    delimiter: str
    records: list[list[str]]
    width: int
    consistency: float

    def sort_key(self) -> tuple[bool, bool, float, int]:
        first = self.records[0]
        named = any(phone_header_score(cell) or _name_role(cell) for cell in first)
        return (self.consistency >= 0.9, named, self.consistency, self.width)


def _delimiter_candidates(text: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for delimiter in DELIMITERS:
        if delimiter not in text:
            continue
        records = _records(text, delimiter)
        if not records:
            continue
        width, count = Counter(len(record) for record in records).most_common(1)[0]
        if width >= 2:
            candidates.append(_Candidate(delimiter, records, width, count / len(records)))
    return candidates


def whole_lines(text: str) -> str:
    """`text` without its last line when that line has no end (a sample cut short)."""
    end = max(text.rfind("\n"), text.rfind("\r"))
    return text[: end + 1] if end >= 0 else text


def _sep_line(text: str) -> str | None:
    """Excel's first line "sep=;" names the delimiter."""
    first = text.split("\n", 1)[0].strip().lstrip("\ufeff")
    if len(first) == 5 and first.lower().startswith("sep="):
        return first[4]
    return None


def _unique_columns(names: Sequence[str], width: int) -> tuple[str, ...]:
    columns: list[str] = []
    seen: set[str] = set()
    for index in range(width):
        base = names[index].strip() if index < len(names) else ""
        base = base or f"Column {index + 1}"
        name, copy = base, 1
        while name in seen:
            copy += 1
            name = f"{base} ({copy})"
        seen.add(name)
        columns.append(name)
    return tuple(columns)


def _has_header(records: list[list[str]]) -> bool:
    """Line 1 names the columns: it holds no number, and either a known column name,
    numbers below it, or a distinct word in every cell ("Ref;Client;Ville")."""
    first = records[0]
    if any(looks_like_phone(cell) for cell in first):
        return False
    if any(phone_header_score(cell) or _name_role(cell) for cell in first):
        return True
    rest = records[1:]
    with_phone = sum(any(looks_like_phone(cell) for cell in record) for record in rest)
    if rest and with_phone * 2 >= len(rest):
        return True
    names = [cell.strip() for cell in first]
    return (
        len(names) > 1
        and all(any(char.isalpha() for char in name) for name in names)
        and len(set(names)) == len(names)
    )


def _column_values(records: list[list[str]], index: int) -> list[str]:
    return [record[index].strip() for record in records if index < len(record)]


def _is_numbers_only(records: list[list[str]], normalizer: PhoneNormalizer) -> bool:
    """A list of numbers several a line, not a table: every cell looks like a phone
    number, and in every column at least half of them are valid numbers."""
    width = max(len(record) for record in records)
    for index in range(width):
        numbers = [
            number for value in _column_values(records, index) for number in split_numbers(value)
        ]
        if not all(looks_like_phone(number) for number in numbers):
            return False
        valid = sum(normalizer.parse(number).valid for number in numbers)
        if valid * 2 < len(numbers):
            return False
    return True


def _columns_seen(columns: Sequence[str]) -> str:
    shown = ", ".join(columns[:MAX_COLUMNS_LISTED])
    more = len(columns) - MAX_COLUMNS_LISTED
    return f"{shown}, and {more} more" if more > 0 else shown


def _resolve_override(choice: str | int, columns: tuple[str, ...]) -> int:
    """A column given by the user: its name (any case and accents), a 0-based int
    index, or a 1-based column number written as text ("3", as on a command line)."""
    if isinstance(choice, int):
        if 0 <= choice < len(columns):
            return choice
    else:
        wanted = normalize_header(choice)
        for index, name in enumerate(columns):
            if name == choice or normalize_header(name) == wanted:
                return index
        text = choice.strip()
        if text.isdigit() and 1 <= int(text) <= len(columns):
            return int(text) - 1
    raise RecipientFileError(
        f"no column {choice!r}; columns seen: {_columns_seen(columns)}",
    )


def _typed_pairs(columns: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Google Contacts' ("Phone N - Value", "Phone N - Type"/"Label") index pairs."""
    index_of = {normalize_header(name): index for index, name in enumerate(columns)}
    pairs: list[tuple[int, int]] = []
    for index, name in enumerate(columns):
        found = _TYPED_VALUE.fullmatch(normalize_header(name))
        if found is None or phone_header_score(found["stem"]) == 0:
            continue
        for suffix in _TYPE_SUFFIXES:
            type_index = index_of.get(f"{found['stem']} {suffix}")
            if type_index is not None:
                pairs.append((index, type_index))
                break
    return tuple(pairs)


def _phone_column_by_name(columns: tuple[str, ...], data: list[list[str]]) -> int | None:
    """The best-named phone column; among equals, or when the best-named one is empty
    in the whole sample, one that has values."""
    best: tuple[bool, int, int] | None = None
    chosen: int | None = None
    for index, name in enumerate(columns):
        score = phone_header_score(name)
        if score == 0:
            continue
        filled = any(_column_values(data, index))
        key = (filled, score, -index)
        if best is None or key > best:
            best, chosen = key, index
    return chosen


def _phone_column_by_content(
    columns: tuple[str, ...], data: list[list[str]], normalizer: PhoneNormalizer
) -> int | None:
    """The column where most sampled values are valid numbers (or at least look like
    numbers, when none is valid: a list of invalid numbers is still a list)."""
    best: tuple[int, int] | None = None
    chosen: int | None = None
    for index in range(len(columns)):
        values = [value for value in _column_values(data, index) if value]
        looking = [value for value in values if looks_like_phone(value)]
        if not values or len(looking) * 2 < len(values):
            continue
        valid = sum(normalizer.parse(value).valid for value in looking)
        key = (valid, len(looking))
        if best is None or key > best:
            best, chosen = key, index
    return chosen


def _name_columns(columns: tuple[str, ...]) -> tuple[int, ...]:
    roles: dict[str, int] = {}
    for index, name in enumerate(columns):
        role = _name_role(name)
        if role is not None and role not in roles:
            roles[role] = index
    if "full" in roles:
        return (roles["full"],)
    return tuple(roles[role] for role in ("first", "last") if role in roles)


def sniff_layout(
    sample_text: str,
    *,
    phone_column: str | int | None = None,
    region: str = "FR",
    complete: bool = True,
) -> TableLayout:
    """The layout of a table from its first lines.

    phone_column: the user's choice (see `_resolve_override`); None to detect it.
    region: for recognising numbers by content.
    complete: False when `sample_text` is only the start of the text: its last,
        possibly cut, line is then ignored.
    Raises RecipientFileError when there is no row or no phone column.
    """
    text = sample_text.lstrip("\ufeff")
    if not complete:
        text = whole_lines(text)
    skip_lines = 0
    forced = _sep_line(text)
    if forced is not None:
        skip_lines = 1
        text = text.split("\n", 1)[1] if "\n" in text else ""
    if not text.strip():
        raise RecipientFileError("there is no row to read")

    delimiter: str | None
    if forced is not None:
        delimiter = forced
        records = _records(text, forced)
    else:
        candidates = _delimiter_candidates(text)
        if candidates:
            best = max(candidates, key=_Candidate.sort_key)
            delimiter, records = best.delimiter, best.records
        else:
            delimiter, records = None, _cells_of_lines(text)
    if not records:
        raise RecipientFileError("there is no row to read")

    normalizer = PhoneNormalizer(region)
    has_header = _has_header(records)
    if delimiter is not None and not has_header and _is_numbers_only(records, normalizer):
        # "0612345678, 0698765432" lines: one list of numbers, not columns.
        delimiter, records = None, _cells_of_lines(text)
    return _layout_of(records, delimiter, skip_lines, phone_column, normalizer)


def layout_of_records(
    records: Sequence[Sequence[str]],
    *,
    phone_column: str | int | None = None,
    region: str = "FR",
) -> TableLayout:
    """The layout of a table already split in cells (a workbook's sheet, vCards): the
    first records, header included. Its `delimiter` is "\t", nominal: the rows are read
    by `iter_table_rows`, not from text. Raises RecipientFileError."""
    kept = [list(record) for record in records if any(cell.strip() for cell in record)]
    if not kept:
        raise RecipientFileError("there is no row to read")
    return _layout_of(kept, "\t", 0, phone_column, PhoneNormalizer(region))


def _layout_of(
    records: list[list[str]],
    delimiter: str | None,
    skip_lines: int,
    phone_column: str | int | None,
    normalizer: PhoneNormalizer,
) -> TableLayout:
    has_header = _has_header(records)
    width = max(len(record) for record in records)
    columns = _unique_columns(records[0] if has_header else (), width)
    data = records[1:] if has_header else records
    if not data:
        raise RecipientFileError(f"there is no row under the header ({_columns_seen(columns)})")

    typed: tuple[tuple[int, int], ...] = ()
    if phone_column is not None:
        chosen = _resolve_override(phone_column, columns)
    elif delimiter is None:
        chosen = 0
        if not any(looks_like_phone(number) for (cell,) in data for number in split_numbers(cell)):
            raise RecipientFileError("no phone number found in the first lines")
    else:
        named = _phone_column_by_name(columns, data) if has_header else None
        if named is not None:
            chosen = named
            typed = _typed_pairs(columns)
            if typed and chosen not in {value for value, _ in typed}:
                typed = ()
        else:
            by_content = _phone_column_by_content(columns, data, normalizer)
            if by_content is None:
                raise RecipientFileError(
                    f"no phone number column found; columns seen: {_columns_seen(columns)}"
                )
            chosen = by_content
        if typed:
            chosen = typed[0][0]
    others: tuple[int, ...] = ()
    if has_header and delimiter is not None and phone_column is None:  # not when chosen
        scored = [(phone_header_score(name), index) for index, name in enumerate(columns)]
        others = tuple(
            index
            for score, index in sorted(scored, key=lambda pair: (-pair[0], pair[1]))
            if score and index != chosen
        )
    type_column = None
    if has_header and phone_header_score(columns[chosen]):
        wanted = normalize_header(columns[chosen]) + " type"
        type_column = next(
            (index for index, name in enumerate(columns) if normalize_header(name) == wanted),
            None,
        )
    return TableLayout(
        delimiter=delimiter,
        has_header=has_header,
        columns=columns,
        phone_column=chosen,
        name_columns=_name_columns(columns) if has_header else (),
        typed_phone_columns=typed,
        skip_lines=skip_lines,
        other_phone_columns=others,
        phone_type_column=None if typed else type_column,
    )


# --- reading ---------------------------------------------------------------------------


def _without_bom(lines: Iterable[str]) -> Iterator[str]:
    iterator = iter(lines)
    first = next(iterator, None)
    if first is None:
        return iterator
    return itertools.chain((first.lstrip("\ufeff"),), iterator)  # no Python frame per line


def iter_rows(lines: Iterable[str], layout: TableLayout) -> Iterator[SourceRow]:
    """Every row of the text, streamed.

    `lines` is a text stream opened with newline="" (or any iterable of lines with
    their line endings), from the very start of the text. Blank lines and rows whose
    cells are all empty are skipped. Raises RecipientFileError (with its line) for a
    quoted field that never ends.
    """
    source = _without_bom(lines)
    for _ in range(layout.skip_lines):
        next(source, None)
    if layout.delimiter is None:
        yield from _iter_number_lines(source, layout)
    else:
        yield from _iter_records(source, layout, layout.delimiter)


def _iter_number_lines(source: Iterator[str], layout: TableLayout) -> Iterator[SourceRow]:
    first_line = layout.skip_lines + 1
    for line, text in enumerate(source, start=first_line):
        if layout.has_header and line == first_line:
            continue
        cell = _bare_cell(text)
        for number in split_numbers(cell):
            yield SourceRow(line, number, "", {})


def _iter_records(
    source: Iterator[str], layout: TableLayout, delimiter: str
) -> Iterator[SourceRow]:
    reader = csv.reader(source, delimiter=delimiter)
    offset = layout.skip_lines
    start = offset + 1

    def numbered() -> Iterator[tuple[int, list[str]]]:
        nonlocal start
        if layout.has_header:
            next(reader, None)
            start = reader.line_num + offset + 1
        for record in reader:
            line = start
            start = reader.line_num + offset + 1
            if start - line > MAX_LINES_PER_RECORD:
                raise RecipientFileError(
                    f'a quoted field starting on line {line} never ends (unbalanced ")',
                    line=line,
                )
            yield line, record

    try:
        yield from _record_rows(numbered(), layout)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            message = f'a quoted field starting on line {start} never ends (unbalanced ")'
        else:
            message = f"line {start}: {error}"
        raise RecipientFileError(message, line=start) from error


def iter_table_rows(
    records: Iterable[tuple[int, Sequence[str]]], layout: TableLayout
) -> Iterator[SourceRow]:
    """Every row of a table already split in cells: (line, cells) records from the very
    first (the header, when the layout has one, is skipped)."""
    source = iter(records)
    if layout.has_header:
        next(source, None)
    return _record_rows(source, layout)


def _record_rows(
    records: Iterator[tuple[int, Sequence[str]]], layout: TableLayout
) -> Iterator[SourceRow]:
    # The hot loop of a million-row import: plain locals, one pass over each record.
    names = list(layout.columns)
    width = len(names)
    phone_index = layout.phone_column
    name_keys = [names[index] for index in layout.name_columns]
    typed = layout.typed_phone_columns
    others = layout.other_phone_columns
    type_column = layout.phone_type_column
    type_key = names[type_column] if type_column is not None else ""
    for line, record in records:
        size = len(record)
        keys = names
        if size > width:
            keys = names + [f"Column {index + 1}" for index in range(width, size)]
        extra = {
            keys[index]: value
            for index, cell in enumerate(record)
            if index != phone_index and (value := cell.strip())
        }
        phone_cell = record[phone_index] if phone_index < size else ""
        if not extra and not phone_cell.strip():
            continue  # blank line, or ";;;"
        if typed:
            phone_cell = _typed_phone(record, typed, phone_cell)
        name = " ".join([extra[key] for key in name_keys if key in extra])
        numbers = split_numbers(phone_cell)
        if others:
            numbers += [
                number
                for index in others
                if index < size and index != phone_index
                for number in split_numbers(record[index])
                if number not in numbers
            ]
        if not numbers:
            yield SourceRow(line, "", name, extra)
        elif len(numbers) == 1:
            yield SourceRow(line, numbers[0], name, extra)
        else:
            types = extra.get(type_key, "").split(" ::: ") if type_key else []
            for position, number in enumerate(numbers):
                own = extra
                if len(types) == len(numbers):
                    own = {**extra, type_key: types[position]}
                yield SourceRow(line, number, name, own, position > 0)


def _typed_phone(record: Sequence[str], typed: tuple[tuple[int, int], ...], default: str) -> str:
    """The first value whose type says mobile (Google Contacts), else `default`."""
    size = len(record)
    for value_index, type_index in typed:
        if (
            type_index < size
            and value_index < size
            and record[value_index].strip()
            and is_mobile_label(record[type_index])
        ):
            return record[value_index]
    return default
