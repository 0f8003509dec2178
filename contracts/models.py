"""The models of the one Django app "contracts", defined in its four sub-apps: wijkcontracten
(recommendation 9), the right to challenge and the budget pilot (recommendation 2) and support
(recommendation 7). Django finds them here; code imports them from their sub-app."""

from contracts.beheerexperiment.models import BudgetDecision, BudgetLine, BudgetPilot
from contracts.ondersteuning.models import SupportOffer, SupportRequest
from contracts.uitdaagrecht.models import ChallengeProposal, ProposalTransition
from contracts.wijkcontracten.models import (
    Commitment,
    Contract,
    ContractParty,
    ContractTransition,
)

__all__ = [
    "BudgetDecision",
    "BudgetLine",
    "BudgetPilot",
    "ChallengeProposal",
    "Commitment",
    "Contract",
    "ContractParty",
    "ContractTransition",
    "ProposalTransition",
    "SupportOffer",
    "SupportRequest",
]
