"""Who may do what with wijkcontracten, proposals, the budget pilot and support requests."""

import rules

from wijkportaal.permissions import is_administrator, is_board_of, is_staff_member

from .models import CONTRACT_PUBLIC_STATUSES


@rules.predicate
def is_public_contract(user, contract) -> bool:
    return contract is not None and contract.status in CONTRACT_PUBLIC_STATUSES


@rules.predicate
def is_verified_proposal(user, proposal) -> bool:
    return proposal is not None and proposal.verified_at is not None


# Wijkcontracten: the object is a wijkraad (request) or a contract (its .council).
rules.add_perm("contracts.request_contract", is_board_of)
rules.add_perm("contracts.view_contract", is_public_contract | is_board_of | is_staff_member)
rules.add_perm("contracts.transition_contract", is_staff_member)
rules.add_perm("contracts.withdraw_contract", is_board_of | is_staff_member)
rules.add_perm("contracts.manage_commitments", is_staff_member)

# Budget pilot: the object is a pilot (its .council).
rules.add_perm("contracts.decide_budget", is_board_of)

# Right to challenge.
rules.add_perm("contracts.propose_challenge", is_board_of)
rules.add_perm("contracts.view_challengeproposal", is_verified_proposal)
rules.add_perm("contracts.assess_challengeproposal", is_staff_member & is_verified_proposal)

# Support: the object is a wijkraad (request) or a support request (its .council).
rules.add_perm("contracts.request_support", is_board_of)
rules.add_perm("contracts.view_supportrequest", is_board_of | is_staff_member)
rules.add_perm("contracts.handle_supportrequest", is_staff_member)

# The admin: officers manage, administrators delete.
rules.add_perm("contracts", is_staff_member)
for model in (
    "contract",
    "contractparty",
    "contracttransition",
    "commitment",
    "budgetpilot",
    "budgetline",
    "budgetdecision",
    "challengeproposal",
    "proposaltransition",
    "supportoffer",
    "supportrequest",
):
    if model not in ("contract", "challengeproposal", "supportrequest"):
        rules.add_perm(f"contracts.view_{model}", is_staff_member)
    rules.add_perm(f"contracts.add_{model}", is_staff_member)
    rules.add_perm(f"contracts.change_{model}", is_staff_member)
    rules.add_perm(f"contracts.delete_{model}", is_administrator)
