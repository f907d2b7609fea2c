"""SendingWindow: opening hours, weekdays, French public holidays and DST, driven by explicit
instants (never the wall clock)."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from smsdesk.domain.sending_window import (
    ALWAYS_OPEN,
    COMMERCIAL_FR,
    NEVER_CLOSES,
    SendingWindow,
)

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
MINUTE = timedelta(minutes=1)
SECOND = timedelta(seconds=1)


def paris(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=PARIS)


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# ---------------------------------------------------------------- the commercial default


def test_commercial_default_is_the_legal_french_window() -> None:
    assert SendingWindow() == COMMERCIAL_FR
    assert COMMERCIAL_FR.start == time(8, 0)
    assert COMMERCIAL_FR.end == time(20, 0)
    assert COMMERCIAL_FR.weekdays == frozenset({0, 1, 2, 3, 4, 5})
    assert COMMERCIAL_FR.skip_public_holidays
    assert (COMMERCIAL_FR.country, COMMERCIAL_FR.timezone) == ("FR", "Europe/Paris")


def test_saturday_evening_open_then_closes_at_20_and_reopens_monday() -> None:
    saturday_1955 = paris(2027, 3, 13, 19, 55)
    assert saturday_1955.strftime("%a") == "Sat"
    assert COMMERCIAL_FR.is_open(saturday_1955)
    closes = COMMERCIAL_FR.closes_at(saturday_1955)
    assert closes == paris(2027, 3, 13, 20, 0)
    assert closes is not None and closes.tzinfo is UTC

    assert COMMERCIAL_FR.is_open(paris(2027, 3, 13, 19, 59, 59))
    assert not COMMERCIAL_FR.is_open(paris(2027, 3, 13, 20, 0))
    assert COMMERCIAL_FR.closes_at(paris(2027, 3, 13, 20, 0)) is None

    monday_0800 = paris(2027, 3, 15, 8, 0)
    for after_close in (paris(2027, 3, 13, 20, 0), paris(2027, 3, 14, 12, 0)):
        reopening = COMMERCIAL_FR.next_open(after_close)
        assert reopening == monday_0800
        assert reopening.tzinfo is UTC
    assert not COMMERCIAL_FR.is_open(paris(2027, 3, 14, 12, 0))  # Sunday


def test_next_open_of_an_open_instant_is_that_instant_in_utc() -> None:
    tuesday = paris(2027, 3, 16, 10, 17, 3, 250)
    assert COMMERCIAL_FR.next_open(tuesday) == tuesday
    assert COMMERCIAL_FR.next_open(tuesday).tzinfo is UTC
    assert COMMERCIAL_FR.next_open(paris(2027, 3, 16, 8, 0)) == paris(2027, 3, 16, 8, 0)


def test_early_morning_opens_at_eight_the_same_day() -> None:
    assert COMMERCIAL_FR.next_open(paris(2027, 3, 16, 7, 59, 59)) == paris(2027, 3, 16, 8, 0)
    assert COMMERCIAL_FR.next_open(paris(2027, 3, 16, 0, 0)) == paris(2027, 3, 16, 8, 0)


# ---------------------------------------------------------------- public holidays


def test_bastille_day_moves_to_fifteenth_of_july() -> None:
    bastille_day = paris(2027, 7, 14, 10, 0)
    assert bastille_day.strftime("%a") == "Wed"
    assert not COMMERCIAL_FR.is_open(bastille_day)
    assert COMMERCIAL_FR.closes_at(bastille_day) is None
    assert COMMERCIAL_FR.next_open(bastille_day) == paris(2027, 7, 15, 8, 0)
    # The eve closes normally, and the holiday is skipped from there too.
    assert COMMERCIAL_FR.closes_at(paris(2027, 7, 13, 19, 0)) == paris(2027, 7, 13, 20, 0)
    assert COMMERCIAL_FR.next_open(paris(2027, 7, 13, 20, 0)) == paris(2027, 7, 15, 8, 0)


@pytest.mark.parametrize(
    ("holiday", "reopening"),
    [
        # 1 May 2027 is a Saturday: Sunday skipped too.
        (paris(2027, 5, 1, 9, 0), paris(2027, 5, 3, 8, 0)),
        # 25 December 2027 is a Saturday.
        (paris(2027, 12, 25, 15, 0), paris(2027, 12, 27, 8, 0)),
        # Easter Monday 2027 (29 March), the day after the spring DST change.
        (paris(2027, 3, 29, 8, 0), paris(2027, 3, 30, 8, 0)),
        # Pentecost Monday 2027, Victory Day (8 May, a Saturday), 1 January 2026 (a Thursday).
        (paris(2027, 5, 17, 12, 0), paris(2027, 5, 18, 8, 0)),
        (paris(2027, 5, 8, 8, 0), paris(2027, 5, 10, 8, 0)),
        (paris(2026, 1, 1, 11, 0), paris(2026, 1, 2, 8, 0)),
    ],
)
def test_public_holidays_are_skipped(holiday: datetime, reopening: datetime) -> None:
    assert not COMMERCIAL_FR.is_open(holiday)
    assert COMMERCIAL_FR.next_open(holiday) == reopening
    assert COMMERCIAL_FR.is_open(reopening)


def test_sunday_before_a_holiday_monday_waits_until_tuesday() -> None:
    # Easter Sunday 2027 is also the spring DST change; Easter Monday is a holiday.
    easter_sunday = paris(2027, 3, 28, 11, 0)
    assert easter_sunday.strftime("%a") == "Sun"
    tuesday = COMMERCIAL_FR.next_open(easter_sunday)
    assert tuesday == paris(2027, 3, 30, 8, 0)
    assert tuesday == utc(2027, 3, 30, 6, 0)  # summer time: UTC+2
    # Saturday evening before Easter, and Pentecost Sunday.
    assert COMMERCIAL_FR.next_open(paris(2027, 3, 27, 21, 0)) == paris(2027, 3, 30, 8, 0)
    assert COMMERCIAL_FR.next_open(paris(2027, 5, 16, 9, 0)) == paris(2027, 5, 18, 8, 0)


def test_holidays_ignored_when_not_skipped() -> None:
    window = dataclasses.replace(COMMERCIAL_FR, skip_public_holidays=False)
    assert window.is_open(paris(2027, 7, 14, 10, 0))
    assert window.closes_at(paris(2027, 7, 14, 10, 0)) == paris(2027, 7, 14, 20, 0)


def test_subdivision_calendar_adds_local_holidays() -> None:
    # 26 December is a public holiday in Alsace-Moselle ("57") but not nationally.
    boxing_day = paris(2025, 12, 26, 10, 0)
    assert boxing_day.strftime("%a") == "Fri"
    assert COMMERCIAL_FR.is_open(boxing_day)
    moselle = SendingWindow(subdivision="57")
    assert not moselle.is_open(boxing_day)
    assert moselle.next_open(boxing_day) == paris(2025, 12, 27, 8, 0)


def test_is_allowed_day_and_period() -> None:
    assert not COMMERCIAL_FR.is_allowed_day(paris(2027, 7, 14).date())
    assert not COMMERCIAL_FR.is_allowed_day(paris(2027, 7, 18).date())  # Sunday
    assert COMMERCIAL_FR.period(paris(2027, 7, 14).date()) is None
    assert COMMERCIAL_FR.period(paris(2027, 7, 15).date()) == (
        utc(2027, 7, 15, 6, 0),
        utc(2027, 7, 15, 18, 0),
    )


# ---------------------------------------------------------------- daylight saving


def test_commercial_window_across_spring_change() -> None:
    # 29 March 2026: 02:00 CET -> 03:00 CEST. Saturday closes at 20:00 CET = 19:00 UTC;
    # Monday opens at 08:00 CEST = 06:00 UTC.
    assert COMMERCIAL_FR.closes_at(paris(2026, 3, 28, 19, 0)) == utc(2026, 3, 28, 19, 0)
    assert COMMERCIAL_FR.next_open(paris(2026, 3, 28, 20, 0)) == utc(2026, 3, 30, 6, 0)


def test_commercial_window_across_autumn_change() -> None:
    # 25 October 2026: 03:00 CEST -> 02:00 CET.
    saturday = paris(2026, 10, 24, 19, 59)
    assert COMMERCIAL_FR.closes_at(saturday) == utc(2026, 10, 24, 18, 0)
    assert COMMERCIAL_FR.next_open(saturday + MINUTE) == utc(2026, 10, 26, 7, 0)


def test_eight_o_clock_on_the_change_days_themselves() -> None:
    every_day = dataclasses.replace(COMMERCIAL_FR, weekdays=frozenset(range(7)))
    # Spring (28 March 2027, Easter Sunday: holidays lib lists only Easter Monday).
    assert every_day.next_open(paris(2027, 3, 28, 1, 30)) == utc(2027, 3, 28, 6, 0)
    assert every_day.closes_at(utc(2027, 3, 28, 6, 0)) == utc(2027, 3, 28, 18, 0)
    # Autumn (31 October 2027).
    assert every_day.next_open(paris(2027, 10, 31, 1, 30)) == utc(2027, 10, 31, 7, 0)
    assert every_day.closes_at(utc(2027, 10, 31, 7, 0)) == utc(2027, 10, 31, 19, 0)
    # Twelve wall-clock hours, which is 12 real hours on both days (the jump is at night).
    assert every_day.period(paris(2027, 10, 31).date()) == (
        utc(2027, 10, 31, 7, 0),
        utc(2027, 10, 31, 19, 0),
    )


def test_start_in_the_spring_gap_opens_when_the_gap_ends() -> None:
    # Sunday-only window from 02:30; on 28 March 2027 the clock jumps 02:00 CET -> 03:00 CEST,
    # so 02:30 never shows: the window opens at 03:00 CEST (01:00 UTC).
    sunday_night = SendingWindow(
        start=time(2, 30), end=time(5, 0), weekdays=frozenset({6}), skip_public_holidays=False
    )
    assert not sunday_night.is_open(utc(2027, 3, 28, 0, 59, 59))  # 01:59:59 CET
    assert sunday_night.next_open(utc(2027, 3, 28, 0, 30)) == utc(2027, 3, 28, 1, 0)
    assert sunday_night.is_open(utc(2027, 3, 28, 1, 0))  # 03:00 CEST
    assert sunday_night.closes_at(utc(2027, 3, 28, 1, 0)) == utc(2027, 3, 28, 3, 0)  # 05:00 CEST
    # The following Sunday is an ordinary one.
    assert sunday_night.next_open(utc(2027, 3, 28, 3, 0)) == paris(2027, 4, 4, 2, 30)


def test_end_in_the_spring_gap_closes_when_the_gap_ends() -> None:
    window = SendingWindow(
        start=time(1, 0), end=time(2, 30), weekdays=frozenset({6}), skip_public_holidays=False
    )
    assert window.closes_at(paris(2027, 3, 28, 1, 30)) == utc(2027, 3, 28, 1, 0)


def test_window_entirely_inside_the_gap_does_not_open_that_day() -> None:
    window = SendingWindow(
        start=time(2, 10), end=time(2, 40), weekdays=frozenset({6}), skip_public_holidays=False
    )
    assert window.period(paris(2027, 3, 28).date()) is None
    assert window.next_open(paris(2027, 3, 28, 0, 0)) == paris(2027, 4, 4, 2, 10)


def test_start_in_the_repeated_autumn_hour_uses_first_occurrence_and_stays_open() -> None:
    # 31 October 2027: 03:00 CEST -> 02:00 CET, so 02:00-03:00 happens twice.
    window = SendingWindow(
        start=time(2, 30), end=time(4, 0), weekdays=frozenset({6}), skip_public_holidays=False
    )
    assert window.next_open(utc(2027, 10, 31, 0, 0)) == utc(2027, 10, 31, 0, 30)  # 02:30 CEST
    assert not window.is_open(utc(2027, 10, 31, 0, 29))
    # Second pass through 02:00-02:30 (CET): already opened, so still open.
    for instant in (utc(2027, 10, 31, 1, 0), utc(2027, 10, 31, 1, 15)):
        assert window.is_open(instant)
        assert window.closes_at(instant) == utc(2027, 10, 31, 3, 0)  # 04:00 CET


def test_end_in_the_repeated_autumn_hour_closes_at_first_occurrence() -> None:
    window = SendingWindow(
        start=time(1, 0), end=time(2, 30), weekdays=frozenset({6}), skip_public_holidays=False
    )
    assert window.closes_at(utc(2027, 10, 31, 0, 0)) == utc(2027, 10, 31, 0, 30)  # 02:30 CEST
    assert not window.is_open(utc(2027, 10, 31, 1, 15))  # 02:15 CET, second pass


def test_midnight_dst_change_zone() -> None:
    # America/Santiago springs forward at 24:00 on 5 September 2026: 00:00 never shows on
    # the 6th, which begins at 01:00 -04.
    window = SendingWindow(
        start=time(0, 0),
        end=time(0, 0),
        weekdays=frozenset({6}),
        skip_public_holidays=False,
        timezone="America/Santiago",
    )
    sunday = window.period(datetime(2026, 9, 6).date())
    assert sunday == (utc(2026, 9, 6, 4, 0), utc(2026, 9, 7, 3, 0))


# ---------------------------------------------------------------- time zones of the instant


def test_instants_in_other_zones_are_judged_in_the_window_zone() -> None:
    saturday_1955_paris = paris(2027, 3, 13, 19, 55)
    as_utc = saturday_1955_paris.astimezone(UTC)
    as_new_york = saturday_1955_paris.astimezone(NEW_YORK)
    assert as_utc.hour == 18
    assert as_new_york.hour == 13  # New York still on winter time
    for instant in (as_utc, as_new_york):
        assert COMMERCIAL_FR.is_open(instant)
        assert COMMERCIAL_FR.closes_at(instant) == utc(2027, 3, 13, 19, 0)

    # Friday 22:30 in New York is already Saturday 04:30 in Paris.
    friday_night_ny = datetime(2027, 7, 16, 22, 30, tzinfo=NEW_YORK)
    assert not COMMERCIAL_FR.is_open(friday_night_ny)
    assert COMMERCIAL_FR.next_open(friday_night_ny) == paris(2027, 7, 17, 8, 0)


def test_window_in_another_zone() -> None:
    new_york_office = SendingWindow(country="US", subdivision="NY", timezone="America/New_York")
    # 4 July 2026 is a Saturday (Independence Day); the US calendar observes it on Friday 3rd.
    friday = datetime(2026, 7, 3, 9, 0, tzinfo=NEW_YORK)
    assert not new_york_office.is_open(friday)
    assert new_york_office.next_open(friday) == datetime(2026, 7, 6, 8, 0, tzinfo=NEW_YORK)
    assert COMMERCIAL_FR.is_open(friday)  # 15:00 in Paris, an ordinary Friday there


def test_naive_instants_are_refused() -> None:
    naive = datetime(2027, 3, 13, 19, 55)
    for query in (COMMERCIAL_FR.is_open, COMMERCIAL_FR.next_open, COMMERCIAL_FR.closes_at):
        with pytest.raises(ValueError, match="timezone-aware"):
            query(naive)


# ---------------------------------------------------------------- midnight ends and ALWAYS_OPEN


def test_end_midnight_runs_to_the_end_of_the_day() -> None:
    evenings = SendingWindow(start=time(18, 0), end=time(0, 0), skip_public_holidays=False)
    assert evenings.is_open(paris(2027, 3, 16, 23, 59, 59))
    assert evenings.closes_at(paris(2027, 3, 16, 23, 0)) == paris(2027, 3, 17, 0, 0)
    assert not evenings.is_open(paris(2027, 3, 17, 0, 0))
    assert evenings.next_open(paris(2027, 3, 17, 0, 0)) == paris(2027, 3, 17, 18, 0)


def test_back_to_back_whole_days_merge_into_one_period() -> None:
    whole_days = SendingWindow(
        start=time(0, 0), end=time(0, 0), weekdays=frozenset({0, 1, 2}), skip_public_holidays=False
    )
    # Monday 10:00 -> closes Thursday 00:00.
    assert whole_days.closes_at(paris(2027, 3, 15, 10, 0)) == paris(2027, 3, 18, 0, 0)
    assert whole_days.next_open(paris(2027, 3, 18, 0, 0)) == paris(2027, 3, 22, 0, 0)

    every_day_but_holidays = SendingWindow(
        start=time(0, 0), end=time(0, 0), weekdays=frozenset(range(7))
    )
    assert not every_day_but_holidays.never_closes
    assert every_day_but_holidays.closes_at(paris(2027, 7, 1, 12, 0)) == paris(2027, 7, 14, 0, 0)
    assert every_day_but_holidays.next_open(paris(2027, 7, 14, 9, 0)) == paris(2027, 7, 15, 0, 0)


def test_always_open() -> None:
    assert ALWAYS_OPEN.never_closes
    assert not COMMERCIAL_FR.never_closes
    for instant in (
        paris(2027, 7, 14, 3, 0),  # holiday, night
        paris(2027, 3, 14, 12, 0),  # Sunday
        utc(2027, 3, 28, 1, 30),  # inside the spring gap's wall-clock hour
        datetime(2027, 12, 31, 23, 59, 59, tzinfo=NEW_YORK),
    ):
        assert ALWAYS_OPEN.is_open(instant)
        assert ALWAYS_OPEN.next_open(instant) == instant
        assert ALWAYS_OPEN.next_open(instant).tzinfo is UTC
        assert ALWAYS_OPEN.closes_at(instant) == NEVER_CLOSES
    # The sentinel is usable: comparable, subtractable, convertible to a local zone.
    assert NEVER_CLOSES - utc(2027, 1, 1) > timedelta(days=365 * 7000)
    assert NEVER_CLOSES.astimezone(ZoneInfo("Pacific/Kiritimati")).year == 9999


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": time(20, 0), "end": time(8, 0)}, "must be before end"),
        ({"start": time(9, 0), "end": time(9, 0)}, "must be before end"),
        ({"weekdays": frozenset()}, "at least one weekday"),
        ({"weekdays": frozenset({0, 7})}, r"0 \(Monday\) .. 6 \(Sunday\)"),
        ({"weekdays": frozenset({-1})}, r"0 \(Monday\) .. 6 \(Sunday\)"),
        ({"timezone": "Europe/Atlantis"}, "unknown time zone 'Europe/Atlantis'"),
        ({"timezone": "../etc/passwd"}, "unknown time zone"),
        ({"country": "XX"}, "no public-holiday calendar for 'XX'"),
        ({"start": time(8, 0, tzinfo=UTC)}, "without tzinfo"),
    ],
)
def test_invalid_windows_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SendingWindow(**kwargs)  # type: ignore[arg-type]


def test_unknown_country_is_fine_when_holidays_are_not_skipped() -> None:
    assert SendingWindow(country="XX", skip_public_holidays=False).is_open(
        paris(2027, 3, 16, 10, 0)
    )


def test_weekdays_given_as_a_set_become_a_frozenset() -> None:
    window = SendingWindow(weekdays={0, 1})  # type: ignore[arg-type]
    assert window.weekdays == frozenset({0, 1})
    assert hash(window) == hash(SendingWindow(weekdays=frozenset({0, 1})))


# ---------------------------------------------------------------- JSON


@pytest.mark.parametrize(
    "window",
    [
        COMMERCIAL_FR,
        ALWAYS_OPEN,
        SendingWindow(
            start=time(9, 15, 30),
            end=time(0, 0),
            weekdays=frozenset({6, 2}),
            skip_public_holidays=True,
            country="FR",
            subdivision="57",
            timezone="Indian/Reunion",
        ),
    ],
)
def test_json_round_trip(window: SendingWindow) -> None:
    text = window.to_json()
    restored = SendingWindow.from_json(text)
    assert restored == window
    assert hash(restored) == hash(window)
    assert restored.to_json() == text


def test_json_is_readable() -> None:
    data = json.loads(COMMERCIAL_FR.to_json())
    assert data == {
        "version": 1,
        "start": "08:00",
        "end": "20:00",
        "weekdays": [0, 1, 2, 3, 4, 5],
        "skip_public_holidays": True,
        "country": "FR",
        "subdivision": None,
        "timezone": "Europe/Paris",
    }
    assert json.loads(ALWAYS_OPEN.to_json())["end"] == "24:00"
    assert SendingWindow.from_json('{"end": "00:00", "start": "18:00"}').end == time(0, 0)


def test_json_missing_keys_take_defaults() -> None:
    assert SendingWindow.from_json("{}") == COMMERCIAL_FR
    assert SendingWindow.from_json('{"weekdays": [6]}').weekdays == frozenset({6})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "Expecting value"),
        ("[]", "must be an object"),
        ('{"version": 2}', "unsupported sending window JSON version"),
        ('{"colour": "red"}', "unknown sending window keys"),
        ('{"start": 8}', "must be a string"),
        ('{"start": "eight"}', "is not a time"),
        ('{"start": "21:00"}', "must be before end"),
        ('{"weekdays": "0123"}', "list of ints"),
        ('{"weekdays": [true]}', "list of ints"),
        ('{"weekdays": []}', "at least one weekday"),
        ('{"skip_public_holidays": "yes"}', "true or false"),
        ('{"timezone": 1}', "timezone must be a string"),
        ('{"subdivision": 57}', "string or null"),
    ],
)
def test_json_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SendingWindow.from_json(text)


# ---------------------------------------------------------------- randomized properties

ZONES = [
    "Europe/Paris",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Lord_Howe",  # 30-minute DST shift
    "America/Santiago",  # DST changes at midnight
    "Pacific/Chatham",  # +12:45 / +13:45
]
# Instants are drawn near these DST changes as often as anywhere else.
DST_DAYS = [
    utc(2026, 3, 29),
    utc(2026, 10, 25),
    utc(2027, 3, 28),
    utc(2027, 10, 31),
    utc(2026, 9, 6),
    utc(2026, 4, 5),
    utc(2026, 3, 8),
    utc(2026, 11, 1),
    utc(2026, 9, 27),
]


def _random_minute(rng: random.Random) -> time:
    # Bias towards the small hours, where the DST changes happen.
    hour = rng.choice([0, 1, 2, 2, 3, rng.randrange(24)])
    return time(hour, rng.choice([0, 15, 30, 45, rng.randrange(60)]))


def _random_window(rng: random.Random) -> SendingWindow:
    while True:
        start, end = _random_minute(rng), _random_minute(rng)
        if rng.random() < 0.2:
            end = time(0, 0)
        if end != time(0, 0) and start >= end:
            continue
        weekdays = frozenset(d for d in range(7) if rng.random() < 0.5) or frozenset({6})
        zone = rng.choice(ZONES)
        return SendingWindow(
            start=start,
            end=end,
            weekdays=weekdays,
            skip_public_holidays=zone == "Europe/Paris" and rng.random() < 0.7,
            timezone=zone,
        )


def _random_instant(rng: random.Random) -> datetime:
    if rng.random() < 0.6:
        base = rng.choice(DST_DAYS) + timedelta(hours=rng.uniform(-30, 30))
    else:
        base = utc(2026, 1, 1) + timedelta(days=rng.uniform(0, 730))
    return base.replace(microsecond=0).astimezone(ZoneInfo(rng.choice(ZONES)))


def _minute_grid(after: datetime, before: datetime, limit: int) -> list[datetime]:
    """Whole minutes in (after, before), at most ``limit`` from each end."""
    first = after.replace(second=0, microsecond=0) + MINUTE
    count = max(0, int((before - first) / MINUTE) + 1)
    offsets = range(count) if count <= 2 * limit else [*range(limit), *range(count - limit, count)]
    return [first + k * MINUTE for k in offsets if first + k * MINUTE < before]


def test_randomized_next_open_and_closes_at_properties() -> None:
    rng = random.Random(20270714)
    for _ in range(400):
        window = _random_window(rng)
        instant = _random_instant(rng)
        context = f"{window!r} at {instant.isoformat()}"

        opening = window.next_open(instant)
        assert opening.tzinfo is UTC, context
        assert opening >= instant, context
        assert window.is_open(opening), context
        if opening > instant:
            assert not window.is_open(instant), context
            assert window.closes_at(instant) is None, context
            assert not window.is_open(opening - SECOND), context
            for probe in _minute_grid(instant, opening, limit=300):
                assert not window.is_open(probe), f"{context}: open at {probe.isoformat()}"
        else:
            assert window.is_open(instant), context

        closing = window.closes_at(opening)
        assert closing is not None, context
        assert closing > opening, context
        assert not window.is_open(closing), context
        assert window.is_open(closing - SECOND), context
        assert window.next_open(closing) > closing, context
        for probe in _minute_grid(opening, closing, limit=300):
            assert window.is_open(probe), f"{context}: closed at {probe.isoformat()}"
            assert window.closes_at(probe) == closing, context


def test_randomized_agrees_with_wall_clock_away_from_dst_hours() -> None:
    """Where no DST change is near, "open" is simply: allowed day and start <= clock < end."""
    rng = random.Random(8)
    for _ in range(2000):
        window = _random_window(rng)
        if window.timezone not in ("Europe/Paris", "America/New_York", "Asia/Kolkata"):
            continue
        instant = utc(2026, 1, 1) + timedelta(minutes=rng.randrange(730 * 24 * 60))
        local = instant.astimezone(ZoneInfo(window.timezone))
        if 0 <= local.hour < 4 or local.utcoffset() != (local + timedelta(days=1)).utcoffset():
            continue
        clock = local.time().replace(tzinfo=None)
        expected = (
            window.is_allowed_day(local.date())
            and window.start <= clock
            and (window.end == time(0, 0) or clock < window.end)
        )
        assert window.is_open(instant) is expected, f"{window!r} at {local.isoformat()}"


def test_parse_window_reads_what_to_json_wrote_and_is_the_dispatchers():
    from smsdesk.domain.sending_window import parse_window
    from smsdesk.services import dispatcher

    window = SendingWindow(start=time(9, 0), end=time(18, 0), weekdays=frozenset({0, 1}))
    assert parse_window(window.to_json()) == window
    assert parse_window(window.to_json()) is parse_window(window.to_json())  # cached
    assert dispatcher.parse_window is parse_window
    with pytest.raises(ValueError):
        parse_window("[]")
