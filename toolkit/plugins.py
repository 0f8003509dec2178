"""What the toolkit adds to the portal (registered in apps.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from recommendations.models import ActionItem
from wijkportaal.core.registry import (
    ActionLinks,
    DemoStep,
    Distribution,
    IndicatorSource,
    NavItem,
    OpenDataset,
    PageSection,
    PublicData,
    SearchSource,
)
from wijkportaal.notifications.hooks import DigestSection

from . import reminders, selectors
from .demo import seed_toolkit
from .digest import know_how_section

ACTION_KEY = "toolkit-communicatie"


def action_links(action_ids: list[int]) -> dict[int, list[dict]]:
    """The toolkit action on /voortgang/ links to the toolkit."""
    action = ActionItem.objects.filter(key=ACTION_KEY, pk__in=action_ids).only("pk").first()
    if action is None:
        return {}
    return {
        action.pk: [
            {
                "label": _("Toolkit communicatiemiddelen"),
                "url": reverse("toolkit:index"),
                "kind": "toolkit",
            }
        ]
    }


def council_section(request, council):
    """The channels on /wijkraden/<slug>/: no addresses, only the "ask" link where the contact
    person agreed to it."""
    channels = selectors.council_channels(council)
    can_edit = request.user.has_perm("toolkit.change_inventory", council)
    if not channels and not can_edit:
        return None
    return {"channels": channels, "council": council, "can_edit": can_edit}


PLUGINS = [
    SearchSource(
        "toolkit", label=_lazy("Kennisbank communicatie"), search=selectors.search_entries, order=60
    ),
    PublicData("toolkit", models=("toolkit",)),  # the page cache
    # Open data (CC0 1.0), listed in the core's DCAT-AP-NL catalogue.
    OpenDataset(
        "toolkit-inventaris",
        title=_lazy("Communicatiemiddelen van de wijkraden"),
        description=_lazy(
            "De inventaris van de communicatiemiddelen per wijkraad: soort, bereik, kosten, "
            "inzet en wanneer de gegevens voor het laatst zijn gecontroleerd."
        ),
        distributions=(
            Distribution("toolkit:export-csv", "text/csv", _lazy("Inventaris als CSV")),
        ),
        landing_url_name="toolkit:index",
        frequency="CONT",
        keywords=("wijkraden", "communicatie", "toolkit"),
        order=50,
    ),
    NavItem("toolkit", url_name="toolkit:index", label=_lazy("Toolkit"), order=50),
    DemoStep("toolkit", run=seed_toolkit, order=60),
    IndicatorSource(
        "toolkit.inventory_up_to_date_share",
        label=_lazy("Aandeel wijkraden met een actuele kanaleninventaris (%)"),
        compute=selectors.inventory_up_to_date_share,
        definition=_lazy(
            "Het percentage van de actieve wijkraden dat hun kanaleninventaris controleerde "
            "sinds de lopende inventarisatieronde openging, of zonder lopende ronde in de "
            "laatste twaalf maanden."
        ),
        unit="%",
    ),
    ActionLinks("toolkit", links=action_links),
    PageSection(
        "toolkit",
        slot="council_detail",
        template="toolkit/council_channels_section.html",
        context=council_section,
        order=60,
    ),
    DigestSection("toolkit.know_how", build=know_how_section, order=50),
    *reminders.PLUGINS,
]
