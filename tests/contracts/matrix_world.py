from tests.contracts.factories import (
    CommitmentFactory,
    ContractFactory,
    LineFactory,
    PilotFactory,
    ProposalFactory,
    SignedContractFactory,
    SupportRequestFactory,
)


def extend_world(values, *, council_a, council_b, users):
    signed = SignedContractFactory(council=council_a)
    values["contract_public"] = signed.pk
    values["contract_draft"] = ContractFactory(council=council_a).pk
    values["commitment"] = CommitmentFactory(contract=signed).pk
    pilot = PilotFactory(council=council_a)
    LineFactory(pilot=pilot)
    values["pilot"] = pilot.pk
    values["proposal"] = ProposalFactory(council=council_a).pk
    values["proposal_unverified"] = ProposalFactory(verified_at=None).pk
    values["support_request"] = SupportRequestFactory(council=council_a).pk
