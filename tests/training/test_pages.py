import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from tests.factories import CouncilFactory, MembershipFactory, OfficerFactory
from tests.recommendations.factories import ActionItemFactory
from training.models import Conference, ConferenceStatus, Enrolment, SeatStatus
from wijkportaal.core.registry import IndicatorSource, Period, registry

from .factories import (
    ConferenceFactory,
    EnrolmentFactory,
    ModuleFactory,
    RoundFactory,
    SessionFactory,
    WishAnswerFactory,
)

pytestmark = pytest.mark.django_db


def test_anyone_sees_the_programme_with_free_seats(client):
    session = SessionFactory(capacity=3, module__title="Zo besluit de gemeente")
    EnrolmentFactory(session=session)
    full = SessionFactory(capacity=1, module=session.module)
    EnrolmentFactory(session=full)
    EnrolmentFactory(session=full, status=SeatStatus.WAITING)
    SessionFactory(module=session.module, starts_at=timezone.now() - datetime.timedelta(days=2))
    response = client.get("/scholing/")
    html = response.content.decode()
    assert "Zo besluit de gemeente" in html
    (module,) = response.context["modules"]
    assert [s.seats_left for s in module.upcoming_sessions] == [2, 0]
    assert "vol (1 wachtende)" in html


def test_programme_shows_the_onboarding_path_in_order(client):
    ModuleFactory(title="Tweede stap", onboarding_position=2)
    ModuleFactory(title="Eerste stap", onboarding_position=1)
    ModuleFactory(title="Los", onboarding_position=None)
    response = client.get("/scholing/")
    assert [m.title for m in response.context["onboarding"]] == ["Eerste stap", "Tweede stap"]
    # The path comes first, then the other modules.
    assert [m.title for m in response.context["modules"]] == ["Eerste stap", "Tweede stap", "Los"]


def build_programme(size):
    from .factories import TopicFactory

    for _ in range(size):
        module = ModuleFactory()
        module.topics.set([TopicFactory(), TopicFactory()])
        for _ in range(2):
            session = SessionFactory(module=module)
            EnrolmentFactory.create_batch(2, session=session)
    RoundFactory()


@pytest.mark.parametrize("size", [1, 10])
def test_programme_queries_do_not_grow(client, size, django_assert_max_num_queries):
    build_programme(size)
    with django_assert_max_num_queries(8):
        response = client.get("/scholing/")
    assert len(response.context["modules"]) == size


@pytest.mark.parametrize("size", [1, 15])
def test_session_page_queries_do_not_grow(client, member, size, django_assert_max_num_queries):
    session = SessionFactory(capacity=size)
    EnrolmentFactory.create_batch(size, session=session)
    EnrolmentFactory.create_batch(size, session=session, status=SeatStatus.WAITING)
    EnrolmentFactory(session=session, person=member, status=SeatStatus.WAITING)
    client.force_login(member)
    with django_assert_max_num_queries(14):
        response = client.get(f"/scholing/sessies/{session.pk}/")
    assert response.context["position"] == size + 1


def test_member_enrols_through_the_page_and_sees_the_waiting_list(client, member):
    session = SessionFactory(capacity=1)
    EnrolmentFactory(session=session)
    client.force_login(member)
    response = client.post(f"/scholing/sessies/{session.pk}/inschrijven/", follow=True)
    html = response.content.decode()
    assert "u staat op de wachtlijst" in html
    assert "U staat op de wachtlijst (plaats 1)." in html
    response = client.post(f"/scholing/sessies/{session.pk}/inschrijven/", follow=True)
    assert "U staat al op de wachtlijst voor deze bijeenkomst." in response.content.decode()
    assert Enrolment.objects.filter(person=member).count() == 1


def test_member_cancels_through_the_page(client, member):
    enrolment = EnrolmentFactory(person=member)
    client.force_login(member)
    response = client.post(f"/scholing/sessies/{enrolment.session_id}/afmelden/", follow=True)
    assert "U bent afgemeld" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == SeatStatus.CANCELLED


