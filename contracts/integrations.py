"""What the contracts app adds to core pages: links from actions on /voortgang/ and the
wijkraad's public contracts on /wijkraden/<slug>/."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors


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
