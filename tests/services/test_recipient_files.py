"""Opening the recipient files people really have (tests/data/recipients, built by
make_files.py) with exact expected counts, and refusing the ones that cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from smsdesk.domain.phone import NumberKind, PhoneNormalizer
from smsdesk.domain.recipient_table import SourceRow
from smsdesk.services.recipient_files import (
    SAMPLE_BYTES,
    RecipientFileError,
    detect_encoding,
    open_rows,
    preview_file,
    preview_text,
    text_rows,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "recipients"


@dataclass(frozen=True)
class Tally:
    """The counts an import reports (stop list aside): they add up to `rows`."""

    rows: int
    imported: int
    duplicates: int
    invalid: int
    landlines: int


def tally(rows: Iterable[SourceRow], region: str = "FR") -> Tally:
    normalizer = PhoneNormalizer(region)
    seen: set[str] = set()
    count = imported = duplicates = invalid = landlines = 0
    for row in rows:
        count += 1
        parsed = normalizer.parse(row.phone)
        if parsed.e164 is None:
            invalid += 1
        elif parsed.kind is not NumberKind.MOBILE:
            landlines += 1
        elif parsed.e164 in seen:
            duplicates += 1
        else:
            seen.add(parsed.e164)
            imported += 1
    assert imported + duplicates + invalid + landlines == count
    return Tally(count, imported, duplicates, invalid, landlines)


def read_all(name: str, **options: object) -> tuple[str, list[SourceRow]]:
    path = DATA / name
    preview = preview_file(path, **options)  # type: ignore[arg-type]
    with open_rows(path, preview) as reader:
        rows = list(reader)
        assert reader.bytes_read == preview.size_bytes == path.stat().st_size
    return preview.encoding, rows


# --- the files people have -------------------------------------------------------------------


def test_french_excel_cp1252_semicolons() -> None:
    preview = preview_file(DATA / "excel_fr_cp1252.csv")
    assert preview.encoding == "cp1252"
    assert preview.layout.delimiter == ";"
    assert preview.layout.phone_column_name == "Téléphone portable"
    _, rows = read_all("excel_fr_cp1252.csv")
    assert tally(rows) == Tally(rows=10, imported=6, duplicates=1, invalid=2, landlines=1)
    assert rows[0] == SourceRow(
        2,
        "06 12 34 56 78",
        "Hélène Lefèvre",
        {"Prénom": "Hélène", "Nom": "Lefèvre", "Ville": "Besançon", "Note": "Abonnée depuis l’été"},
    )
    assert rows[1].extra["Note"] == "Œuvres complètes à 9,90 €"
    assert [row.line for row in rows] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 12]
    assert rows[-1].name == "Éloïse Ñúñez"


def test_outlook_export_utf8_bom_crlf() -> None:
    encoding, rows = read_all("outlook_utf8_bom_crlf.csv")
    assert encoding == "utf-8-sig"
    # every number: the other phone columns (business, home...) too, same_contact
    assert tally(rows) == Tally(rows=10, imported=5, duplicates=1, invalid=0, landlines=4)
    assert [(row.line, row.name, row.phone, row.same_contact) for row in rows[:5]] == [
        (2, "John Smith", "+33 6 11 22 33 44", False),
        (2, "John Smith", "+33 1 40 00 00 00", True),  # Business Phone
        (3, "Marie Curie", "06 98 76 54 32", False),
        (3, "Marie Curie", "01 23 45 67 89", True),
        (5, "Jean-Pierre Dubois", "+33 1 53 00 00 00", False),  # Marie's notes: two lines
    ]
    assert rows[2].extra["Notes"] == 'Line one\r\nLine two, with a comma and "quotes"'
    assert rows[0].extra["Business Phone"] == "+33 1 40 00 00 00"
    assert rows[7].name == "Wei Zhang 张伟"


def test_google_contacts_export() -> None:
    preview = preview_file(DATA / "google_contacts.csv")
    assert preview.encoding == "utf-8"
    assert preview.layout.phone_column_name == "Phone 1 - Value"
    _, rows = read_all("google_contacts.csv")
    assert tally(rows) == Tally(rows=7, imported=4, duplicates=1, invalid=1, landlines=1)
    assert [(row.line, row.name, row.phone) for row in rows] == [
        (2, "Alice Martin", "+33 6 01 02 03 04"),
        (3, "Bob Durand", "06 55 44 33 22"),  # Phone 2 is the mobile one
        (4, "Chloé Bernard", "+33 6 10 20 30 40"),  # two numbers in one cell
        (4, "Chloé Bernard", "+33 7 50 60 70 80"),
        (5, "David Petit", "+33 1 53 00 00 00"),
        (6, "Emma Roux", "06 01 02 03 04"),
        (7, "Fanny Blanc", ""),
    ]
    assert rows[2].extra["Organization 1 - Name"] == "Bernard, Fils & Cie"


def test_headerless_txt() -> None:
    preview = preview_file(DATA / "numbers_headerless.txt")
    assert (preview.layout.delimiter, preview.layout.has_header) == (None, False)
    _, rows = read_all("numbers_headerless.txt")
    assert tally(rows) == Tally(rows=10, imported=4, duplicates=2, invalid=2, landlines=2)
    assert [row.line for row in rows] == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]


@pytest.mark.parametrize("name", ["ovh_number.txt", "ovh_number.csv"])
def test_ovh_forms(name: str) -> None:
    preview = preview_file(DATA / name)
    assert preview.layout.has_header
    assert preview.layout.phone_column_name == "number"
    _, rows = read_all(name)
    assert tally(rows) == Tally(rows=3, imported=3, duplicates=0, invalid=0, landlines=0)
    assert [row.line for row in rows] == [2, 3, 4]


def test_excel_unicode_text_utf16_le_tabs() -> None:
    encoding, rows = read_all("excel_unicode_utf16le.txt")
    assert encoding == "utf-16"
    assert tally(rows) == Tally(rows=4, imported=4, duplicates=0, invalid=0, landlines=0)
    assert [row.name for row in rows] == [
        "Łukasz Kowalski",
        "Γιώργος Παπαδόπουλος",
        "伟 王",
        "Thị Ánh Nguyễn",
    ]
    assert rows[2].extra["Société"] == '北京\t"公司"'
    assert rows[3].extra["Société"] == "Hà Nội 😀"


def test_utf16_be_with_bom() -> None:
    encoding, rows = read_all("utf16be_bom.csv")
    assert encoding == "utf-16"
    assert [(row.name, row.phone) for row in rows] == [
        ("Jürgen", "06 12 34 56 78"),
        ("Ødegaard", "06 23 45 67 89"),
    ]


def test_quoted_fields_with_semicolons_and_newlines() -> None:
    _, rows = read_all("quoted_multiline.csv")
    assert tally(rows) == Tally(rows=4, imported=4, duplicates=0, invalid=0, landlines=0)
    assert [(row.line, row.name) for row in rows] == [
        (2, "Dupont; Jean"),
        (3, "Martin"),
        (6, "Durand"),
        (7, "Leroy, Anne"),
    ]
    assert rows[0].extra["Commentaire"] == 'Client fidèle; aime les "promos"'
    assert rows[1].extra["Commentaire"] == "Adresse :\n12 rue de la Paix\n75002 Paris"


def test_messy_numbers() -> None:
    _, rows = read_all("messy_numbers.csv")
    assert tally(rows) == Tally(rows=23, imported=9, duplicates=6, invalid=4, landlines=4)
    normalizer = PhoneNormalizer("FR")
    e164 = {
        row.name + str(index): normalizer.parse(row.phone).e164 for index, row in enumerate(rows)
    }
    assert e164["A0"] == e164["H7"] == e164["J9"] == e164["U21"] == "+33612345678"
    assert e164["F5"] == "+33667890123"  # "33 6 67 89 01 23": phonenumbers takes 33 as country
    assert e164["G6"] == "+33781234567"  # Excel dropped the zero
    assert (e164["K10"], e164["K11"]) == ("+33623456789", "+33798765432")
    assert e164["T20"] == "+32470123456"


@pytest.mark.parametrize(
    ("name", "delimiter", "column", "lines"),
    [
        ("sep_line.csv", ";", "Mobile", [3, 4]),
        ("pipe.txt", "|", "Cell", [2, 3]),
        ("no_header.csv", ",", "Column 3", [1, 2]),
        ("numbers_commas.txt", None, "Column 1", [1, 1, 2, 2]),
        ("mac_cr.csv", ";", "Portable", [2, 3]),
    ],
)
def test_small_forms(name: str, delimiter: str | None, column: str, lines: list[int]) -> None:
    preview = preview_file(DATA / name)
    assert preview.layout.delimiter == delimiter
    assert preview.layout.phone_column_name == column
    _, rows = read_all(name)
    assert [row.line for row in rows] == lines
    assert tally(rows).imported == len(lines)


def test_old_dos_code_page_is_left_to_charset_normalizer() -> None:
    encoding, rows = read_all("dos_cp850.csv")
    assert encoding in ("cp850", "cp437")  # the two agree on French letters
    assert [row.name for row in rows] == [
        "Frédéric Lefèvre",
        "François Château",
        "Hélène Dupré",
        "Anaïs Müller",
        "Jérôme Noël",
    ]


def test_utf8_with_a_stray_cp1252_line() -> None:
    encoding, rows = read_all("mixed_utf8_cp1252.csv")
    assert encoding == "utf-8"
    assert len(rows) == 5001
    assert rows[0].name == "Élodie0"
    assert (rows[-1].line, rows[-1].name) == (5002, "Gérard")


def test_stray_bytes_beyond_the_sample_do_not_stop_the_import(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as stream:
        stream.write("Prénom;Mobile\n".encode())
        for index in range(30_000):
            stream.write(f"Zoé{index};06{index:08d}\n".encode())
        stream.write("Gérard;0612345678\n".encode("cp1252"))
        stream.write(b"Undefined \x81 byte;0623456789\n")
    assert path.stat().st_size > SAMPLE_BYTES
    preview = preview_file(path, rows=5)
    assert preview.encoding == "utf-8"
    assert [row.line for row in preview.first_rows] == [2, 3, 4, 5, 6]
    progress: list[int] = []
    with open_rows(path, preview) as reader:
        rows = []
        for row in reader:
            rows.append(row)
            progress.append(reader.bytes_read)
    assert len(rows) == 30_002
    assert rows[-2].name == "Gérard"
    assert rows[-1].name == "Undefined \x81 byte"
    assert progress[0] < preview.size_bytes
    assert progress == sorted(progress)
    assert progress[-1] == preview.size_bytes


def test_preview_of_a_file_larger_than_its_sample_drops_a_cut_record(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    note = "x" * 2000
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Nom;Mobile;Note\n")
        for index in range(200):
            stream.write(f'N{index};06{index:08d};"{note}\n{note}"\n')
    preview = preview_file(path, rows=500)
    assert 0 < len(preview.first_rows) < 200
    assert all(row.extra["Note"] == f"{note}\n{note}" for row in preview.first_rows)


def test_phone_column_override() -> None:
    preview = preview_file(DATA / "outlook_utf8_bom_crlf.csv", phone_column="business phone")
    assert preview.layout.phone_column_name == "Business Phone"
    assert preview.first_rows[0].phone == "+33 1 40 00 00 00"
    with pytest.raises(RecipientFileError, match=r"outlook_utf8_bom_crlf\.csv: no column 'Fax'"):
        preview_file(DATA / "outlook_utf8_bom_crlf.csv", phone_column="Fax")


def test_preview_shows_the_first_rows() -> None:
    preview = preview_file(DATA / "messy_numbers.csv", rows=5)
    assert [row.phone for row in preview.first_rows] == [
        "06 12 34 56 78",
        "06.23.45.67.89",
        "06-34-56-78-90",
        "+33 (0)6 45 67 89 01",
        "0033656789012",
    ]
    assert preview.size_bytes == (DATA / "messy_numbers.csv").stat().st_size


# --- refusals ----------------------------------------------------------------------------


SAVE_AS_CSV = "save it as CSV first"
SEEN = "columns seen: Prénom, Nom, Ville, Email"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "the file is empty"),
        ("bom_only.csv", "the file is empty"),
        ("binary.csv", "this is not a text file"),
        (
            "workbook.xlsx",
            "this workbook cannot be read (damaged, or protected by a password)",
        ),
        (
            "no_phone_column.csv",
            "no phone number column found; columns seen: Prénom, Nom, Ville, Email",
        ),
    ],
)
def test_bad_files_are_refused_with_one_line(name: str, message: str) -> None:
    with pytest.raises(RecipientFileError) as raised:
        preview_file(DATA / name)
    text = str(raised.value)
    assert text == f"{DATA / name}: {message}"
    assert "\n" not in text


def test_unbalanced_quote_names_the_file_and_the_line() -> None:
    with pytest.raises(RecipientFileError) as raised:
        preview_file(DATA / "unbalanced_quote.csv")
    assert raised.value.line == 2
    assert str(raised.value).startswith(f"{DATA / 'unbalanced_quote.csv'}: ")
    assert "line 2" in str(raised.value)


def test_unbalanced_quote_beyond_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Nom;Mobile\n")
        for index in range(20_000):
            stream.write(f"N{index};06{index:08d}\n")
        stream.write('"Broken;0612345678\n')
        for index in range(200):
            stream.write(f"M{index};07{index:08d}\n")
    preview = preview_file(path)
    with pytest.raises(RecipientFileError) as raised, open_rows(path, preview) as reader:
        for _ in reader:
            pass
    assert raised.value.line == 20_002
    assert str(raised.value).startswith(f"{path}: ")


def test_missing_file() -> None:
    with pytest.raises(RecipientFileError, match=r"nowhere\.csv: file not found$"):
        preview_file(DATA / "nowhere.csv")


def test_folder() -> None:
    with pytest.raises(RecipientFileError, match=r"this is a folder, not a file$"):
        preview_file(DATA)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.csv"
    path.write_text("number\n0612345678\n")
    path.chmod(0)
    with pytest.raises(RecipientFileError, match="permission denied"):
        preview_file(path)


def test_file_removed_between_preview_and_import(tmp_path: Path) -> None:
    path = tmp_path / "gone.csv"
    path.write_text("number\n0612345678\n")
    preview = preview_file(path)
    path.unlink()
    with pytest.raises(RecipientFileError, match=r"gone\.csv: file not found$"):
        open_rows(path, preview)


# --- encoding detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbfnumber\r\n", "utf-8-sig"),
        (b"\xff\xfen\x00u\x00", "utf-16"),
        (b"\xfe\xff\x00n\x00u", "utf-16"),
        (b"\xff\xfe\x00\x00n\x00\x00\x00", "utf-32"),
        ("number\n0612345678\n".encode("utf-16-le"), "utf-16-le"),
        ("number\n0612345678\n".encode("utf-16-be"), "utf-16-be"),
        ("Prénom;Tél\n".encode(), "utf-8"),
        ("Prénom;Tél\n".encode("cp1252"), "cp1252"),
        (b"number\n0612345678\n", "utf-8"),
    ],
)
def test_detect_encoding(data: bytes, encoding: str) -> None:
    assert detect_encoding(data, complete=True) == encoding


def test_a_utf8_character_cut_at_the_end_of_the_sample_is_still_utf8() -> None:
    sample = "Prénom;Tél;Hélène".encode()[:-1]  # the é of Hélène cut in two
    assert detect_encoding(sample + "Hélène".encode()[:2], complete=False) == "utf-8"


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00\x00\xff",
        bytes(range(1, 32)) * 10,
        b"%PDF-1.7\n",
        b"\x89PNG\r\n",
        b"PK\x03\x04\x14\x00",
        b"\xd0\xcf\x11\xe0\xa1\xb1",
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(RecipientFileError, match="not a text file"):
        detect_encoding(data)


# --- pasted text -------------------------------------------------------------------------


def test_pasted_numbers() -> None:
    text = "06 12 34 56 78\n0623456789, 07 98 76 54 32\n\n+33 6 34 56 78 90\n"
    preview = preview_text(text)
    assert preview.layout.delimiter is None
    rows = list(text_rows(text, preview.layout))
    assert [(row.line, row.phone) for row in rows] == [
        (1, "06 12 34 56 78"),
        (2, "0623456789"),
        (2, "07 98 76 54 32"),
        (4, "+33 6 34 56 78 90"),
    ]
    assert preview.first_rows == rows


def test_pasted_spreadsheet_cells() -> None:
    text = "Nom\tPortable\r\nDupont\t06 12 34 56 78\r\nMartin\t06 23 45 67 89\r\n"
    preview = preview_text(text)
    assert (preview.layout.delimiter, preview.layout.phone_column_name) == ("\t", "Portable")
    assert [row.name for row in text_rows(text, preview.layout)] == ["Dupont", "Martin"]


def test_pasted_text_without_numbers() -> None:
    with pytest.raises(RecipientFileError, match="no phone number found"):
        preview_text("bonjour\n")


# --- caps: a line of 1 MiB, a cell of 64 KiB ------------------------------------------------

MIB = 1024 * 1024


def _oversized_file(path: Path, huge: int = 3 * MIB) -> Path:
    """Line 3 is longer than 1 MiB, line 5 has a 100 KiB cell; line 6 is long (4 cells of
    50 KiB, 200 KiB in all) but within both caps."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("phone;name;note\r\n")
        out.write("0612345601;Ana;a\r\n")
        out.write("0612345602;Bob;" + "x" * huge + "\r\n")
        out.write("0612345603;Chloé;c\r\n")
        out.write("0612345604;Dan;" + "y" * (100 * 1024) + "\r\n")
        out.write("0612345605;Eve;" + ";".join(["z" * 50 * 1024] * 4) + "\r\n")
        out.write("0612345606;Fred;f\r\n")
    return path


