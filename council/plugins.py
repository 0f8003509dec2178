"""What the council app adds to the portal (registered in apps.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.mail import NotificationKind
from wijkportaal.core.registry import (
    DemoStep,
    IndicatorSource,
    NavItem,
    PageSection,
    PublicData,
    SearchSource,
)

from . import selectors, services
from .demo import seed_council

TEMPLATE = "council/email/notice"


def council_section(request, council):
    """On /wijkraden/<slug>/: the coming decisions that concern the wijkraad, the confirmed
    visits of council members, and for its board the visits still to confirm."""
    visits = selectors.council_visits(council)
    decisions = list(selectors.council_decisions(council))
    can_confirm = request.user.has_perm("council.confirm_visit", council)
    if not visits["confirmed"] and not decisions and not (can_confirm and visits["pending"]):
        return None
    return {"visits": visits, "decisions": decisions, "can_confirm": can_confirm}


PLUGINS = [
    SearchSource(
        "council-decisions", label=_("Raadsbesluiten"), search=selectors.search_decisions, order=90
    ),
    PublicData("council", models=("council",)),  # the page cache
    NavItem("council", url_name="council:index", label=_("Raad"), order=65),
    DemoStep("council", run=seed_council, order=75),
    IndicatorSource(
        "council.meetings_this_year",
        label=_("Bevestigde ontmoetingen van raadsleden met wijkraden dit jaar"),
        compute=selectors.meetings_in_period,
        definition=_(
            "Het aantal wijkbezoeken en gesprekken van gemeenteraadsleden met een wijkraad in de "
            "periode, dat het bestuur van die wijkraad heeft bevestigd nadat het plaatsvond."
        ),
    ),
    PageSection(
        "council",
        slot="council_detail",
        template="council/council_section.html",
        context=council_section,
        order=70,
    ),
    NotificationKind(
        services.KIND_LISTED, _("Politieke keuze die uw wijkraad raakt"), TEMPLATE, order=60
    ),
    NotificationKind(
        services.KIND_VIEWPOINT, _("Nieuwe zienswijze op een keuze die u volgt"), TEMPLATE, order=61
    ),
    NotificationKind(
        services.KIND_REPLY, _("Reactie van een raadslid op een zienswijze"), TEMPLATE, order=62
    ),
    NotificationKind(
        services.KIND_OUTCOME, _("Uitkomst van een politieke keuze"), TEMPLATE, order=63
    ),
    NotificationKind(
        services.KIND_VISIT, _("Bezoek van een raadslid om te bevestigen"), TEMPLATE, order=64
    ),
]
