"""The support catalogue as the letter lists it: community workers of the welfare
organisations, the Leefbaarheid & initiatiefbudget, and the support workgroup's notes per
terrain on where tailored support is needed, shown with the catalogue."""

import pytest

from contracts.ondersteuning.models import SupportKind, SupportNote
from tests.contracts.factories import OfferFactory

pytestmark = pytest.mark.django_db


def note(terrain, **extra):
    return SupportNote.objects.create(
        terrain=terrain, text=f"Hulp op maat bij {terrain.lower()}.", **extra
    )


def test_the_catalogue_shows_community_workers_and_the_workgroup_notes(client):
    OfferFactory(kind=SupportKind.COMMUNITY_WORK, title="Opbouwwerk Zuid", provider="Welzijn Zuid")
    OfferFactory(kind=SupportKind.BUDGET, title="Leefbaarheid & initiatiefbudget")
    note("Openbare ruimte", order=2)
    note("Zorg en welzijn", order=1)
    note("Verborgen terrein", published=False)
    page = client.get("/ondersteuning/").text
    assert "Opbouwwerk Zuid" in page and "Welzijn Zuid" in page
    assert "Waar ondersteuning op maat nodig is" in page
    assert page.index("Zorg en welzijn") < page.index("Openbare ruimte")
    assert "Hulp op maat bij openbare ruimte." in page
    assert "Werkgroep contactmomenten, bijgewerkt op" in page
    assert "Verborgen terrein" not in page


def test_without_notes_the_section_is_not_shown(client):
    assert "Waar ondersteuning op maat nodig is" not in client.get("/ondersteuning/").text


@pytest.mark.parametrize("size", [1, 8])
def test_support_page_queries_do_not_grow(client, django_assert_max_num_queries, size):
    for number in range(size):
        OfferFactory()
        note(f"Terrein {number}")
    with django_assert_max_num_queries(5):
        assert client.get("/ondersteuning/").status_code == 200
