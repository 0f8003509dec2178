"""The models of the one Django app "contracts", defined in its four sub-apps: wijkcontracten
(recommendation 9), the right to challenge and the budget pilot (recommendation 2) and support
(recommendation 7). Django finds them here; code imports them from their sub-app."""

from contracts.beheerexperiment.models import (
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
    PilotParticipation,
    PilotRound,
)
from contracts.ondersteuning.models import SupportNote, SupportOffer, SupportRequest
from contracts.uitdaagrecht.models import ChallengeProposal, ChallengeTerrain, ProposalTransition
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
    "ChallengeTerrain",
    "Commitment",
    "Contract",
    "ContractParty",
    "ContractTransition",
    "PilotParticipation",
    "PilotRound",
    "ProposalTransition",
    "SupportNote",
    "SupportOffer",
    "SupportRequest",
]
