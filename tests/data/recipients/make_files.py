"""Builds the recipient files of tests/services/test_recipient_files.py, byte for byte.

Run once from the repository root (`python tests/data/recipients/make_files.py`); the
outputs are committed next to this script. Each file reproduces one way people really
export a list: French Excel (cp1252, `;`, CRLF), Outlook (UTF-8 BOM, CRLF, every field
quoted), Google Contacts (typed phone columns, ` ::: `), Excel "Unicode text" (UTF-16 LE
with BOM, tabs), OVH's own forms, plain TXT, messy numbers, and files that must be refused.
The expected counts live in the tests.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def columns(text: str) -> list[str]:
    return text.split(",")


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def lines(rows: list[str], newline: str) -> str:
    return "".join(row + newline for row in rows)


def excel_fr_cp1252() -> None:
    """Excel "CSV (séparateur: point-virgule)" on a French Windows: cp1252, `;`, CRLF."""
    rows = [
        "Prénom;Nom;Téléphone portable;Ville;Note",
        "Hélène;Lefèvre;06 12 34 56 78;Besançon;Abonnée depuis l’été",
        "François;Château;06.23.45.67.89;Orléans;Œuvres complètes à 9,90 €",
        "Zoé;Bœuf;+33 (0)6 34 56 78 90;Saint-Étienne;",
        "Jérôme;Dupré;0033645678901;Nîmes;",
        "Anaïs;Müller;656789012;Besançon;zéro perdu par Excel",
        "Cécile;Garçon;01 42 68 53 00;Paris;fixe",
        "Noël;Lemaître;06-12-34-56-78;Évry;doublon d’Hélène",
        "Agnès;Cœur;06 39 98 12 34;Sète;tranche non attribuée",
        "Renée;Façade;;Créteil;pas de numéro",
        ";;;;",
        "Éloïse;Ñúñez;07 81 23 45 67;Colmar;«\xa0VIP\xa0»",
    ]
    write("excel_fr_cp1252.csv", lines(rows, "\r\n").encode("cp1252"))


OUTLOOK_HEADER = columns(
    "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,"
    "E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,"
    "Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,"
    "Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,"
    "TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,"
    "Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,"
    "Business State,Business Postal Code,Business Country/Region,Home Street,Home City,"
    "Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,"
    "Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,"
    "Location,Web Page,Birthday,Anniversary,Notes"
)


def outlook_row(**values: str) -> str:
    cells = [values.get(column, "") for column in OUTLOOK_HEADER]
    return ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)


def outlook_utf8_bom_crlf() -> None:
    """Outlook "Export to a file > CSV": UTF-8 with BOM, CRLF, every field quoted."""
    rows = [
        ",".join('"' + column + '"' for column in OUTLOOK_HEADER),
        outlook_row(
            **{
                "First Name": "John",
                "Last Name": "Smith",
                "Mobile Phone": "+33 6 11 22 33 44",
                "Business Phone": "+33 1 40 00 00 00",
                "E-mail Address": "john.smith@example.com",
            }
        ),
        outlook_row(
            **{
                "First Name": "Marie",
                "Last Name": "Curie",
                "Mobile Phone": "06 98 76 54 32",
                "Home Phone": "01 23 45 67 89",
                "Notes": 'Line one\r\nLine two, with a comma and "quotes"',
            }
        ),
        outlook_row(
            **{
                "First Name": "Jean-Pierre",
                "Last Name": "Dubois",
                "Business Phone": "+33 1 53 00 00 00",
            }
        ),
        outlook_row(
            **{"First Name": "Zoë", "Last Name": "O'Brien", "Mobile Phone": "+44 7911 123456"}
        ),
        outlook_row(
            **{"First Name": "Ana", "Last Name": "García", "Mobile Phone": "(06) 77 88 99 00"}
        ),
        outlook_row(
            **{"First Name": "Wei", "Last Name": "Zhang 张伟", "Mobile Phone": "+33 7 55 66 77 88"}
        ),
        outlook_row(
            **{"First Name": "Johnny", "Last Name": "Smith", "Mobile Phone": "06 11 22 33 44"}
        ),
        outlook_row(
            **{"First Name": "Box", "Last Name": "Internet", "Mobile Phone": "+33 9 72 10 20 30"}
        ),
    ]
    write("outlook_utf8_bom_crlf.csv", b"\xef\xbb\xbf" + lines(rows, "\r\n").encode("utf-8"))


GOOGLE_HEADER = columns(
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
    "Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
    "Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,"
    "Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Phone 2 - Type,Phone 2 - Value,Organization 1 - Type,Organization 1 - Name,"
    "Organization 1 - Title"
)


def google_row(**values: str) -> str:
    cells = [values.get(column, "") for column in GOOGLE_HEADER]
    return ",".join(
        '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n') else cell
        for cell in cells
    )


def google_contacts() -> None:
    """Google Contacts "Google CSV": UTF-8 without BOM, typed phone columns, ` ::: `."""
    group = "* myContacts ::: Clients"
    rows = [
        ",".join(GOOGLE_HEADER),
        google_row(
            **{
                "Name": "Alice Martin",
                "Given Name": "Alice",
                "Family Name": "Martin",
                "Group Membership": group,
                "Phone 1 - Type": "Mobile",
                "Phone 1 - Value": "+33 6 01 02 03 04",
            }
        ),
        google_row(
            **{
                "Name": "Bob Durand",
                "Given Name": "Bob",
                "Family Name": "Durand",
                "Group Membership": group,
                "Phone 1 - Type": "Home",
                "Phone 1 - Value": "01 45 67 89 10",
                "Phone 2 - Type": "Mobile",
                "Phone 2 - Value": "06 55 44 33 22",
            }
        ),
        google_row(
            **{
                "Name": "Chloé Bernard",
                "Given Name": "Chloé",
                "Family Name": "Bernard",
                "Group Membership": "* myContacts",
                "Phone 1 - Type": "* Mobile",
                "Phone 1 - Value": "+33 6 10 20 30 40 ::: +33 7 50 60 70 80",
                "Organization 1 - Name": "Bernard, Fils & Cie",
            }
        ),
        google_row(
            **{
                "Name": "David Petit",
                "Given Name": "David",
                "Family Name": "Petit",
                "Group Membership": group,
                "Phone 1 - Type": "Work",
                "Phone 1 - Value": "+33 1 53 00 00 00",
            }
        ),
        google_row(
            **{
                "Name": "Emma Roux",
                "Given Name": "Emma",
                "Family Name": "Roux",
                "Group Membership": group,
                "Phone 1 - Type": "Mobile",
                "Phone 1 - Value": "06 01 02 03 04",
            }
        ),
        google_row(
            **{
                "Name": "Fanny Blanc",
                "Given Name": "Fanny",
                "Family Name": "Blanc",
                "Group Membership": group,
                "E-mail 1 - Type": "* Home",
                "E-mail 1 - Value": "fanny@example.org",
            }
        ),
    ]
    write("google_contacts.csv", lines(rows, "\n").encode("utf-8"))


def numbers_headerless_txt() -> None:
    rows = [
        "0612345678",
        "06 23 45 67 89",
        "+33 6 34 56 78 90",
        "",
        "0033645678901",
        "612345678",
        "06.12.34.56.78",
        "01 23 45 67 89",
        "0912345678",
        "12345",
        "hello",
    ]
    write("numbers_headerless.txt", lines(rows, "\n").encode("ascii"))


def ovh_forms() -> None:
    """OVH's TXT (`number` on line 1) and CSV (`number` column, `;`)."""
    txt = ["number", "+33612345678", "+33623456789", "0033634567890"]
    write("ovh_number.txt", lines(txt, "\n").encode("ascii"))
    csv_rows = ["number;name", "+33612345678;Alice", "+33623456789;Bob", "0033634567890;Chloé"]
    write("ovh_number.csv", lines(csv_rows, "\r\n").encode("utf-8"))


