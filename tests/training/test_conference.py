import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from icalendar import Calendar

from tests.factories import CouncilFactory, CouncillorFactory, MembershipFactory
from training import services
from training.models import ConferenceRegistration, SeatStatus

from .factories import ConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["member", "chair", "councillor"])
def test_members_and_council_members_can_register(request, kind):
    user = request.getfixturevalue(kind)
    conference = ConferenceFactory()
    registration = services.conference_register(
        actor=user, conference=conference, needs="Rolstoelplek"
    )
    assert registration.status == SeatStatus.ENROLLED
    assert registration.needs == "Rolstoelplek"


@pytest.mark.parametrize("kind", ["resident_user", "officer"])
def test_others_cannot_register(request, kind):
    with pytest.raises(PermissionDenied, match="wijkraadsleden en gemeenteraadsleden"):
        services.conference_register(
            actor=request.getfixturevalue(kind), conference=ConferenceFactory()
        )
    assert not ConferenceRegistration.objects.exists()


def test_registering_twice_is_refused(member):
    conference = ConferenceFactory()
    services.conference_register(actor=member, conference=conference)
    with pytest.raises(ValidationError, match="al aangemeld"):
        services.conference_register(actor=member, conference=conference)
    assert ConferenceRegistration.objects.count() == 1


def test_registering_for_a_past_conference_is_refused(member):
    conference = ConferenceFactory(starts_at=timezone.now() - datetime.timedelta(days=30))
    with pytest.raises(ValidationError, match="al begonnen of voorbij"):
        services.conference_register(actor=member, conference=conference)


def test_too_long_needs_are_refused(member):
    with pytest.raises(ValidationError) as error:
        services.conference_register(actor=member, conference=ConferenceFactory(), needs="x" * 1001)
    assert "hoogstens 1000 tekens" in error.value.message_dict["needs"][0]


def test_full_conference_waitlists_and_promotes_on_cancellation(
    django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    conference = ConferenceFactory(capacity=1)
    first, second = MembershipFactory().person, CouncillorFactory()
    seat = services.conference_register(actor=first, conference=conference)
    waiting = services.conference_register(actor=second, conference=conference)
    assert waiting.status == SeatStatus.WAITING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.conference_registration_cancel(actor=first, registration=seat)
    waiting.refresh_from_db()
    assert waiting.status == SeatStatus.ENROLLED
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "conferentie" in mail.outbox[0].body.lower()


def test_page_shows_current_edition_with_delegation_and_archive(client):
    last_year = ConferenceFactory(
        starts_at=timezone.now() - datetime.timedelta(days=400), theme="Samen sterker"
    )
    current = ConferenceFactory(theme="Raad en wijk")
    current.delegation.set([CouncilFactory(name="Wijkraad Molenwijk")])
    html = client.get("/conferentie/").content.decode()
    assert "Raad en wijk" in html
    assert "Wijkraad Molenwijk" in html
    assert f'href="/conferentie/{last_year.year}/"' in html
    assert client.get(f"/conferentie/{last_year.year}/").status_code == 200
    assert client.get("/conferentie/1999/").status_code == 404


def test_page_without_any_conference(client):
    response = client.get("/conferentie/")
    assert response.status_code == 200
    assert "minstens één wijkradenconferentie" in response.content.decode()


def test_member_registers_through_the_page_with_needs(client, member):
    conference = ConferenceFactory()
    client.force_login(member)
    response = client.post(
        f"/conferentie/{conference.year}/aanmelden/", {"needs": "Vegetarisch"}, follow=True
    )
    assert "U bent aangemeld" in response.content.decode()
    assert ConferenceRegistration.objects.get(person=member).needs == "Vegetarisch"
    response = client.post(f"/conferentie/{conference.year}/aanmelden/", {"needs": ""}, follow=True)
    assert "U bent al aangemeld voor deze conferentie." in response.content.decode()


def test_member_cancels_through_the_page(client, member):
    registration = RegistrationFactory(person=member)
    client.force_login(member)
    client.post(f"/conferentie/{registration.conference.year}/afmelden/")
    registration.refresh_from_db()
    assert registration.status == SeatStatus.CANCELLED


def test_member_sees_the_needs_error_beside_the_field(client, member):
    conference = ConferenceFactory()
    client.force_login(member)
    response = client.post(f"/conferentie/{conference.year}/aanmelden/", {"needs": "x" * 1001})
    assert response.status_code == 400
    assert 'id="id_needs_error"' in response.content.decode()
    assert not ConferenceRegistration.objects.exists()


def test_anonymous_post_goes_to_login(client):
    conference = ConferenceFactory()
    response = client.post(f"/conferentie/{conference.year}/aanmelden/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ConferenceRegistration.objects.exists()


def test_conference_ical_parses(client):
    conference = ConferenceFactory(venue="Stadhuis", address="Markt 1")
    response = client.get(f"/conferentie/{conference.year}/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["location"]) == "Stadhuis, Markt 1"
    assert event.decoded("dtstart") == conference.starts_at.replace(microsecond=0)
    # DTSTAMP says when the file was made, not when the conference starts (RFC 5545).
    assert abs(event.decoded("dtstamp") - timezone.now()) < datetime.timedelta(minutes=1)


@pytest.mark.parametrize("size", [1, 8])
def test_conference_page_queries_do_not_grow(client, member, size, django_assert_max_num_queries):
    for offset in range(size):
        conference = ConferenceFactory(
            starts_at=timezone.now() - datetime.timedelta(days=400 * (offset + 1))
        )
        conference.delegation.set([CouncilFactory(), CouncilFactory()])
        RegistrationFactory.create_batch(2, conference=conference)
    current = ConferenceFactory()
    RegistrationFactory.create_batch(size, conference=current)
    client.force_login(member)
    with django_assert_max_num_queries(16):
        response = client.get("/conferentie/")
    assert len(response.context["archive"]) == size
