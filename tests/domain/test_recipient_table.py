"""Layout sniffing and row streaming over decoded text."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from smsdesk.domain.recipient_table import (
    RecipientFileError,
    SourceRow,
    TableLayout,
    iter_rows,
    looks_like_phone,
    normalize_header,
    phone_header_score,
    sniff_layout,
    whole_lines,
)


def rows_of(text: str, **options: object) -> tuple[TableLayout, list[SourceRow]]:
    layout = sniff_layout(text, **options)  # type: ignore[arg-type]
    return layout, list(iter_rows(io.StringIO(text, newline=""), layout))


# --- header names ------------------------------------------------------------------------


def test_normalize_header() -> None:
    assert normalize_header("  Téléphone (Bureau) ") == "telephone bureau"
    assert normalize_header("N° de TÉL.") == "n de tel"
    assert normalize_header("Phone 1 - Value") == "phone 1 value"


@pytest.mark.parametrize(
    ("header", "score"),
    [
        ("Mobile", 3),
        ("Mobile Phone", 3),
        ("Téléphone portable", 3),
        ("PORTABLE", 3),
        ("GSM", 3),
        ("Cell", 3),
        ("Téléphone mobile", 3),
        ("Portable pro", 3),
        ("number", 2),
        ("Phone", 2),
        ("Téléphone", 2),
        ("Tél.", 2),
        ("Numéro", 2),
        ("N° de téléphone", 2),
        ("Phone 1 - Value", 2),
        ("Primary Phone", 2),
        ("Home Phone", 1),
        ("Business Phone 2", 1),
        ("Téléphone (bureau)", 1),
        ("Tél. domicile", 1),
        ("Company Main Phone", 1),
        ("Assistant's Phone", 1),
        ("Business Fax", 0),
        ("Phone 1 - Type", 0),
        ("Numéro client", 0),
        ("Customer number", 0),
        ("Pager", 0),
        ("E-mail Address", 0),
        ("Nom", 0),
        ("", 0),
    ],
)
def test_phone_header_score(header: str, score: int) -> None:
    assert phone_header_score(header) == score


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("06 12 34 56 78", True),
        ("+33 (0)6 12 34 56 78", True),
        ("0612345678", True),
        ("612345678", True),
        ("Dupont", False),
        ("2024", False),
        ("12345678901234567890", False),
        ("06 12 34 56 78 (bureau)", False),
        ("", False),
    ],
)
def test_looks_like_phone(cell: str, expected: bool) -> None:
    assert looks_like_phone(cell) is expected


# --- delimiters and headers ----------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_each_delimiter(delimiter: str) -> None:
    text = delimiter.join(["Nom", "Prénom", "Mobile"]) + "\n"
    text += delimiter.join(["Dupont", "Jean", "06 12 34 56 78"]) + "\n"
    text += delimiter.join(["Martin", "Anne", "06 23 45 67 89"]) + "\n"
    layout, rows = rows_of(text)
    assert layout.delimiter == delimiter
    assert layout.has_header
    assert layout.columns == ("Nom", "Prénom", "Mobile")
    assert layout.phone_column == 2
    assert layout.name_columns == (1, 0)  # first name, then last name
    assert rows == [
        SourceRow(2, "06 12 34 56 78", "Jean Dupont", {"Nom": "Dupont", "Prénom": "Jean"}),
        SourceRow(3, "06 23 45 67 89", "Anne Martin", {"Nom": "Martin", "Prénom": "Anne"}),
    ]


def test_semicolon_file_with_commas_in_values() -> None:
    text = (
        "Nom;Ville;Portable\r\n"
        "Dupont, Jean;Paris, France;0612345678\r\n"
        "Leroy;Lyon, France;0623456789\r\n"
        "Martin, Anne;Nice;0634567890\r\n"
    )
    layout, rows = rows_of(text)
    assert layout.delimiter == ";"
    assert [row.name for row in rows] == ["Dupont, Jean", "Leroy", "Martin, Anne"]


def test_comma_file_whose_values_hold_semicolons_in_quotes() -> None:
    text = 'name,phone,note\n"Doe; John",0612345678,"a; b; c"\nRoe,0623456789,x\n'
    layout, rows = rows_of(text)
    assert layout.delimiter == ","
    assert [(row.name, row.phone) for row in rows] == [
        ("Doe; John", "0612345678"),
        ("Roe", "0623456789"),
    ]


def test_headerless_table_finds_the_phone_column_by_content() -> None:
    text = "Dupont;Jean;2024-01-05;06 12 34 56 78\nMartin;Anne;2023-12-31;+33 6 23 45 67 89\n"
    layout, rows = rows_of(text)
    assert not layout.has_header
    assert layout.columns == ("Column 1", "Column 2", "Column 3", "Column 4")
    assert layout.phone_column == 3
    assert layout.name_columns == ()
    assert rows[0] == SourceRow(
        1,
        "06 12 34 56 78",
        "",
        {"Column 1": "Dupont", "Column 2": "Jean", "Column 3": "2024-01-05"},
    )


def test_unnamed_header_is_recognised_by_content_below_it() -> None:
    text = "A;B\nDupont;0612345678\nMartin;0623456789\nDurand;0634567890\n"
    layout, rows = rows_of(text)
    assert layout.has_header
    assert layout.phone_column == 1
    assert [row.line for row in rows] == [2, 3, 4]


def test_content_prefers_valid_numbers_over_digit_columns() -> None:
    text = "Ref;Tel\n20240105;0612345678\n20240106;0623456789\n"
    assert sniff_layout(text).phone_column == 1
    text = "12345678;0612345678\n23456789;0623456789\n"  # no header: content only
    assert sniff_layout(text).phone_column == 1


def test_mobile_column_wins_over_home_and_business() -> None:
    text = (
        "Name,Home Phone,Business Phone,Mobile Phone\n"
        "Ann,01 23 45 67 89,01 40 00 00 00,06 12 34 56 78\n"
    )
    assert sniff_layout(text).phone_column == 3


def test_an_empty_mobile_column_gives_way_to_a_filled_phone_column() -> None:
    text = "Name,Business Phone,Mobile Phone\nAnn,01 40 00 00 00,\nBob,01 40 00 00 01,\n"
    assert sniff_layout(text).phone_column == 1


def test_duplicate_and_blank_header_names_are_made_unique() -> None:
    layout = sniff_layout("Tel;Tel;;Nom\n0612345678;0623456789;x;Dupont\n")
    assert layout.columns == ("Tel", "Tel (2)", "Column 3", "Nom")
    assert layout.phone_column == 0


def test_excel_sep_line() -> None:
    layout, rows = rows_of("sep=|\r\nNom|Mobile\r\nDupont|0612345678\r\n")
    assert layout.delimiter == "|"
    assert layout.skip_lines == 1
    assert rows == [SourceRow(3, "0612345678", "Dupont", {"Nom": "Dupont"})]


# --- one number a line ---------------------------------------------------------------------


def test_numbers_one_a_line() -> None:
    layout, rows = rows_of('0612345678\n\n06 23 45 67 89\n"+33 6 34 56 78 90"\n')
    assert layout == TableLayout(None, False, ("Column 1",), 0)
    assert [(row.line, row.phone) for row in rows] == [
        (1, "0612345678"),
        (3, "06 23 45 67 89"),
        (4, "+33 6 34 56 78 90"),
    ]


def test_ovh_txt_with_number_header() -> None:
    layout, rows = rows_of("number\r\n+33612345678\r\n+33623456789\r\n")
    assert layout == TableLayout(None, True, ("number",), 0)
    assert [(row.line, row.phone) for row in rows] == [(2, "+33612345678"), (3, "+33623456789")]


def test_several_numbers_a_line_are_one_list_not_columns() -> None:
    layout, rows = rows_of("0612345678, 0623456789\n0634567890,0645678901, 0656789012\n")
    assert layout.delimiter is None
    assert [(row.line, row.phone) for row in rows] == [
        (1, "0612345678"),
        (1, "0623456789"),
        (2, "0634567890"),
        (2, "0645678901"),
        (2, "0656789012"),
    ]


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "name_columns"),
    [
        ("Name,Given Name,Family Name,Phone 1 - Value", (0,)),  # Google: the full name
        ("First Name,Middle Name,Last Name,Mobile Phone", (0, 2)),  # Outlook
        ("Nom;Prénom;Portable", (1, 0)),
        ("Nom;Portable", (0,)),
        ("Nom complet;Prénom;GSM", (0,)),
        ("Société;Portable", ()),
    ],
)
def test_name_columns(header: str, name_columns: tuple[int, ...]) -> None:
    delimiter = ";" if ";" in header else ","
    row = delimiter.join(["x"] * (header.count(delimiter)) + ["0612345678"])
    assert sniff_layout(f"{header}\n{row}\n").name_columns == name_columns


# --- Google typed phone columns --------------------------------------------------------------


def test_google_rows_take_the_phone_typed_mobile() -> None:
    text = (
        "Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n"
        "Ann,Mobile,06 12 34 56 78,,\n"
        "Bob,Home,01 23 45 67 89,* Mobile,06 23 45 67 89\n"
        "Cid,Work,01 40 00 00 00,,\n"
        "Dan,Mobile,+33 6 34 56 78 90 ::: +33 7 45 67 89 01,,\n"
    )
    layout, rows = rows_of(text)
    assert layout.phone_column == 2
    assert layout.typed_phone_columns == ((2, 1), (4, 3))
    assert [(row.line, row.name, row.phone) for row in rows] == [
        (2, "Ann", "06 12 34 56 78"),
        (3, "Bob", "06 23 45 67 89"),
        (4, "Cid", "01 40 00 00 00"),
        (5, "Dan", "+33 6 34 56 78 90"),
        (5, "Dan", "+33 7 45 67 89 01"),
    ]


def test_choosing_a_column_turns_typed_columns_off() -> None:
    text = "Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\nA,Home,1,Mobile,2\n"
    layout = sniff_layout(text, phone_column="Phone 2 - Value")
    assert (layout.phone_column, layout.typed_phone_columns) == (4, ())


# --- the user's choice of column ---------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "index"),
    [("Fixe", 1), ("fixe", 1), ("FIXE", 1), (1, 1), ("2", 1), ("Télephone Portable", 2), (0, 0)],
)
def test_phone_column_override(choice: str | int, index: int) -> None:
    text = "Nom;Fixe;Téléphone portable\nDupont;0123456789;0612345678\n"
    assert sniff_layout(text, phone_column=choice).phone_column == index


@pytest.mark.parametrize("choice", ["Fax", 3, -1, "4"])
def test_unknown_override_lists_the_columns(choice: str | int) -> None:
    with pytest.raises(RecipientFileError, match="columns seen: Nom, Fixe, Mobile"):
        sniff_layout("Nom;Fixe;Mobile\nDupont;0123456789;0612345678\n", phone_column=choice)


# --- refusals --------------------------------------------------------------------------------


def test_no_phone_column_lists_the_columns_seen() -> None:
    text = "Prénom;Nom;Ville\nJean;Dupont;Paris\nAnne;Leroy;Lyon\n"
    with pytest.raises(RecipientFileError) as raised:
        sniff_layout(text)
    assert str(raised.value) == "no phone number column found; columns seen: Prénom, Nom, Ville"


def test_many_columns_are_listed_briefly() -> None:
    header = ";".join(f"C{index}" for index in range(40))
    with pytest.raises(RecipientFileError, match=r"C24, and 15 more$"):
        sniff_layout(header + "\n" + ";".join("x" * 40) + "\n")
    with pytest.raises(RecipientFileError, match=r"columns seen: Ref, Client, Ville$"):
        sniff_layout("Ref;Client;Ville\nA12;ACME;Paris\n")


@pytest.mark.parametrize("text", ["number\n", "Nom;Mobile\r\n\r\n"])
def test_header_without_rows(text: str) -> None:
    with pytest.raises(RecipientFileError, match="no row under the header"):
        sniff_layout(text)


def test_text_without_numbers_is_refused() -> None:
    with pytest.raises(RecipientFileError, match="no phone number found"):
        sniff_layout("hello\nworld\n")


@pytest.mark.parametrize("text", ["", "\n\r\n  \n", "\ufeff", "sep=;\n"])
def test_no_row(text: str) -> None:
    with pytest.raises(RecipientFileError, match="no row"):
        sniff_layout(text)


# --- streaming ------------------------------------------------------------------------------


def test_quoted_fields_embedded_newlines_and_crlf_keep_physical_lines() -> None:
    text = (
        '"Nom";"Téléphone";"Note"\r\n'
        '"Dupont; Jean";"06 12 34 56 78";"dit ""Jeannot"""\r\n'
        '"Martin";"06 23 45 67 89";"12 rue de la Paix\r\n75002 Paris\r\nFrance"\r\n'
        "\r\n"
        ";;\r\n"
        '"Leroy";"0634567890";"fin"\r\n'
    )
    layout, rows = rows_of(text)
    assert layout.delimiter == ";"
    assert [(row.line, row.name, row.phone) for row in rows] == [
        (2, "Dupont; Jean", "06 12 34 56 78"),
        (3, "Martin", "06 23 45 67 89"),
        (8, "Leroy", "0634567890"),
    ]
    assert rows[0].extra["Note"] == 'dit "Jeannot"'
    assert rows[1].extra["Note"] == "12 rue de la Paix\r\n75002 Paris\r\nFrance"