def excel_unicode_text() -> None:
    """Excel "Texte Unicode": UTF-16 LE with BOM, tab separated, CRLF."""
    rows = [
        "Nom\tPrénom\tMobile\tSociété",
        "Kowalski\tŁukasz\t06 12 34 56 78\tŻabka",
        "Παπαδόπουλος\tΓιώργος\t+30 691 234 5678\tΑθήνα",
        '王\t伟\t+86 139 1234 5678\t"北京\t""公司"""',
        "Nguyễn\tThị Ánh\t07 81 23 45 67\tHà Nội 😀",
    ]
    write("excel_unicode_utf16le.txt", b"\xff\xfe" + lines(rows, "\r\n").encode("utf-16-le"))
    be_rows = ["name,phone", "Jürgen,06 12 34 56 78", "Ødegaard,06 23 45 67 89"]
    write("utf16be_bom.csv", b"\xfe\xff" + lines(be_rows, "\n").encode("utf-16-be"))


def quoted_multiline() -> None:
    rows = [
        '"Nom";"Téléphone";"Commentaire"',
        '"Dupont; Jean";"06 12 34 56 78";"Client fidèle; aime les ""promos"""',
        '"Martin";"06 23 45 67 89";"Adresse :\n12 rue de la Paix\n75002 Paris"',
        '"Durand";"06 34 56 78 90";""',
        '"Leroy, Anne";"0645678901";"ligne 1\nligne 2"',
    ]
    write("quoted_multiline.csv", lines(rows, "\n").encode("utf-8"))


