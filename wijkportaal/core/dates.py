"""Calendar helpers shared by the apps."""

from __future__ import annotations

import datetime

from django.utils import timezone


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in the current time zone, as an aware datetime. Filter
    a datetime column on `>= start_of_day(d)` / `< start_of_day(d + 1 day)` rather than on
    `__date`: the bound is on the column itself, so an index can serve it and SQLite runs no
    Python function per row."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
