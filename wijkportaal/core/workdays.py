"""Working days: Monday to Friday, except the Dutch public holidays (from the maintained
`holidays` package, never a hand-made list). Service terms (answer within N working days) and
reminders ("two working days before") count with these."""

from __future__ import annotations

import datetime
import functools

import holidays


@functools.lru_cache(maxsize=32)
def _holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("NL", years=year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The date `count` working days after `day` (before it for a negative count); `day`
    itself does not count."""
    step = datetime.timedelta(days=1 if count >= 0 else -1)
    remaining = abs(count)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