def messy_numbers() -> None:
    rows = [
        "name,phone",
        "A,06 12 34 56 78",
        "B,06.23.45.67.89",
        "C,06-34-56-78-90",
        "D,+33 (0)6 45 67 89 01",
        "E,0033656789012",
        "F,33 6 67 89 01 23",
        "G,781234567",
        "H,+33612345678",
        "I,0612345678",
        "J,6 12 34 56 78",
        'K,"06 23 45 67 89 / 07 98 76 54 32"',
        "L,01 42 68 53 00",
        "M,04 78 12 34 56",
        "N,09 72 10 20 30",
        "O,08 00 12 34 56",
        "P,06 39 98 12 34",
        "Q,0612",
        "R,n/a",
        "S,",
        "T,+32 470 12 34 56",
        "U,＋３３ ６ １２ ３４ ５６ ７８",
        "V,  +33 7 98 76 54 32  ",
    ]
    write("messy_numbers.csv", lines(rows, "\n").encode("utf-8"))


def small_forms() -> None:
    write(
        "sep_line.csv",
        lines(["sep=;", "Nom;Mobile", "Dupont;0612345678", "Martin;06 23 45 67 89"], "\r\n").encode(
            "cp1252"
        ),
    )
    write(
        "pipe.txt",
        lines(["Name|Cell", "Ann|06 12 34 56 78", "Ben|+33 6 23 45 67 89"], "\n").encode("utf-8"),
    )
    write(
        "no_header.csv",
        lines(["Dupont,Jean,06 12 34 56 78", "Martin,Paul,+33 6 23 45 67 89"], "\n").encode(
            "utf-8"
        ),
    )
    write(
        "numbers_commas.txt",
        lines(["0612345678, 0623456789", "0634567890; 0645678901"], "\n").encode("utf-8"),
    )
    write(
        "mac_cr.csv",
        lines(["Nom;Portable", "Dupont;0612345678", "Martin;0623456789"], "\r").encode("cp1252"),
    )


def utf8_with_stray_cp1252() -> None:
    """A UTF-8 export concatenated with a cp1252 one: UTF-8 accents on every line, then
    one cp1252 line at the end (the test for stray bytes beyond the detection sample
    builds its own, larger file)."""
    body = ["Prénom;Mobile"]
    body += [f"Élodie{index};06{index:08d}" for index in range(5000)]
    data = lines(body, "\n").encode("utf-8")
    data += "Gérard;0612345678\n".encode("cp1252")
    write("mixed_utf8_cp1252.csv", data)


def dos_cp850() -> None:
    """An export from an old DOS program: code page 850, which cp1252 would garble."""
    rows = [
        "Prénom;Nom;Portable",
        "Frédéric;Lefèvre;06 12 34 56 78",
        "François;Château;06 23 45 67 89",
        "Hélène;Dupré;06 34 56 78 90",
        "Anaïs;Müller;06 45 67 89 01",
        "Jérôme;Noël;06 56 78 90 12",
    ]
    write("dos_cp850.csv", lines(rows, "\r\n").encode("cp850"))


