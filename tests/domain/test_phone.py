"""Phone number parsing: the forms people write, the kinds, the reasons, and the fast
path checked against phonenumbers itself on a large random sample."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import (
    COUNTRY_CODE_TO_REGION_CODE,
    NumberParseException,
    PhoneNumberFormat,
    ValidationResult,
)

from smsdesk.domain.phone import (
    UNALLOCATED,
    NumberKind,
    ParsedNumber,
    PhoneNormalizer,
    Rejection,
    normalize,
    precise_reason,
    split_numbers,
)


@pytest.fixture(scope="module")
def fr() -> PhoneNormalizer:
    return PhoneNormalizer("FR")


@pytest.mark.parametrize(
    "raw",
    [
        "+33612345678",
        "0612345678",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 (0)6 12 34 56 78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "00 33 6 12 34 56 78",
        "612345678",  # Excel dropped the leading zero
        "33612345678",  # phonenumbers takes 33 as the country code here
        "  06 12 34 56 78\t",
        "Tel: 06 12 34 56 78",  # phonenumbers skips the label
    ],
)
def test_the_forms_people_write_give_one_e164(fr: PhoneNormalizer, raw: str) -> None:
    parsed = fr.parse(raw)
    assert parsed == ParsedNumber(raw, "+33612345678", NumberKind.MOBILE, None)
    assert parsed.valid


@pytest.mark.parametrize(
    ("raw", "e164", "kind"),
    [
        ("07 98 76 54 32", "+33798765432", NumberKind.MOBILE),
        ("01 23 45 67 89", "+33123456789", NumberKind.LANDLINE),
        ("04 78 12 34 56", "+33478123456", NumberKind.LANDLINE),
        ("09 51 23 45 67", "+33951234567", NumberKind.OTHER),  # VoIP
        ("0 800 12 34 56", "+33800123456", NumberKind.OTHER),  # toll free
        ("08 92 12 34 56", "+33892123456", NumberKind.OTHER),  # premium rate
        ("+32 470 12 34 56", "+32470123456", NumberKind.MOBILE),  # Belgium, from a French list
        ("+44 7911 123456", "+447911123456", NumberKind.MOBILE),
        ("+1 201 555 0123", "+12015550123", NumberKind.MOBILE),  # NANPA: fixed line or mobile
        ("+262 692 12 34 56", "+262692123456", NumberKind.MOBILE),  # La Réunion
    ],
)
def test_kinds(fr: PhoneNormalizer, raw: str, e164: str, kind: NumberKind) -> None:
    parsed = fr.parse(raw)
    assert (parsed.e164, parsed.kind, parsed.reason) == (e164, kind, None)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "not a phone number"),
        ("n/a", "not a phone number"),
        ("0612", "too short"),
        ("06 12 34 56", "too short"),
        ("06 39 98 12 34", "unallocated range"),  # 06 39 98 is not allocated
        ("0612345678901234567890", "too long"),
        ("+999 123 456 789", "unknown country code"),
        ("06 12 34 56 78 9", "too long"),
    ],
)
def test_invalid_numbers_say_why(fr: PhoneNormalizer, raw: str, reason: str) -> None:
    assert fr.parse(raw) == ParsedNumber(raw, None, None, reason)


def test_a_region_changes_national_numbers_only() -> None:
    be = PhoneNormalizer("be")
    assert be.parse("0470 12 34 56").e164 == "+32470123456"
    assert be.parse("+33 6 12 34 56 78").e164 == "+33612345678"
    assert be.parse("0612345678").e164 is None


def test_normalize_keeps_one_normalizer_per_region() -> None:
    assert normalize("06 12 34 56 78") == normalize("06 12 34 56 78", "fr")
    assert normalize("0470 12 34 56", "BE").e164 == "+32470123456"


def test_unknown_region_is_refused() -> None:
    with pytest.raises(ValueError, match="XX"):
        PhoneNormalizer("XX")


def test_rejection_values() -> None:
    assert [r.value for r in Rejection] == ["invalid", "landline", "duplicate", "stopped"]


@pytest.mark.parametrize(
    ("cell", "numbers"),
    [
        ("0612345678", ["0612345678"]),
        ("06 12 34 56 78", ["06 12 34 56 78"]),
        ("+33 (0)6 12 34 56 78", ["+33 (0)6 12 34 56 78"]),
        ("06 12 34 56 78 / 07 98 76 54 32", ["06 12 34 56 78", "07 98 76 54 32"]),
        ("0612345678, 0698765432", ["0612345678", "0698765432"]),
        ("0612345678;0698765432;", ["0612345678", "0698765432"]),
        (
            "+33 6 12 34 56 78 ::: +33 7 98 76 54 32",
            ["+33 6 12 34 56 78", "+33 7 98 76 54 32"],
        ),
        ("0612345678 0798765432", ["0612345678", "0798765432"]),
        ("06.12.34.56.78 et 07.98.76.54.32", ["06.12.34.56.78", "07.98.76.54.32"]),
        ("06 12 34 56 78\n07 98 76 54 32", ["06 12 34 56 78", "07 98 76 54 32"]),
        ("", []),
        (" / ", ["/"]),  # nothing that looks like a number: kept whole, found invalid
    ],
)
def test_split_numbers(cell: str, numbers: list[str]) -> None:
    assert split_numbers(cell) == numbers


# --- the fast path answers exactly as phonenumbers does --------------------------------

_COUNTRY_CODES = sorted(COUNTRY_CODE_TO_REGION_CODE)
_TYPES = (0, 1, 2, 3, 4, 6)  # fixed, mobile, fixed-or-mobile, toll free, premium, VoIP


_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
    NumberParseException.NOT_A_NUMBER: "not a phone number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too short",
    NumberParseException.TOO_SHORT_NSN: "too short",
    NumberParseException.TOO_LONG: "too long",
}
_NOT_VALID = {
    ValidationResult.IS_POSSIBLE: "unallocated range",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "too short (no area code)",
    ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.INVALID_LENGTH: "wrong length",
    ValidationResult.TOO_LONG: "too long",
}


def _reference(raw: str, region: str) -> tuple[str | None, NumberKind | None, str | None]:
    """phonenumbers alone: parse, is_valid_number, number_type, and why not."""
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException as error:
        return None, None, _PARSE_ERRORS[error.error_type]
    if not phonenumbers.is_valid_number(number):
        return None, None, _NOT_VALID[phonenumbers.is_possible_number_with_reason(number)]
    kind = {
        phonenumbers.PhoneNumberType.MOBILE: NumberKind.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: NumberKind.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE: NumberKind.LANDLINE,
    }.get(phonenumbers.number_type(number), NumberKind.OTHER)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), kind, None


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _grouped(rng: random.Random, digits: str) -> str:
    separator = rng.choice(["", "", " ", ".", "-", "  ", " - "])
    if not separator:
        return digits
    groups: list[str] = []
    while digits:
        size = rng.choice((1, 2, 2, 2, 3))
        groups.append(digits[:size])
        digits = digits[size:]
    return separator.join(groups)


def _random_number(rng: random.Random, region: str, country_code: str) -> str:
    """Well-formed, nearly well-formed and random numbers, in the shapes of real lists."""
    shape = rng.random()
    if shape < 0.20:
        return _grouped(rng, "0" + rng.choice("6789123450") + _digits(rng, 8))
    if shape < 0.30:
        return "+" + country_code + _grouped(rng, _digits(rng, rng.randint(7, 11)))
    if shape < 0.36:
        return "00" + country_code + _digits(rng, rng.randint(7, 11))
    if shape < 0.42:
        return f"+{country_code} (0)" + _grouped(rng, _digits(rng, rng.randint(7, 11)))
    if shape < 0.50:
        return rng.choice("6712") + _digits(rng, rng.randint(7, 9))
    if shape < 0.56:
        return country_code + _digits(rng, rng.randint(7, 11))
    if shape < 0.64:
        code = str(rng.choice(_COUNTRY_CODES))
        return rng.choice(("+", "00")) + code + _grouped(rng, _digits(rng, rng.randint(5, 12)))
    if shape < 0.85:
        example_region = region if rng.random() < 0.6 else rng.choice(_REGIONS)
        example = phonenumbers.example_number_for_type(example_region, rng.choice(_TYPES))
        if example is None:
            return _digits(rng, 9)
        written = phonenumbers.format_number(example, rng.choice((0, 1, 2, 2)))
        # Change some digits: neighbours of valid numbers, valid or not.
        return "".join(
            rng.choice("0123456789") if char.isdigit() and rng.random() < 0.25 else char
            for char in written
        )
    return _grouped(rng, _digits(rng, rng.randint(1, 18)))


_REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


def _compare(region: str, count: int, seed: int) -> tuple[int, int]:
    """Asserts parse() == phonenumbers on `count` random numbers, valid or not, reasons
    included; returns how many valid and invalid ones the fast path answered."""
    rng = random.Random(seed)
    normalizer = PhoneNormalizer(region)
    country_code = str(phonenumbers.country_code_for_region(region))
    fast_valid = fast_invalid = 0
    for _ in range(count):
        raw = _random_number(rng, region, country_code)
        if not raw.strip():
            continue
        expected = _reference(raw, region)
        fast = normalizer.fast_path(raw)
        if fast is not None:
            assert (fast.e164, fast.kind, fast.reason) == expected, (region, raw)
            if fast.valid:
                fast_valid += 1
            else:
                fast_invalid += 1
        # The slow path is phonenumbers itself; check the public answer all the same.
        parsed = normalizer.parse(raw)
        assert (parsed.e164, parsed.kind, parsed.reason) == expected, (region, raw)
        assert normalizer.answer(raw) == expected, (region, raw)  # the import's way
        if parsed.reason == UNALLOCATED:  # said without parsing again: as if it did
            assert normalizer.precise_reason(parsed) == precise_reason(parsed, region), raw
    return fast_valid, fast_invalid


def test_fast_path_matches_phonenumbers_on_200000_french_numbers() -> None:
    fast_valid, fast_invalid = _compare("FR", 200_000, seed=20240601)
    assert fast_valid > 50_000  # the fast path really ran, on both kinds of numbers
    assert fast_invalid > 50_000


@pytest.mark.parametrize(
    "region", ["BE", "CH", "GB", "GG", "US", "CA", "DE", "IT", "RE", "GP", "RU", "KZ", "AR", "MX"]
)
def test_fast_path_matches_phonenumbers_in_other_regions(region: str) -> None:
    fast_valid, fast_invalid = _compare(region, 4_000, seed=int.from_bytes(region.encode(), "big"))
    assert fast_valid > 50
    assert fast_invalid > 50


def test_fast_path_matches_phonenumbers_in_every_region() -> None:
    for index, region in enumerate(_REGIONS):
        _compare(region, 150, seed=index)


def test_fast_path_leaves_doubtful_numbers_to_phonenumbers(fr: PhoneNormalizer) -> None:
    assert fr.fast_path("33612345678") is None  # country code or not: phonenumbers decides
    assert fr.fast_path("06 12 34 56 78 ext 12") is None
    assert fr.fast_path("０６１２３４５６７８") is None  # full-width digits
    assert fr.fast_path("+0033612345678") is None
    assert fr.fast_path("12") is None


def test_fast_path_answers_well_formed_numbers(fr: PhoneNormalizer) -> None:
    assert fr.fast_path(" 06 12 34 56 78 ") == ParsedNumber(
        " 06 12 34 56 78 ", "+33612345678", NumberKind.MOBILE, None
    )
    assert fr.fast_path("06 39 98 12 34") == ParsedNumber(
        "06 39 98 12 34", None, None, "unallocated range"
    )
    assert fr.fast_path("+999 612345678") == ParsedNumber(
        "+999 612345678", None, None, "unknown country code"
    )
    assert fr.fast_path("") == ParsedNumber("", None, None, "empty")


def test_the_normalizers_precise_reason_is_the_one_of_phonenumbers() -> None:
    """PhoneNormalizer.precise_reason answers from the digits its fast path kept; the
    module's precise_reason parses the number again with phonenumbers: the same words."""
    rng = random.Random(15)
    normalizer = PhoneNormalizer("FR")
    written = ["06 12 34 56 7", "0692309494", "+33 6 12 34 56 7", "0033 6 12 34 56 7"]
    written += [f"06 39 98 {rng.randrange(10**4):04d}" for _ in range(200)]
    written += [f"0{rng.randrange(10**9):09d}"[: rng.randint(6, 12)] for _ in range(3000)]
    written += [f"+{rng.choice((32, 41, 44, 1, 49))}{rng.randrange(10**11)}" for _ in range(2000)]
    unallocated = 0
    for raw in written:
        parsed = normalizer.parse(raw)
        if parsed.reason != UNALLOCATED:
            continue
        unallocated += 1
        assert normalizer.precise_reason(parsed) == precise_reason(parsed, "FR"), raw
    assert unallocated > 200
    first, second = normalizer.parse("06 12 34 56 7"), normalizer.parse("06 39 98 1234")
    # not the last number parsed: phonenumbers is asked, the words are the same
    assert normalizer.precise_reason(first) == precise_reason(first, "FR") == "too short"
    assert normalizer.precise_reason(second) == precise_reason(second, "FR")
