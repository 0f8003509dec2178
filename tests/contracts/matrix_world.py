from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from contracts.beheerexperiment.services import budget_decision_create
from tests.contracts.factories import (
    CommitmentFactory,
    ContractFactory,
    LineFactory,
    ParticipationFactory,
    PilotFactory,
    ProposalFactory,
    RoundFactory,
    SignedContractFactory,
    SupportRequestFactory,
)
from tests.desk.factories import CaseFactory


def extend_world(values, *, council_a, council_b, users):
    signed = SignedContractFactory(council=council_a)
    values["contract_public"] = signed.pk
    values["contract_draft"] = ContractFactory(council=council_a).pk
    values["commitment"] = CommitmentFactory(contract=signed).pk
    pilot = PilotFactory(council=council_a)
    line = LineFactory(pilot=pilot)
    values["pilot"] = pilot.pk
    values["budget_line"] = line.pk
    pilot_round = RoundFactory()
    values["pilot_round"] = pilot_round.pk
    values["participation"] = ParticipationFactory(round=pilot_round, council=council_a).pk
    values["budget_decision"] = budget_decision_create(
        actor=users["board"],
        line=line,
        decided_on=timezone.localdate(),
        amount="125.00",
        purpose="Plantenbakken",
        recipient="Buurtvereniging",
    ).pk
    values["decision"] = values["budget_decision"]  # the one a board may correct
    values["proposal"] = ProposalFactory(council=council_a).pk
    values["proposal_unverified"] = ProposalFactory(verified_at=None).pk
    values["support_request"] = SupportRequestFactory(council=council_a).pk

    # Their cases at the desk, as the services open them: the contract request and the
    # support request private to A's board, the proposal public.
    for name, kind, model, object_id, public in [
        ("case_contract", "wijkcontracten.request", "contract", values["contract_draft"], False),
        (
            "case_support",
            "ondersteuning.request",
            "supportrequest",
            values["support_request"],
            False,
        ),
        ("case_proposal", "uitdaagrecht.proposal", "challengeproposal", values["proposal"], True),
    ]:
        values[name] = CaseFactory(
            kind=kind,
            content_type=ContentType.objects.get(app_label="contracts", model=model),
            object_id=object_id,
            council=council_a,
            submitted_by=users["board"],
            is_public=public,
        ).pk
