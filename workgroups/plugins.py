"""What the workgroups app adds to the portal (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import ActionLinks, DemoStep, NavItem, PageSection

from . import reminders
from .demo import seed_workgroups
from .selectors import action_links
from .views import council_contact_section, my_workgroups_section

PLUGINS = [
    NavItem("workgroups", url_name="workgroups:index", label=_("Werkgroepen"), order=30),
    DemoStep("workgroups", run=seed_workgroups, order=40),
    ActionLinks("workgroups", links=action_links),
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
