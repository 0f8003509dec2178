import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from recommendations import services
from recommendations.models import Follow, Reaction
from tests.factories import DepartmentFactory, OfficerFactory
from tests.recommendations.factories import (
    ActionItemFactory,
    IndicatorFactory,
    ReactionFactory,
    RecommendationFactory,
)
from wijkportaal.core.registry import ActionLinks, IndicatorSource
from wijkportaal.desk import services as desk_services
from wijkportaal.desk.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def ten():
    return [RecommendationFactory(number=n, title=f"Aanbeveling titel {n}") for n in range(1, 11)]


def test_anyone_sees_all_ten_recommendations_with_progress_in_text(client, ten):
    late = ActionItemFactory(
        recommendations=[ten[0]],
        status="lopend",
        progress=40,
        due_date=timezone.localdate() - datetime.timedelta(days=3),
    )
    ActionItemFactory(recommendations=[ten[0]], status="afgerond", progress=100)
    response = client.get("/voortgang/")
    assert response.status_code == 200
    html = response.content.decode()
    for n in range(1, 11):
        assert f"Aanbeveling titel {n}" in html
    assert "70%" in html  # (40 + 100) / 2, the number in text beside the bar
    assert "<svg" in html and 'role="img"' in html
    assert "Voortgang per aanbeveling (de cijfers van de grafiek)" in html
    # SVG geometry is never localised (a Dutch decimal comma would break the chart).
    import re

    svg = html[html.index("<svg") : html.rindex("</svg>")]
    assert not re.search(r'(?:x|y|width|height)="[^"]*,', svg)
    # The full action table has its own page, linked from the overview.
    assert 'href="/voortgang/acties/"' in html and "Alle acties" in html
    assert late.title not in html
    actions = client.get("/voortgang/acties/").content.decode()
    assert late.title in actions and "over tijd" in actions


def test_monitor_filters_on_status_department_and_overdue(client, ten):
    today = timezone.localdate()
    late = ActionItemFactory(
        title="Late actie", status="lopend", due_date=today - datetime.timedelta(days=1)
    )
    ActionItemFactory(title="Geplande actie", status="gepland")
    done = ActionItemFactory(title="Klare actie", status="afgerond", progress=100)
    html = client.get("/voortgang/acties/?status=afgerond").content.decode()
    assert "Klare actie" in html and "Late actie" not in html
    html = client.get("/voortgang/acties/?over_tijd=ja").content.decode()
    assert "Late actie" in html and "Geplande actie" not in html
    html = client.get(f"/voortgang/acties/?afdeling={done.department.slug}").content.decode()
    assert "Klare actie" in html and late.title not in html


def test_monitor_with_an_unknown_filter_value_shows_a_dutch_error(client, ten):
    response = client.get("/voortgang/acties/?status=onzin")
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_monitor_is_cached_and_refreshed_after_an_update(client, ten, administrator):
    action = ActionItemFactory(title="Werkgroep rollen", recommendations=[ten[0]])
    client.get("/voortgang/")
    services.progress_update_create(
        actor=administrator, action=action, text="Klaar", status="afgerond"
    )
    assert "Werkgroep rollen" in client.get("/voortgang/acties/?status=afgerond").content.decode()
    html = client.get("/voortgang/").content.decode()
    assert "100%" in html


@pytest.mark.parametrize(
    "url",
    [
        "/voortgang/aanbevelingen/11/",
        "/voortgang/acties/999999/",
        "/voortgang/aanbevelingen/11/feed/",
    ],
)
def test_unknown_number_or_action_is_a_dutch_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode() or url.endswith("feed/")


