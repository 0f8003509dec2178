"""What support adds to the portal (gathered by contracts/plugins.py): its kind of case at the
desk and demo data. Reminders about unanswered requests are the desk's (due soon, overdue)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, IndicatorSource, Period
from wijkportaal.desk.hooks import CaseKind
from wijkportaal.desk.selectors import answered_in_term_share

from . import demo, services

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
    CaseKind(
        services.CASE_KIND,
        label=_("Verzoek om ondersteuning"),
        term_days=services.CASE_TERM_DAYS,
        department="wijkzaken-en-participatie",
        public=False,
        on_answer=services.support_mirror_answer,
    ),
    # A request for the Leefbaarheid & initiatiefbudget, decided by the budget's department.
    CaseKind(
        services.BUDGET_CASE_KIND,
        label=_("Aanvraag Leefbaarheid & initiatiefbudget"),
        term_days=services.BUDGET_CASE_TERM_DAYS,
        department="maatschappelijke-ontwikkeling",
        public=False,
        on_answer=services.support_mirror_answer,
    ),
    DemoStep("contracts.ondersteuning", run=demo.seed_ondersteuning, order=73),
    # After the desk's step (90), which moved the requests' cases along and dated them.
    DemoStep("contracts.ondersteuning.sync", run=demo.sync_support_requests, order=95),
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
]
