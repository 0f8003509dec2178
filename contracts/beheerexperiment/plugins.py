"""What the budget pilot adds to the portal (gathered by contracts/plugins.py): demo data."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep

from . import demo

# Where the monitor's actions are carried out: {action key: [(label, URL name, kind)]}.
ACTION_LINKS = {
    "uitdaagrecht-experiment": [(_("Beheerexperiment"), "contracts:pilot-list", "pilot")]
}

PLUGINS = [
    DemoStep("contracts.beheerexperiment", run=demo.seed_beheerexperiment, order=71),
]
