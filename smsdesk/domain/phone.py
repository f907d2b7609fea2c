"""Parse, normalise and classify phone numbers.

`PhoneNormalizer.parse` answers exactly what phonenumbers answers (`parse` for a default
region, then `is_valid_number` and `number_type`), only faster: phonenumbers costs about
50 µs a number, far too slow for a list of a million rows. Most rows are already well
formed (`+33612345678`, `06 12 34 56 78`, `0033...`, `612345678` after Excel dropped the
zero), so a fast path handles strings made only of ASCII digits, an optional leading `+`
and the separators ` .-()`. It replays phonenumbers' own steps (international prefix,
country code, national prefix) with phonenumbers' own metadata for every region of the
country code, compiled once. It only ever answers for numbers it finds valid; anything
else (invalid numbers, for their reason, letters, odd shapes) goes to phonenumbers.
A test compares both on a large random sample.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from phonenumbers import (
    COUNTRY_CODE_TO_REGION_CODE,
    NumberParseException,
    PhoneMetadata,
    PhoneNumberType,
    ValidationResult,
)

from smsdesk.domain import operators
from smsdesk.domain.operators import OPERATOR_NAMES


class NumberKind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"
    # VoIP, premium rate, shared cost, toll free, personal, pager, UAN, voicemail.
    OTHER = "other"


class Rejection(StrEnum):
    """Why a row of a recipient list is not imported."""

    INVALID = "invalid"
    NOT_MOBILE = "landline"  # landline, VoIP and the other kinds that cannot receive an SMS
    DUPLICATE = "duplicate"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """One number as written (`raw`) and what it is.

    `e164` and `kind` are set for a valid number, `reason` for an invalid one
    ("empty", "not a phone number", "too short", "too long", "wrong length",
    "unknown country code", "unallocated range", ...).
    """

    raw: str
    e164: str | None
    kind: NumberKind | None
    reason: str | None

    @property
    def valid(self) -> bool:
        return self.e164 is not None


_KIND_OF_TYPE: dict[int, NumberKind] = {
    PhoneNumberType.MOBILE: NumberKind.MOBILE,
    # NANPA numbers (US, CA, ...) cannot be told apart; they usually receive SMS.
    PhoneNumberType.FIXED_LINE_OR_MOBILE: NumberKind.MOBILE,
    PhoneNumberType.FIXED_LINE: NumberKind.LANDLINE,
}

_PARSE_ERROR_REASONS: dict[int, str] = {
    NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
    NumberParseException.NOT_A_NUMBER: "not a phone number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too short",
    NumberParseException.TOO_SHORT_NSN: "too short",
    NumberParseException.TOO_LONG: "too long",
}

_POSSIBLE_REASONS: dict[int, str] = {
    ValidationResult.IS_POSSIBLE: "unallocated range",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "too short (no area code)",
    ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.INVALID_LENGTH: "wrong length",
    ValidationResult.TOO_LONG: "too long",
}

# The separators the fast path accepts; phonenumbers ignores all of them as punctuation.
_SEPARATORS = (" ", ".", "-", "(", ")")
# A longer string is certainly not a well-formed number: leave it to phonenumbers.
_FAST_MAX_CHARS = 40
_MAX_COUNTRY_CODE_DIGITS = 3

# The order in which phonenumbers' number_type tries the descriptions before fixed line.
_SPECIAL_TYPES: tuple[tuple[str, int], ...] = (
    ("premium_rate", PhoneNumberType.PREMIUM_RATE),
    ("toll_free", PhoneNumberType.TOLL_FREE),
    ("shared_cost", PhoneNumberType.SHARED_COST),
    ("voip", PhoneNumberType.VOIP),
    ("personal_number", PhoneNumberType.PERSONAL_NUMBER),
    ("pager", PhoneNumberType.PAGER),
    ("uan", PhoneNumberType.UAN),
    ("voicemail", PhoneNumberType.VOICEMAIL),
)


_UNDO_STRIPPING = frozenset(
    {
        ValidationResult.TOO_SHORT,
        ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
        ValidationResult.INVALID_LENGTH,
    }
)
# phonenumbers' _MIN_LENGTH_FOR_NSN and _MAX_LENGTH_FOR_NSN.
_MIN_NSN_DIGITS = 2
_MAX_NSN_DIGITS = 17


class _Unsure(Exception):
    """The fast path cannot tell for certain: ask phonenumbers."""


def _desc_pattern(desc: object, length: int) -> str | None:
    """The pattern of a PhoneNumberDesc when it can match a number of this many digits
    (phonenumbers' _is_number_matching_desc checks the possible lengths first)."""
    pattern: str | None = getattr(desc, "national_number_pattern", None)
    if not pattern:
        return None
    declared = getattr(desc, "possible_length", None) or ()
    if declared and length not in declared:
        return None
    return pattern


class _RegionRules:
    """One region's metadata, compiled: validity, type, national prefix."""

    def __init__(self, metadata: PhoneMetadata) -> None:
        general = metadata.general_desc
        self.region: str = metadata.id
        general_pattern = general.national_number_pattern if general is not None else None
        self.general: re.Pattern[str] | None = (
            re.compile(general_pattern) if general_pattern else None
        )
        self.general_lengths: tuple[int, ...] = tuple(
            general.possible_length or () if general is not None else ()
        )
        self.local_lengths: frozenset[int] = frozenset(
            general.possible_length_local_only or () if general is not None else ()
        )
        self._metadata = metadata
        # One regex per number length: no length checks left inside, so it fails fast.
        self._types_by_length: dict[int, re.Pattern[str] | None] = {}
        self.leading_digits: re.Pattern[str] | None = (
            re.compile(metadata.leading_digits) if metadata.leading_digits else None
        )
        prefix = metadata.national_prefix_for_parsing
        self.national_prefix: re.Pattern[str] | None = re.compile(prefix) if prefix else None
        # Most prefixes are plain digits ("0", "1", "8"): startswith is enough for those.
        self.literal_prefix: str | None = prefix if prefix and prefix.isdigit() else None
        self.prefix_transform: bool = bool(metadata.national_prefix_transform_rule)
        idd = metadata.international_prefix
        self.idd: re.Pattern[str] | None = re.compile(idd) if idd else None

    def _compile_types(self, length: int) -> re.Pattern[str] | None:
        """phonenumbers' _number_type_helper for numbers of `length` digits as one regex:
        the general description must match, then the first alternative that fullmatches
        names the type (by the empty group `t<type>` that closes it: `lastgroup`)."""
        metadata = self._metadata
        general = _desc_pattern(metadata.general_desc, length)
        if general is None:
            return None
        alternatives: list[tuple[str, int]] = [
            (fragment, number_type)
            for attr, number_type in _SPECIAL_TYPES
            if (fragment := _desc_pattern(getattr(metadata, attr), length)) is not None
        ]
        fixed = _desc_pattern(metadata.fixed_line, length)
        mobile = _desc_pattern(metadata.mobile, length)
        same = bool(metadata.same_mobile_and_fixed_line_pattern)
        if fixed is not None:
            if same:
                alternatives.append((fixed, PhoneNumberType.FIXED_LINE_OR_MOBILE))
            else:
                if mobile is not None:
                    both = rf"(?=(?:{fixed})\Z)(?:{mobile})"
                    alternatives.append((both, PhoneNumberType.FIXED_LINE_OR_MOBILE))
                alternatives.append((fixed, PhoneNumberType.FIXED_LINE))
        if mobile is not None and not same:
            alternatives.append((mobile, PhoneNumberType.MOBILE))
        if not alternatives:
            return None
        body = "|".join(
            f"(?:{fragment})(?P<t{number_type}>)" for fragment, number_type in alternatives
        )
        return re.compile(rf"(?=(?:{general})\Z)(?:{body})")

    def number_type(self, nsn: str) -> int:
        """phonenumbers' _number_type_helper: UNKNOWN when the number is not valid here."""
        length = len(nsn)
        try:
            types = self._types_by_length[length]
        except KeyError:
            types = self._types_by_length[length] = self._compile_types(length)
        if types is None:
            return PhoneNumberType.UNKNOWN
        found = types.fullmatch(nsn)
        if found is None or found.lastgroup is None:
            return PhoneNumberType.UNKNOWN
        return int(found.lastgroup[1:])

    def length_result(self, nsn: str) -> int:
        """phonenumbers' _test_number_length for any type (a ValidationResult)."""
        length = len(nsn)
        lengths = self.general_lengths
        if length in self.local_lengths:
            return ValidationResult.IS_POSSIBLE_LOCAL_ONLY
        if not lengths:
            raise _Unsure
        if length == lengths[0]:
            return ValidationResult.IS_POSSIBLE
        if length < lengths[0]:
            return ValidationResult.TOO_SHORT
        if length > lengths[-1]:
            return ValidationResult.TOO_LONG
        return (
            ValidationResult.IS_POSSIBLE if length in lengths else ValidationResult.INVALID_LENGTH
        )

    def strip_national_prefix(self, number: str) -> str:
        """phonenumbers' _maybe_strip_national_prefix_carrier_code plus parse's length check."""
        if self.national_prefix is None or not number:
            return number
        if self.literal_prefix is not None:
            if not number.startswith(self.literal_prefix):
                return number
            end = len(self.literal_prefix)
        else:
            found = self.national_prefix.match(number)
            if found is None:
                return number
            end = found.end()
        if self.prefix_transform:
            raise _Unsure
        stripped = number[end:]
        # phonenumbers' _match_national_number: the pattern alone, lengths not checked
        general = self.general
        if (
            general is not None
            and general.fullmatch(number) is not None
            and general.fullmatch(stripped) is None
        ):
            return number
        # parse() keeps the prefix when what is left cannot be a whole number.
        if self.length_result(stripped) in _UNDO_STRIPPING:
            return number
        return stripped


class _CountryRules:
    """Every region that shares one country calling code, in phonenumbers' order."""

    def __init__(self, country_code: int, regions: list[_RegionRules]) -> None:
        self.country_code = country_code
        self.prefix = f"+{country_code}"
        self.regions = regions
        # parse() strips the national prefix with the main region's metadata.
        self.main = regions[0]
        self.classify: Callable[[str], int] = (
            self.main.number_type if len(regions) == 1 else self._classify  # one call less
        )

    def _classify(self, nsn: str) -> int:
        """number_type(), or UNKNOWN when is_valid_number() would say no."""
        # phonenumbers' _region_code_for_number_from_list.
        for region in self.regions:
            if region.leading_digits is not None:
                if region.leading_digits.match(nsn):
                    return region.number_type(nsn)
            else:
                number_type = region.number_type(nsn)
                if number_type != PhoneNumberType.UNKNOWN:
                    return number_type
        return PhoneNumberType.UNKNOWN


@functools.cache
def _country_rules(country_code: int) -> _CountryRules | None:
    region_codes = COUNTRY_CODE_TO_REGION_CODE.get(country_code)
    if not region_codes or region_codes[0] == "001":
        return None  # non-geographical entities: left to phonenumbers
    regions = []
    for code in region_codes:
        metadata = PhoneMetadata.metadata_for_region(code, None)
        if metadata is None:
            return None
        regions.append(_RegionRules(metadata))
    return _CountryRules(country_code, regions)


_Answer = tuple[str | None, NumberKind | None, str | None]
_TOO_SHORT: _Answer = (None, None, "too short")
_TOO_LONG: _Answer = (None, None, "too long")
_UNKNOWN_COUNTRY: _Answer = (None, None, "unknown country code")
# A string with fewer digits may still be "viable" to phonenumbers, or not.
_VIABLE_DIGITS = 3


_OTHER = NumberKind.OTHER
_UNKNOWN_TYPE = PhoneNumberType.UNKNOWN


def _kind_of(number_type: int) -> NumberKind:
    return _KIND_OF_TYPE.get(number_type, _OTHER)


class PhoneNormalizer:
    """Parses numbers written for a default region (ISO 3166 code, e.g. "FR")."""

    def __init__(self, region: str = "FR") -> None:
        self.region = region.upper()
        metadata = PhoneMetadata.metadata_for_region(self.region, None)
        if metadata is None:
            raise ValueError(f"unknown region {region!r}")
        self._home = _RegionRules(metadata)
        self._home_country = _country_rules(metadata.country_code)
        self._home_code = str(metadata.country_code)
        # the country and national digits of the last number found unallocated
        self._unallocated: tuple[_CountryRules, str] | None = None
        self._last_unallocated: tuple[str, _CountryRules, str] | None = None

    def parse(self, raw: str) -> ParsedNumber:
        return self.fast_path(raw) or self._full(raw)

    def answer(self, raw: str) -> tuple[str | None, NumberKind | None, str | None]:
        """`parse(raw)` as a plain (e164, kind, reason) tuple, for an import's million
        numbers: the fast path's answer as it is, no ParsedNumber built for it."""
        text = raw.strip()
        if text:
            try:
                answer = self._fast_path(text)
            except _Unsure:
                answer = None
            if answer is not None:
                if answer[2] == UNALLOCATED and self._unallocated is not None:
                    country, nsn = self._unallocated
                    self._last_unallocated = (raw, country, nsn)
                return answer
        parsed = self.parse(raw)  # empty, or phonenumbers decides
        return parsed.e164, parsed.kind, parsed.reason

    def fast_path(self, raw: str) -> ParsedNumber | None:
        """The answer for a number written with ASCII digits, an optional leading `+`
        and the separators ` .-()`, valid or not, exactly as phonenumbers would give it;
        None when phonenumbers itself must answer. Public for the test that checks it
        against phonenumbers, and for benchmarks; callers use `parse`."""
        text = raw.strip()
        if not text:
            return ParsedNumber(raw, None, None, "empty")
        try:
            answer = self._fast_path(text)
        except _Unsure:
            return None
        if answer is None:
            return None
        e164, kind, reason = answer
        if reason == UNALLOCATED and self._unallocated is not None:
            country, nsn = self._unallocated
            self._last_unallocated = (raw, country, nsn)
        return ParsedNumber(raw, e164, kind, reason)

    def _fast_path(self, text: str) -> _Answer | None:
        if len(text) > _FAST_MAX_CHARS:
            return None
        plus = text[0] == "+"
        digits = text[1:] if plus else text
        if not digits.isdigit():
            # str.replace is much faster than translate or re.sub on such short strings.
            for separator in _SEPARATORS:
                digits = digits.replace(separator, "")
            if not digits.isdigit():
                return None
        if not digits.isascii() or len(digits) < _VIABLE_DIGITS:
            return None  # phonenumbers' viability rules for two digits: leave them to it
        if plus:
            return self._international(digits)
        if self._home.idd is not None:
            idd = self._home.idd.match(digits)
            if idd is not None:
                after = digits[idd.end() :]
                # phonenumbers keeps the prefix when a 0 follows it (no country code starts with 0).
                if not after.startswith("0"):
                    if len(after) <= _MIN_NSN_DIGITS:
                        return _TOO_SHORT  # TOO_SHORT_AFTER_IDD
                    return self._after_idd(after)
        if self._home_country is None or digits.startswith(self._home_code):
            # phonenumbers may then take the leading digits as the country code: ask it.
            return None
        return self._answer(self._home_country, self._home.strip_national_prefix(digits))

    def _international(self, digits: str) -> _Answer | None:
        """After a `+`."""
        if digits[0] == "0":
            return None  # phonenumbers then retries without the `+`: leave it to it
        answer = self._after_idd(digits)
        if (
            answer is _UNKNOWN_COUNTRY
            and self._home.idd is not None
            and self._home.idd.match(digits)
        ):
            return None  # the retry without the `+` would see an international prefix
        return answer

    def _after_idd(self, digits: str) -> _Answer | None:
        """Digits that start with a country code (after `+` or an international prefix)."""
        for size in range(1, _MAX_COUNTRY_CODE_DIGITS + 1):
            code = int(digits[:size])
            if code in COUNTRY_CODE_TO_REGION_CODE:
                country = _country_rules(code)
                if country is None:
                    return None
                rest = digits[size:]
                if len(rest) < _MIN_NSN_DIGITS:
                    return _TOO_SHORT  # TOO_SHORT_NSN
                return self._answer(country, country.main.strip_national_prefix(rest))
        return _UNKNOWN_COUNTRY

    def _answer(self, country: _CountryRules, nsn: str) -> _Answer:
        if len(nsn) > _MAX_NSN_DIGITS:
            return _TOO_LONG
        number_type = country.classify(nsn)
        if number_type != _UNKNOWN_TYPE:
            return country.prefix + nsn, _KIND_OF_TYPE.get(number_type, _OTHER), None
        # is_possible_number_with_reason: the main region's lengths say why.
        reason = _POSSIBLE_REASONS.get(country.main.length_result(nsn), "invalid")
        if reason == UNALLOCATED:
            self._unallocated = (country, nsn)  # for precise_reason, without parsing again
        return None, None, reason

    def precise_reason(self, parsed: ParsedNumber) -> str | None:
        """`precise_reason(parsed, self.region)`, for the number this normalizer parsed
        last: its national digits are known, phonenumbers need not parse it again
        (~40 µs: a list has thousands of "06 12 34 56 7")."""
        last = self._last_unallocated
        if parsed.reason != UNALLOCATED or last is None or last[0] != parsed.raw:
            return precise_reason(parsed, self.region)
        _raw, country, nsn = last
        lengths = country.main.general_lengths
        if not lengths or not nsn.isdigit():
            return precise_reason(parsed, self.region)
        digits = len(str(int(nsn)))  # as phonenumbers' national_number: no leading 0
        if digits < min(lengths):
            return "too short"
        if digits > max(lengths):
            return "too long"
        return parsed.reason

    def _full(self, raw: str) -> ParsedNumber:
        try:
            number = phonenumbers.parse(raw, self.region)
        except NumberParseException as error:
            reason = _PARSE_ERROR_REASONS.get(error.error_type, "not a phone number")
            return ParsedNumber(raw, None, None, reason)
        if not phonenumbers.is_valid_number(number):
            possible = phonenumbers.is_possible_number_with_reason(number)
            return ParsedNumber(raw, None, None, _POSSIBLE_REASONS.get(possible, "invalid"))
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return ParsedNumber(raw, e164, _kind_of(phonenumbers.number_type(number)), None)


UNALLOCATED = "unallocated range"


def precise_reason(parsed: ParsedNumber, region: str = "FR") -> str | None:
    """The reason a person understands: phonenumbers calls "06 12 34 56 7" possible but
    unallocated (the national prefix is then read as a digit of the number); counted
    without that prefix it is one digit short. "too short" / "too long" when the number
    has fewer / more digits than its country's numbers, else the reason as it was."""
    if parsed.reason != UNALLOCATED:
        return parsed.reason
    try:
        number = phonenumbers.parse(parsed.raw, region)
    except NumberParseException:
        return parsed.reason
    if number.country_code is None or number.national_number is None:
        return parsed.reason
    metadata = PhoneMetadata.metadata_for_region(
        phonenumbers.region_code_for_country_code(number.country_code), None
    )
    general = metadata.general_desc if metadata is not None else None
    lengths = tuple(general.possible_length or ()) if general is not None else ()
    if not lengths:
        return parsed.reason
    digits = len(str(number.national_number))  # the national prefix's 0 is not kept
    if digits < min(lengths):
        return "too short"
    if digits > max(lengths):
        return "too long"
    return parsed.reason


@functools.cache
def _normalizer(region: str) -> PhoneNormalizer:
    return PhoneNormalizer(region)


def normalize(raw: str, region: str = "FR") -> ParsedNumber:
    """`PhoneNormalizer(region).parse(raw)` with one cached normalizer per region."""
    return _normalizer(region.upper()).parse(raw)


# Between two numbers in one cell: / , ; | tab, newline, Google's " ::: ", "et", "ou", "or"...
_NUMBER_SEPARATORS = re.compile(r"\s*(?::::|[/,;|\t\r\n]|\s(?:et|ou|and|or|&)\s)\s*", re.I)
_SEPARATOR_CHARS = frozenset("/,;|\t\r\n:")
_TWO_NUMBERS_MIN_CHARS = 17
# A quick test, true for every cell that may hold several numbers (and a few others).
_MAYBE_SEVERAL = re.compile(
    r"[/,;|\t\r\n]|:::|\s(?:et|ou|and|or|&)\s|[\d.\-()]{8}\s+[+(]?\d[\d.\-()]{7}", re.I
)
# A whitespace-separated token that holds a whole number by itself (at least 8 digits).
_WHOLE_NUMBER_TOKEN = re.compile(r"\+?[\d.\-()]*(?:\d[\d.\-()]*){8,}")


def split_numbers(cell: str) -> list[str]:
    """The numbers a cell holds, stripped; [] for a blank cell.

    "06 12 34 56 78 / 07 98 76 54 32", "0612345678, 0698765432" and
    "+33 6 12 34 56 78 ::: +33 7 98 76 54 32" hold two numbers each. Spaces split only
    between tokens that are each a whole number ("0612345678 0798765432"), never
    inside one number written in groups ("06 12 34 56 78"). Pieces without a digit are
    dropped ("06 12 34 56 78 / bureau"), unless no piece has one: "n/a" stays whole.
    """
    text = cell.strip()
    if not text:
        return []
    # The common case, quickly: no separator, and too short for two whole numbers
    # written side by side ("0612345678 0798765432", "... et ...": 17 characters at least).
    if len(text) < _TWO_NUMBERS_MIN_CHARS and _SEPARATOR_CHARS.isdisjoint(text):
        return [text]
    if _MAYBE_SEVERAL.search(text) is None:
        return [text]
    numbers: list[str] = []
    for piece in _NUMBER_SEPARATORS.split(text):
        piece = piece.strip()
        if not piece or not any(char.isdigit() for char in piece):
            continue
        tokens = piece.split()
        if len(tokens) > 1 and all(_WHOLE_NUMBER_TOKEN.fullmatch(token) for token in tokens):
            numbers.extend(tokens)
        else:
            numbers.append(piece)
    return numbers or [text]


def operator_name(code: str | None, e164: str | None = None) -> str:
    """The operator of an operator check's MCC+MNC code ("20815" -> "Free Mobile"); when
    the code is unknown, the network the number was first given by (phonenumbers' carrier
    data: a ported number has moved since), else the code itself, else ""."""
    if code and code.replace("-", "").strip() in OPERATOR_NAMES:
        return operators.operator_name(code)
    if e164:
        from phonenumbers import carrier

        try:
            name = carrier.name_for_number(phonenumbers.parse(e164, None), "en")
        except Exception:  # a bad number, or a bundle without the carrier data
            name = ""
        if name:
            return str(name)
    return code or ""


@functools.lru_cache(maxsize=8192)
def display_number(e164: str, region: str = "FR") -> str:
    """How a person reads a stored number: the national format when it belongs to `region`
    (+33612345678 -> "06 12 34 56 78" in France), the international one otherwise
    ("+32 470 12 34 56"). Exports and the command line keep E.164."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region.upper():
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
