"""Workbooks and vCards through `contacts import --json`: exact counts, one person one
message, --all-numbers, --sheet; what the rows hold (numbers stored as numbers, dates,
formulas, TEL types, quoted-printable names). Files: tests/data/recipients/make_files.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from smsdesk.app import build_services
from smsdesk.cli import main
from smsdesk.services.recipient_files import (
    CARD_TOO_LONG,
    CELL_TOO_LONG,
    open_rows,
    preview_file,
)

DATA = Path(__file__).resolve().parent / "data" / "recipients"

# file: (contacts, numbers, rows, imported, duplicates, invalid, landlines) by default
# (one person, one message), then the same with --all-numbers
EXPECTED: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    # 8 people, 8 numbers: 612345678 and 33623456789.0 are numbers in the sheet; the
    # landline 142685300, an unallocated 639981234, Noël's repeat of Hélène, an empty one
    "contacts_second_sheet.xlsx": ((8, 8, 8, 4, 1, 2, 1), (8, 8, 8, 4, 1, 2, 1)),
    "contacts.xls": ((8, 8, 8, 4, 1, 2, 1), (8, 8, 8, 4, 1, 2, 1)),
    # Hélène's two mobiles on two lines of one cell: one message, or two
    "contacts_multiline.ods": ((4, 5, 4, 3, 0, 0, 1), (4, 5, 5, 4, 0, 0, 1)),
    # Hélène: cell + home; François: work + 2 cells; the plumber: work only; no number
    "android_21.vcf": ((4, 7, 4, 2, 0, 1, 1), (4, 7, 7, 3, 0, 1, 3)),
    # Zoé: two mobiles; Agnès' number is unallocated
    "google_30.vcf": ((4, 5, 4, 3, 0, 1, 0), (4, 5, 5, 4, 0, 1, 0)),
    # each: a mobile and a landline
    "phone_40.vcf": ((2, 4, 2, 2, 0, 0, 0), (2, 4, 4, 2, 0, 0, 2)),
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def import_json(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "--db", db_url, "contacts", "import", *argv, "--json")
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    parts = ("imported", "duplicates", "invalid", "landlines", "stopped")
    assert sum(data[key] for key in parts) == data["rows"]
    assert data["numbers"] == data["rows"] + data["set_aside"]
    return data


def counts(data: dict[str, Any]) -> tuple[int, ...]:
    keys = ("contacts", "numbers", "rows", "imported", "duplicates", "invalid", "landlines")
    return tuple(data[key] for key in keys)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_imports_with_exact_counts(capsys, db_url, name):
    one, every = EXPECTED[name]
    assert counts(import_json(capsys, db_url, str(DATA / name), "--list", "one")) == one
    data = import_json(capsys, db_url, str(DATA / name), "--list", "all", "--all-numbers")
    assert counts(data) == every
    assert data["set_aside"] == 0


def test_the_list_is_found_on_the_second_sheet_and_numbers_read_as_numbers(capsys, db_url):
    data = import_json(capsys, db_url, str(DATA / "contacts_second_sheet.xlsx"))
    assert data["errors"] == [
        {"line": 5, "value": "142685300", "reason": "landline"},
        {"line": 6, "value": "639981234", "reason": "invalid number: unallocated range"},
        {"line": 7, "value": "06 12 34 56 78", "reason": "duplicate of line 2"},
        {"line": 8, "value": "", "reason": "invalid number: empty"},
    ]
    services = build_services(db_url)
    try:
        page = services.recipients.contacts_page(data["list_id"])
    finally:
        services.close()
    by_number = {row.e164: row for row in page}
    assert sorted(by_number) == ["+33612345678", "+33623456789", "+33634567890", "+33781234567"]
    helene = by_number["+33612345678"]
    assert helene.name == "Hélène Lefèvre"
    # a date as its ISO text, a formula as its cached value
    assert helene.extra == {
        "Prénom": "Hélène",
        "Nom": "Lefèvre",
        "Inscription": "2024-03-01",
        "Total": "3",
        "Ville": "Besançon",
    }


def test_sheet_by_name(capsys, db_url):
    path = str(DATA / "contacts_second_sheet.xlsx")
    code, _, err = run(capsys, "--db", db_url, "contacts", "import", path, "--sheet", "Notes")
    assert code == 1
    assert err.startswith(f"smsdesk: error: {path}: sheet 'Notes': ")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "--db", db_url, "contacts", "import", path, "--sheet", "Nope")
    assert (code, err) == (
        1,
        f"smsdesk: error: {path}: no sheet 'Nope'; sheets: Notes, Adhérents\n",
    )
    data = import_json(capsys, db_url, path, "--sheet", "Adhérents")
    assert data["imported"] == 4


def test_preview_of_a_workbook_names_its_sheets():
    preview = preview_file(DATA / "contacts_second_sheet.xlsx")
    assert (preview.kind, preview.sheet, preview.sheets) == (
        "workbook",
        "Adhérents",
        ("Notes", "Adhérents"),
    )
    assert preview.layout.phone_column_name == "Mobile"
    assert [row.phone for row in preview.first_rows[:2]] == ["612345678", "33623456789"]
    ods = preview_file(DATA / "contacts_multiline.ods")
    assert (ods.sheet, ods.sheets) == ("Contacts", ("Feuille1", "Contacts"))
    assert ods.first_rows[2].extra["Note"] == "appeler le soir\nou le samedi\nmerci"


def test_vcards_keep_each_numbers_type_and_the_name():
    rows = list(_rows("android_21.vcf"))
    assert [(row.line, row.name, row.phone, row.extra.get("Phone type")) for row in rows] == [
        (1, "Hélène Lefèvre de la Tour d'Auvergne", "06 12 34 56 78", "cell"),  # QP, soft break
        (1, "Hélène Lefèvre de la Tour d'Auvergne", "01 42 68 53 00", "home"),
        (9, "François Château", "01 40 00 00 00", "work"),
        (9, "François Château", "+33623456789", "cell"),
        (9, "François Château", "07 81 23 45 67", "cell"),
        (20, "Plombier", "01 43 21 00 00", "work"),
        (26, "Sans numéro", "", None),
    ]
    assert [row.same_contact for row in rows] == [False, True, False, True, True, False, False]
    assert rows[0].extra["First name"] == "Hélène"
    google = list(_rows("google_30.vcf"))
    assert google[0].extra == {
        "Name": "Zoé Bœuf",
        "First name": "Zoé",
        "Last name": "Bœuf",
        "Phone type": "cell",
        "E-mail": "zoe@example.org",
        "Company": "Bœuf & Fils",
    }
    phone = list(_rows("phone_40.vcf"))
    assert [(row.phone, row.extra["Phone type"]) for row in phone] == [
        ("+33-6-56-78-90-12", "cell"),
        ("+33-1-42-68-53-00", "home"),
        ("+33 1 40 00 00 00", "work"),
        ("+33 7 81 23 45 67", "cell"),
    ]


def _rows(name: str) -> list[Any]:
    path = DATA / name
    with open_rows(path, preview_file(path)) as reader:
        return list(reader)


def test_a_card_or_a_cell_over_the_limits_is_left_out_with_its_line(tmp_path, capsys, db_url):
    cards = [
        "BEGIN:VCARD\nVERSION:3.0\nFN:Anne\nTEL;TYPE=CELL:0612345678\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:" + "x" * 70_000 + "\nTEL:0698765432\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Big\nNOTE:" + "y" * 1_100_000 + "\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Paul\nTEL;TYPE=CELL:0623456789\nEND:VCARD\n",
    ]
    path = tmp_path / "big.vcf"
    path.write_text("".join(cards), encoding="utf-8")
    data = import_json(capsys, db_url, str(path))
    assert (data["rows"], data["imported"], data["invalid"]) == (4, 2, 2)
    assert [(error["line"], error["reason"]) for error in data["errors"]] == [
        (6, CELL_TOO_LONG),
        (11, CARD_TOO_LONG),
    ]


def test_an_ods_cell_over_64_kib_is_left_out_with_its_line(tmp_path, capsys, db_url):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Liste")
    for values in (["Nom", "Mobile"], ["Anne", "0612345678"], ["z" * 70_000, "0698765432"]):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "long.ods"
    document.save(str(path))
    data = import_json(capsys, db_url, str(path))
    assert (data["rows"], data["imported"]) == (2, 1)
    assert [(error["line"], error["reason"]) for error in data["errors"]] == [(3, CELL_TOO_LONG)]
