import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from recommendations.models import ActionItem, ProgressUpdate, Reaction
from tests.factories import OfficerFactory
from tests.recommendations.factories import (
    ActionItemFactory,
    ReactionFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def change_data(action, **overrides):
    data = {
        "title": action.title,
        "key": action.key or "",
        "description": action.description,
        "recommendations": [r.pk for r in action.recommendations.all()] if action.pk else [],
        "department": action.department_id,
        "responsible": action.responsible_id or "",
        "start_date": action.start_date.isoformat() if action.start_date else "",
        "due_date": action.due_date.isoformat() if action.due_date else "",
        "planning": action.planning,
        "financing_amount": action.financing_amount or "",
        "financing_source": action.financing_source,
        "dependencies": [d.pk for d in action.dependencies.all()] if action.pk else [],
        "status": action.status,
        "progress": action.progress,
        "update_text": "",
    }
    for prefix in ("updates", "reactions"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": 0,
                f"{prefix}-INITIAL_FORMS": 0,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
    data.update(overrides)
    return data


def url(action):
    return f"/admin/recommendations/actionitem/{action.pk}/change/"


@pytest.fixture
def owned():
    recommendation = RecommendationFactory(number=5)
    action = ActionItemFactory(title="Toolkit communicatie", recommendations=[recommendation])
    officer = OfficerFactory(department=action.department)
    return action, officer


def test_officer_posts_an_update_in_the_admin_and_it_shows_everywhere(client, owned):
    action, officer = owned
    client.force_login(officer)
    response = client.post(
        url(action),
        change_data(action, status="lopend", progress=35, update_text="Inventaris uitgezet"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    action.refresh_from_db()
    assert (action.status, action.progress) == ("lopend", 35)
    update = ProgressUpdate.objects.get()
    assert (update.author, update.status_before, update.progress_after) == (officer, "gepland", 35)

    timeline = client.get(action.get_absolute_url()).content.decode()
    assert "Inventaris uitgezet" in timeline and "Status: gepland → lopend" in timeline
    feed = ET.fromstring(client.get("/voortgang/feed/").content)
    summaries = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}summary")]
    assert "Inventaris uitgezet" in summaries
    export = json.loads(b"".join(client.get("/voortgang/export.json").streaming_content))
    row = export["recommendations"][0]["acties"][0]
    assert (row["status"], row["voortgang"]) == ("lopend", 35)
    assert row["laatste_update"] is not None
    assert "35%" in client.get("/voortgang/").content.decode()


def test_status_change_without_text_is_refused_in_the_admin(client, owned):
    action, officer = owned
    client.force_login(officer)
    response = client.post(url(action), change_data(action, status="lopend"))
    assert response.status_code == 200
    assert "gaat altijd samen met een bericht" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "gepland" and not ProgressUpdate.objects.exists()


def test_progress_outside_0_100_is_refused_in_the_admin(client, owned):
    action, officer = owned
    client.force_login(officer)
    response = client.post(url(action), change_data(action, progress=150, update_text="x"))
    assert response.status_code == 200
    action.refresh_from_db()
    assert action.progress == 0 and not ProgressUpdate.objects.exists()


def test_done_with_unfinished_dependency_is_refused_in_the_admin(client, owned):
    action, officer = owned
    action.dependencies.add(ActionItemFactory(title="Werkgroep rollen"))
    client.force_login(officer)
    response = client.post(url(action), change_data(action, status="afgerond", update_text="Klaar"))
    assert "wacht nog op: Werkgroep rollen" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "gepland"


def test_due_before_start_and_cycles_are_refused_in_the_admin(client, owned):
    action, officer = owned
    waiting = ActionItemFactory(title="Campagne", department=action.department)
    waiting.dependencies.add(action)
    client.force_login(officer)
    response = client.post(
        url(action),
        change_data(
            action,
            start_date="2026-12-01",
            due_date="2026-11-01",
            dependencies=[waiting.pk],
        ),
    )
    html = response.content.decode()
    assert "vóór de startdatum" in html and "kringloop" in html
    action.refresh_from_db()
    assert action.due_date is None and not action.dependencies.exists()


def test_officer_of_another_department_cannot_change_the_action(client, owned, officer):
    action, _owner = owned
    client.force_login(officer)
    response = client.post(
        url(action), change_data(action, status="lopend", update_text="Niet van mij")
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_admin_index_is_a_dashboard_with_own_department_first(client):
    today = timezone.localdate()
    own = OfficerFactory()
    other = ActionItemFactory(title="Andermans late actie", due_date=today - datetime.timedelta(2))
    mine = ActionItemFactory(
        title="Mijn late actie", department=own.department, due_date=today - datetime.timedelta(1)
    )
    ActionItemFactory(title="Binnenkort klaar", due_date=today + datetime.timedelta(10))
    ActionItemFactory(title="Ver weg", due_date=today + datetime.timedelta(60))
    client.force_login(own)
    html = client.get("/admin/").content.decode()
    assert html.index(mine.title) < html.index(other.title)
    assert "Binnen 30 dagen klaar" in html and "Binnenkort klaar" in html
    assert "Ver weg" not in html
    for heading in [
        "Voortgang per aanbeveling",
        "Acties per afdeling",
        "Indicatoren",
        "Laatste voortgangsberichten",
    ]:
        assert heading in html


def test_officer_sees_the_history_of_an_action(client, owned):
    action, officer = owned
    client.force_login(officer)
    client.post(url(action), change_data(action, progress=20, update_text="Begonnen"))
    response = client.get(f"/admin/recommendations/actionitem/{action.pk}/history/")
    assert response.status_code == 200
    assert officer.email in response.content.decode() or str(officer) in response.content.decode()
    assert ActionItem.history.filter(id=action.pk).count() >= 2


def test_officer_hides_a_reaction_in_the_admin_with_a_reason(client, officer):
    reaction = ReactionFactory()
    client.force_login(officer)
    change = f"/admin/recommendations/reaction/{reaction.pk}/change/"
    response = client.post(change, {"hidden_reason": ""})
    assert "Geef een reden" in response.content.decode()
    assert client.post(change, {"hidden_reason": "Kwetsend"}).status_code == 302
    reaction = Reaction.objects.get()
    assert reaction.is_hidden and reaction.hidden_by == officer and reaction.text


@pytest.mark.parametrize(
    "path",
    [
        "/admin/recommendations/recommendation/",
        "/admin/recommendations/actionitem/",
        "/admin/recommendations/actionitem/?over_tijd=ja",
        "/admin/recommendations/progressupdate/",
        "/admin/recommendations/reaction/",
        "/admin/recommendations/indicator/",
        "/admin/recommendations/actionitem/add/",
    ],
)
def test_admin_pages_open_for_officers(client, officer, path):
    ActionItemFactory()
    client.force_login(officer)
    assert client.get(path).status_code == 200


def test_officer_adds_an_action_with_a_first_update_in_one_go(client):
    officer = OfficerFactory()
    recommendation = RecommendationFactory(number=7)
    client.force_login(officer)
    draft = ActionItem(title="Ondersteuningscatalogus", department=officer.department)
    data = change_data(draft, status="lopend", progress=10, update_text="Gestart")
    data["recommendations"] = [recommendation.pk]
    data["dependencies"] = []
    response = client.post("/admin/recommendations/actionitem/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    action = ActionItem.objects.get(title="Ondersteuningscatalogus")
    assert (action.status, action.progress) == ("lopend", 10)
    assert action.updates.get().status_before == "gepland"


def test_officer_is_offered_only_the_moves_of_the_transition_table(client, owned):
    action, officer = owned
    action.status, action.progress = "afgerond", 100
    action.save()
    client.force_login(officer)
    html = client.get(url(action)).content.decode()
    status_select = html[
        html.index('name="status"') : html.index("</select>", html.index('name="status"'))
    ]
    assert 'value="afgerond"' in status_select and 'value="lopend"' in status_select
    assert 'value="gepland"' not in status_select and 'value="vervallen"' not in status_select
    assert "toegestane statuswijzigingen" in html.lower() and "mag naar" in html


def test_new_action_done_while_a_chosen_dependency_is_unfinished_is_refused_in_the_admin(client):
    officer = OfficerFactory()
    blocker = ActionItemFactory(title="Werkgroep rollen")
    client.force_login(officer)
    draft = ActionItem(title="Promotiecampagne", department=officer.department)
    data = change_data(draft, status="afgerond", progress=100, update_text="Klaar")
    data["recommendations"] = [RecommendationFactory(number=4).pk]
    data["dependencies"] = [blocker.pk]
    response = client.post("/admin/recommendations/actionitem/add/", data)
    assert response.status_code == 200
    assert "wacht nog op: Werkgroep rollen" in response.content.decode()
    assert not ActionItem.objects.filter(title="Promotiecampagne").exists()


def test_admin_dashboard_shows_the_most_urgent_actions_and_links_to_all(client):
    """However many actions are late, the front page shows the first fifteen (own department
    first) with the total, and links to the full filtered list in the admin."""
    today = timezone.localdate()
    own = OfficerFactory()
    for day in range(20):
        ActionItemFactory(title=f"Late actie {day}", due_date=today - datetime.timedelta(day + 2))
    mine = ActionItemFactory(
        title="Mijn late actie", department=own.department, due_date=today - datetime.timedelta(1)
    )
    client.force_login(own)
    html = client.get("/admin/").content.decode()
    assert "Acties over tijd (21)" in html
    assert html.index(mine.title) < html.index("Late actie 19")
    assert html.count("Late actie ") == 14
    assert "Alle 21 acties in het beheer" in html
    assert "?over_tijd=ja&amp;o=7" in html
    listing = client.get("/admin/recommendations/actionitem/?over_tijd=ja&o=7")
    assert listing.status_code == 200
    assert "Late actie 0" in listing.content.decode()
