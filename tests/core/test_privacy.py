"""Issue 15 item 9: privacy (AVG).

On main `GET /wijkraden/<slug>/` listed every member's name, and a member without a name
appeared as the part of the email address before the @; `/privacy/` and `/mijn/gegevens/`
answered 404. Now the public page names only the functions the wijkraad publishes (chair
and secretary unless it chooses otherwise), never a name made from an email address; the
privacy statement is linked in the footer; a logged-in user downloads their own data."""

import json

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory, UserFactory
from wijkportaal.wijkraden.models import Function

pytestmark = pytest.mark.django_db


def person(first, last, email):
    return UserFactory(first_name=first, last_name=last, email=email)


@pytest.fixture
def board(council):
    return {
        "chair": MembershipFactory(
            council=council,
            function=Function.CHAIR,
            person=person("Anna", "Voorzitter", "anna@example.test"),
        ),
        "secretary": MembershipFactory(
            council=council,
            function=Function.SECRETARY,
            person=person("", "", "geheim.adres@example.test"),
        ),
        "treasurer": MembershipFactory(
            council=council,
            function=Function.TREASURER,
            person=person("Bert", "Penningmeester", "bert@example.test"),
        ),
        "member": MembershipFactory(
            council=council,
            function=Function.MEMBER,
            person=person("Carla", "Lid", "carla@example.test"),
        ),
    }


def test_public_council_page_names_only_the_published_functions(client, council, board):
    page = client.get(reverse("wijkraden:detail", kwargs={"slug": council.slug})).text
    assert "Anna Voorzitter" in page
    assert "Bert Penningmeester" not in page
    assert "Carla Lid" not in page
    # The secretary gave no name: nothing is made up from the address.
    assert "geheim.adres" not in page
    assert "Verder heeft de wijkraad 3 leden en bestuursleden" in page


def test_the_board_chooses_which_functions_are_named(client, council, board):
    client.force_login(board["chair"].person)
    response = client.post(
        reverse("wijkraden:edit", kwargs={"slug": council.slug}),
        {
            "neighbourhoods": "Buurt A",
            "public_functions": [Function.CHAIR, Function.TREASURER],
        },
    )
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.public_functions == [Function.CHAIR, Function.TREASURER]
    client.logout()
    page = client.get(reverse("wijkraden:detail", kwargs={"slug": council.slug})).text
    assert "Bert Penningmeester" in page
    assert "Carla Lid" not in page


def test_a_new_wijkraad_publishes_chair_and_secretary(council):
    assert council.public_functions == ["voorzitter", "secretaris"]


def test_privacy_statement_is_linked_in_the_footer(client, db):
    home = client.get("/").text
    assert 'href="/privacy/"' in home
    page = client.get("/privacy/")
    assert page.status_code == 200
    assert "Privacyverklaring" in page.text
    assert "Hoe lang we gegevens bewaren" in page.text


def test_member_downloads_their_own_data(client, council, board):
    member = board["member"].person
    client.force_login(member)
    response = client.get("/mijn/gegevens/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens.json"'
    data = json.loads(response.content)
    assert data["gebruiker"] == member.email
    assert data["account"]["account"]["achternaam"] == "Lid"
    assert data["account"]["lidmaatschappen"][0]["wijkraad"] == council.name
    # Only their own data, and no secrets.
    text = response.content.decode()
    assert "anna@example.test" not in text
    assert "pbkdf2" not in text and "md5$" not in text


def test_anonymous_visitor_gets_the_login_page_for_my_data(client, db):
    response = client.get("/mijn/gegevens/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
