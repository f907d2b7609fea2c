"""ui/formats in French and in English: the values a person reads, written out by hand.

French groups digits with a narrow no-break space (U+202F, CLDR's choice, which QLocale
follows) and keeps a unit on its number's line with a no-break space (U+00A0).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from smsdesk.ui import formats, i18n

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture
def paris() -> Iterator[None]:
    formats.set_time_zone(ZoneInfo("Europe/Paris"))
    yield
    formats.set_time_zone(None)


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    locale = QLocale()
    i18n.apply_language(request.param)
    yield request.param
    while i18n._installed:  # other modules read the source strings
        QCoreApplication.removeTranslator(i18n._installed.pop())
    i18n._current = ""
    QLocale.setDefault(locale)


def expect(language: str, french: str, english: str) -> str:
    return french if language == "fr" else english


def test_counts_group_thousands(language):
    assert formats.count(1234567) == expect(language, f"1{NNBSP}234{NNBSP}567", "1,234,567")
    assert formats.count(999) == "999"
    assert formats.count(0) == "0"
    assert formats.count(-71841) == expect(language, f"-71{NNBSP}841", "-71,841")


def test_numbers_whole_without_decimals_others_with_one(language):
    assert formats.number(100000.0) == expect(language, f"100{NNBSP}000", "100,000")
    assert formats.number(1234.56) == expect(language, f"1{NNBSP}234,6", "1,234.6")
    assert formats.number(0.25, 2) == expect(language, "0,25", "0.25")


def test_credits(language):
    assert formats.credits(100000) == expect(language, f"100{NNBSP}000", "100,000")
    assert formats.credits(1234.5) == expect(language, f"1{NNBSP}234,5", "1,234.5")
    assert formats.credits(0.1) == expect(language, "0,1", "0.1")


def test_date_time_in_the_chosen_zone(language, paris):
    winter = datetime(2026, 12, 1, 20, 35, 7, tzinfo=UTC)  # 21:35 in Paris (UTC+1)
    assert formats.date_time(winter) == "01/12/2026 21:35"
    assert formats.date_time(winter, seconds=True) == "01/12/2026 21:35:07"
    # a naive instant is a stored UTC one; summer time is UTC+2
    assert formats.date_time(datetime(2026, 7, 14, 8, 0)) == "14/07/2026 10:00"
    assert formats.date_time(None) == ""


def test_a_fixed_zone(language):
    formats.set_time_zone(timezone(timedelta(hours=-5)))
    try:
        assert formats.date_time(datetime(2026, 1, 1, 3, 0, tzinfo=UTC)) == "31/12/2025 22:00"
    finally:
        formats.set_time_zone(None)


def test_days(language, paris):
    assert formats.day(date(2026, 1, 2)) == "02/01/2026"
    assert formats.day(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "01/01/2027"  # Paris
    assert formats.day(None) == ""
    assert formats.short_day(date(2026, 12, 1)) == expect(language, "mar. 1 déc.", "Tue 1 Dec")
    assert formats.short_day(date(2026, 8, 15)) == expect(language, "sam. 15 août", "Sat 15 Aug")


def test_clock(language, paris):
    assert formats.clock(time(9, 5)) == "09:05"
    assert formats.clock(datetime(2026, 12, 1, 23, 0, tzinfo=UTC)) == "00:00"


def test_durations(language):
    f = NBSP  # French keeps each figure with its unit
    assert formats.duration(45) == expect(language, f"45{f}s", "45 s")
    assert formats.duration(185) == expect(language, f"3{f}min 05{f}s", "3 min 05 s")
    assert formats.duration(7500) == expect(language, f"2{f}h 05{f}min", "2 h 05 min")
    assert formats.duration(3 * 86400 + 4 * 3600 + 50) == expect(
        language, f"3{f}j 4{f}h", "3 d 4 h"
    )
    assert formats.duration(-3) == expect(language, f"0{f}s", "0 s")
    assert formats.duration(59.6) == expect(language, f"1{f}min 00{f}s", "1 min 00 s")


@pytest.fixture
def region() -> Iterator[None]:
    yield
    formats.set_region("FR")


def test_phone_national_in_its_region_international_elsewhere(region):
    formats.set_region("FR")
    assert formats.phone("+33612345678") == "06 12 34 56 78"
    assert formats.phone("+32470123456") == "+32 470 12 34 56"
    formats.set_region("be")
    assert formats.phone("+32470123456") == "0470 12 34 56"
    assert formats.phone("+33612345678") == "+33 6 12 34 56 78"
    formats.set_region("")  # no region chosen: France
    assert formats.phone("+33612345678") == "06 12 34 56 78"
    assert formats.phone("not a number") == "not a number"
