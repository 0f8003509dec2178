"""What the recommendations app adds to the portal (registered in apps.py): the navigation,
headline figures on the home page, the "what I follow" block on /mijn/, reminders, the digest
section and the "actie" role scope."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from wijkportaal.core.pagecache import ALL
from wijkportaal.core.registry import (
    DemoStep,
    Distribution,
    HeadlineFigures,
    NavItem,
    OpenDataset,
    PageSection,
    PublicData,
    RoleScope,
    SearchSource,
)
from wijkportaal.desk.hooks import CaseKind

from . import digest, reminders, selectors, services
from .demo import seed_recommendations
from .models import ActionItem


def headline_figures() -> list[dict]:
    headline = selectors.monitor_summary()["headline"]
    return [
        {
            "value": f"{headline['progress']}%",
            "label": _("gemiddelde voortgang van de acties"),
            "url_name": "recommendations:index",
        },
        {
            "value": headline["done"],
            "label": _("acties afgerond"),
            "url_name": "recommendations:index",
        },
    ]


def my_page_section(request, user) -> dict:
    """What the user follows and what changed since they marked it as read (or since a day
    after it was first shown); a refresh does not hide it."""
    return selectors.my_follows(user, services.my_page_changes_since(user=user))


def _open_actions(council):
    return ActionItem.objects.open()


def admin_dashboard_audience(request, user):
    """The progress part is the same for every officer of a department (their own
    department's actions come first); None for whoever may not see actions."""
    if not (user.is_authenticated and user.has_perm("recommendations.view_actionitem")):
        return None
    return (getattr(user, "department_id", None),)


def admin_dashboard_section(request, user):
    """The progress part of the admin front page, for officers and administrators."""
    if admin_dashboard_audience(request, user) is None:
        return None
    return selectors.admin_dashboard(user)


def _home_section(request, obj):
    return {}


PLUGINS = [
    SearchSource(
        "recommendations",
        label=_lazy("Aanbevelingen"),
        search=selectors.search_recommendations,
        order=10,
    ),
    SearchSource("actions", label=_lazy("Acties"), search=selectors.search_actions, order=20),
    # The page cache; follows and /mijn/ visits are per user, no public page shows them.
    PublicData(
        "recommendations",
        models=("recommendations",),
        exclude=("recommendations.Follow", "recommendations.MyPageVisit"),
    ),
    PageSection(
        "recommendations-call",
        slot="home",
        template="recommendations/home_section.html",
        context=_home_section,
        order=10,
    ),
    PageSection(
        "progress-dashboard",
        slot="admin_index",
        template="recommendations/admin_dashboard.html",
        context=admin_dashboard_section,
        order=30,
        # Kept rendered until any public data changes (the indicators count everything).
        scopes=ALL,
        audience=admin_dashboard_audience,
    ),
    NavItem(
        "recommendations", url_name="recommendations:index", label=_lazy("Voortgang"), order=10
    ),
    DemoStep("recommendations", run=seed_recommendations, order=30),
    HeadlineFigures("recommendations", figures=headline_figures, order=30),
    PageSection(
        "recommendations",
        slot="my_page",
        template="recommendations/my_page_section.html",
        context=my_page_section,
        order=30,
    ),
    # Open data (CC0 1.0), listed in the DCAT-AP-NL catalogue of the core.
    OpenDataset(
        "voortgang-acties",
        title=_lazy("Voortgang van de aanbevelingen van de wijkraden"),
        description=_lazy(
            "Alle acties bij de aanbevelingen van de wijkraden: eigenaar, planning, geld, "
            "status, voortgang en afhankelijkheden; in de JSON ook de reactietijden van de "
            "gemeente."
        ),
        distributions=(
            Distribution("recommendations:export-csv", "text/csv", _lazy("CSV: één rij per actie")),
            Distribution(
                "recommendations:export-json",
                "application/json",
                _lazy("JSON: de aanbevelingen met hun acties"),
            ),
            Distribution(
                "recommendations:feed",
                "application/atom+xml",
                _lazy("Atom-feed met de voortgangsberichten"),
            ),
        ),
        landing_url_name="recommendations:export-columns",
        frequency="CONT",
        keywords=("wijkraden", "aanbevelingen", "voortgang", "participatie"),
        order=10,
    ),
    # A wijkraad can declare its role for one action of the programme.
    RoleScope("actie", label=_lazy("Actie"), model=ActionItem, choices=_open_actions),
    # A reaction reaches the action's department (case_open's department), else this one.
    CaseKind(
        services.REACTION_CASE,
        label=_lazy("Reactie op een actie"),
        term_days=10,
        department="wijkzaken-en-participatie",
        public=True,
        on_answer=services.reaction_answered,
    ),
    *reminders.PLUGINS,
    *digest.PLUGINS,
]
