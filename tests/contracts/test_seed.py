import pytest
from django.core.management import call_command

from contracts.beheerexperiment.models import BudgetDecision, PilotParticipation
from contracts.ondersteuning.models import SupportNote, SupportOffer, SupportRequest
from contracts.uitdaagrecht.models import ChallengeProposal, ChallengeTerrain
from contracts.wijkcontracten.models import Commitment, Contract, ContractStatus
from contracts.wijkcontracten.selectors import contracts_started_this_year
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (
            Contract,
            Commitment,
            BudgetDecision,
            ChallengeProposal,
            SupportOffer,
            SupportRequest,
            PilotParticipation,
            ChallengeTerrain,
            SupportNote,
        )
    ]


def test_seed_gives_contracts_in_several_states_and_two_started_this_year(client):
    call_command("seed_demo", verbosity=0)
    statuses = set(Contract.objects.values_list("status", flat=True))
    assert {
        ContractStatus.REQUESTED,
        ContractStatus.EXPLORING,
        ContractStatus.PREPARING,
        ContractStatus.SIGNED,
        ContractStatus.EVALUATED,
        ContractStatus.REJECTED,
    } <= statuses
    # Honest: one contract a wijkraad requested started this year; the other one signed this
    # year was the municipality's own and does not count (target 2: not met).
    assert contracts_started_this_year() == 1
    assert ChallengeProposal.objects.verified().count() == 5
    # Bloemenbuurt's four decisions and one reversal, Parkzoom's one decision.
    assert BudgetDecision.objects.count() == 6
    assert BudgetDecision.objects.filter(reverses__isnull=False).count() == 1
    assert sorted(PilotParticipation.objects.values_list("council__slug", "status")) == [
        ("bloemenbuurt", "toegelaten"),
        ("kastanjehof", "aangemeld"),
        ("parkzoom", "toegelaten"),
    ]
    evaluated = ChallengeProposal.objects.get(status="geevalueerd")
    assert (
        evaluated.evaluation_summary and evaluated.terrain.slug == "maatschappelijke-ondersteuning"
    )
    assert ChallengeTerrain.objects.count() == 3 and SupportNote.objects.count() == 3
    assert SupportOffer.objects.count() == 6 and SupportRequest.objects.count() == 7
    assert Commitment.objects.overdue().exists()
    for url in ["/wijkcontracten/", "/uitdaagrecht/", "/beheerexperiment/", "/ondersteuning/"]:
        assert client.get(url).status_code == 200
    first = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == first


def test_seed_submits_through_the_services_so_the_desk_has_cases_in_several_states():
    call_command("seed_demo", verbosity=0)
    kinds = (
        "wijkcontracten.request",
        "ondersteuning.request",
        "ondersteuning.budget_request",
        "uitdaagrecht.proposal",
    )
    cases = Case.objects.filter(kind__in=kinds)
    assert set(cases.values_list("kind", flat=True)) == set(kinds)
    assert len(set(cases.values_list("status", flat=True))) >= 3
    assert cases.filter(council__slug="bloemenbuurt").count() >= 3
    # Each submission carries the dates of its case, as the desk's demo step set them.
    for case in cases.filter(kind__startswith="ondersteuning."):
        request = SupportRequest.objects.get(pk=case.object_id)
        assert request.created_at == case.received_at
        if case.status == CaseStatus.ANSWERED:
            assert request.answer == case.answer and request.answered_at == case.answered_at
    for case in cases.filter(kind="wijkcontracten.request"):
        assert Contract.objects.get(pk=case.object_id).requested_at == case.received_at
    for case in cases.filter(kind="uitdaagrecht.proposal"):
        assert ChallengeProposal.objects.get(pk=case.object_id).verified_at == case.received_at
    # The mails of the demo's past are not sent now.
    assert (
        not Notification.objects.filter(kind__startswith="desk.", status="queued")
        .filter(object_id__in=cases.exclude(status=CaseStatus.RECEIVED).values("pk"))
        .exists()
    )


def test_seed_scale_adds_generated_contracts():
    call_command("seed_demo", verbosity=0)
    base = counts()
    call_command("seed_demo", scale=2, verbosity=0)
    scaled = counts()
    assert scaled[0] == base[0] + 5
    assert scaled[3] == base[3] + 2
    assert scaled[5] == base[5] + 3
    call_command("seed_demo", scale=2, verbosity=0)
    assert counts() == scaled