def test_councillor_is_told_only_members_can_enrol(client, councillor):
    session = SessionFactory()
    client.force_login(councillor)
    page = client.get(f"/scholing/sessies/{session.pk}/").content.decode()
    assert "Alleen wijkraadsleden kunnen zich inschrijven" in page
    response = client.post(f"/scholing/sessies/{session.pk}/inschrijven/", follow=True)
    assert "Alleen wijkraadsleden kunnen zich inschrijven" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_anonymous_enrolment_goes_to_login(client):
    session = SessionFactory()
    response = client.post(f"/scholing/sessies/{session.pk}/inschrijven/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    # Back to the session's page after the login: the enrol address answers POST only.
    assert response["Location"].endswith(f"?next=/scholing/sessies/{session.pk}/")


def test_unknown_session_is_404(client):
    assert client.get("/scholing/sessies/999999/").status_code == 404


def test_session_ical_parses(client):
    session = SessionFactory(module__title="Zo besluit de gemeente", location="Buurthuis")
    response = client.get(f"/scholing/sessies/{session.pk}/agenda.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Zo besluit de gemeente"
    assert str(event["location"]) == "Buurthuis"
    assert event.decoded("dtend") == session.ends_at.replace(microsecond=0)


def test_session_ical_is_stamped_when_made_with_the_portal_uid_host(client, settings):
    settings.SITE_URL = "https://wijkportaal.gemeente.example"
    session = SessionFactory(starts_at=timezone.now() + datetime.timedelta(days=40))
    response = client.get(f"/scholing/sessies/{session.pk}/agenda.ics")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]) == f"sessie-{session.pk}@wijkportaal.gemeente.example"
    assert abs(event.decoded("dtstamp") - timezone.now()) < datetime.timedelta(minutes=1)
    assert (
        str(event["url"]) == f"https://wijkportaal.gemeente.example/scholing/sessies/{session.pk}/"
    )


def test_programme_ical_lists_upcoming_sessions_only(client):
    SessionFactory.create_batch(2)
    SessionFactory(starts_at=timezone.now() - datetime.timedelta(days=3))
    calendar = Calendar.from_ical(client.get("/scholing/agenda.ics").content)
    assert len(calendar.walk("VEVENT")) == 2


def test_officer_records_attendance_on_the_staff_page(client):
    officer = OfficerFactory()
    session = SessionFactory(starts_at=timezone.now() - datetime.timedelta(hours=3))
    here, away = EnrolmentFactory.create_batch(2, session=session)
    client.force_login(officer)
    url = f"/scholing/sessies/{session.pk}/aanwezigheid/"
    assert here.person.email in client.get(url).content.decode()
    response = client.post(url, {"attended": [str(here.pk)]}, follow=True)
    assert "1 aanwezig" in response.content.decode()
    here.refresh_from_db(), away.refresh_from_db()
    assert here.attended and not away.attended


def test_officer_sees_an_error_when_recording_too_early(client):
    officer = OfficerFactory()
    enrolment = EnrolmentFactory()
    client.force_login(officer)
    response = client.post(
        f"/scholing/sessies/{enrolment.session_id}/aanwezigheid/", {"attended": [enrolment.pk]}
    )
    assert response.status_code == 400
    assert "pas als de bijeenkomst begonnen" in response.content.decode()


def test_member_sees_path_progress_and_enrolments_on_my_page(client, member):
    first = ModuleFactory(title="Welkom in de wijkraad", onboarding_position=1)
    second = ModuleFactory(title="Zo besluit de gemeente", onboarding_position=2)
    ModuleFactory(title="De weg in het stadhuis", onboarding_position=3)
    EnrolmentFactory(
        person=member,
        attended=True,
        session=SessionFactory(module=first, starts_at=timezone.now() - datetime.timedelta(days=9)),
    )
    EnrolmentFactory(person=member, session=SessionFactory(module=second))
    client.force_login(member)
    html = client.get("/mijn/").content.decode()
    assert "Mijn scholing" in html
    assert "U volgde 1 van 3 modules." in html
    assert "Welkom in de wijkraad — <strong>gevolgd</strong>" in html
    assert "Zo besluit de gemeente — ingeschreven voor" in html


def test_officer_without_enrolments_has_no_training_section(client, officer):
    client.force_login(officer)
    assert "Mijn scholing" not in client.get("/mijn/").content.decode()


