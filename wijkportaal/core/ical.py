"""Every calendar file (iCalendar) the portal offers goes through `calendar_response`: one
product id, one UID host (from SITE_URL), DTSTAMP the moment the file was made (RFC 5545),
times in UTC."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # unique within the portal, e.g. "sessie-12"
    summary: str
    start: datetime.datetime
    end: datetime.datetime
    location: str = ""
    description: str = ""
    url: str = ""  # a path ("/scholing/...") or an absolute URL


def uid_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "wijkportaal"


def absolute_url(path: str) -> str:
    return path if "://" in path else settings.SITE_URL.rstrip("/") + path


def build_calendar(name: str, events) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Wijkportaal//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    host = uid_host()
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.summary)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", absolute_url(item.url))
        calendar.add_component(event)
    return calendar


def calendar_response(name: str, events, *, filename: str) -> HttpResponse:
    """An .ics download with `events` (CalendarEvent items)."""
    response = HttpResponse(
        build_calendar(name, events).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