def test_recommendation_page_shows_answer_indicators_and_timelines(client, ten, administrator):
    recommendation = ten[8]
    recommendation.answer = "Twee nieuwe wijkcontracten dit jaar."
    recommendation.save()
    action = ActionItemFactory(title="Wijkcontracten", recommendations=[recommendation])
    services.progress_update_create(
        actor=administrator, action=action, text="Eerste contract getekend", progress=50
    )
    IndicatorFactory(
        recommendation=recommendation, title="Nieuwe contracten", target=2, manual_value=1
    )
    html = client.get("/voortgang/aanbevelingen/9/").content.decode()
    assert "Twee nieuwe wijkcontracten dit jaar." in html
    assert "Nieuwe contracten" in html and "handmatig" in html
    assert "Eerste contract getekend" in html
    assert "Voortgang: 0% → 50%" in html


def test_indicator_with_a_registered_source_is_computed_live(client, ten, plugin):
    plugin(IndicatorSource("test.live", label="Live", compute=lambda period: 3))
    IndicatorFactory(
        recommendation=ten[8], title="Live doel", target=2, manual_value=0, source="test.live"
    )
    IndicatorFactory(
        recommendation=ten[8],
        title="Nog handmatig",
        target=2,
        manual_value=1,
        source="contracts.not_registered",
    )
    html = client.get("/voortgang/aanbevelingen/9/").content.decode()
    assert "live berekend" in html and "gehaald" in html
    assert "handmatig" in html


def test_action_page_shows_owner_money_waiting_and_links(client, plugin):
    roles = ActionItemFactory(title="Werkgroep rollen", status="lopend")
    campaign = ActionItemFactory(
        title="Promotiecampagne",
        financing_amount=12500,
        financing_source="Communicatiebudget",
        planning="Na de werkgroep",
    )
    campaign.dependencies.add(roles)

    def links(ids):
        return {
            pk: [{"label": "Werkgroep Rollen", "url": "/werkgroepen/rollen/", "kind": "werkgroep"}]
            for pk in ids
        }

    plugin(ActionLinks("test", links=links))
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert campaign.department.name in html
    assert "€ 12.500,00" in html and "Communicatiebudget" in html
    assert "Wacht op" in html and "Werkgroep rollen" in html
    assert 'href="/werkgroepen/rollen/"' in html
    assert "Log in om dit te volgen" in html


