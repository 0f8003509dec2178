import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from contracts.uitdaagrecht import services
from contracts.uitdaagrecht.models import PROPOSAL_MACHINE, ChallengeProposal, ProposalStatus
from tests.contracts.factories import ProposalFactory
from wijkportaal.core.errors import NotFound

pytestmark = pytest.mark.django_db

CONTENT = {
    "task": "Onderhoud van het buurtgroen aan de Lindelaan",
    "field": "groen",
    "current_provider": "Afdeling Openbare Ruimte",
    "plan": "Twintig vrijwilligers onderhouden het groen, met materiaal van de gemeente.",
    "support_evidence": "Handtekeningen van 85 huishoudens.",
    "cost_comparison": "Nu € 12.000 per jaar, straks € 9.500.",
    "quality": "Wij volgen het beeldkwaliteitsplan en laten ons twee keer per jaar schouwen.",
}


def group_form(**overrides):
    data = {
        "group_name": "Bewonersgroep Lindelaan",
        "contact_name": "Joost Bakker",
        "contact_email": "joost@example.test",
        **CONTENT,
    }
    data.update(overrides)
    return data


def verify_link(message) -> str:
    return re.search(r"http://[^\s]+/uitdaagrecht/bevestigen/[^\s]+/", message.body).group(0)


@pytest.mark.usefixtures("eager")  # the outbox sends the mail at once
def test_resident_group_can_submit_a_verified_proposal(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/uitdaagrecht/voorstel/", group_form())
    assert response.status_code == 302
    proposal = ChallengeProposal.objects.get()
    assert proposal.verified_at is None
    # Unverified: not on the list, no page, for nobody.
    assert "Lindelaan" not in client.get("/uitdaagrecht/").text
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["joost@example.test"]
    link = verify_link(mail.outbox[0]).replace("http://127.0.0.1:8000", "")
    # Opening the link does not verify (mail scanners open links); the button does.
    assert client.get(link).status_code == 200
    proposal.refresh_from_db()
    assert proposal.verified_at is None
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    proposal.refresh_from_db()
    assert proposal.verified_at is not None
    assert "Lindelaan" in client.get("/uitdaagrecht/").text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_email", "geen-adres"),
        ("group_name", ""),
        ("task", ""),
        ("field", "maan"),
        ("plan", ""),
        ("support_evidence", ""),
        ("cost_comparison", ""),
        ("quality", ""),
        ("current_provider", ""),
    ],
)
def test_resident_group_sees_dutch_error_for_bad_input(client, field, value):
    response = client.post("/uitdaagrecht/voorstel/", group_form(**{field: value}))
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in response.text
    assert not ChallengeProposal.objects.exists()
    assert mail.outbox == []


def test_service_refuses_group_proposal_without_address():
    with pytest.raises(ValidationError) as error:
        services.proposal_submit_by_group(
            group_name="Groep", contact_name="A", contact_email="", data=CONTENT
        )
    assert "contact_email" in error.value.message_dict
    assert not ChallengeProposal.objects.exists()


@pytest.mark.usefixtures("eager")  # the outbox sends the mail at once
def test_tampered_or_expired_link_does_not_verify(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/uitdaagrecht/voorstel/", group_form())
    link = verify_link(mail.outbox[0]).replace("http://127.0.0.1:8000", "")
    response = client.post(link[:-3] + "xx/")
    assert "Deze link is ongeldig." in response.text
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=8)):
        response = client.post(link)
    assert "verlopen" in response.text
    assert ChallengeProposal.objects.get().verified_at is None


def test_unverified_proposal_is_never_processed(officer):
    proposal = ProposalFactory(verified_at=None)
    with pytest.raises(PermissionDenied):
        services.proposal_transition(actor=officer, proposal=proposal, to_status="ontvankelijk")
    with pytest.raises(PermissionDenied):
        services.proposal_score(
            actor=officer,
            proposal=proposal,
            not_more_expensive=True,
            at_least_same_quality=True,
            demonstrable_support=True,
        )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED and proposal.scored_at is None


def test_board_can_submit_proposal_for_its_council(client, chair, council):
    client.force_login(chair)
    response = client.post("/uitdaagrecht/voorstel/wijkraad/", {"council": council.pk, **CONTENT})
    proposal = ChallengeProposal.objects.get()
    assert response["Location"] == proposal.get_absolute_url()
    assert proposal.council == council and proposal.verified_at is not None


def test_board_cannot_submit_proposal_for_another_council(client, chair, other_council):
    client.force_login(chair)
    response = client.post(
        "/uitdaagrecht/voorstel/wijkraad/", {"council": other_council.pk, **CONTENT}
    )
    assert response.status_code == 404
    with pytest.raises(NotFound):
        services.proposal_submit_by_council(actor=chair, council=other_council, data=CONTENT)
    assert not ChallengeProposal.objects.exists()


def test_member_cannot_open_the_council_proposal_form(client, member):
    client.force_login(member)
    assert client.get("/uitdaagrecht/voorstel/wijkraad/").status_code == 404