def test_too_long_line_and_cell_are_left_out_with_their_line(tmp_path: Path) -> None:
    path = _oversized_file(tmp_path / "big.csv")
    preview = preview_file(path)
    with open_rows(path, preview) as reader:
        rows = list(reader)
        refused = reader.take_refused()
    assert [row.line for row in rows] == [2, 4, 6, 7]
    assert [(r.line, r.reason) for r in refused] == [
        (3, "the line is longer than 1 MiB: left out"),
        (5, "a cell is longer than 64 KiB: the line is left out"),
    ]
    assert refused[0].value.startswith("0612345602;Bob;xxx") and len(refused[0].value) < 50
    assert max(len(v) for row in rows for v in row.extra.values()) == 50 * 1024


def test_pasted_text_has_the_same_caps() -> None:
    text = "0612345601\n" + "0" * (70 * 1024) + "\n0612345603\n"
    layout = preview_text(text).layout
    rows = text_rows(text, layout)
    assert [row.line for row in rows] == [1, 3]
    assert [(r.line, r.reason) for r in rows.take_refused()] == [
        (2, "a cell is longer than 64 KiB: the line is left out")
    ]


def test_a_50_mb_line_is_read_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "fifty.csv"
    with path.open("w", encoding="ascii", newline="") as out:
        out.write("phone;note\n0612345601;a\n0612345602;")
        block = "n" * MIB
        for _ in range(50):
            out.write(block)
        out.write("\n0612345603;c\n")
    preview = preview_file(path)
    tracemalloc.start()
    try:
        with open_rows(path, preview) as reader:
            lines = [row.line for row in reader]
            refused = reader.take_refused()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines == [2, 4] and [r.line for r in refused] == [3]
    assert peak < 8 * MIB  # a few 1 MiB pieces at a time, never the 50 MB line


