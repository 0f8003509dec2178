"""What the right to challenge adds to the portal (gathered by contracts/plugins.py): its kind
of case at the desk, a role scope, demo data and the verification mail."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, RoleScope, SearchSource
from wijkportaal.desk.hooks import CaseKind

from . import demo, reminders, selectors, services
from .models import ChallengeProposal

# Where the monitor's actions are carried out: {action key: [(label, URL name, kind)]}.
ACTION_LINKS = {
    "uitdaagrecht-experiment": [(_("Uitdaagrecht"), "contracts:proposal-list", "challenge")]
}


def _council_proposals(council):
    return ChallengeProposal.objects.filter(council=council)


PLUGINS = [
    SearchSource(
        "proposals",
        label=_("Voorstellen uitdaagrecht"),
        search=selectors.search_proposals,
        order=80,
    ),
    # Verified proposals are public, and so is their case (the decision's motivation is).
    CaseKind(
        services.CASE_KIND,
        label=_("Uitdaagrechtvoorstel"),
        term_days=services.CASE_TERM_DAYS,
        department="maatschappelijke-ontwikkeling",
        public=True,
    ),
    DemoStep("contracts.uitdaagrecht", run=demo.seed_uitdaagrecht, order=72),
    # After the desk's step (90), which dated the proposals' cases back.
    DemoStep("contracts.uitdaagrecht.sync", run=demo.sync_proposals, order=95),
    # A wijkraad declares its role for one of its challenge proposals.
    RoleScope(
        "uitdaagrecht",
        label=_("Uitdaagrechtvoorstel"),
        model=ChallengeProposal,
        choices=_council_proposals,
    ),
    *reminders.PLUGINS,
]