def refused() -> None:
    write("empty.csv", b"")
    write("bom_only.csv", b"\xef\xbb\xbf\r\n\r\n")
    write(
        "no_phone_column.csv",
        lines(
            [
                "Prénom;Nom;Ville;Email",
                "Jean;Dupont;Paris;jean@example.org",
                "Anne;Leroy;Lyon;anne@example.org",
            ],
            "\r\n",
        ).encode("utf-8"),
    )
    rng = random.Random(7)
    junk = bytearray(rng.randbytes(4096))
    for index in range(0, len(junk), 37):
        junk[index] = 0
    write("binary.csv", bytes(junk))
    workbook = HERE / "workbook.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        info = zipfile.ZipInfo("xl/workbook.xml", date_time=(2024, 1, 1, 0, 0, 0))
        archive.writestr(info, "<workbook/>")
    unbalanced = ["Nom;Mobile", '"Dupont;0612345678']
    unbalanced += [f"Martin{index};06{index:08d}" for index in range(150)]
    write("unbalanced_quote.csv", lines(unbalanced, "\n").encode("utf-8"))


# --- workbooks and vCards (writers: the dev dependencies xlsxwriter, xlwt, odfpy) --------

WORKBOOK_HEADER = ["Prénom", "Nom", "Mobile", "Inscription", "Total", "Ville"]
# numbers stored as numbers (612345678: the zero Excel drops; 33612345678.0), as text,
# a landline, an unallocated range, a date and a formula's cached value
WORKBOOK_ROWS: list[list[object]] = [
    ["Hélène", "Lefèvre", 612345678, "2024-03-01", 3, "Besançon"],
    ["François", "Château", 33623456789.0, "2024-03-02", 4, "Orléans"],
    ["Zoé", "Bœuf", "+33 6 34 56 78 90", "2024-03-03", 5, "Saint-Étienne"],
    ["Cécile", "Garçon", 142685300, "2024-03-04", 6, "Paris"],
    ["Agnès", "Cœur", 639981234, "2024-03-05", 7, "Sète"],
    ["Noël", "Lemaître", "06 12 34 56 78", "2024-03-06", 8, "Évry"],
    ["Renée", "Façade", None, "2024-03-07", 9, "Créteil"],
    ["Éloïse", "Núñez", 781234567.0, "2024-03-08", 10, "Colmar"],
]


def xlsx_second_sheet() -> None:
    """Excel: a notes sheet first, the list on the second sheet, numbers as numbers,
    dates as dates and a formula (its cached value written as Excel would)."""
    import datetime as dt

    import xlsxwriter

    path = HERE / "contacts_second_sheet.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": dt.datetime(2024, 3, 1, 9, 0, 0)})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    notes = book.add_worksheet("Notes")
    notes.write(0, 0, "Liste des adhérents, mise à jour le 1er mars")
    notes.write(1, 0, "Contact : secrétariat, 01 42 68 53 00")
    sheet = book.add_worksheet("Adhérents")
    sheet.write_row(0, 0, WORKBOOK_HEADER)
    for index, row in enumerate(WORKBOOK_ROWS, start=1):
        first, last, number, joined, total, city = row
        sheet.write(index, 0, first)
        sheet.write(index, 1, last)
        if number is not None:
            sheet.write(index, 2, number)
        sheet.write_datetime(index, 3, dt.datetime.fromisoformat(str(joined)), dates)
        sheet.write_formula(index, 4, f"={total}-1+1", None, total)
        sheet.write(index, 5, city)
    book.close()


