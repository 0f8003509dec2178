"""The /raad/ pages and the section on the wijkraad's page."""

import datetime

import pytest
from django.utils import timezone

from council.models import Decision, Viewpoint, Visit
from tests.factories import CouncilFactory, CouncillorFactory

from .factories import DecisionFactory, ReplyFactory, ViewpointFactory, VisitFactory

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


def test_list_shows_upcoming_and_past_with_outcome(client):
    DecisionFactory(title="Omgevingsvisie")
    past = DecisionFactory(
        title="Parkeerbeleid",
        decision_date=_today() - datetime.timedelta(days=3),
        outcome="Aangenomen met een amendement.",
        outcome_recorded_at=timezone.now(),
    )
    html = client.get("/raad/").content.decode()
    assert "Omgevingsvisie" in html and "Parkeerbeleid" in html
    assert "Aangenomen met een amendement." in client.get(f"/raad/{past.pk}/").content.decode()


def test_officer_lists_a_decision_through_the_page(client, officer, council):
    client.force_login(officer)
    response = client.post(
        "/raad/nieuw/",
        {
            "title": "Stationsplein",
            "summary": "Autoluw of niet?",
            "decision_date": (_today() + datetime.timedelta(days=9)).isoformat(),
            "link": "https://raad.example.test/7",
            "councils": [council.pk],
        },
        follow=True,
    )
    assert "De politieke keuze is opgeslagen." in response.content.decode()
    assert Decision.objects.get().councils.get() == council


def test_officer_sees_the_outcome_error_before_the_date(client, officer):
    decision = DecisionFactory()
    client.force_login(officer)
    response = client.post(
        f"/raad/{decision.pk}/bewerken/",
        {
            "title": decision.title,
            "summary": decision.summary,
            "decision_date": decision.decision_date.isoformat(),
            "outcome": "Aangenomen.",
        },
    )
    assert response.status_code == 400
    assert "de uitkomst legt u vast vanaf die dag" in response.content.decode()


def test_board_gives_a_view_through_the_page(client, council, chair):
    decision = DecisionFactory()
    client.force_login(chair)
    page = client.get(f"/raad/{decision.pk}/").content.decode()
    assert "Zienswijze van uw wijkraad" in page
    response = client.post(
        f"/raad/{decision.pk}/zienswijze/",
        {"council": council.pk, "text": "Bewaar het speelveld."},
        follow=True,
    )
    html = response.content.decode()
    assert "De zienswijze van uw wijkraad is opgeslagen." in html
    assert "Bewaar het speelveld." in html


def test_a_view_after_the_date_shows_the_dutch_error(client, council, chair):
    decision = DecisionFactory(decision_date=_today() - datetime.timedelta(days=1))
    client.force_login(chair)
    response = client.post(
        f"/raad/{decision.pk}/zienswijze/", {"council": council.pk, "text": "Te laat."}
    )
    assert response.status_code == 400
    assert "Een zienswijze kan tot en met de dag ervoor" in response.content.decode()
    assert not Viewpoint.objects.exists()


def test_board_cannot_speak_for_another_wijkraad(client, chair, other_council):
    decision = DecisionFactory()
    client.force_login(chair)
    response = client.post(
        f"/raad/{decision.pk}/zienswijze/", {"council": other_council.pk, "text": "x"}
    )
    assert response.status_code == 404


def test_council_member_answers_and_follows_through_the_page(client, council):
    councillor = CouncillorFactory(first_name="Rita", last_name="Raadslid")
    viewpoint = ViewpointFactory(council=council)
    client.force_login(councillor)
    response = client.post(
        f"/raad/zienswijzen/{viewpoint.pk}/reactie/", {"text": "Ik kom langs."}, follow=True
    )
    html = response.content.decode()
    assert "Ik kom langs." in html and "Rita Raadslid" in html
    client.post(f"/raad/{viewpoint.decision.pk}/volgen/")
    assert viewpoint.decision.followers.get() == councillor
    html = client.get(f"/raad/{viewpoint.decision.pk}/").content.decode()
    assert "Niet meer volgen" in html


