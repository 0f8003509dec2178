"""What the budget pilot adds to the portal (gathered by contracts/plugins.py): its kind of
case at the desk (a wijkraad's interest in a round) and demo data."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep
from wijkportaal.desk.hooks import CaseKind

from . import demo, services

# Where the monitor's actions are carried out: {action key: [(label, URL name, kind)]}.
ACTION_LINKS = {
    "uitdaagrecht-experiment": [(_("Beheerexperiment"), "contracts:pilot-list", "pilot")]
}

PLUGINS = [
    # The officer must admit or decline an interested wijkraad within the term.
    CaseKind(
        services.INTEREST_CASE_KIND,
        label=_("Aanmelding beheerexperiment"),
        term_days=services.INTEREST_CASE_TERM_DAYS,
        department="wijkzaken-en-participatie",
        public=False,
    ),
    DemoStep("contracts.beheerexperiment", run=demo.seed_beheerexperiment, order=71),
]
