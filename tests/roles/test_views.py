import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from roles.models import Role, RoleDeclaration
from tests.factories import CouncilFactory, DistrictFactory
from tests.recommendations.factories import ActionItemFactory
from tests.roles.factories import RoleDeclarationFactory
from wijkportaal.desk.models import Case

pytestmark = pytest.mark.django_db


def days(n):
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


def form_url(council):
    return f"/wijkraden/{council.slug}/rollen/nieuw/"


def test_register_is_not_read_as_a_council_slug(client):
    response = client.get("/wijkraden/rollen/")
    assert response.status_code == 200
    assert "Register van rolkeuzes" in response.text


def test_anyone_can_filter_the_register_by_role_district_and_scope(client):
    north, south = DistrictFactory(slug="noord"), DistrictFactory(slug="zuid")
    a = RoleDeclarationFactory(council__name="Wijkraad Aap", council__district=north)
    b = RoleDeclarationFactory(
        council__name="Wijkraad Beer", council__district=south, role=Role.SELF, subject="Plein"
    )
    page = client.get("/wijkraden/rollen/").text
    assert a.council.name in page and b.council.name in page
    page = client.get("/wijkraden/rollen/", {"role": "zelforganisatie"}).text
    assert b.council.name in page and a.council.name not in page
    page = client.get("/wijkraden/rollen/", {"district": "noord"}).text
    assert a.council.name in page and b.council.name not in page
    page = client.get("/wijkraden/rollen/", {"scope": "onderwerp"}).text
    assert b.council.name in page and a.council.name not in page
    page = client.get("/wijkraden/rollen/", {"scope": "algemeen"}).text
    assert a.council.name in page and b.council.name not in page


def test_register_filter_by_linked_action(client):
    action = ActionItemFactory(title="Werkgroep rollen")
    linked = RoleDeclarationFactory(council__name="Wijkraad Gekoppeld", scope_object=action)
    RoleDeclarationFactory(council__name="Wijkraad Algemeen")
    page = client.get("/wijkraden/rollen/", {"scope": "actie"}).text
    assert linked.council.name in page and "Wijkraad Algemeen" not in page
    assert "Werkgroep rollen" in page


@pytest.mark.parametrize("size", [3, 12])
def test_register_query_count_does_not_grow(client, django_assert_max_num_queries, size):
    action = ActionItemFactory()
    for index in range(size):
        RoleDeclarationFactory(scope_object=action if index % 2 else None)
    with django_assert_max_num_queries(8):
        response = client.get("/wijkraden/rollen/")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 8])
def test_council_page_with_roles_query_count_does_not_grow(
    client, council, chair, django_assert_max_num_queries, size
):
    for index in range(size):
        RoleDeclarationFactory(council=council, subject=f"Onderwerp {index}")
    client.force_login(chair)
    with django_assert_max_num_queries(22):
        response = client.get(council.get_absolute_url())
    assert "Onderwerp 1" in response.text


def test_council_page_shows_current_upcoming_and_history(client, council):
    RoleDeclarationFactory(council=council, subject="Dossier Heden", start=timezone.localdate())
    RoleDeclarationFactory(
        council=council,
        subject="Straks",
        start=timezone.localdate() + datetime.timedelta(days=9),
    )
    RoleDeclarationFactory(
        council=council,
        subject="Vroeger",
        start=timezone.localdate() - datetime.timedelta(days=90),
        end=timezone.localdate() - datetime.timedelta(days=30),
    )
    page = client.get(council.get_absolute_url()).text
    now, later, before = page.index("Geldt nu"), page.index("Komt eraan"), page.index("Eerdere")
    assert now < page.index("Dossier Heden") < later < page.index("Straks")
    assert later < page.index("Straks") < before < page.index("Vroeger")
    assert "Rolkeuze bekendmaken" not in page  # anonymous


def test_chair_sees_the_declare_button_member_does_not(client, council, chair, member):
    client.force_login(member)
    assert "Rolkeuze bekendmaken" not in client.get(council.get_absolute_url()).text
    client.force_login(chair)
    assert "Rolkeuze bekendmaken" in client.get(council.get_absolute_url()).text