def score(officer, proposal, value=True):
    services.proposal_score(
        actor=officer,
        proposal=proposal,
        not_more_expensive=value,
        at_least_same_quality=value,
        demonstrable_support=value,
        notes="Getoetst aan de begroting 2026.",
    )


def step(officer, proposal, to_status, motivation="", **evaluation):
    services.proposal_transition(
        actor=officer, proposal=proposal, to_status=to_status, motivation=motivation, **evaluation
    )
    proposal.refresh_from_db()


def test_officer_can_take_proposal_from_intake_to_evaluation(officer):
    proposal = ProposalFactory()
    step(officer, proposal, "ontvankelijk")
    step(officer, proposal, "beoordeling")
    score(officer, proposal)
    step(officer, proposal, "toegekend", "Voldoet aan alle drie de criteria.")
    step(officer, proposal, "uitvoering")
    step(
        officer,
        proposal,
        "geevalueerd",
        evaluation_outcome="geslaagd",
        evaluation_summary="De speeltuin is een jaar lang goed onderhouden.",
    )
    assert proposal.motivation == "Voldoet aan alle drie de criteria."
    assert proposal.evaluation_outcome == "geslaagd"
    assert list(proposal.transitions.values_list("to_status", flat=True)) == [
        "ontvankelijk",
        "beoordeling",
        "toegekend",
        "uitvoering",
        "geevalueerd",
    ]


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], "toegekend"),
        ([], "beoordeling"),
        (["ontvankelijk"], "ingediend"),
        (["ontvankelijk", "beoordeling"], "ontvankelijk"),
        (["afgewezen"], "ontvankelijk"),
        ([], "onzin"),
    ],
)
def test_officer_cannot_skip_or_go_back_with_a_proposal(officer, path, target):
    proposal = ProposalFactory()
    for status in path:
        step(officer, proposal, status, "Motivering")
    with pytest.raises(ValidationError) as error:
        step(officer, proposal, target, "Motivering")
    assert "kan niet naar" in error.value.message_dict["to_status"][0]


def test_officer_cannot_grant_without_motivation_or_criteria(officer):
    proposal = ProposalFactory()
    step(officer, proposal, "ontvankelijk")
    step(officer, proposal, "beoordeling")
    with pytest.raises(ValidationError) as error:
        step(officer, proposal, "toegekend", "Mooi plan")
    assert "alle drie de criteria" in error.value.message_dict["to_status"][0]
    score(officer, proposal)
    with pytest.raises(ValidationError) as error:
        step(officer, proposal, "toegekend", "")
    assert "motivering" in error.value.message_dict["motivation"][0]
    assert proposal.status == ProposalStatus.ASSESSING


def test_rejection_motivation_is_public(client, officer):
    proposal = ProposalFactory()
    step(officer, proposal, "afgewezen", "De taak is wettelijk aan de gemeente voorbehouden.")
    assert "wettelijk aan de gemeente voorbehouden" in client.get(proposal.get_absolute_url()).text


def test_board_cannot_assess_a_proposal(chair, council):
    proposal = ProposalFactory(council=council)
    with pytest.raises(PermissionDenied):
        step(chair, proposal, "ontvankelijk")


def test_officer_scores_and_moves_through_the_page(client, officer):
    proposal = ProposalFactory(status=ProposalStatus.ASSESSING)
    client.force_login(officer)
    url = f"/uitdaagrecht/{proposal.pk}/beoordelen/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"transition": "1", "to_status": "toegekend", "motivation": "x"})
    assert "alle drie de criteria" in response.text
    client.post(
        url,
        {
            "score": "1",
            "score-not_more_expensive": "ja",
            "score-at_least_same_quality": "ja",
            "score-demonstrable_support": "ja",
            "score-notes": "",
        },
    )
    response = client.post(
        url, {"transition": "1", "to_status": "toegekend", "motivation": "Goed plan"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.GRANTED


def test_transition_table_covers_every_state():
    assert set(PROPOSAL_MACHINE.transitions) == set(ProposalStatus.values)


@pytest.mark.parametrize("size", [2, 10])
def test_proposal_pages_queries_do_not_grow(client, django_assert_max_num_queries, size):
    ProposalFactory.create_batch(size)
    ProposalFactory.create_batch(size, verified_at=None)
    with django_assert_max_num_queries(5):
        assert client.get("/uitdaagrecht/").status_code == 200
    with django_assert_max_num_queries(5):
        assert (
            client.get(ChallengeProposal.objects.verified().first().get_absolute_url()).status_code
            == 200
        )


@pytest.mark.usefixtures("eager")  # the outbox sends the mail at once
def test_public_form_cannot_be_used_to_flood_an_address(django_capture_on_commit_callbacks):
    def submit():
        return services.proposal_submit_by_group(
            group_name="Groep", contact_name="A", contact_email="doel@example.test", data=CONTENT
        )

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            submit()
        with pytest.raises(ValidationError) as error:
            submit()
    assert "wachten al 3 voorstellen op bevestiging" in error.value.message_dict["contact_email"][0]
    assert ChallengeProposal.objects.count() == 3
    assert len(mail.outbox) == 3
