"""Calendar files (iCalendar) for sessions and conferences."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar, Event

from .models import Conference, Session


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Wijkportaal//Scholing en conferentie//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def session_event(session: Session) -> Event:
    event = Event()
    event.add("uid", f"sessie-{session.pk}@wijkportaal")
    event.add("summary", session.module.title)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("dtstamp", session.starts_at)
    event.add("location", session.location or session.online_url)
    event.add("url", _absolute(session.get_absolute_url()))
    event.add("description", f"Trainer: {session.trainer}\n{session.module.goals}")
    return event


def conference_event(conference: Conference) -> Event:
    event = Event()
    event.add("uid", f"conferentie-{conference.year}@wijkportaal")
    event.add("summary", f"Wijkradenconferentie {conference.year}: {conference.theme}")
    event.add("dtstart", conference.starts_at)
    event.add("dtend", conference.ends_at)
    event.add("dtstamp", conference.starts_at)
    event.add(
        "location", ", ".join(part for part in [conference.venue, conference.address] if part)
    )
    event.add("url", _absolute(conference.get_absolute_url()))
    event.add("description", conference.description)
    return event


def calendar_response(name: str, events, filename: str) -> HttpResponse:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