def test_html_in_texts_is_escaped(client, member):
    action = ActionItemFactory(title="<script>alert(1)</script>")
    services.reaction_create(actor=member, action=action, text="<b>vet</b><img src=x onerror=1>")
    html = client.get(action.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_member_reacts_on_the_action_page(client, member, council):
    action = ActionItemFactory()
    client.force_login(member)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Reageer namens uw wijkraad" in page
    assert f"De afdeling {action.department.name} beantwoordt het binnen 10 werkdagen" in page
    response = client.post(action.get_absolute_url(), {"text": "Wij denken graag mee."})
    assert response.status_code == 302
    html = client.get(action.get_absolute_url()).content.decode()
    assert council.name in html and "Wij denken graag mee." in html
    # The confirmation says who answers and by when, and links to the case.
    case = Case.objects.get()
    assert f"De afdeling {action.department.name} beantwoordt het uiterlijk op" in html
    assert date_format(case.answer_by, "l j F Y") in html
    assert f'href="/mijn/verzoeken/{case.pk}/"' in html


def test_a_public_answer_at_the_desk_shows_under_the_reaction(client, member):
    department = DepartmentFactory()
    action = ActionItemFactory(department=department)
    services.reaction_create(actor=member, action=action, text="Wanneer start dit?")
    desk_services.case_answer(
        actor=OfficerFactory(department=department),
        case=Case.objects.get(),
        text="De schouw start in maart.",
        public=True,
    )
    html = client.get(action.get_absolute_url()).content.decode()
    assert f"Antwoord van de gemeente, afdeling {department.name}" in html
    assert "De schouw start in maart." in html


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "lege reactie"), ("x" * 2001, "hoogstens 2000 tekens")],
)
def test_member_sees_a_dutch_error_beside_the_field(client, member, text, message):
    action = ActionItemFactory()
    client.force_login(member)
    response = client.post(action.get_absolute_url(), {"text": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="id_text_error"' in html or "aria-describedby" in html
    assert not Reaction.objects.exists()


def test_non_member_cannot_post_a_reaction(client, councillor):
    action = ActionItemFactory()
    client.force_login(councillor)
    assert "Reageer namens" not in client.get(action.get_absolute_url()).content.decode()
    assert client.post(action.get_absolute_url(), {"text": "Hallo"}).status_code == 404
    assert not Reaction.objects.exists()


def test_anonymous_posting_a_reaction_goes_to_login(client):
    action = ActionItemFactory()
    response = client.post(action.get_absolute_url(), {"text": "Hallo"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_councillor_follows_a_recommendation_and_an_action(client, councillor, ten):
    action = ActionItemFactory()
    client.force_login(councillor)
    client.post("/voortgang/aanbevelingen/4/volgen/")
    client.post(f"/voortgang/acties/{action.pk}/volgen/")
    assert Follow.objects.filter(user=councillor).count() == 2
    html = client.get("/voortgang/aanbevelingen/4/").content.decode()
    assert "Niet meer volgen" in html
    client.post("/voortgang/aanbevelingen/4/volgen/", {"unfollow": "1"})
    assert Follow.objects.filter(user=councillor).count() == 1


def test_anonymous_follow_goes_to_login(client, ten):
    response = client.post("/voortgang/aanbevelingen/4/volgen/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()


def test_officer_hides_a_reaction_on_the_public_page(client, officer):
    reaction = ReactionFactory(text="Onaardige tekst")
    client.force_login(officer)
    url = f"/voortgang/reacties/{reaction.pk}/verbergen/"
    response = client.post(url, {"hidden_reason": ""})
    assert response.status_code == 400
    assert "Geef een reden" in response.content.decode()
    client.post(url, {"hidden_reason": "Persoonlijke aanval"})
    html = client.get(reaction.action.get_absolute_url()).content.decode()
    assert "Onaardige tekst" not in html
    assert "verborgen door de gemeente. Reden: Persoonlijke aanval" in html
    assert Reaction.objects.get().text == "Onaardige tekst"


def test_my_page_lists_follows_and_what_changed_since_marked_as_read(client, councillor):
    action = ActionItemFactory(title="Wijkradenconferentie")
    officer = OfficerFactory(department=action.department)
    services.follow_create(actor=councillor, action=action)
    client.force_login(councillor)
    services.progress_update_create(actor=officer, action=action, text="Zaal geboekt")
    html = client.get("/mijn/").content.decode()
    assert "Wat ik volg" in html and "Wijkradenconferentie" in html and "Zaal geboekt" in html
    # A refresh keeps it (issue 13 item 7); marking it as read clears it.
    assert "Zaal geboekt" in client.get("/mijn/").content.decode()
    client.post("/voortgang/gelezen/")
    html = client.get("/mijn/").content.decode()
    assert "Niets nieuws." in html
    services.progress_update_create(actor=officer, action=action, text="Sprekers bevestigd")
    html = client.get("/mijn/").content.decode()
    assert "Sprekers bevestigd" in html and "Zaal geboekt" not in html


def test_home_page_shows_progress_headline(client, ten):
    ActionItemFactory(recommendations=[ten[0]], status="afgerond", progress=100)
    html = client.get("/").content.decode()
    assert "gemiddelde voortgang van de acties" in html


def test_cached_monitor_page_carries_no_csrf_token_and_the_language_switch_still_works(ten):
    from django.test import Client

    Client().get("/voortgang/")  # fills the page cache
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get("/voortgang/")
    html = response.content.decode()
    # Nothing personal in the page: no token, no cookie, so a proxy may keep it.
    assert "csrfmiddlewaretoken" not in html and "placeholder" not in html
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/voortgang/"})
    assert response.status_code == 302
    assert '<html lang="en"' in visitor.get("/voortgang/").content.decode()


def test_logged_in_visitor_gets_their_own_header_on_the_cached_monitor(client, councillor, ten):
    client.get("/voortgang/")
    client.force_login(councillor)
    html = client.get("/voortgang/").content.decode()
    assert "Uitloggen" in html and "Aanbeveling titel 1" in html


def test_the_action_list_pages_through_the_filtered_actions_and_keeps_the_filters(client, ten):
    department = DepartmentFactory(name="Wijkzaken", slug="wijkzaken")
    for index in range(30):
        ActionItemFactory(
            title=f"Lopende actie {index:02}",
            status="lopend",
            department=department,
            due_date=timezone.localdate() + datetime.timedelta(days=10 + index),
        )
    ActionItemFactory(title="Afgeronde actie", status="afgerond", progress=100)
    response = client.get("/voortgang/acties/?status=lopend&afdeling=wijkzaken")
    html = response.content.decode()
    assert "30 acties gevonden" in html
    assert "Lopende actie 24" in html and "Lopende actie 25" not in html
    assert "Afgeronde actie" not in html
    assert 'href="?status=lopend&amp;afdeling=wijkzaken&amp;pagina=2"' in html
    # The filter form shows the chosen filters.
    assert '<option value="lopend" selected>' in html
    page_two = client.get("/voortgang/acties/?status=lopend&afdeling=wijkzaken&pagina=2")
    html = page_two.content.decode()
    assert "Lopende actie 25" in html and "Lopende actie 24" not in html
    assert 'aria-current="page">2</a>' in html
    # The monitor's old filter address leads here, filters and all.
    old = client.get("/voortgang/?status=lopend&afdeling=wijkzaken")
    assert old.status_code == 302
    assert old.url == "/voortgang/acties/?status=lopend&afdeling=wijkzaken"


def test_the_action_list_without_filters_lists_every_action_a_page_at_a_time(client, ten):
    for index in range(60):
        ActionItemFactory(title=f"Actie {index:02}", recommendations=[ten[index % 10]])
    html = client.get("/voortgang/acties/").content.decode()
    assert "60 acties gevonden" in html and html.count('<th scope="row"') == 25
    assert client.get("/voortgang/acties/?pagina=veel").status_code == 200
    monitor = client.get("/voortgang/").content.decode()
    assert "Actie 00" not in monitor and 'href="/voortgang/acties/"' in monitor


@pytest.mark.parametrize("size", [5, 60])
def test_the_action_list_runs_a_constant_number_of_queries(
    client, ten, size, django_assert_max_num_queries
):
    for index in range(size):
        ActionItemFactory(recommendations=[ten[index % 10]])
    with django_assert_max_num_queries(6):
        assert client.get("/voortgang/acties/?over_tijd=nee").status_code == 200


def test_recommendation_page_pages_its_actions_and_shows_the_latest_updates(
    client, ten, administrator
):
    actions = [
        ActionItemFactory(title=f"Actie {index:02}", recommendations=[ten[0]])
        for index in range(25)
    ]
    for number in range(5):
        services.progress_update_create(
            actor=administrator, action=actions[0], text=f"Bericht nummer {number}"
        )
    html = client.get("/voortgang/aanbevelingen/1/").content.decode()
    assert "Actie 09" in html and "Actie 10" not in html
    # The three latest updates, and a link to the action for all five.
    assert "Bericht nummer 4" in html and "Bericht nummer 2" in html
    assert "Bericht nummer 1" not in html
    assert f'href="{actions[0].get_absolute_url()}">Alle 5 berichten over Actie 00</a>' in html
    assert 'href="?pagina=2"' in html
    page_two = client.get("/voortgang/aanbevelingen/1/?pagina=2").content.decode()
    assert "Actie 10" in page_two and "Actie 09" not in page_two
    action_page = client.get(actions[0].get_absolute_url()).content.decode()
    assert "Bericht nummer 0" in action_page and "Bericht nummer 4" in action_page
