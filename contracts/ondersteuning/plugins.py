"""What support adds to the portal (gathered by contracts/plugins.py): demo data and
reminders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, IndicatorSource, Period
from wijkportaal.desk.selectors import answered_in_term_share

from . import demo, reminders

# The desk's kind of case for a support request (the agreed key, see the desk contract).
SUPPORT_REQUEST_KIND = "ondersteuning.request"


def support_answered_in_term_share(period: Period):
    return answered_in_term_share(period, kind=SUPPORT_REQUEST_KIND)


# Where the monitor's actions are carried out: {action key: [(label, URL name, kind)]}.
ACTION_LINKS = {
    "ondersteuningscatalogus": [
        (_("Ondersteuningscatalogus"), "contracts:support-index", "support")
    ]
}

PLUGINS = [
    DemoStep("contracts.ondersteuning", run=demo.seed_ondersteuning, order=73),
    IndicatorSource(
        "ondersteuning.answered_in_term_share",
        label=_("Ondersteuningsvragen binnen de termijn beantwoord (%)"),
        compute=support_answered_in_term_share,
        definition=_(
            "Van de ondersteuningsvragen die in de periode binnenkwamen en waarvan de termijn "
            "verstreken is of die al beantwoord zijn: het percentage dat "
            "binnen de termijn beantwoord werd."
        ),
        unit="%",
    ),
    *reminders.PLUGINS,
]
