"""What support adds to the portal (gathered by contracts/plugins.py): demo data and
reminders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep

from . import demo, reminders

# Where the monitor's actions are carried out: {action key: [(label, URL name, kind)]}.
ACTION_LINKS = {
    "ondersteuningscatalogus": [
        (_("Ondersteuningscatalogus"), "contracts:support-index", "support")
    ]
}

PLUGINS = [
    DemoStep("contracts.ondersteuning", run=demo.seed_ondersteuning, order=73),
    *reminders.PLUGINS,
]
