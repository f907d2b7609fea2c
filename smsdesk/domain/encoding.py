"""GSM 03.38 (GSM-7) versus UCS-2: which encoding a text needs, how long it is, how many parts.

Lengths are in the encoding's units: a GSM-7 extension character (``€ [ ] { } \\ ^ ~ |`` and
form feed) costs 2 septets (ESC + code), a character outside the BMP (most emoji) costs 2 UCS-2
units (a surrogate pair). Parts are counted by really packing characters so that neither an
extension character nor a surrogate pair straddles a part boundary; that can make the count
larger than ``ceil(length / 153)``.

The common path (a text in the basic GSM set) is one compiled-regex scan and no Python loop
over characters: counting a 160-character message costs a couple of microseconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "GSM7_BASIC",
    "GSM7_EXTENSION",
    "STOP_CLAUSE_LENGTH",
    "EncodedParts",
    "Encoding",
    "MessageInfo",
    "decode_gsm7",
    "encode_gsm7",
    "encode_parts",
    "is_gsm7",
    "message_info",
    "replace_typographic",
    "split_parts",
    "ucs2_positions",
]


class Encoding(StrEnum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


# OVH reserves 11 characters for "STOP au 36xxx" on commercial messages.
STOP_CLAUSE_LENGTH = 11

GSM7_SINGLE = 160
GSM7_MULTI = 153
UCS2_SINGLE = 70
UCS2_MULTI = 67

_ESC = "\x1b"

# The 3GPP TS 23.038 default alphabet in code order (0x00-0x7F). Position 0x1B is ESC, the
# escape to the extension table, not a character; it is left out of the set below.
_GSM7_TABLE = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\x1bÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
assert len(_GSM7_TABLE) == 128

#: Characters of the basic set: 1 septet each.
GSM7_BASIC: frozenset[str] = frozenset(_GSM7_TABLE.replace(_ESC, ""))
#: The extension table: character -> its code after ESC (3GPP TS 23.038 6.2.1.1).
_GSM7_EXTENSION_CODES: dict[str, int] = {
    "\f": 0x0A,
    "^": 0x14,
    "{": 0x28,
    "}": 0x29,
    "\\": 0x2F,
    "[": 0x3C,
    "~": 0x3D,
    "]": 0x3E,
    "|": 0x40,
    "€": 0x65,
}
#: Characters of the extension table: ESC + code, 2 septets each.
GSM7_EXTENSION: frozenset[str] = frozenset(_GSM7_EXTENSION_CODES)


def _char_class(chars: frozenset[str], *, negate: bool) -> re.Pattern[str]:
    body = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"[{'^' if negate else ''}{body}]")


_NOT_BASIC_RE = _char_class(GSM7_BASIC, negate=True)
_NOT_GSM7_RE = _char_class(GSM7_BASIC | GSM7_EXTENSION, negate=True)
_EXTENSION_RE = _char_class(GSM7_EXTENSION, negate=False)


@dataclass(frozen=True, slots=True)
class MessageInfo:
    """What a text costs once sent.

    ``length`` is in the encoding's units (septets for GSM-7, 16-bit units for UCS-2) and
    includes the STOP clause reservation when it was asked for. ``per_segment`` is the capacity
    of a part for this message: 160 / 70 when it fits in one part, else 153 / 67.
    ``remaining`` is how many units are still free in the last part.

    The empty text is GSM-7 with ``length == 0``, ``segments == 0``, ``per_segment == 160``
    and ``remaining == 160``: nothing would be sent (with the STOP clause it is 1 part holding
    only the reservation).
    """

    encoding: Encoding
    length: int
    segments: int
    per_segment: int
    remaining: int


def message_info(text: str, *, stop_clause: bool = False) -> MessageInfo:
    """Encoding, length and number of parts of ``text`` as an SMS."""
    reserve = STOP_CLAUSE_LENGTH if stop_clause else 0
    first_special = _NOT_BASIC_RE.search(text)
    if first_special is None:
        # Common case: every character is a single septet, nothing can straddle.
        return _fixed_width(Encoding.GSM7, len(text) + reserve, GSM7_SINGLE, GSM7_MULTI)

    if _NOT_GSM7_RE.search(text, first_special.start()) is None:
        septets = _gsm7_units(text)
        length = len(septets) + reserve
        if length <= GSM7_SINGLE:
            return MessageInfo(Encoding.GSM7, length, 1, GSM7_SINGLE, GSM7_SINGLE - length)
        ends = _pack(length, GSM7_MULTI, len(septets), lambda i: septets[i] == _ESC)
        return _from_ends(Encoding.GSM7, ends, GSM7_MULTI)

    utf16 = text.encode("utf-16-le", "surrogatepass")
    units = len(utf16) // 2
    if units == len(text):
        # No surrogate pair: every unit is a whole character.
        return _fixed_width(Encoding.UCS2, units + reserve, UCS2_SINGLE, UCS2_MULTI)
    length = units + reserve
    if length <= UCS2_SINGLE:
        return MessageInfo(Encoding.UCS2, length, 1, UCS2_SINGLE, UCS2_SINGLE - length)
    ends = _pack(length, UCS2_MULTI, units, lambda i: _is_high_surrogate(utf16, i))
    return _from_ends(Encoding.UCS2, ends, UCS2_MULTI)


def split_parts(text: str) -> list[str]:
    """The parts ``text`` is sent as (without any STOP clause); ``"".join(parts) == text``.

    A part never ends between the two septets of an extension character nor between the two
    halves of a surrogate pair. The empty text has no part.
    """
    if not text:
        return []
    if _NOT_GSM7_RE.search(text) is None:
        septets = _gsm7_units(text)
        if len(septets) <= GSM7_SINGLE:
            return [text]
        ends = _pack(len(septets), GSM7_MULTI, len(septets), lambda i: septets[i] == _ESC)
        # Each ESC marker is one septet with no character of its own in ``text``.
        char_ends = [end - septets.count(_ESC, 0, end) for end in ends]
    else:
        utf16 = text.encode("utf-16-le", "surrogatepass")
        units = len(utf16) // 2
        if units <= UCS2_SINGLE:
            return [text]
        ends = _pack(units, UCS2_MULTI, units, lambda i: _is_high_surrogate(utf16, i))
        char_ends = _unit_to_char_offsets(text, ends)
    parts: list[str] = []
    start = 0
    for end in char_ends:
        parts.append(text[start:end])
        start = end
    return parts


@dataclass(frozen=True, slots=True)
class EncodedParts:
    """The payloads of a text as a gateway sends them, one per part (no UDH yet).

    GSM-7 payloads are unpacked septets (one byte each, ESC + code for an extension
    character), as SMPP's data_coding 0 carries them; UCS-2 payloads are UTF-16BE.
    """

    encoding: Encoding
    parts: tuple[bytes, ...]


# Character -> its septets as one latin-1 character each: str.translate does the work.
_GSM7_ENCODE = str.maketrans(
    {char: chr(code) for code, char in enumerate(_GSM7_TABLE) if char != _ESC}
    | {char: _ESC + chr(code) for char, code in _GSM7_EXTENSION_CODES.items()}
)


def encode_gsm7(text: str) -> bytes:
    """The unpacked GSM 03.38 septets of ``text``; ValueError when it is not GSM-7."""
    if not is_gsm7(text):
        raise ValueError("the text has characters outside GSM-7")
    return text.translate(_GSM7_ENCODE).encode("latin-1")


_GSM7_EXTENSION_DECODE = {code: char for char, code in _GSM7_EXTENSION_CODES.items()}


def decode_gsm7(septets: bytes) -> str:
    """Text of unpacked GSM 03.38 septets (an SMPP deliver_sm with data_coding 0); an
    unknown escape reads as a space, as 23.038 asks."""
    out: list[str] = []
    escaped = False
    for byte in septets:
        code = byte & 0x7F
        if escaped:
            out.append(_GSM7_EXTENSION_DECODE.get(code, " "))
            escaped = False
        elif _GSM7_TABLE[code] == _ESC:
            escaped = True
        else:
            out.append(_GSM7_TABLE[code])
    return "".join(out)


def encode_parts(text: str) -> EncodedParts:
    """``text`` encoded the way ``message_info`` counts it: same encoding, same parts.

    The parts are those of ``split_parts`` (no STOP clause): an extension character or a
    surrogate pair is never cut. The empty text has no part.
    """
    parts = split_parts(text)
    if is_gsm7(text):
        return EncodedParts(Encoding.GSM7, tuple(encode_gsm7(part) for part in parts))
    return EncodedParts(
        Encoding.UCS2, tuple(part.encode("utf-16-be", "surrogatepass") for part in parts)
    )


def ucs2_positions(text: str) -> list[int]:
    """Indexes in ``text`` of the characters outside GSM-7 (each one forces UCS-2)."""
    return [match.start() for match in _NOT_GSM7_RE.finditer(text)]


def is_gsm7(text: str) -> bool:
    """True when every character of ``text`` is in the GSM-7 basic set or extension table."""
    return _NOT_GSM7_RE.search(text) is None


# Typographic characters a word processor or a phone puts in French text, and their GSM-7
# equivalents: each one alone would switch the whole message to UCS-2 (70 instead of 160).
_TYPOGRAPHIC: dict[str, str] = {
    # quotes and apostrophes
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u2032": "'",  # ′
    "\u00b4": "'",  # ´
    "`": "'",  # backtick is not in GSM-7
    "\u2039": "'",  # ‹
    "\u203a": "'",  # ›
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',  # ‟
    "\u2033": '"',  # ″
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    # dashes, ellipsis, bullets
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # –
    "\u2014": "-",  # —
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u2026": "...",  # …
    "\u2022": "-",  # •
    "\u00b7": ".",  # ·
    # spaces: non-breaking, narrow (French before ; : ! ?), thin, tab
    "\t": " ",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\u2028": "\n",  # line separator
    "\u2029": "\n",  # paragraph separator
    # invisible characters pasted along with text (ZWJ is kept: it glues emoji together)
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u2060": "",  # word joiner
    "\ufeff": "",  # BOM / zero-width no-break space
    # ligatures and look-alikes
    "œ": "oe",
    "Œ": "OE",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\u2206": "\u0394",  # increment sign -> Greek capital delta (in GSM-7)
    "\u00d7": "x",  # ×
}


def _build_accent_table() -> dict[str, str]:
    """Accented letters outside GSM-7 -> their base letter (ê -> e, ç -> c, È -> E).

    Letters that are in the basic set (é è ù ì ò à Ç É Ä Ö Ñ Ü ä ö ñ ü å Å ...) are kept.
    """
    table: dict[str, str] = {}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        if char in GSM7_BASIC:
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if base in GSM7_BASIC and marks and all(unicodedata.combining(m) for m in marks):
            table[char] = base
    # Combining marks left over (a letter with no precomposed form) are dropped.
    for code in range(0x0300, 0x0370):
        table[chr(code)] = ""
    return table


_TYPOGRAPHIC_TABLE = str.maketrans(_TYPOGRAPHIC)
_TYPOGRAPHIC_AND_ACCENT_TABLE = str.maketrans(_TYPOGRAPHIC | _build_accent_table())


def replace_typographic(text: str, *, strip_accents: bool = False) -> str:
    """``text`` with typographic characters replaced by GSM-7 equivalents.

    ’ ‘ → ', “ ” « » → ", … → ..., – — → -, non-breaking and narrow spaces → space,
    œ → oe, Œ → OE, invisible characters (soft hyphen, zero-width space, BOM) removed.
    Text is first NFC-normalised, so a decomposed "e + ◌́" (as pasted from macOS) becomes "é".
    With ``strip_accents`` letters outside GSM-7 lose their accent (ê → e, ç → c, ë → e,
    È → E); letters inside it (é è ù ì ò à Ç ...) stay. Other characters (emoji, Cyrillic)
    are left alone: the message stays UCS-2 if it still has some.
    """
    normalized = unicodedata.normalize("NFC", text)
    table = _TYPOGRAPHIC_AND_ACCENT_TABLE if strip_accents else _TYPOGRAPHIC_TABLE
    return normalized.translate(table)


def _fixed_width(encoding: Encoding, length: int, single: int, multi: int) -> MessageInfo:
    """Counts for a text whose characters are all 1 unit wide (no straddling possible)."""
    if length <= single:
        return MessageInfo(encoding, length, 1 if length else 0, single, single - length)
    segments = -(-length // multi)
    return MessageInfo(encoding, length, segments, multi, segments * multi - length)


# An extension character as 2 septets: ESC, then a placeholder (not ESC) for its code.
_EXTENSION_SEPTETS = _ESC + "x"


def _gsm7_units(text: str) -> str:
    """One str item per septet of ``text``; ESC marks the first septet of an extension char."""
    # A constant replacement keeps re.sub on its fast path (no callback, no template).
    return _EXTENSION_RE.sub(_EXTENSION_SEPTETS, text)


def _is_high_surrogate(utf16: bytes, unit: int) -> bool:
    return 0xD8 <= utf16[2 * unit + 1] <= 0xDB


def _pack(total: int, capacity: int, text_units: int, is_lead: Callable[[int], bool]) -> list[int]:
    """Greedy packing of ``total`` units into parts of ``capacity``: the end offset of each part.

    Units at ``text_units`` and beyond are the STOP clause reservation. ``is_lead(i)`` says that
    unit ``i`` is the first of a 2-unit character; a part may not end right after it.
    """
    ends: list[int] = []
    start = 0
    while total - start > capacity:
        end = start + capacity
        if end <= text_units and is_lead(end - 1):
            end -= 1
        ends.append(end)
        start = end
    ends.append(total)
    return ends


def _from_ends(encoding: Encoding, ends: list[int], capacity: int) -> MessageInfo:
    last_fill = ends[-1] - (ends[-2] if len(ends) > 1 else 0)
    return MessageInfo(encoding, ends[-1], len(ends), capacity, capacity - last_fill)


def _unit_to_char_offsets(text: str, unit_ends: list[int]) -> list[int]:
    """Map UTF-16 unit offsets (never inside a surrogate pair) to indexes in ``text``."""
    char_ends: list[int] = []
    units = 0
    targets = iter(unit_ends)
    target = next(targets)
    for index, char in enumerate(text):
        if units == target:
            char_ends.append(index)
            target = next(targets)
        units += 2 if ord(char) > 0xFFFF else 1
    char_ends.append(len(text))
    return char_ends
