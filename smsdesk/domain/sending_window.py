"""Hours during which a campaign may send: local opening hours, weekdays, public holidays.

A window is evaluated in its own time zone, whatever the zone of the instant it is asked
about. On each allowed local day it is open over one interval of instants
``[opening, closing)``:

* ``opening`` is the first instant at which the local clock reads ``start``;
* ``closing`` is the first instant at which the local clock reads ``end``. ``end ==
  time(0, 0)`` means midnight at the *end* of the day (24:00), so ``start=00:00,
  end=00:00`` is a whole day.

"First instant at which the clock reads t" settles the daylight-saving cases: a wall time
skipped by a spring-forward gap resolves to the end of the gap (02:30 on the March change in
Paris -> 03:00 CEST), and a wall time repeated by a fall-back resolves to its first
occurrence (02:30 on the October change -> 02:30 CEST, and the window stays open through
the repeated hour rather than closing and reopening).

All datetimes returned are aware and in UTC. Naive datetimes are refused: a naive instant
would silently mean "the machine's zone", which is exactly the bug this module exists to
prevent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MIDNIGHT: Final = time(0, 0)
ALL_WEEKDAYS: Final = frozenset(range(7))

# Returned by closes_at() for a window that is open and has no closing ahead (ALWAYS_OPEN):
# far enough to never be reached, near enough that converting it to any zone cannot overflow.
NEVER_CLOSES: Final = datetime(9999, 12, 1, tzinfo=UTC)

# Any sane window opens within a couple of weeks; the bound only stops an endless search
# on a window whose allowed days are all holidays (e.g. weekdays={6} with a country whose
# every Sunday is a holiday).
_SEARCH_DAYS: Final = 3 * 366

_JSON_VERSION: Final = 1


@lru_cache(maxsize=256)
def _holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    """Public holidays of one year, computed once per (country, subdivision, year)."""
    import holidays  # 0.2 s to import, 0.3 s for a first calendar: only when one is needed

    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


@lru_cache(maxsize=64)
def _load_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def _first_instant_at(day: date, wall: time, zone: tzinfo) -> datetime:
    """First UTC instant at which the clock in ``zone`` reads ``wall`` on ``day`` (or later,
    when ``wall`` falls in a gap)."""
    local = datetime.combine(day, wall, tzinfo=zone)  # fold=0: first occurrence if repeated
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == local.replace(tzinfo=None):
        return instant
    # Nonexistent wall time. fold=1 reads it with the offset in force after the jump, which
    # lands before the transition; fold=0 lands after it. Bisect for the transition itself.
    before = local.replace(fold=1).astimezone(UTC)
    after_offset = instant.astimezone(zone).utcoffset()
    lo, hi = int(before.timestamp()), int(instant.timestamp())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, UTC).astimezone(zone).utcoffset() == after_offset:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC)


def _require_aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.tzinfo.utcoffset(instant) is None:
        raise ValueError(f"instant must be timezone-aware, got naive {instant.isoformat()}")


def _time_to_json(value: time, *, end: bool) -> str:
    if end and value == MIDNIGHT:
        return "24:00"
    return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")


def _time_from_json(raw: object, key: str) -> time:
    if not isinstance(raw, str):
        raise ValueError(f"sending window {key!r} must be a string like '08:00', got {raw!r}")
    if key == "end" and raw in ("24:00", "24:00:00"):
        return MIDNIGHT
    try:
        return time.fromisoformat(raw)
    except ValueError as exc:
        raise ValueError(f"sending window {key!r} is not a time: {raw!r}") from exc


@dataclass(frozen=True)
class SendingWindow:
    """When a campaign may send. Immutable, hashable, stored as JSON in ``campaign.window``.

    ``end`` is exclusive; ``end == time(0, 0)`` means the end of the day (24:00).
    ``weekdays`` uses ``date.weekday()`` numbering: Monday=0 .. Sunday=6.
    ``subdivision`` narrows the holiday calendar (e.g. "57" for Moselle), None = national.
    """

    start: time = time(8, 0)
    end: time = time(20, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4, 5})
    skip_public_holidays: bool = True
    country: str = "FR"
    timezone: str = "Europe/Paris"
    subdivision: str | None = None
    _zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, time):
                raise ValueError(f"sending window {name} must be a datetime.time, got {value!r}")
            if value.tzinfo is not None:
                raise ValueError(
                    f"sending window {name} must be a local wall-clock time without tzinfo "
                    f"(the zone is the window's timezone field), got {value!r}"
                )
        if self.end != MIDNIGHT and not self.start < self.end:
            raise ValueError(
                f"sending window start {self.start:%H:%M} must be before end {self.end:%H:%M}"
                " (use end=00:00 for a window that runs to midnight)"
            )
        # Accept any iterable of ints from callers, keep a frozenset so the window is hashable.
        weekdays = frozenset(self.weekdays)
        object.__setattr__(self, "weekdays", weekdays)
        if not weekdays:
            raise ValueError("sending window needs at least one weekday (Monday=0 .. Sunday=6)")
        bad = sorted(d for d in weekdays if not isinstance(d, int) or not 0 <= d <= 6)
        if bad:
            raise ValueError(f"sending window weekdays must be 0 (Monday) .. 6 (Sunday): {bad}")
        object.__setattr__(self, "_zone", _load_zone(self.timezone))
        # France's national calendar exists (tests/test_startup_costs.py): the default window,
        # built at import, does not load the holidays package
        if self.skip_public_holidays and (self.country, self.subdivision) != ("FR", None):
            try:
                _holiday_dates(self.country, self.subdivision, 2000)
            except NotImplementedError as exc:
                where = self.country + (f"/{self.subdivision}" if self.subdivision else "")
                raise ValueError(f"no public-holiday calendar for {where!r}") from exc

    # ------------------------------------------------------------------ serialisation

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": _JSON_VERSION,
                "start": _time_to_json(self.start, end=False),
                "end": _time_to_json(self.end, end=True),
                "weekdays": sorted(self.weekdays),
                "skip_public_holidays": self.skip_public_holidays,
                "country": self.country,
                "subdivision": self.subdivision,
                "timezone": self.timezone,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, s: str) -> SendingWindow:
        """Parse what to_json wrote. Missing keys take the defaults; bad values raise
        ValueError (json.JSONDecodeError is one)."""
        data = json.loads(s)
        if not isinstance(data, dict):
            raise ValueError(f"sending window JSON must be an object, got {type(data).__name__}")
        version = data.pop("version", _JSON_VERSION)
        if version != _JSON_VERSION:
            raise ValueError(f"unsupported sending window JSON version {version!r}")
        known = {
            "start",
            "end",
            "weekdays",
            "skip_public_holidays",
            "country",
            "subdivision",
            "timezone",
        }
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown sending window keys: {unknown}")
        kwargs: dict[str, Any] = {}
        for key in ("start", "end"):
            if key in data:
                kwargs[key] = _time_from_json(data[key], key)
        if "weekdays" in data:
            days = data["weekdays"]
            if not isinstance(days, list) or not all(
                isinstance(d, int) and not isinstance(d, bool) for d in days
            ):
                raise ValueError(f"sending window weekdays must be a list of ints, got {days!r}")
            kwargs["weekdays"] = frozenset(days)
        if "skip_public_holidays" in data:
            if not isinstance(data["skip_public_holidays"], bool):
                raise ValueError("sending window skip_public_holidays must be true or false")
            kwargs["skip_public_holidays"] = data["skip_public_holidays"]
        for key in ("country", "timezone"):
            if key in data:
                if not isinstance(data[key], str):
                    raise ValueError(f"sending window {key} must be a string")
                kwargs[key] = data[key]
        if "subdivision" in data:
            if data["subdivision"] is not None and not isinstance(data["subdivision"], str):
                raise ValueError("sending window subdivision must be a string or null")
            kwargs["subdivision"] = data["subdivision"]
        return cls(**kwargs)

    # ------------------------------------------------------------------ queries

    @property
    def never_closes(self) -> bool:
        """True when every instant is open (whole days, every day, holidays included)."""
        return (
            self.start == MIDNIGHT
            and self.end == MIDNIGHT
            and self.weekdays == ALL_WEEKDAYS
            and not self.skip_public_holidays
        )

    def is_allowed_day(self, day: date) -> bool:
        """Whether the window opens at all on this local date."""
        if day.weekday() not in self.weekdays:
            return False
        return not (
            self.skip_public_holidays
            and day in _holiday_dates(self.country, self.subdivision, day.year)
        )

    def period(self, day: date) -> tuple[datetime, datetime] | None:
        """The open interval ``[opening, closing)`` (UTC) of a local date, or None if the
        window does not open that day (weekday, holiday, or empty after a DST jump)."""
        return _day_period(self, day)

    def _local_date(self, instant: datetime) -> date:
        return instant.astimezone(self._zone).date()

    def _containing_period(self, instant: datetime) -> tuple[datetime, datetime] | None:
        # A period lies within its own local date, except around a fall-back that crosses
        # midnight (the repeated hour shows the previous date): check the neighbours too.
        today = self._local_date(instant)
        for offset in (-1, 0, 1):
            span = self.period(today + timedelta(days=offset))
            if span is not None and span[0] <= instant < span[1]:
                return span
        return None

    def is_open(self, instant: datetime) -> bool:
        _require_aware(instant)
        if self.never_closes:
            return True
        return self._containing_period(instant) is not None

    def next_open(self, instant: datetime) -> datetime:
        """``instant`` itself (in UTC) if the window is open then, else the next opening."""
        _require_aware(instant)
        instant = instant.astimezone(UTC)
        if self.never_closes:
            return instant
        first_day = self._local_date(instant) - timedelta(days=1)
        for offset in range(_SEARCH_DAYS):
            span = self.period(first_day + timedelta(days=offset))
            if span is not None and instant < span[1]:
                return max(span[0], instant)
        raise ValueError(
            f"sending window {self!r} does not open within {_SEARCH_DAYS} days "
            f"of {instant.isoformat()}"
        )

    def closes_at(self, instant: datetime) -> datetime | None:
        """When the open period containing ``instant`` ends (UTC), None if closed now.

        Back-to-back days (e.g. 00:00-24:00 every day) form one period. A window that never
        closes returns NEVER_CLOSES, so callers can always compare or subtract the result.
        """
        _require_aware(instant)
        instant = instant.astimezone(UTC)
        if self.never_closes:
            return NEVER_CLOSES
        span = self._containing_period(instant)
        if span is None:
            return None
        closing = span[1]
        for _ in range(_SEARCH_DAYS):
            following = self._containing_period(closing)
            if following is None:
                return closing
            closing = following[1]
        return NEVER_CLOSES


# The dispatcher asks about the same few days over and over; a day's period never changes.
@lru_cache(maxsize=4096)
def _day_period(window: SendingWindow, day: date) -> tuple[datetime, datetime] | None:
    if not window.is_allowed_day(day):
        return None
    zone = _load_zone(window.timezone)
    opening = _first_instant_at(day, window.start, zone)
    if window.end == MIDNIGHT:
        closing = _first_instant_at(day + timedelta(days=1), MIDNIGHT, zone)
    else:
        closing = _first_instant_at(day, window.end, zone)
    return (opening, closing) if opening < closing else None


ALWAYS_OPEN: Final = SendingWindow(
    start=MIDNIGHT, end=MIDNIGHT, weekdays=ALL_WEEKDAYS, skip_public_holidays=False
)
"""Every instant allowed: for non-commercial messages (alerts, reminders, OTP)."""

COMMERCIAL_FR: Final = SendingWindow()
"""08:00-20:00 Europe/Paris, Monday to Saturday, not on French public holidays."""


@lru_cache(maxsize=256)
def parse_window(text: str) -> SendingWindow:
    """A window as stored (campaign.window, JSON); cached: the dispatcher asks on every batch.
    Raises ValueError for a value it cannot read."""
    return SendingWindow.from_json(text)
