import pytest
from django.urls import reverse

from tests.factories import CouncilFactory, DistrictFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_anyone_can_read_the_register_filtered_by_district(client):
    noord, zuid = (
        DistrictFactory(name="Noord", slug="noord"),
        DistrictFactory(name="Zuid", slug="zuid"),
    )
    CouncilFactory(name="Wijkraad Molenwijk", district=noord)
    CouncilFactory(name="Wijkraad Beekdal", district=zuid)

    everything = client.get(reverse("wijkraden:list"))
    assert "Wijkraad Molenwijk" in everything.text and "Wijkraad Beekdal" in everything.text

    only_zuid = client.get(reverse("wijkraden:list"), {"district": "zuid"})
    assert only_zuid.status_code == 200
    assert "Wijkraad Beekdal" in only_zuid.text
    assert "Wijkraad Molenwijk" not in only_zuid.text


def test_register_ignores_an_unknown_district_without_error(client):
    CouncilFactory(name="Wijkraad Molenwijk")
    response = client.get(reverse("wijkraden:list"), {"district": "bestaat-niet"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.text


def test_register_hides_inactive_councils(client):
    CouncilFactory(name="Wijkraad Opgeheven", active=False)
    assert "Wijkraad Opgeheven" not in client.get(reverse("wijkraden:list")).text


def test_council_page_shows_profile_and_board(client, council):
    MembershipFactory(
        council=council,
        function="voorzitter",
        person__first_name="Fatima",
        person__last_name="Bakker",
    )
    response = client.get(reverse("wijkraden:detail", kwargs={"slug": council.slug}))
    assert response.status_code == 200
    assert council.name in response.text
    assert "Fatima Bakker" in response.text
    assert "voorzitter" in response.text


def test_unknown_council_answers_404_in_dutch(client, db):
    response = client.get("/wijkraden/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


@pytest.mark.parametrize("size", [1, 5])
def test_register_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, size):
    for _ in range(size * 4):
        council = CouncilFactory()
        MembershipFactory.create_batch(3, council=council)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("wijkraden:list"))
    assert response.content.count(b'scope="row"') == size * 4


@pytest.mark.parametrize("members", [2, 12])
def test_council_page_runs_a_constant_number_of_queries(
    client, council, django_assert_max_num_queries, members
):
    MembershipFactory.create_batch(members, council=council)
    # The profile, board and the sections other apps add (roles, contact moments, channels,
    # contracts): the same bound whatever the number of members.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("wijkraden:detail", kwargs={"slug": council.slug}))
    assert response.status_code == 200
