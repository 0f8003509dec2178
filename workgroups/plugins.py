"""What the workgroups app adds to the portal (registered in apps.py)."""

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
from wijkportaal.desk.hooks import CaseKind
from wijkportaal.notifications.hooks import DigestSection

from . import reminders
from .demo import seed_workgroups
from .digest import workgroups_section
from .selectors import (
    action_links,
    agreed_format_share,
    search_deliverables,
    search_workgroups,
)
from .services import BOTTLENECK_CASE, FEEDBACK_CASE
from .views import council_contact_section, my_workgroups_section

PLUGINS = [
    SearchSource("workgroups", label=_("Werkgroepen"), search=search_workgroups, order=40),
    SearchSource(
        "deliverables",
        label=_("Opbrengsten van werkgroepen"),
        search=search_deliverables,
        order=45,
    ),
    PublicData("workgroups", models=("workgroups",)),  # the page cache
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
    # Feedback and bottlenecks reach the department that runs the kind of contact moment
    # (case_open's department); the kind's default department when it has none.
    CaseKind(
        FEEDBACK_CASE,
        label=_("Terugkoppeling op een contactmoment"),
        term_days=15,
        department="wijkzaken-en-participatie",
        public=True,
    ),
    CaseKind(
        BOTTLENECK_CASE,
        label=_("Knelpunt bij een contactmoment"),
        term_days=10,
        department="wijkzaken-en-participatie",
        public=True,
    ),
    DigestSection("workgroups.news", build=workgroups_section, order=30),
    *reminders.PLUGINS,
]