def test_chair_can_declare_through_the_form(client, council, chair):
    client.force_login(chair)
    page = client.get(form_url(council)).text
    assert "Kaders voor een wijkraad als zelforganisatie" in page
    assert "De afdeling Wijkzaken en Participatie beantwoordt het binnen 5 werkdagen" in page
    response = client.post(
        form_url(council),
        {"role": "zelforganisatie", "start": days(1), "frameworks_acknowledged": "on"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#rollen")
    assert RoleDeclaration.objects.get().role == Role.SELF
    page = client.get(response["Location"]).text
    assert "De rolkeuze is bekendgemaakt." in page
    # Who answers, by when, and where to follow it.
    case = Case.objects.get()
    assert "De afdeling Wijkzaken en Participatie beantwoordt het uiterlijk op" in page
    assert date_format(case.answer_by, "l j F Y") in page
    assert f'href="/mijn/verzoeken/{case.pk}/"' in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"role": "netwerkorganisatie", "start": days(-1)}, "start", "vooraf bekendgemaakt"),
        (
            {"role": "netwerkorganisatie", "start": days(3), "end": days(2)},
            "end",
            "De einddatum ligt niet vóór de startdatum.",
        ),
        ({"role": "zelforganisatie", "start": days(1)}, "frameworks_acknowledged", "kaders"),
        ({"role": "netwerkorganisatie", "start": "gisteren"}, "start", "Voer een geldige datum in"),
        ({"start": days(1)}, "role", "Dit veld is verplicht."),
    ],
)
def test_bad_input_shows_a_dutch_error_beside_the_field(
    client, council, chair, data, field, message
):
    client.force_login(chair)
    response = client.post(form_url(council), data)
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.text
    error = response.text.split(f'id="id_{field}_error"')[1].split("</div>")[0]
    assert message in error
    assert not RoleDeclaration.objects.exists()


def test_overlap_error_shows_beside_the_start(client, council, chair):
    RoleDeclarationFactory(council=council, start=timezone.localdate())
    client.force_login(chair)
    response = client.post(form_url(council), {"role": "netwerkorganisatie", "start": days(2)})
    assert response.status_code == 200
    assert "Voor dit onderwerp geldt al een rolkeuze" in response.text
    assert RoleDeclaration.objects.count() == 1


def test_member_and_other_council_get_404_and_nothing_is_saved(
    client, council, member, other_chair
):
    for user in (member, other_chair):
        client.force_login(user)
        assert client.get(form_url(council)).status_code == 404
        response = client.post(form_url(council), {"role": "netwerkorganisatie", "start": days(1)})
        assert response.status_code == 404
    assert not RoleDeclaration.objects.exists()


def test_chair_can_link_a_declaration_to_an_action(client, council, chair):
    action = ActionItemFactory(title="Promotiecampagne")
    client.force_login(chair)
    page = client.get(form_url(council)).text
    assert f'value="actie:{action.pk}"' in page
    client.post(
        form_url(council),
        {"role": "netwerkorganisatie", "start": days(1), "scope_object": f"actie:{action.pk}"},
    )
    assert RoleDeclaration.objects.get().scope_object == action


def test_chair_can_end_a_declaration_through_the_form(client, council, chair):
    declaration = RoleDeclarationFactory(
        council=council, start=timezone.localdate() - datetime.timedelta(days=3)
    )
    url = f"/wijkraden/{council.slug}/rollen/{declaration.pk}/beeindigen/"
    client.force_login(chair)
    response = client.post(url, {"end": days(-2)})
    assert "niet achteraf" in response.text
    response = client.post(url, {"end": days(4)})
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.end.isoformat() == days(4)


def test_end_form_of_another_councils_declaration_is_404(client, council, chair):
    declaration = RoleDeclarationFactory(council=CouncilFactory())
    client.force_login(chair)
    url = f"/wijkraden/{council.slug}/rollen/{declaration.pk}/beeindigen/"
    assert client.get(url).status_code == 404


def test_register_survives_nonsense_filters(client):
    RoleDeclarationFactory()
    response = client.get(
        "/wijkraden/rollen/",
        {"role": "onzin", "district": "nergens", "scope": "x", "pagina": "abc"},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.text
