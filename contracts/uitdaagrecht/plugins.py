"""What the right to challenge adds to the portal (gathered by contracts/plugins.py): a role
scope, demo data and reminders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, RoleScope

from . import demo, reminders
from .models import ChallengeProposal

# Where the monitor's actions are carried out: {action key: [(label, URL name, kind)]}.
ACTION_LINKS = {
    "uitdaagrecht-experiment": [(_("Uitdaagrecht"), "contracts:proposal-list", "challenge")]
}


def _council_proposals(council):
    return ChallengeProposal.objects.filter(council=council)


PLUGINS = [
    DemoStep("contracts.uitdaagrecht", run=demo.seed_uitdaagrecht, order=72),
    # A wijkraad declares its role for one of its challenge proposals.
    RoleScope(
        "uitdaagrecht",
        label=_("Uitdaagrechtvoorstel"),
        model=ChallengeProposal,
        choices=_council_proposals,
    ),
    *reminders.PLUGINS,
]
