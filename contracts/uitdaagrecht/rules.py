"""Who may do what with right-to-challenge proposals. Only a verified proposal exists for
anyone but its submitter."""

import rules

from wijkportaal.permissions import is_administrator, is_board_of, is_staff_member


@rules.predicate
def is_verified_proposal(user, proposal) -> bool:
    return proposal is not None and proposal.verified_at is not None


rules.add_perm("contracts.propose_challenge", is_board_of)
rules.add_perm("contracts.view_challengeproposal", is_verified_proposal)
rules.add_perm("contracts.assess_challengeproposal", is_staff_member & is_verified_proposal)

# The admin: officers manage, administrators delete.
rules.add_perm("contracts.add_challengeproposal", is_staff_member)
rules.add_perm("contracts.change_challengeproposal", is_staff_member)
rules.add_perm("contracts.delete_challengeproposal", is_administrator)
# Transitions are append-only: written by the service that moves the proposal.
rules.add_perm("contracts.view_proposaltransition", is_staff_member)
for verb in ("add", "change", "delete"):
    rules.add_perm(f"contracts.{verb}_proposaltransition", rules.always_deny)

# The terrains: officers see them, administrators open, change and remove them.
rules.add_perm("contracts.view_challengeterrain", is_staff_member)
for verb in ("add", "change", "delete"):
    rules.add_perm(f"contracts.{verb}_challengeterrain", is_administrator)
