import pytest
from django.urls import reverse

from wijkportaal.wijkraden.models import NeighbourhoodCouncil

pytestmark = pytest.mark.django_db

VALID = {
    "description": "Wij zijn de wijkraad van de Molenwijk.",
    "neighbourhoods": "Molenpad\nKorenveld",
    "contact_email": "bestuur@molenwijk.test",
    "website": "https://molenwijk.test",
    "founded_year": "1990",
}


def edit_url(council):
    return reverse("wijkraden:edit", kwargs={"slug": council.slug})


def test_chair_can_edit_own_council_profile(client, council, chair):
    client.force_login(chair)
    response = client.post(edit_url(council), VALID)
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.description == VALID["description"]
    assert council.neighbourhood_list == ["Molenpad", "Korenveld"]
    page = client.get(council.get_absolute_url())
    assert "Het profiel van de wijkraad is opgeslagen." in page.text


def test_officer_can_edit_any_council_profile(client, council, officer):
    client.force_login(officer)
    assert client.post(edit_url(council), VALID).status_code == 302
    council.refresh_from_db()
    assert council.contact_email == "bestuur@molenwijk.test"


def test_ordinary_member_cannot_edit_own_council_profile(client, council, member):
    client.force_login(member)
    assert client.get(edit_url(council)).status_code == 404
    assert client.post(edit_url(council), VALID).status_code == 404


def test_member_of_other_council_gets_404_and_changes_nothing(client, council, other_chair):
    before = NeighbourhoodCouncil.objects.values().get(pk=council.pk)
    client.force_login(other_chair)
    assert client.get(edit_url(council)).status_code == 404
    response = client.post(edit_url(council), VALID)
    assert response.status_code == 404
    assert NeighbourhoodCouncil.objects.values().get(pk=council.pk) == before


def test_anonymous_visitor_is_sent_to_login(client, council):
    response = client.get(edit_url(council))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_edit_page_only_shows_button_to_those_who_may_edit(client, council, chair, member):
    client.force_login(member)
    assert "Profiel bewerken" not in client.get(council.get_absolute_url()).text
    client.force_login(chair)
    assert "Profiel bewerken" in client.get(council.get_absolute_url()).text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contact_email", "geen-adres", "Voer een geldig e-mailadres in."),
        ("website", "javascript:alert(1)", "Voer een geldige URL in."),
        ("founded_year", "1200", "Vul een jaartal in tussen 1900"),
        ("founded_year", "drie", "Voer een geheel getal in."),
    ],
)
def test_bad_input_shows_dutch_error_beside_the_field_and_saves_nothing(
    client, council, chair, field, value, message
):
    before = NeighbourhoodCouncil.objects.values().get(pk=council.pk)
    client.force_login(chair)
    response = client.post(edit_url(council), {**VALID, field: value})
    assert response.status_code == 200
    assert message in response.text
    # The error is tied to its input for screen readers.
    assert f'id="id_{field}_error"' in response.text
    assert (
        f'aria-describedby="id_{field}_error"' in response.text
        or f'id_{field}_error"' in response.text
    )
    assert 'aria-invalid="true"' in response.text
    assert NeighbourhoodCouncil.objects.values().get(pk=council.pk) == before


def test_script_in_description_is_escaped_on_the_public_page(client, council, chair):
    client.force_login(chair)
    client.post(edit_url(council), {**VALID, "description": "<script>alert('x')</script>"})
    page = client.get(council.get_absolute_url())
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;" in page.text
