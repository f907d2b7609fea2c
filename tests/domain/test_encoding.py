"""GSM 03.38 / UCS-2 length and part counting, part splitting and typographic replacement."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from smsdesk.domain.encoding import (
    STOP_CLAUSE_LENGTH,
    Encoding,
    MessageInfo,
    encode_gsm7,
    encode_parts,
    is_gsm7,
    message_info,
    replace_typographic,
    split_parts,
    ucs2_positions,
)

GSM = Encoding.GSM7
UCS = Encoding.UCS2

# Written out independently of the module, from 3GPP TS 23.038 (ESC left out).
BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = frozenset("^{}\\[~]|€\f")
EMOJI = "\U0001f600"  # 😀, outside the BMP: a surrogate pair in UCS-2


def test_alphabet_sizes() -> None:
    assert len(BASIC) == 127
    assert len(EXTENSION) == 10


# (text, stop_clause, encoding, length, segments, per_segment, remaining)
VECTORS: list[tuple[str, bool, Encoding, int, int, int, int]] = [
    # GSM-7 basic set, every boundary
    ("", False, GSM, 0, 0, 160, 160),
    ("a", False, GSM, 1, 1, 160, 159),
    ("a" * 159, False, GSM, 159, 1, 160, 1),
    ("a" * 160, False, GSM, 160, 1, 160, 0),
    ("a" * 161, False, GSM, 161, 2, 153, 145),
    ("a" * 305, False, GSM, 305, 2, 153, 1),
    ("a" * 306, False, GSM, 306, 2, 153, 0),
    ("a" * 307, False, GSM, 307, 3, 153, 152),
    ("a" * 459, False, GSM, 459, 3, 153, 0),
    ("a" * 460, False, GSM, 460, 4, 153, 152),
    ("é" * 160, False, GSM, 160, 1, 160, 0),
    ("Δ" * 161, False, GSM, 161, 2, 153, 145),
    ("ΔΦΓΛΩΠΨΣΘΞ", False, GSM, 10, 1, 160, 150),
    ("éèùìòÇàÉÄÖÑÜßäöñüåÅÆæØø£¥¤¿¡§", False, GSM, 29, 1, 160, 131),
    ("\r\n@_$", False, GSM, 5, 1, 160, 155),
    # extension characters: 2 septets each, never split from their ESC
    ("€", False, GSM, 2, 1, 160, 158),
    ("^{}\\[~]|€\f", False, GSM, 20, 1, 160, 140),
    ("a" * 158 + "€", False, GSM, 160, 1, 160, 0),
    ("a" * 159 + "€", False, GSM, 161, 2, 153, 145),
    ("a" * 159 + "\f", False, GSM, 161, 2, 153, 145),
    ("€" * 80, False, GSM, 160, 1, 160, 0),
    ("€" * 81, False, GSM, 162, 2, 153, 143),
    ("a" * 152 + "€", False, GSM, 154, 1, 160, 6),
    ("a" * 152 + "€" + "a" * 7, False, GSM, 161, 2, 153, 144),
    ("a" * 151 + "[" + "a" * 7, False, GSM, 160, 1, 160, 0),
    # 306 septets but 3 parts: the € cannot straddle the first boundary
    ("a" * 152 + "€" + "a" * 152, False, GSM, 306, 3, 153, 152),
    ("€" * 153, False, GSM, 306, 3, 153, 151),
    ("a" * 305 + "|", False, GSM, 307, 3, 153, 151),
    # characters outside GSM-7 switch the whole message to UCS-2
    ("ç", False, UCS, 1, 1, 70, 69),
    ("`", False, UCS, 1, 1, 70, 69),
    ("\t", False, UCS, 1, 1, 70, 69),
    ("\x1b", False, UCS, 1, 1, 70, 69),
    ("ê€", False, UCS, 2, 1, 70, 68),
    ("ê" * 69, False, UCS, 69, 1, 70, 1),
    ("ê" * 70, False, UCS, 70, 1, 70, 0),
    ("’" + "a" * 70, False, UCS, 71, 2, 67, 63),
    ("ê" * 133, False, UCS, 133, 2, 67, 1),
    ("ê" * 134, False, UCS, 134, 2, 67, 0),
    ("ê" * 135, False, UCS, 135, 3, 67, 66),
    ("ê" * 201, False, UCS, 201, 3, 67, 0),
    ("ê" * 202, False, UCS, 202, 4, 67, 66),
    # characters outside the BMP: 2 units, never split across parts
    (EMOJI, False, UCS, 2, 1, 70, 68),
    ("a" * 68 + EMOJI, False, UCS, 70, 1, 70, 0),
    ("a" * 69 + EMOJI, False, UCS, 71, 2, 67, 63),
    ("a" * 66 + EMOJI, False, UCS, 68, 1, 70, 2),
    ("ê" * 66 + EMOJI + "ê" * 4, False, UCS, 72, 2, 67, 61),
    ("ê" * 66 + EMOJI + "ê" * 66, False, UCS, 134, 3, 67, 66),
    (EMOJI * 35, False, UCS, 70, 1, 70, 0),
    (EMOJI * 36, False, UCS, 72, 2, 67, 61),
    (EMOJI * 67, False, UCS, 134, 3, 67, 65),
    ("\U0001f468\u200d\U0001f469\u200d\U0001f467", False, UCS, 8, 1, 70, 62),
    # STOP clause: 11 units reserved at the end
    ("", True, GSM, 11, 1, 160, 149),
    ("a" * 149, True, GSM, 160, 1, 160, 0),
    ("a" * 150, True, GSM, 161, 2, 153, 145),
    ("a" * 295, True, GSM, 306, 2, 153, 0),
    ("a" * 152 + "€", True, GSM, 165, 2, 153, 140),
    ("a" * 147 + "€", True, GSM, 160, 1, 160, 0),
    ("ê" * 59, True, UCS, 70, 1, 70, 0),
    ("ê" * 60, True, UCS, 71, 2, 67, 63),
    ("ê" * 66 + EMOJI, True, UCS, 79, 2, 67, 54),
]


@pytest.mark.parametrize(
    ("text", "stop_clause", "encoding", "length", "segments", "per_segment", "remaining"),
    VECTORS,
    ids=[f"{i}-{len(v[0])}{'-stop' if v[1] else ''}" for i, v in enumerate(VECTORS)],
)
def test_message_info_vectors(
    text: str,
    stop_clause: bool,
    encoding: Encoding,
    length: int,
    segments: int,
    per_segment: int,
    remaining: int,
) -> None:
    expected = MessageInfo(encoding, length, segments, per_segment, remaining)
    assert message_info(text, stop_clause=stop_clause) == expected


def test_vectors_are_many() -> None:
    assert len(VECTORS) >= 40


def test_stop_clause_reserves_eleven() -> None:
    assert STOP_CLAUSE_LENGTH == 11
    plain = message_info("Promo -20% ce week-end")
    commercial = message_info("Promo -20% ce week-end", stop_clause=True)
    assert commercial.length == plain.length + 11
    assert commercial.remaining == plain.remaining - 11


def test_encoding_serialises_as_contract_string() -> None:
    info = message_info("Bonjour l’équipe")
    assert info.encoding == "UCS-2"
    assert str(info.encoding) == "UCS-2"
    assert str(message_info("Bonjour").encoding) == "GSM-7"


@pytest.mark.parametrize("char", list("êâîôûçëïœ’«»…"))
def test_reference_non_gsm_characters_force_ucs2(char: str) -> None:
    assert message_info(f"Bonjour {char}").encoding is Encoding.UCS2
    assert not is_gsm7(char)


def test_every_basic_and_extension_character_is_gsm7() -> None:
    assert is_gsm7("".join(sorted(BASIC | EXTENSION)))
    assert message_info("".join(sorted(BASIC))).length == len(BASIC)
    assert message_info("".join(sorted(EXTENSION))).length == 2 * len(EXTENSION)


def test_greek_lookalikes_are_not_gsm7() -> None:
    # Only the Greek capitals of the table count; the Latin-looking ones and the maths
    # symbols with the same shape do not.
    assert is_gsm7("ΔΦΓΛΩΠΨΣΘΞ")
    assert not is_gsm7("Α")  # Greek capital alpha
    assert not is_gsm7("∆")  # increment sign
    assert not is_gsm7("δ")


def _units(part: str, encoding: Encoding) -> int:
    if encoding is Encoding.GSM7:
        return sum(2 if c in EXTENSION else 1 for c in part)
    return sum(2 if ord(c) > 0xFFFF else 1 for c in part)


@pytest.mark.parametrize(("text", "_stop", "encoding", "_l", "segments", "capacity", "_r"), VECTORS)
def test_split_parts_matches_vectors(
    text: str,
    _stop: bool,
    encoding: Encoding,
    _l: int,
    segments: int,
    capacity: int,
    _r: int,
) -> None:
    parts = split_parts(text)
    assert "".join(parts) == text
    info = message_info(text)
    assert len(parts) == info.segments
    for part in parts:
        assert part
        assert _units(part, info.encoding) <= info.per_segment
    # The codec cuts the payloads where the counter counts.
    encoded = encode_parts(text)
    assert encoded.encoding is info.encoding
    assert len(encoded.parts) == info.segments
    unit = 1 if info.encoding is Encoding.GSM7 else 2  # bytes per septet / UTF-16 unit
    assert sum(len(p) for p in encoded.parts) == info.length * unit
    assert all(len(p) <= info.per_segment * unit for p in encoded.parts)
    if info.encoding is Encoding.UCS2:
        assert b"".join(encoded.parts).decode("utf-16-be") == text
        for part in encoded.parts:
            part.decode("utf-16-be")  # a surrogate pair is never cut
    else:
        assert all(not p.endswith(b"\x1b") for p in encoded.parts)  # nor an escape


def test_split_parts_keeps_extension_character_whole() -> None:
    text = "a" * 152 + "€" + "b" * 10
    parts = split_parts(text)
    assert parts == ["a" * 152, "€" + "b" * 10]


def test_split_parts_keeps_emoji_whole() -> None:
    text = "ê" * 66 + EMOJI + "z" * 5
    parts = split_parts(text)
    assert parts == ["ê" * 66, EMOJI + "z" * 5]


def test_split_parts_single_and_empty() -> None:
    assert split_parts("") == []
    assert split_parts("a" * 160) == ["a" * 160]
    assert split_parts("ê" * 70) == ["ê" * 70]
    assert split_parts("a" * 161) == ["a" * 153, "a" * 8]
    assert split_parts("ê" * 135) == ["ê" * 67, "ê" * 67, "ê"]


def test_ucs2_positions() -> None:
    text = "Il a dit « oui » à l’été 😀 pour 5€"
    assert ucs2_positions(text) == [9, 15, 20, 25]
    assert [text[i] for i in ucs2_positions(text)] == ["«", "»", "’", EMOJI]
    assert ucs2_positions("Prix: 5€ [promo] à Noël") == ["Prix: 5€ [promo] à Noël".index("ë")]
    assert ucs2_positions("Tout est GSM: é è à Ç €") == []
    assert ucs2_positions("") == []


FRENCH_TYPOGRAPHIC = (
    "Bonjour\u00a0! L’offre « spéciale » arrive… C’est à 10\u202fh – ne la manquez pas —"
    " “vraiment”."
)


def test_replace_typographic_turns_french_text_back_to_gsm7() -> None:
    assert message_info(FRENCH_TYPOGRAPHIC).encoding is Encoding.UCS2
    replaced = replace_typographic(FRENCH_TYPOGRAPHIC)
    assert replaced == (
        'Bonjour ! L\'offre " spéciale " arrive... C\'est à 10 h - ne la manquez pas - "vraiment".'
    )
    assert is_gsm7(replaced)
    assert message_info(replaced) == MessageInfo(
        Encoding.GSM7, len(replaced), 1, 160, 160 - len(replaced)
    )


def test_replace_typographic_ligatures_and_invisible_characters() -> None:
    assert replace_typographic("Œuvre, cœur") == "OEuvre, coeur"
    assert replace_typographic("a\u00adb\u200bc\ufeff") == "abc"
    assert replace_typographic("`tab\there`") == "'tab here'"
    # decomposed é (as pasted from macOS) becomes the GSM-7 é
    assert replace_typographic("e\u0301te\u0301") == "été"


def test_replace_typographic_keeps_accents_unless_asked() -> None:
    text = "Fête de la forêt, ça va être génial, où ? Ça, à Noël."
    assert replace_typographic(text) == text
    stripped = replace_typographic(text, strip_accents=True)
    assert stripped == "Fete de la foret, ca va etre génial, où ? Ça, à Noel."
    assert is_gsm7(stripped)


def test_strip_accents_only_touches_characters_outside_gsm7() -> None:
    in_gsm = "éèùìòàÇÉÄÖÑÜäöñüåÅÆæØøß"
    assert replace_typographic(in_gsm, strip_accents=True) == in_gsm
    assert replace_typographic("êâîôûçëïÈÀÙÊÂÎÔÛËÏáíóúÿ", strip_accents=True) == (
        "eaioucei" + "EAUEAIOUEI" + "aiouy"
    )


def test_replace_typographic_leaves_emoji_alone() -> None:
    text = f"Merci {EMOJI} à bientôt"
    assert replace_typographic(text) == text
    assert replace_typographic(text, strip_accents=True) == f"Merci {EMOJI} à bientot"


# --- randomized property test against a naive per-character reference -------------------

GSM_POOL = [
    *"abcdefghijklmnopqrstuvwxyz     .,'!?0123456789",
    *"éèàùÇÉΔΩ§£\n",
    *sorted(EXTENSION),
]
POOL = [*GSM_POOL, *"êçœ’«»…", EMOJI, "\U0001f44d", "\u200d", "中"]


def _naive_info(text: str, stop_clause: bool) -> MessageInfo:
    gsm = all(c in BASIC or c in EXTENSION for c in text)
    if gsm:
        widths = [2 if c in EXTENSION else 1 for c in text]
        single, multi, encoding = 160, 153, Encoding.GSM7
    else:
        widths = [2 if ord(c) > 0xFFFF else 1 for c in text]
        single, multi, encoding = 70, 67, Encoding.UCS2
    if stop_clause:
        widths += [1] * 11
    total = sum(widths)
    if total <= single:
        return MessageInfo(encoding, total, 1 if total else 0, single, single - total)
    parts, fill = 1, 0
    for width in widths:
        if fill + width > multi:
            parts, fill = parts + 1, 0
        fill += width
    return MessageInfo(encoding, total, parts, multi, multi - fill)


def _random_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        alphabet = GSM_POOL
    elif kind < 0.5:
        alphabet = [*sorted(EXTENSION), "a"]
    elif kind < 0.6:
        alphabet = [EMOJI, "ê", "a"]
    else:
        alphabet = POOL
    size = rng.choice([rng.randint(0, 480), rng.choice([66, 67, 70, 133, 152, 153, 160, 306])])
    weights = [rng.random() for _ in alphabet]
    return "".join(rng.choices(alphabet, weights=weights, k=size))


@pytest.mark.parametrize("seed", range(8))
def test_random_texts_match_naive_reference(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        text = _random_text(rng)
        stop_clause = rng.random() < 0.3
        info = message_info(text, stop_clause=stop_clause)
        assert info == _naive_info(text, stop_clause), text
        assert is_gsm7(text) == (info.encoding is Encoding.GSM7)
        assert [text[i] for i in ucs2_positions(text)] == [
            c for c in text if c not in BASIC and c not in EXTENSION
        ]

        parts = split_parts(text)
        assert "".join(parts) == text
        plain = message_info(text)
        assert len(parts) == plain.segments
        capacity = plain.per_segment
        assert all(0 < _units(p, plain.encoding) <= capacity for p in parts)
        # Greedy: each full part could not take the next character of the following part.
        for part, following in itertools.pairwise(parts):
            assert _units(part + following[0], plain.encoding) > capacity
        encoded = encode_parts(text)
        assert (encoded.encoding, len(encoded.parts)) == (plain.encoding, plain.segments)
        if plain.encoding is Encoding.GSM7:
            assert b"".join(encoded.parts) == encode_gsm7(text)


# --- the codec: septets and payloads, consistent with the counter ------------------------

# Code points written out from 3GPP TS 23.038 (tables 6.2.1 and 6.2.1.1), not from the module.
SEPTETS = {
    "@": b"\x00",
    "£": b"\x01",
    "$": b"\x02",
    "\n": b"\x0a",
    "\r": b"\x0d",
    "Δ": b"\x10",
    "_": b"\x11",
    "Ξ": b"\x1a",
    "É": b"\x1f",
    " ": b"\x20",
    "¤": b"\x24",
    "¡": b"\x40",
    "A": b"\x41",
    "Ä": b"\x5b",
    "§": b"\x5f",
    "¿": b"\x60",
    "a": b"\x61",
    "à": b"\x7f",
    "\f": b"\x1b\x0a",
    "^": b"\x1b\x14",
    "{": b"\x1b\x28",
    "}": b"\x1b\x29",
    "\\": b"\x1b\x2f",
    "[": b"\x1b\x3c",
    "~": b"\x1b\x3d",
    "]": b"\x1b\x3e",
    "|": b"\x1b\x40",
    "€": b"\x1b\x65",
}


@pytest.mark.parametrize(("char", "septets"), SEPTETS.items())
def test_encode_gsm7_code_points(char: str, septets: bytes) -> None:
    assert encode_gsm7(char) == septets


def test_encode_gsm7_every_character_and_refusals() -> None:
    assert encode_gsm7("Prix § 10") == b"Prix \x5f 10"
    everything = "".join(sorted(BASIC | EXTENSION))
    assert len(encode_gsm7(everything)) == len(BASIC) + 2 * len(EXTENSION)
    assert len(set(encode_gsm7("".join(sorted(BASIC))))) == len(BASIC)
    for outside in ("`", "\x1b", "ç", EMOJI):
        with pytest.raises(ValueError):
            encode_gsm7(outside)


def test_one_gsm_table_in_the_code() -> None:
    """The project had two GSM 03.38 tables that disagreed: there is one, in this module."""
    root = Path(__file__).resolve().parents[2] / "smsdesk"
    # A run of the basic table, as any copy of it would spell it.
    marks = ("@£$¥èéùìòÇ", "ΔΦΓΛΩΠΨΣΘΞ", "\\u0394_\\u03a6", "ÄÖÑÜ")
    holders = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if any(mark in path.read_text(encoding="utf-8") for mark in marks)
    )
    assert holders == ["domain/encoding.py"]
    smpp = (root / "providers" / "smpp.py").read_text(encoding="utf-8")
    assert "smpplib.gsm" not in smpp and "gsm0338" not in smpp