@pytest.mark.parametrize("parallel", [False, True])
def test_import_reports_the_lines_left_out_and_stores_nothing_of_them(
    services, tmp_path: Path, parallel: bool
) -> None:
    from sqlalchemy import func, select

    from smsdesk.db.models import Contact
    from smsdesk.services.recipients import save_rejected_csv

    path = _oversized_file(tmp_path / "big.csv", huge=5 * MIB)
    report = services.recipients.import_file(path, list_name="big", parallel=parallel)
    assert (report.rows, report.imported, report.invalid) == (6, 4, 2)
    assert [(r.line, r.message) for r in report.rejected] == [
        (3, "the line is longer than 1 MiB: left out"),
        (5, "a cell is longer than 64 KiB: the line is left out"),
    ]
    with services.sessions() as session:
        stored = set(session.scalars(select(Contact.e164)))
        longest = session.scalar(select(func.max(func.length(Contact.extra))))
    assert stored == {"+33612345601", "+33612345603", "+33612345605", "+33612345606"}
    assert 200 * 1024 < longest < 210 * 1024  # line 6: its 4 cells, JSON-quoted

    out = tmp_path / "rejected.csv"
    assert save_rejected_csv(report.rejected, out) == 2
    assert out.stat().st_mode & 0o777 == 0o600


def test_stop_file_reports_a_line_too_long(services, tmp_path: Path) -> None:
    path = tmp_path / "stop.txt"
    path.write_text("0612345601\n" + "9" * (2 * MIB) + "\n0612345603\n", encoding="ascii")
    report = services.recipients.import_stop_file(path)
    assert report.added == 2
    assert [(r.line, r.message) for r in report.invalid] == [
        (2, "the line is longer than 1 MiB: left out")
    ]
