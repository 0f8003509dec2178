"""Who may do what with wijkcontracten. The object is a wijkraad (request) or a contract (its
.council)."""

import rules

from wijkportaal.permissions import is_administrator, is_board_of, is_staff_member

from .models import CONTRACT_PUBLIC_STATUSES


@rules.predicate
def is_public_contract(user, contract) -> bool:
    return contract is not None and contract.status in CONTRACT_PUBLIC_STATUSES


rules.add_perm("contracts.request_contract", is_board_of)
rules.add_perm("contracts.view_contract", is_public_contract | is_board_of | is_staff_member)
rules.add_perm("contracts.transition_contract", is_staff_member)
rules.add_perm("contracts.withdraw_contract", is_board_of | is_staff_member)
rules.add_perm("contracts.manage_commitments", is_staff_member)

# The admin: officers manage, administrators delete.
for model in ("contract", "contractparty", "commitment"):
    if model != "contract":
        rules.add_perm(f"contracts.view_{model}", is_staff_member)
    rules.add_perm(f"contracts.add_{model}", is_staff_member)
    rules.add_perm(f"contracts.change_{model}", is_staff_member)
    rules.add_perm(f"contracts.delete_{model}", is_administrator)
# Transitions are append-only: written by the service that moves the contract.
rules.add_perm("contracts.view_contracttransition", is_staff_member)
for verb in ("add", "change", "delete"):
    rules.add_perm(f"contracts.{verb}_contracttransition", rules.always_deny)
