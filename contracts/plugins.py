"""What the contracts app adds to the portal (registered in apps.py): links from actions on
/voortgang/, the wijkraad's public contracts on /wijkraden/<slug>/, role scopes, reminders."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from wijkportaal.core.registry import (
    ActionLinks,
    DemoStep,
    IndicatorSource,
    NavItem,
    PageSection,
    RoleScope,
)

from . import reminders, selectors
from .models import ChallengeProposal, Contract, ContractStatus
from .seed import seed_contracts


def _links_for_key(key: str) -> list[dict]:
    if key == "wijkcontracten":
        return [
            {"label": _("Wijkcontracten"), "url": reverse("contracts:index"), "kind": "contracts"}
        ]
    if key == "uitdaagrecht-experiment":
        return [
            {
                "label": _("Uitdaagrecht"),
                "url": reverse("contracts:proposal-list"),
                "kind": "challenge",
            },
            {
                "label": _("Beheerexperiment"),
                "url": reverse("contracts:pilot-list"),
                "kind": "pilot",
            },
        ]
    if key == "ondersteuningscatalogus":
        return [
            {
                "label": _("Ondersteuningscatalogus"),
                "url": reverse("contracts:support-index"),
                "kind": "support",
            }
        ]
    return []


ACTION_KEYS = ("wijkcontracten", "uitdaagrecht-experiment", "ondersteuningscatalogus")


def action_links(action_ids: list[int]) -> dict[int, list[dict]]:
    from recommendations.models import ActionItem

    rows = ActionItem.objects.filter(pk__in=list(action_ids), key__in=ACTION_KEYS).values_list(
        "pk", "key"
    )
    return {pk: _links_for_key(key) for pk, key in rows}


def council_contracts_section(request, council):
    contracts = selectors.council_public_contracts(council)
    if not contracts:
        return None
    return {"contracts": contracts}


def _active_contracts(council):
    return Contract.objects.filter(council=council).exclude(
        status__in=[ContractStatus.REJECTED, ContractStatus.WITHDRAWN, ContractStatus.CLOSED]
    )


def _council_proposals(council):
    return ChallengeProposal.objects.filter(council=council)


PLUGINS = [
    NavItem("contracts", url_name="contracts:index", label=_lazy("Wijkcontracten"), order=60),
    IndicatorSource(
        "contracts.started_this_year",
        label=_lazy("Nieuwe wijkcontracten gestart dit jaar"),
        compute=selectors.contracts_started_this_year,
    ),
    ActionLinks("contracts", links=action_links),
    PageSection(
        "contracts",
        slot="council_detail",
        template="contracts/_council_contracts.html",
        context=council_contracts_section,
        order=70,
    ),
    DemoStep("contracts", run=seed_contracts, order=70),
    # A wijkraad declares its role for one of its contracts or challenge proposals.
    RoleScope(
        "wijkcontract", label=_lazy("Wijkcontract"), model=Contract, choices=_active_contracts
    ),
    RoleScope(
        "uitdaagrecht",
        label=_lazy("Uitdaagrechtvoorstel"),
        model=ChallengeProposal,
        choices=_council_proposals,
    ),
    *reminders.PLUGINS,
]
