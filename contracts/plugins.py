"""What the contracts app adds to the portal (registered in apps.py): the plugins of its four
sub-apps, the digest section of contracts and proposals (digest.py), and one ActionLinks for
all of them — the links from the monitor's actions to the pages where they are carried out,
found with one query for every sub-app at once."""

from __future__ import annotations

from django.urls import reverse

from recommendations.models import ActionItem
from wijkportaal.core.registry import ActionLinks, PublicData
from wijkportaal.notifications.hooks import DigestSection

from .beheerexperiment import plugins as beheerexperiment
from .digest import status_changes_section
from .ondersteuning import plugins as ondersteuning
from .uitdaagrecht import plugins as uitdaagrecht
from .wijkcontracten import plugins as wijkcontracten

# In this order an action's links are listed (the right to challenge before the budget pilot).
SUB_APPS = (wijkcontracten, uitdaagrecht, beheerexperiment, ondersteuning)

ACTION_LINKS: dict[str, list[tuple]] = {}
for sub_app in SUB_APPS:
    for key, links in sub_app.ACTION_LINKS.items():
        ACTION_LINKS.setdefault(key, []).extend(links)


def action_links(action_ids: list[int]) -> dict[int, list[dict]]:
    rows = ActionItem.objects.filter(pk__in=list(action_ids), key__in=ACTION_LINKS).values_list(
        "pk", "key"
    )
    return {
        pk: [
            {"label": str(label), "url": reverse(url_name), "kind": kind}
            for label, url_name, kind in ACTION_LINKS[key]
        ]
        for pk, key in rows
    }


PLUGINS = [
    PublicData("contracts", models=("contracts",)),  # the page cache
    ActionLinks("contracts", links=action_links),
    # Status changes of my wijkraad's contracts and proposals, in the progress digest.
    DigestSection("contracts.status_changes", build=status_changes_section, order=40),
    *(plugin for sub_app in SUB_APPS for plugin in sub_app.PLUGINS),
]
