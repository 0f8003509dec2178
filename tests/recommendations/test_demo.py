import pytest
from django.core.management import call_command

from recommendations import selectors
from recommendations.demo import ACTIONS, INDICATORS
from recommendations.models import (
    ACTION_MACHINE,
    ActionItem,
    Indicator,
    ProgrammeEvent,
    ProgressUpdate,
    Recommendation,
)
from tests.recommendations.factories import RecommendationFactory
from wijkportaal.core.registry import IndicatorSource, registry

pytestmark = pytest.mark.django_db

KEYS = {
    "werkgroep-rollen",
    "uitdaagrecht-experiment",
    "scholingsprogramma",
    "promotiecampagne",
    "toolkit-communicatie",
    "werkgroep-contactmomenten",
    "ondersteuningscatalogus",
    "wijkradenconferentie",
    "wijkcontracten",
    "uitvoeringsprogramma",
}


def counts():
    return (
        Recommendation.objects.count(),
        ActionItem.objects.count(),
        ProgressUpdate.objects.count(),
        Indicator.objects.count(),
    )


def test_seed_has_ten_recommendations_and_the_agreed_action_keys():
    call_command("seed_demo", verbosity=0)
    assert Recommendation.objects.count() == 10
    assert set(ActionItem.objects.values_list("key", flat=True)) == KEYS == set(ACTIONS)
    training = ActionItem.objects.get(key="scholingsprogramma")
    assert sorted(r.number for r in training.recommendations.all()) == [3, 6, 8]
    campaign = ActionItem.objects.get(key="promotiecampagne")
    assert list(campaign.dependencies.values_list("key", flat=True)) == ["werkgroep-rollen"]
    assert ActionItem.objects.overdue().exists()
    assert ActionItem.objects.filter(status="afgerond").exists()
    for action in ActionItem.objects.all():
        updates = list(action.updates.select_related("author"))
        assert updates, action.key
        assert all(u.author.department_id == action.department_id for u in updates)
    assert ActionItem.objects.filter(responsible__email="ambtenaar@wijkportaal.test").exists()
    sources = set(Indicator.objects.exclude(source="").values_list("source", flat=True))
    # Every live indicator of the demo names a source an app registered.
    assert sources == {spec[4] for spec in INDICATORS.values() if spec[4]}
    assert sources <= registry.keys(IndicatorSource)
    # Every recommendation's indicators come from the portal's data now (rec 10 from the
    # council members' confirmed visits): no figure in the demo is typed in by hand.
    assert not Indicator.objects.filter(source="").exists()
    # Every recommendation's answer has its first version: the letter's (one has a later one).
    assert all(r.answer_versions.count() >= 1 for r in Recommendation.objects.all())
    assert ProgrammeEvent.objects.filter(kind="brief").exists()


def test_demo_indicators_are_computed_not_forced():
    """Nothing in the demo makes a target look met: the contracts of recommendation 9 count
    only a wijkraad's request that started, and the planned conference does not count."""
    call_command("seed_demo", verbosity=0)
    rows = {row["key"]: row for row in selectors.indicator_rows()}
    assert all(row["live"] for row in rows.values())
    assert rows["rec9-wijkcontracten-op-verzoek"]["value"] == 1
    assert rows["rec9-wijkcontracten-op-verzoek"]["status"] != "gehaald"
    assert rows["rec8-conferentie-gehouden"]["value"] == 0
    assert rows["rec10-ontmoetingen-raadsleden"]["status"] == "geen_doel"


def test_seed_is_idempotent_and_scale_multiplies_actions_and_updates():
    call_command("seed_demo", verbosity=0)
    base = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == base
    call_command("seed_demo", scale=3, verbosity=0)
    scaled = counts()
    assert scaled[1] == base[1] * 3
    assert scaled[2] > base[2] * 2
    call_command("seed_demo", scale=3, verbosity=0)
    assert counts() == scaled


def test_seeded_monitor_shows_all_ten_with_progress(client):
    call_command("seed_demo", verbosity=0)
    html = client.get("/voortgang/").content.decode()
    for recommendation in Recommendation.objects.all():
        assert recommendation.title in html
    assert (
        "Wacht op"
        in client.get(
            ActionItem.objects.get(key="promotiecampagne").get_absolute_url()
        ).content.decode()
    )


def test_demo_updates_make_only_moves_of_the_transition_table():
    call_command("seed_demo", scale=2, verbosity=0)
    moves = set(ProgressUpdate.objects.values_list("status_before", "status_after"))
    assert all(before == after or ACTION_MACHINE.can(before, after) for before, after in moves)


def test_a_second_seed_turns_an_older_demos_typed_in_indicators_into_live_ones():
    recommendation = RecommendationFactory(number=1)
    old = Indicator.objects.create(
        key="rec1-wijkraden-die-hun-rol-vooraf-bekendmaakten",
        recommendation=recommendation,
        title="Wijkraden die hun rol vooraf bekendmaakten",
        target=12,
        manual_value=4,
    )
    call_command("seed_demo", verbosity=0)
    old.refresh_from_db()
    assert (old.key, old.source, old.manual_value) == (
        "rec1-rolkeuze",
        "roles.current_declaration_share",
        None,
    )
    assert Indicator.objects.count() == len(INDICATORS)