def _programme_year(now: datetime.datetime) -> Period:
    year = timezone.localdate(now).year
    return Period(start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31), now=now)


def test_indicator_sources_are_computed_live():
    round_ = RoundFactory()
    WishAnswerFactory(round=round_)
    CouncilFactory.create_batch(3)
    rate = registry.get(IndicatorSource, "training.inventory_response_rate").compute
    assert rate(None) == 25


def test_a_conference_counts_once_it_has_been_held():
    """Recommendation 8 at the edge: a conference dated tomorrow does not count; one held
    yesterday counts once an officer recorded it as held; one held last programme year does
    not."""
    held = registry.get(IndicatorSource, "training.conferences_this_year").compute
    now = timezone.make_aware(datetime.datetime(2026, 6, 15, 12))
    period = _programme_year(now)
    assert held(period) == 0
    tomorrow = ConferenceFactory(
        year=2026,
        slug="2026",
        starts_at=now + datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=1, hours=4),
    )
    assert held(period) == 0
    ConferenceFactory(
        year=2025,
        slug="2025",
        status=ConferenceStatus.HELD,
        starts_at=timezone.make_aware(datetime.datetime(2025, 10, 10, 13)),
        ends_at=timezone.make_aware(datetime.datetime(2025, 10, 10, 17)),
    )
    assert held(period) == 0
    # Two days on the conference took place, but only an officer's record makes it "held".
    later = _programme_year(now + datetime.timedelta(days=2))
    assert held(later) == 0
    Conference.objects.filter(pk=tomorrow.pk).update(status=ConferenceStatus.HELD)
    assert held(later) == 1


def test_training_reach_counts_wijkraden_whose_member_attended_this_programme_year():
    """Recommendation 3 at the edge: attendance recorded at a session that took place in the
    period, by someone who held a seat in the wijkraad during the period."""
    source = registry.get(IndicatorSource, "training.attended_share").compute
    now = timezone.make_aware(datetime.datetime(2026, 6, 15, 12))
    reached, joined_later, absent, other, left = CouncilFactory.create_batch(5)
    session = SessionFactory(
        starts_at=now - datetime.timedelta(days=10),
        ends_at=now - datetime.timedelta(days=10) + datetime.timedelta(hours=2),
    )
    last_year = SessionFactory(
        starts_at=timezone.make_aware(datetime.datetime(2025, 11, 1, 19)),
        ends_at=timezone.make_aware(datetime.datetime(2025, 11, 1, 21)),
    )
    member = MembershipFactory(council=reached, start=datetime.date(2020, 1, 1)).person
    EnrolmentFactory(session=session, person=member, status="ingeschreven", attended=True)
    # Joined after the session, still this year: the wijkraad now has a trained member.
    newcomer = MembershipFactory(
        council=joined_later, start=timezone.localdate(now) - datetime.timedelta(days=2)
    ).person
    EnrolmentFactory(session=session, person=newcomer, status="ingeschreven", attended=True)
    # Left the wijkraad before the programme year began: does not count for it.
    former = MembershipFactory(
        council=left, start=datetime.date(2020, 1, 1), end=datetime.date(2025, 12, 31)
    ).person
    EnrolmentFactory(session=session, person=former, status="ingeschreven", attended=True)
    not_there = MembershipFactory(council=absent, start=datetime.date(2020, 1, 1)).person
    EnrolmentFactory(session=session, person=not_there, status="ingeschreven", attended=False)
    old = MembershipFactory(council=other, start=datetime.date(2020, 1, 1)).person
    EnrolmentFactory(session=last_year, person=old, status="ingeschreven", attended=True)
    assert source(_programme_year(now)) == 40.0
    # The session of last year counted for last year.
    last = _programme_year(timezone.make_aware(datetime.datetime(2025, 12, 1, 12)))
    assert source(last) == 20.0


