"""What the training app adds to the portal (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import (
    ActionLinks,
    DemoStep,
    IndicatorSource,
    NavItem,
    PageSection,
    PublicData,
    SearchSource,
)
from wijkportaal.notifications.hooks import DigestSection
from wijkportaal.permissions import current_council_ids

from . import reminders, selectors
from .demo import seed_training
from .digest import new_sessions_section


def inventory_response_rate(period=None):
    round_ = selectors.latest_round()
    return selectors.response_rate(round_)[2] if round_ else 0


def my_training_section(request, user):
    """On /mijn/: the onboarding path, enrolments and progress. Hidden for people who are
    neither wijkraad members nor enrolled anywhere."""
    data = selectors.my_training(user)
    if not current_council_ids(user) and not data["upcoming"] and not data["attended"]:
        return None
    return data


PLUGINS = [
    SearchSource(
        "training-modules", label=_("Scholingsmodules"), search=selectors.search_modules, order=50
    ),
    SearchSource(
        "training-sessions",
        label=_("Scholingsbijeenkomsten"),
        search=selectors.search_sessions,
        order=55,
    ),
    PublicData("training", models=("training",)),  # the page cache
    NavItem("training", url_name="training:index", label=_("Scholing"), order=40),
    DemoStep("training", run=seed_training, order=50),
    IndicatorSource(
        "training.inventory_response_rate",
        label=_("Respons op de laatste scholingsinventarisatie (%)"),
        compute=inventory_response_rate,
        definition=_(
            "Het percentage van de gevraagde wijkraden dat de laatste inventarisatie van "
            "scholingswensen invulde."
        ),
        unit="%",
    ),
    IndicatorSource(
        "training.attended_share",
        label=_("Aandeel wijkraden met een lid dat een scholingsbijeenkomst bijwoonde (%)"),
        compute=selectors.attended_share,
        definition=_(
            "Het percentage van de actieve wijkraden waarvan minstens één lid (lid op enig "
            "moment in de periode) aanwezig was bij een scholingsbijeenkomst in de periode die "
            "al plaatsvond, met de aanwezigheid vastgelegd door de trainer."
        ),
        unit="%",
    ),
    # The key is older than the rule: it counts conferences held, not planned.
    IndicatorSource(
        "training.conferences_this_year",
        label=_("Gehouden wijkradenconferenties dit programmajaar"),
        compute=selectors.conferences_held,
        definition=_(
            "Het aantal wijkradenconferenties dat in de periode begon en op het moment van "
            "meten afgelopen is; een geplande conferentie telt pas als hij gehouden is."
        ),
    ),
    ActionLinks("training", links=selectors.action_links),
    PageSection(
        "training",
        slot="my_page",
        template="training/my_training.html",
        context=my_training_section,
        order=50,
    ),
    DigestSection("training.sessions", build=new_sessions_section, order=40),
    *reminders.PLUGINS,
]
