"""The right to challenge on more terrains: a proposal names a terrain open today; the public
page lists the terrains with their start dates; the evaluation is a step of its own with an
outcome and a public summary; and the proposer hears of every step, once."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from contracts.uitdaagrecht import services
from contracts.uitdaagrecht.models import ChallengeProposal, ChallengeTerrain, ProposalStatus
from tests.contracts.factories import ProposalFactory, TerrainFactory
from tests.contracts.uitdaagrecht.test_challenge import CONTENT, group_form
from wijkportaal.desk import services as desk
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def later_terrain():
    return TerrainFactory(
        slug="openbare-ruimte",
        name="Beheer openbare ruimte",
        opens_on=timezone.localdate() + datetime.timedelta(days=90),
    )


def test_a_proposal_on_a_terrain_not_yet_open_is_refused(chair, council, later_terrain):
    with pytest.raises(ValidationError) as error:
        services.proposal_submit_by_council(
            actor=chair, council=council, data={**CONTENT, "terrain": later_terrain}
        )
    message = error.value.message_dict["terrain"][0]
    assert "staat voor ‘Beheer openbare ruimte’ pas open vanaf" in message
    assert not ChallengeProposal.objects.exists()


def test_a_proposal_on_a_closed_terrain_or_without_one_is_refused(chair, council):
    closed = TerrainFactory(
        slug="oud",
        name="Oud terrein",
        opens_on=datetime.date(2019, 1, 1),
        closes_on=timezone.localdate(),
    )
    for terrain, text in [(closed, "niet meer open"), (None, "Kies het terrein")]:
        with pytest.raises(ValidationError) as error:
            services.proposal_submit_by_council(
                actor=chair, council=council, data={**CONTENT, "terrain": terrain}
            )
        assert text in error.value.message_dict["terrain"][0]
    assert not ChallengeProposal.objects.exists()


def test_the_form_offers_only_open_terrains_and_shows_the_error_beside_the_field(
    client, open_terrain, later_terrain
):
    page = client.get("/uitdaagrecht/voorstel/")
    assert open_terrain.name in page.text
    assert f'value="{later_terrain.pk}"' not in page.text
    response = client.post("/uitdaagrecht/voorstel/", group_form(terrain=later_terrain.pk))
    assert response.status_code == 200
    assert 'id="id_terrain_error"' in response.text
    assert "pas open vanaf" in response.text
    assert not ChallengeProposal.objects.exists()


def test_the_public_page_lists_terrains_with_their_start_dates(client, open_terrain, later_terrain):
    page = client.get("/uitdaagrecht/")
    assert "Terreinen" in page.text
    assert f"{open_terrain.name}</strong>: open sinds 1 januari 2019" in page.text
    assert f"{later_terrain.name}</strong>: open vanaf" in page.text


def _to_running(officer, proposal):
    for status in ("ontvankelijk", "beoordeling"):
        services.proposal_transition(actor=officer, proposal=proposal, to_status=status)
    services.proposal_score(
        actor=officer,
        proposal=proposal,
        not_more_expensive=True,
        at_least_same_quality=True,
        demonstrable_support=True,
    )
    services.proposal_transition(
        actor=officer, proposal=proposal, to_status="toegekend", motivation="Voldoet."
    )
    services.proposal_transition(actor=officer, proposal=proposal, to_status="uitvoering")


@pytest.mark.parametrize(
    ("outcome", "summary", "fields"),
    [
        ("", "", {"evaluation_outcome", "evaluation_summary"}),
        ("geslaagd", "  ", {"evaluation_summary"}),
        ("onzin", "Samenvatting", {"evaluation_outcome"}),
    ],
)
def test_evaluation_needs_an_outcome_and_a_summary(officer, outcome, summary, fields):
    proposal = ProposalFactory()
    _to_running(officer, proposal)
    with pytest.raises(ValidationError) as error:
        services.proposal_transition(
            actor=officer,
            proposal=proposal,
            to_status="geevalueerd",
            evaluation_outcome=outcome,
            evaluation_summary=summary,
        )
    assert set(error.value.message_dict) == fields
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RUNNING and proposal.evaluation_summary == ""
    assert proposal.transitions.count() == 4


def test_the_evaluation_is_shown_on_the_public_page(client, officer):
    proposal = ProposalFactory()
    _to_running(officer, proposal)
    client.force_login(officer)
    response = client.post(
        f"/uitdaagrecht/{proposal.pk}/beoordelen/",
        {"transition": "1", "to_status": "geevalueerd", "evaluation_outcome": ""},
    )
    assert response.status_code == 200 and "Kies de uitkomst van de evaluatie" in response.text
    response = client.post(
        f"/uitdaagrecht/{proposal.pk}/beoordelen/",
        {
            "transition": "1",
            "to_status": "geevalueerd",
            "evaluation_outcome": "deels",
            "evaluation_summary": "Het onderhoud liep goed; de kosten vielen hoger uit.",
        },
    )
    assert response.status_code == 302
    client.logout()
    page = client.get(proposal.get_absolute_url())
    assert "Evaluatie" in page.text and "deels geslaagd" in page.text
    assert "de kosten vielen hoger uit" in page.text


def test_the_proposer_hears_of_every_step_once(officer, chair, council):
    proposal = services.proposal_submit_by_council(actor=chair, council=council, data=dict(CONTENT))
    _to_running(officer, proposal)
    services.proposal_transition(
        actor=officer,
        proposal=proposal,
        to_status="geevalueerd",
        evaluation_outcome="geslaagd",
        evaluation_summary="Geslaagd.",
    )
    steps = Notification.objects.filter(recipient=chair, kind=services.STEP_KIND)
    # ontvankelijk, in beoordeling, in uitvoering, geëvalueerd; the grant is the desk's answer.
    assert steps.count() == 4
    assert Notification.objects.filter(recipient=chair, kind=desk.ANSWER_OWN).count() == 1
    assert "geëvalueerd" in steps.order_by("-pk").first().subject


def test_a_resident_group_hears_of_a_step_at_its_address(officer):
    proposal = ProposalFactory(contact_email="groep@example.test")
    services.proposal_transition(actor=officer, proposal=proposal, to_status="ontvankelijk")
    mail = Notification.objects.get(kind=services.STEP_KIND)
    assert mail.to_address == "groep@example.test" and mail.recipient is None


@pytest.mark.parametrize("size", [1, 8])
def test_challenge_pages_queries_do_not_grow(client, django_assert_max_num_queries, size):
    for number in range(size):
        TerrainFactory(slug=f"terrein-{number}", opens_on=datetime.date(2030, 1, 1))
        ProposalFactory()
    with django_assert_max_num_queries(6):
        assert client.get("/uitdaagrecht/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/uitdaagrecht/voorstel/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(ProposalFactory().get_absolute_url()).status_code == 200


def test_the_migration_opens_the_first_terrain_and_gives_it_to_existing_proposals():
    migration = importlib.import_module(
        "contracts.migrations.0008_pilot_rounds_terrains_support_notes"
    )
    old = ProposalFactory(terrain=None)
    for _ in range(2):  # a second run changes nothing
        migration.terrains_and_backfill(apps, None)
    terrains = list(ChallengeTerrain.objects.order_by("opens_on"))
    assert [t.slug for t in terrains] == [
        "maatschappelijke-ondersteuning",
        "openbare-ruimte",
        "sport-en-cultuur",
    ]
    today = timezone.localdate()
    assert terrains[0].is_open_on(today)
    assert all(t.opens_on > today for t in terrains[1:])
    old.refresh_from_db()
    assert old.terrain == terrains[0]
