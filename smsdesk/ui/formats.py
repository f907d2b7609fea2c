"""The one place the window formats dates, times, numbers, credits, durations and phone numbers
for a person to read, through QLocale (French: `1 234 567`, `01/12/2026 21:35`, `mar. 1 déc.`).

Tables, dialogs and the status bar all call these; exports and the command line keep ISO
instants and E.164 numbers. `i18n.apply_language` sets QLocale's default, so the formats
follow the language; `set_region` and `set_time_zone` follow Preferences.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, tzinfo
from functools import cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

_region = "FR"
_zone: tzinfo | None = None  # None: the system's zone


def set_region(region: str) -> None:
    """The region whose numbers are shown in national format (Preferences)."""
    global _region
    _region = (region or "FR").upper()


def region() -> str:
    """The region of Preferences (numbers typed without a country code belong to it)."""
    return _region


def set_time_zone(zone: tzinfo | None) -> None:
    """The zone instants are shown in (Preferences); None follows the system."""
    global _zone
    _zone = zone


def _locale() -> QLocale:
    return QLocale()


def local(instant: datetime) -> datetime:
    """A stored instant (UTC, naive or aware) in the zone the user reads."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(_zone) if _zone is not None else instant.astimezone()


def count(value: int) -> str:
    """12345 -> "12 345" in French, "12,345" in English."""
    return _locale().toString(int(value))


def number(value: float, decimals: int = 1) -> str:
    """A measured quantity: whole numbers without decimals, others with `decimals`."""
    if float(value).is_integer():
        return count(int(value))
    return _locale().toString(float(value), "f", decimals)


def credits(value: float) -> str:
    """OVH credits: whole when whole ("1 234"), else one decimal ("1 234,5")."""
    return number(value, 1)


def date_time(instant: datetime | None, *, seconds: bool = False) -> str:
    """ "01/12/2026 21:35" in French; "" for no instant."""
    if instant is None:
        return ""
    moment = local(instant)
    locale = _locale()
    day = locale.toString(
        QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat
    )
    clock = QTime(moment.hour, moment.minute, moment.second)
    when = clock.toString("HH:mm:ss" if seconds else "HH:mm")
    return f"{_four_digit_year(day, moment.year)} {when}"


def day(value: date | datetime | None) -> str:
    """ "01/12/2026" in French."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    text = _locale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )
    return _four_digit_year(text, value.year)


def short_day(value: date | datetime) -> str:
    """ "mar. 1 déc." in French, "Tue 1 Dec" in English."""
    if isinstance(value, datetime):
        value = local(value).date()
    return _locale().toString(QDate(value.year, value.month, value.day), "ddd d MMM")


def clock(value: time | datetime) -> str:
    """ "21:35"."""
    if isinstance(value, datetime):
        value = local(value).time()
    return QTime(value.hour, value.minute).toString("HH:mm")


def duration(seconds: float) -> str:
    """ "45 s", "3 min 05 s", "2 h 05 min", "3 j 4 h"."""
    total = max(0, round(seconds))
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    # QCoreApplication.translate spelled out each time: lupdate extracts only that form
    if days:
        return QCoreApplication.translate("formats", "{days} d {hours} h").format(
            days=days, hours=hours
        )
    if hours:
        return QCoreApplication.translate("formats", "{hours} h {minutes:02d} min").format(
            hours=hours, minutes=minutes
        )
    if minutes:
        return QCoreApplication.translate("formats", "{minutes} min {seconds:02d} s").format(
            minutes=minutes, seconds=secs
        )
    return QCoreApplication.translate("formats", "{seconds} s").format(seconds=secs)


@cache
def _display_number() -> Callable[[str, str], str]:
    """domain.phone, on first use: it imports phonenumbers, which the first paint does
    without (a function-level import in `phone` would cost 3 µs a cell)."""
    from smsdesk.domain.phone import display_number

    return display_number


def phone(e164: str) -> str:
    """A stored number as people of the region read it: "06 12 34 56 78"."""
    return _display_number()(e164, _region)


def _four_digit_year(text: str, year: int) -> str:
    """QLocale's short formats write two-digit years in some locales ("1/12/26"): keep four."""
    short = f"{year % 100:02d}"
    if str(year) not in text and text.endswith(short):
        return text[: -len(short)] + str(year)
    return text