def test_actions_link_to_the_programme_and_the_conference():
    programme = ActionItemFactory(key="scholingsprogramma")
    conference = ActionItemFactory(key="wijkradenconferentie")
    other = ActionItemFactory(key="toolkit-communicatie")
    links = registry.action_links([programme.pk, conference.pk, other.pk])
    assert "/scholing/" in [link["url"] for link in links[programme.pk]]
    assert "/conferentie/" in [link["url"] for link in links[conference.pk]]
    # The toolkit's action links elsewhere, never to the training pages.
    assert not {"/scholing/", "/conferentie/"} & {link["url"] for link in links.get(other.pk, [])}


def test_seed_gives_rounds_answers_full_sessions_and_two_conferences():
    from training.models import Conference, Module, Session, WishAnswer

    call_command("seed_demo", verbosity=0)
    counts = (WishAnswer.objects.count(), Session.objects.count(), Enrolment.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (
        WishAnswer.objects.count(),
        Session.objects.count(),
        Enrolment.objects.count(),
    ) == counts
    assert Module.objects.count() == 6
    assert Conference.objects.count() == 2
    assert Enrolment.objects.filter(status=SeatStatus.WAITING).exists()
    assert Enrolment.objects.filter(attended=True).exists()
    call_command("seed_demo", scale=2, verbosity=0)
    assert Session.objects.count() > counts[1]


def test_member_of_several_councils_sees_only_their_board_council(client):
    council = CouncilFactory()
    chair = MembershipFactory(council=council, function="voorzitter").person
    MembershipFactory(person=chair, function="lid")
    RoundFactory(slug="wensen")
    client.force_login(chair)
    response = client.get("/scholing/inventarisatie/wensen/")
    assert response.context["council"] == council
    assert [c.pk for c in response.context["councils"]] == [council.pk]


@pytest.mark.parametrize("size", [1, 8])
def test_my_page_training_section_queries_do_not_grow(
    client, member, size, django_assert_max_num_queries
):
    for position in range(1, size + 1):
        module = ModuleFactory(onboarding_position=position)
        EnrolmentFactory(person=member, session=SessionFactory(module=module))
    client.force_login(member)
    with django_assert_max_num_queries(20):
        response = client.get("/mijn/")
    assert response.content.decode().count("ingeschreven voor") == size


def test_conference_date_must_fall_in_its_year():
    from django.core.exceptions import ValidationError

    conference = ConferenceFactory.build(year=2020, venue="Stadhuis")
    with pytest.raises(ValidationError) as error:
        conference.full_clean()
    assert "De datum valt niet in het gekozen jaar." in error.value.message_dict["starts_at"]


def test_board_sees_its_stored_answer_after_the_deadline(client, chair, council):
    from training.models import TopicRank

    from .factories import TopicFactory

    today = timezone.localdate()
    round_ = RoundFactory(
        slug="oud",
        opens_on=today - datetime.timedelta(days=30),
        deadline=today - datetime.timedelta(days=2),
    )
    topic = TopicFactory(round=round_, title="Participatie organiseren")
    answer = WishAnswerFactory(round=round_, council=council, own_wishes="Subsidies")
    TopicRank.objects.create(answer=answer, topic=topic, rank=1)
    client.force_login(chair)
    html = client.get("/scholing/inventarisatie/oud/").content.decode()
    assert "<li>Participatie organiseren</li>" in html
    assert "Eigen wensen: Subsidies" in html
    assert 'name="own_wishes"' not in html


def test_officer_opens_a_round_with_topics_in_the_admin(client, officer):
    from training.models import Topic
    from wijkportaal.wijkraden.models import InventoryRound

    client.force_login(officer)
    today = timezone.localdate()
    response = client.post(
        "/admin/training/traininground/add/",
        {
            "title": "Scholingswensen voorjaar",
            "slug": "voorjaar",
            "introduction": "",
            "opens_on": today.isoformat(),
            "deadline": (today + datetime.timedelta(days=30)).isoformat(),
            "training_topics-TOTAL_FORMS": "2",
            "training_topics-INITIAL_FORMS": "0",
            "training_topics-0-order": "0",
            "training_topics-0-title": "Hoe de gemeenteraad besluit",
            "training_topics-1-order": "1",
            "training_topics-1-title": "Procedures en termijnen",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    round_ = InventoryRound.objects.get(slug="voorjaar")
    assert round_.kind == "scholing" and round_.opened_by == officer
    assert Topic.objects.filter(round=round_).count() == 2