def test_short_and_long_records() -> None:
    text = "Nom;Mobile;Ville\nDupont;0612345678\nMartin;0623456789;Lyon;extra cell\nDurand\n"
    _, rows = rows_of(text)
    assert rows == [
        SourceRow(2, "0612345678", "Dupont", {"Nom": "Dupont"}),
        SourceRow(
            3, "0623456789", "Martin", {"Nom": "Martin", "Ville": "Lyon", "Column 4": "extra cell"}
        ),
        SourceRow(4, "", "Durand", {"Nom": "Durand"}),
    ]


def test_a_byte_order_mark_left_in_the_text_is_ignored() -> None:
    layout, rows = rows_of("\ufeffnumber;name\n0612345678;Ann\n")
    assert layout.columns == ("number", "name")
    assert rows == [SourceRow(2, "0612345678", "Ann", {"name": "Ann"})]


def test_unbalanced_quote_is_reported_with_its_line() -> None:
    text = 'Nom;Mobile\nDupont;0612345678\n"Martin;0623456789\n' + "x;0634567890\n" * 150
    layout = sniff_layout(text.split("\n", 3)[0] + "\nDupont;0612345678\n")
    with pytest.raises(RecipientFileError, match="line 3 never ends") as raised:
        list(iter_rows(io.StringIO(text, newline=""), layout))
    assert raised.value.line == 3


