"""iCalendar feeds (workgroup meetings, a wijkraad's contact moments)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def calendar_response(name: str, items, *, filename: str) -> HttpResponse:
    """items: (uid, summary, start, end, location, description, url)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Wijkportaal//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    host = settings.SITE_URL.split("://")[-1].rstrip("/") or "wijkportaal"
    for uid, summary, start, end, location, description, url in items:
        event = Event()
        event.add("uid", f"{uid}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary)
        if location:
            event.add("location", location)
        if description:
            event.add("description", description)
        if url:
            event.add("url", url)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
