"""Fill Qt `.ts` catalogues without Qt Linguist (the `.ts` files stay the source of truth).

    python tools/translate_ts.py todo smsdesk/i18n/smsdesk_fr.ts > todo.json
        the unfinished entries as JSON: [{"context", "source", "translation"}] (a plural
        entry has "forms": [singular, plural] instead; French uses the singular for 0 and 1)
    python tools/translate_ts.py fill [--replace] smsdesk/i18n/smsdesk_fr.ts todo.json
        writes the filled-in translations of todo.json into the unfinished entries of the
        catalogue (entries left empty stay unfinished; --replace: finished ones too); an
        entry without "context" applies to every context
    python tools/translate_ts.py english smsdesk/i18n/smsdesk_en.ts
        the English catalogue: each text is its source, plurals made from "(s)", "(es)" and
        "(ies)" ("%n reply(ies)" -> "%n reply" / "%n replies"); prints what it cannot make
`make translations-update` runs lupdate, then `english`, `fill` with tools/fr_pending.json
(reviewed French for the strings widgets showed before they went through tr()), and `todo`.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
# "message(s)", "reply(ies)", "match(es)": the English plural spelled in one source
_PLURAL = re.compile(r"(\w*)\((s|es|ies)\)")


def load(path: Path) -> ET.ElementTree[ET.Element]:
    return ET.parse(path)


def save(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")


def messages(tree: ET.ElementTree[ET.Element]) -> list[tuple[str, ET.Element]]:
    found: list[tuple[str, ET.Element]] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        found.extend((name, message) for message in context.iter("message"))
    return found


def is_plural(message: ET.Element) -> bool:
    return message.get("numerus") == "yes"


def is_unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished"


def set_translation(message: ET.Element, value: str | list[str]) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    for form in list(translation):
        translation.remove(form)
    if isinstance(value, list):
        translation.text = None
        for text in value:
            ET.SubElement(translation, "numerusform").text = text
    else:
        translation.text = value


def english_forms(source: str) -> list[str] | None:
    if not _PLURAL.search(source):
        return None

    def singular(match: re.Match[str]) -> str:
        return match.group(1)

    def plural(match: re.Match[str]) -> str:
        word, ending = match.group(1), match.group(2)
        if ending == "ies":
            return (word[:-1] if word.endswith("y") else word) + "ies"
        return word + ending

    return [_PLURAL.sub(singular, source), _PLURAL.sub(plural, source)]


def todo(path: Path) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for context, message in messages(load(path)):
        if not is_unfinished(message):
            continue
        entry: dict[str, Any] = {"context": context, "source": message.findtext("source") or ""}
        if is_plural(message):
            entry["forms"] = ["", ""]
        else:
            entry["translation"] = ""
        entries.append(entry)
    return entries


def fill(path: Path, entries: list[dict[str, Any]], *, replace: bool = False) -> int:
    tree = load(path)
    by_key: dict[tuple[str | None, str], dict[str, Any]] = {
        (entry.get("context"), entry["source"]): entry for entry in entries
    }
    filled = 0
    for context, message in messages(tree):
        source = message.findtext("source") or ""
        entry = by_key.get((context, source)) or by_key.get((None, source))
        if entry is None or not (replace or is_unfinished(message)):
            continue
        value: str | list[str] | None
        if is_plural(message):
            forms = entry.get("forms")
            value = forms if forms and all(forms) else None
        else:
            value = entry.get("translation") or None
        if value is not None:
            set_translation(message, value)
            filled += 1
    if filled:
        save(tree, path)
    return filled


def english(path: Path) -> list[str]:
    tree = load(path)
    left: list[str] = []
    changed = False
    for _context, message in messages(tree):
        if not is_unfinished(message):
            continue
        source = message.findtext("source") or ""
        forms = english_forms(source) if is_plural(message) else None
        if is_plural(message) and forms is None:
            forms = [source, source]  # no "(s)": only the number changes ("%Ln left out")
        set_translation(message, forms if forms is not None else source)
        changed = True
    if changed:
        save(tree, path)
    return left


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in {"todo", "fill", "english"}:
        print(__doc__, file=sys.stderr)
        return 2
    replace = "--replace" in argv
    argv = [arg for arg in argv if arg != "--replace"]
    command, path = argv[0], Path(argv[1])
    if command == "todo":
        entries = todo(path)
        text = json.dumps(entries, ensure_ascii=False, indent=2)
        if entries:
            print(f"{path}: {len(entries)} unfinished entries:", file=sys.stderr)
        print(text)
        return 0
    if command == "fill":
        entries = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        filled = fill(path, entries, replace=replace)
        print(f"{path}: {filled} entries translated", file=sys.stderr)
        return 0
    left = english(path)
    for line in left:
        print(f"{path}: no English plural made for {line!r}: write its forms", file=sys.stderr)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
