"""What the workgroups app adds to the portal (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import ActionLinks, DemoStep, IndicatorSource, NavItem, PageSection

from . import reminders
from .demo import seed_workgroups
from .selectors import action_links, agreed_format_share
from .views import council_contact_section, my_workgroups_section

PLUGINS = [
    NavItem("workgroups", url_name="workgroups:index", label=_("Werkgroepen"), order=30),
    DemoStep("workgroups", run=seed_workgroups, order=40),
    ActionLinks("workgroups", links=action_links),
    IndicatorSource(
        "workgroups.agreed_format_share",
        label=_("Soorten contactmoment met een afgesproken werkwijze (%)"),
        compute=agreed_format_share,
        definition=_(
            "Het percentage van de soorten contactmoment waarvoor op de dag van meten een "
            "beschreven werkwijze met terugkoppeling aan de wijkraad is afgesproken."
        ),
        unit="%",
    ),
    PageSection(
        "contact_moments",
        slot="council_detail",
        template="workgroups/contactmoment_section.html",
        context=council_contact_section,
        order=20,
    ),
    PageSection(
        "workgroups",
        slot="my_page",
        template="workgroups/my_workgroups_section.html",
        context=my_workgroups_section,
        order=40,
    ),
    *reminders.PLUGINS,
]
