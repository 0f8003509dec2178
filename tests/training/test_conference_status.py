"""A conference is planned, then held (with attendance) or cancelled; only a held one counts."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import CouncilFactory, CouncillorFactory
from tests.workgroups.factories import DeliverableFactory
from training import selectors, services
from training.models import ConferenceStatus, ConferenceTransition, SeatStatus
from wijkportaal.core.registry import Period
from wijkportaal.notifications.models import Notification

from .factories import ConferenceFactory, ModuleFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _past(days=1, **kwargs):
    return ConferenceFactory(starts_at=timezone.now() - datetime.timedelta(days=days), **kwargs)


def test_two_conferences_in_one_year_are_allowed():
    year = timezone.localdate().year
    spring = timezone.make_aware(datetime.datetime(year, 4, 1, 13))
    autumn = timezone.make_aware(datetime.datetime(year, 10, 1, 13))
    ConferenceFactory(starts_at=spring, slug=f"{year}-voorjaar")
    ConferenceFactory(starts_at=autumn, slug=f"{year}-najaar")
    assert selectors.conferences().filter(year=year).count() == 2


def test_officer_records_a_past_conference_as_held_with_attendance(officer):
    conference = _past()
    councils = CouncilFactory.create_batch(2)
    councillor = CouncillorFactory()
    services.conference_hold(
        actor=officer, conference=conference, councils=councils, councillors=[councillor]
    )
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.HELD
    assert set(conference.councils_represented.all()) == set(councils)
    assert list(conference.councillors_present.all()) == [councillor]
    step = ConferenceTransition.objects.get(conference=conference)
    assert (step.from_status, step.to_status, step.by) == ("gepland", "gehouden", officer)


def test_a_conference_in_the_future_cannot_be_held(officer):
    conference = ConferenceFactory()
    with pytest.raises(ValidationError) as error:
        services.conference_hold(
            actor=officer, conference=conference, councils=[CouncilFactory()], councillors=[]
        )
    assert (
        "pas als gehouden vast als die datum voorbij is" in error.value.message_dict["to_status"][0]
    )
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.PLANNED
    assert not ConferenceTransition.objects.exists()


def test_held_needs_represented_wijkraden_and_only_council_members(officer, member):
    with pytest.raises(ValidationError) as error:
        services.conference_hold(
            actor=officer, conference=_past(), councils=[], councillors=[member]
        )
    assert "Kies de wijkraden" in error.value.message_dict["councils"][0]
    assert "alleen gemeenteraadsleden" in error.value.message_dict["councillors"][0]


def test_cancelling_needs_a_reason_and_is_final(officer):
    conference = ConferenceFactory()
    with pytest.raises(ValidationError, match="reden"):
        services.conference_cancel(actor=officer, conference=conference, reason="")
    services.conference_cancel(actor=officer, conference=conference, reason="Zaal niet beschikbaar")
    conference.refresh_from_db()
    assert conference.status == ConferenceStatus.CANCELLED
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.conference_hold(
            actor=officer, conference=conference, councils=[CouncilFactory()], councillors=[]
        )


@pytest.mark.parametrize("kind", ["member", "chair", "councillor"])
def test_only_officers_record_a_conference(request, kind):
    user = request.getfixturevalue(kind)
    with pytest.raises(PermissionDenied):
        services.conference_hold(
            actor=user, conference=_past(), councils=[CouncilFactory()], councillors=[]
        )
    with pytest.raises(PermissionDenied):
        services.conference_cancel(actor=user, conference=ConferenceFactory(), reason="x")


def test_registering_for_a_cancelled_conference_is_refused(officer, member):
    conference = ConferenceFactory()
    services.conference_cancel(actor=officer, conference=conference, reason="Geen zaal")
    with pytest.raises(ValidationError, match="gaat niet door"):
        services.conference_register(actor=member, conference=conference)


def test_conferences_held_counts_only_held_ones_in_the_period(officer):
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=300), today + datetime.timedelta(days=60)

    def held():
        return selectors.conferences_held(Period(start=start, end=end, now=timezone.now()))

    tomorrow = ConferenceFactory(
        starts_at=timezone.now() + datetime.timedelta(days=1), slug="morgen"
    )
    assert tomorrow.status == ConferenceStatus.PLANNED
    assert held() == 0
    yesterday = _past(days=1, slug="gisteren")
    assert held() == 0  # still only planned
    services.conference_hold(
        actor=officer, conference=yesterday, councils=[CouncilFactory()], councillors=[]
    )
    assert held() == 1
    long_ago = _past(days=400, slug="lang-geleden")
    services.conference_hold(
        actor=officer, conference=long_ago, councils=[CouncilFactory()], councillors=[]
    )
    assert held() == 1


def test_officer_records_held_through_the_page(client, officer):
    conference = _past(days=2)
    council = CouncilFactory(name="Wijkraad Molenwijk")
    councillor = CouncillorFactory(first_name="Fatima", last_name="Yilmaz")
    client.force_login(officer)
    url = f"/conferentie/{conference.slug}/status/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"to_status": "gehouden", "councils": [council.pk], "councillors": [councillor.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Status: gehouden" in html
    assert "1 wijkraad vertegenwoordigd" in html
    assert "Wijkraad Molenwijk" in html
    assert "Fatima Yilmaz" in html


def test_page_shows_the_dutch_error_for_a_future_conference(client, officer):
    conference = ConferenceFactory()
    client.force_login(officer)
    response = client.post(
        f"/conferentie/{conference.slug}/status/",
        {"to_status": "gehouden", "councils": [CouncilFactory().pk]},
    )
    assert response.status_code == 400
    assert "pas als gehouden vast" in response.content.decode()


def test_conference_page_shows_linked_modules_and_cancellation(client, officer):
    conference = ConferenceFactory()
    conference.modules.set([ModuleFactory(title="Zo besluit de raad", slug="zo-besluit")])
    services.conference_cancel(actor=officer, conference=conference, reason="Te weinig animo")
    html = client.get(conference.get_absolute_url()).content.decode()
    assert "Zo besluit de raad" in html
    assert "Te weinig animo" in html
    assert "Deze conferentie gaat niet door." in html


@pytest.mark.parametrize("size", [1, 12])
def test_conference_page_queries_do_not_grow(client, officer, size, django_assert_max_num_queries):
    conference = _past()
    services.conference_hold(
        actor=officer,
        conference=conference,
        councils=CouncilFactory.create_batch(size),
        councillors=CouncillorFactory.create_batch(size),
    )
    conference.modules.set(ModuleFactory.create_batch(size))
    for k in range(size):
        ConferenceFactory(starts_at=timezone.now() - datetime.timedelta(days=400 + k), slug=f"e{k}")
    client.force_login(officer)
    with django_assert_max_num_queries(16):
        response = client.get(conference.get_absolute_url())
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(f"/conferentie/{conference.slug}/status/").status_code == 200


@pytest.mark.parametrize("size", [1, 10])
def test_module_page_queries_do_not_grow(client, size, django_assert_max_num_queries):
    module = ModuleFactory()
    SessionFactory.create_batch(size, module=module)
    for k in range(size):
        ConferenceFactory(slug=f"c{k}").modules.add(module)
        module.deliverables.add(DeliverableFactory(published_at=timezone.now()))
    with django_assert_max_num_queries(10):
        response = client.get(module.get_absolute_url())
    assert response.content.decode().count("/conferentie/c") == size


def test_module_shows_the_workgroup_deliverable_it_comes_from(client):
    module = ModuleFactory(title="De weg in het stadhuis")
    published = DeliverableFactory(
        title="Overzicht van de zeven contactmomenten", published_at=timezone.now()
    )
    draft = DeliverableFactory(title="Concept overlegformat", published_at=None)
    module.deliverables.set([published, draft])
    html = client.get(module.get_absolute_url()).content.decode()
    assert "Komt voort uit" in html
    assert "Overzicht van de zeven contactmomenten" in html
    assert published.workgroup.name in html
    assert "Concept overlegformat" not in html  # a draft stays with the workgroup
    page = client.get(published.workgroup.get_absolute_url()).content.decode()
    assert "Gebruikt in de scholing" in page
    assert f'href="{module.get_absolute_url()}"' in page


def test_cancelling_tells_registrants_and_co_organising_boards_once(officer, chair, council):
    conference = ConferenceFactory()
    conference.delegation.add(council)
    enrolled = RegistrationFactory(conference=conference)
    waiting = RegistrationFactory(conference=conference, status=SeatStatus.WAITING)
    gone = RegistrationFactory(conference=conference, status=SeatStatus.CANCELLED)
    # The chair is registered too: still one message.
    RegistrationFactory(conference=conference, person=chair)
    services.conference_cancel(actor=officer, conference=conference, reason="Zaal niet beschikbaar")
    mails = Notification.objects.filter(kind="training.conference_cancelled")
    assert set(mails.values_list("recipient", flat=True)) == {
        enrolled.person_id,
        waiting.person_id,
        chair.pk,
    }
    assert gone.person_id not in set(mails.values_list("recipient", flat=True))
    assert all("gaat niet door" in mail.body_text for mail in mails)
    assert all("Zaal niet beschikbaar" in mail.body_text for mail in mails)
