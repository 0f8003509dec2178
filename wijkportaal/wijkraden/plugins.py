"""What the wijkraden app adds to the portal (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, HeadlineFigures, NavItem, PageSection

from . import role_reminders
from .role_views import council_roles_section
from .seed import seed_wijkraden
from .selectors import headline_figures, role_for_object


def object_role_section(request, obj):
    """On the page of an object a wijkraad can declare its role for (a wijkcontract, ...)."""
    return {"declaration": role_for_object(obj)}


PLUGINS = [
    NavItem("wijkraden", url_name="wijkraden:list", label=_("Wijkraden"), order=20),
    DemoStep("wijkraden", run=seed_wijkraden, order=10),
    HeadlineFigures("wijkraden", figures=headline_figures, order=10),
    PageSection(
        "roles",
        slot="council_detail",
        template="wijkraden/roledeclaration_section.html",
        context=council_roles_section,
        order=10,
    ),
    PageSection(
        "scope-role",
        slot="scope_role",
        template="wijkraden/roledeclaration_for_object.html",
        context=object_role_section,
    ),
    *role_reminders.PLUGINS,
]