def xls_numbers() -> None:
    """Excel 97-2003 (.xls, by xlwt): numbers as numbers, one sheet."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Feuil1")
    for column, title in enumerate([*WORKBOOK_HEADER[:3], "Ville"]):
        sheet.write(0, column, title)
    for index, row in enumerate(WORKBOOK_ROWS, start=1):
        for column, value in enumerate([row[0], row[1], row[2], row[5]]):
            if value is not None:
                sheet.write(index, column, value)
    book.save(str(HERE / "contacts.xls"))


def ods_multiline() -> None:
    """LibreOffice Calc (.ods, by odfpy): a cell with two numbers on two lines, a note
    on three lines, an empty first sheet."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    document.spreadsheet.addElement(Table(name="Feuille1"))
    table = Table(name="Contacts")
    rows = [
        ["Nom", "Portable", "Note"],
        ["Hélène Lefèvre", "06 12 34 56 78\n07 81 23 45 67", "deux portables"],
        ["François Château", 623456789, "appeler le soir\nou le samedi\nmerci"],
        ["Cécile Garçon", "01 42 68 53 00", "fixe"],
        ["Zoé Bœuf", "+33 6 34 56 78 90", ""],
    ]
    for values in rows:
        row = TableRow()
        for value in values:
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                for line in str(value).split("\n"):
                    cell.addElement(P(text=line))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(HERE / "contacts_multiline.ods"))


def vcards() -> None:
    """vCards as phones and Google export them."""
    android_21 = [
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre;H=C3=A9l=C3=A8ne;;;",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:H=C3=A9l=C3=A8ne Lef=C3=A8vre de la Tou=",
        "r d'Auvergne",
        "TEL;CELL;PREF:06 12 34 56 78",
        "TEL;HOME:01 42 68 53 00",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ch=C3=A2teau;Fran=C3=A7ois;;;",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Fran=C3=A7ois Ch=C3=A2teau",
        "TEL;WORK:01 40 00 00 00",
        "TEL;CELL:+33623456789",
        "TEL;CELL:07 81 23 45 67",
        "PHOTO;ENCODING=BASE64;JPEG:" + "A" * 70,
        " " + "B" * 70000,
        "",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N:;Plombier;;;",
        "FN:Plombier",
        "TEL;WORK:01 43 21 00 00",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:2.1",
        "FN:Sans numéro",
        "END:VCARD",
    ]
    write("android_21.vcf", lines(android_21, "\r\n").encode("utf-8"))
    google_30 = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Zoé Bœuf",
        "N:Bœuf;Zoé;;;",
        "EMAIL;TYPE=INTERNET:zoe@example.org",
        "TEL;TYPE=CELL:+33 6 34 56 78 90",
        "item1.TEL:07 98 76 54 32",
        "item1.X-ABLabel:Pro",
        "ORG:Bœuf & Fils",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Jérôme Dupré",
        "N:Dupré;Jérôme;;;",
        "TEL;TYPE=CELL:0033645678901",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Agnès Cœur",
        "N:Cœur;Agnès;;;",
        "TEL;TYPE=CELL:06 39 98 12 34",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Noël Lemaître",
        "N:Lemaître;Noël;;;",
        "TEL;TYPE=CELL:06-12-34-56-78",
        "END:VCARD",
    ]
    write("google_30.vcf", lines(google_30, "\r\n").encode("utf-8"))
    phone_40 = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Anaïs Müller",
        "N:Müller;Anaïs;;;",
        'TEL;VALUE=uri;TYPE="cell,voice":tel:+33-6-56-78-90-12',
        "TEL;VALUE=uri;TYPE=home:tel:+33-1-42-68-53-00",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Éloïse Núñez",
        "TEL;TYPE=work:+33 1 40 00 00 00",
        "TEL;TYPE=cell:+33 7 81 23 45 67",
        "END:VCARD",
    ]
    write("phone_40.vcf", lines(phone_40, "\n").encode("utf-8"))


def main() -> None:
    excel_fr_cp1252()
    outlook_utf8_bom_crlf()
    google_contacts()
    numbers_headerless_txt()
    ovh_forms()
    excel_unicode_text()
    quoted_multiline()
    messy_numbers()
    small_forms()
    utf8_with_stray_cp1252()
    dos_cp850()
    refused()
    xlsx_second_sheet()
    xls_numbers()
    ods_multiline()
    vcards()


if __name__ == "__main__":
    main()
