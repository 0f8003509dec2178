"""What wijkcontracten add to the portal (gathered by contracts/plugins.py): the navigation
item, the indicator of recommendation 9, the wijkraad's public contracts on its page, role
scopes, demo data and reminders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import (
    DemoStep,
    IndicatorSource,
    NavItem,
    PageSection,
    RoleScope,
    SearchSource,
)
from wijkportaal.desk.hooks import CaseKind

from . import demo, reminders, selectors, services
from .models import Contract, ContractStatus

# Where the monitor's actions are carried out: {action key: [(label, URL name, kind)]}.
ACTION_LINKS = {"wijkcontracten": [(_("Wijkcontracten"), "contracts:index", "contracts")]}


def council_contracts_section(request, council):
    contracts = selectors.council_public_contracts(council)
    if not contracts:
        return None
    return {"contracts": contracts}


def _active_contracts(council):
    return Contract.objects.filter(council=council).exclude(
        status__in=[ContractStatus.REJECTED, ContractStatus.WITHDRAWN, ContractStatus.CLOSED]
    )


PLUGINS = [
    SearchSource(
        "contracts", label=_("Wijkcontracten"), search=selectors.search_contracts, order=70
    ),
    # A wijkraad's request: the municipality answers whether it explores the contract.
    CaseKind(
        services.CASE_KIND,
        label=_("Aanvraag wijkcontract"),
        term_days=services.CASE_TERM_DAYS,
        department="wijkzaken-en-participatie",
        public=False,
    ),
    NavItem("contracts", url_name="contracts:index", label=_("Wijkcontracten"), order=60),
    # The key is older than the rule: only contracts a wijkraad requested count.
    IndicatorSource(
        "contracts.started_this_year",
        label=_("Nieuwe wijkcontracten gestart op verzoek van een wijkraad"),
        compute=selectors.contracts_requested_and_started,
        definition=_(
            "Het aantal wijkcontracten dat een wijkraad via het portaal aanvroeg en dat getekend "
            "is met een ingangsdatum in de periode, uiterlijk op de dag van meten; een contract "
            "dat de gemeente zelf aanmaakte telt niet."
        ),
    ),
    PageSection(
        "contracts",
        slot="council_detail",
        template="contracts/_council_contracts.html",
        context=council_contracts_section,
        order=70,
    ),
    DemoStep("contracts.wijkcontracten", run=demo.seed_wijkcontracten, order=70),
    # After the desk's step (90), which dated the requests' cases back.
    DemoStep("contracts.wijkcontracten.sync", run=demo.sync_contract_requests, order=95),
    # A wijkraad declares its role for one of its contracts.
    RoleScope("wijkcontract", label=_("Wijkcontract"), model=Contract, choices=_active_contracts),
    *reminders.PLUGINS,
]