def test_council_member_registers_a_visit_and_the_board_confirms_it(client, council, chair):
    councillor = CouncillorFactory(first_name="Joost", last_name="Jansen")
    client.force_login(councillor)
    response = client.post(
        "/raad/bezoeken/",
        {"council": council.pk, "date": _today().isoformat(), "topic": "Wijkschouw"},
        follow=True,
    )
    assert "wacht op bevestiging" in response.content.decode()
    visit = Visit.objects.get()
    client.force_login(chair)
    page = client.get(council.get_absolute_url()).content.decode()
    assert "Te bevestigen" in page
    response = client.post(f"/raad/bezoeken/{visit.pk}/bevestigen/", follow=True)
    html = response.content.decode()
    assert "Het bezoek is bevestigd." in html
    assert "Joost Jansen" in html and "Wijkschouw" in html


def test_a_future_visit_confirmed_shows_the_dutch_error(client, council, chair):
    visit = VisitFactory(council=council, date=_today() + datetime.timedelta(days=4))
    client.force_login(chair)
    response = client.post(f"/raad/bezoeken/{visit.pk}/bevestigen/", follow=True)
    assert "U bevestigt het pas als het heeft plaatsgevonden." in response.content.decode()
    visit.refresh_from_db()
    assert not visit.is_confirmed


def test_wijkraad_page_shows_confirmed_visits_only_to_the_public(client, council):
    confirmed = VisitFactory(council=council, topic="Bevestigd bezoek")
    confirmed.confirmed_at = timezone.now()
    confirmed.save()
    VisitFactory(council=council, topic="Onbevestigd bezoek")
    html = client.get(council.get_absolute_url()).content.decode()
    assert "Bevestigd bezoek" in html
    assert "Onbevestigd bezoek" not in html


# --- query counts at two sizes --------------------------------------------------------------


def _world(size):
    councils = CouncilFactory.create_batch(size)
    decisions = []
    for k in range(size):
        decision = DecisionFactory(decision_date=_today() + datetime.timedelta(days=k - size // 2))
        decision.councils.set(councils)
        decision.followers.set(CouncillorFactory.create_batch(2))
        for council in councils:
            ReplyFactory(viewpoint=ViewpointFactory(decision=decision, council=council))
        decisions.append(decision)
    for council in councils:
        VisitFactory(council=council, confirmed_at=timezone.now())
    return councils, decisions


@pytest.mark.parametrize("size", [1, 6])
def test_list_queries_do_not_grow(client, size, django_assert_max_num_queries):
    _world(size)
    with django_assert_max_num_queries(8):
        response = client.get("/raad/")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_detail_queries_do_not_grow(client, size, django_assert_max_num_queries):
    _councils, decisions = _world(size)
    councillor = CouncillorFactory()
    client.force_login(councillor)
    decision = decisions[-1]
    with django_assert_max_num_queries(12):
        response = client.get(f"/raad/{decision.pk}/")
    assert response.content.decode().count('class="viewpoint"') == size


@pytest.mark.parametrize("size", [1, 6])
def test_board_detail_and_visits_queries_do_not_grow(
    client, council, chair, size, django_assert_max_num_queries
):
    _councils, decisions = _world(size)
    client.force_login(chair)
    with django_assert_max_num_queries(14):
        assert client.get(f"/raad/{decisions[-1].pk}/").status_code == 200
    councillor = CouncillorFactory()
    VisitFactory.create_batch(size, councillor=councillor)
    client.force_login(councillor)
    with django_assert_max_num_queries(10):
        assert client.get("/raad/bezoeken/").status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_wijkraad_page_section_queries_do_not_grow(
    client, council, size, django_assert_max_num_queries
):
    for _ in range(size):
        VisitFactory(council=council, confirmed_at=timezone.now())
        DecisionFactory().councils.add(council)
    client.get(council.get_absolute_url())  # warm the caches of the other sections
    with django_assert_max_num_queries(40):
        response = client.get(council.get_absolute_url())
    assert response.content.decode().count("Kennismaking") == size