def test_unbalanced_quote_over_long_lines_is_reported_with_its_line() -> None:
    text = 'Nom;Mobile\nDupont;0612345678\n"Martin;0623456789\n' + ("x" * 80_000 + "\n") * 3
    layout = sniff_layout("Nom;Mobile\nDupont;0612345678\n")
    with pytest.raises(RecipientFileError, match="starting on line 3 never ends") as raised:
        list(iter_rows(io.StringIO(text, newline=""), layout))
    assert raised.value.line == 3


def test_rows_stream_without_reading_everything() -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        yield "Nom;Mobile\n"
        while True:
            consumed += 1
            yield f"Client {consumed};06{consumed:08d}\n"

    layout = sniff_layout("Nom;Mobile\nClient;0612345678\n")
    rows = iter_rows(endless(), layout)
    first = [next(rows) for _ in range(3)]
    assert [row.line for row in first] == [2, 3, 4]
    assert first[2] == SourceRow(4, "0600000003", "Client 3", {"Nom": "Client 3"})
    assert consumed <= 4


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_sample_cut_in_the_middle_of_a_line(newline: str) -> None:
    text = newline.join(["Nom;Mobile", "Dupont;0612345678", "Martin;0623456789", "Durand;06"])
    layout = sniff_layout(text, complete=False)
    assert layout.delimiter == ";"
    assert layout.phone_column == 1
    assert whole_lines(text) == text[: text.rindex("Durand")]
