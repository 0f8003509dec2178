"""What the roles app adds to the portal (registered in apps.py): the roles block on a
wijkraad's page, the role on the page of an object it was declared for, the demo data and the
notifications. The objects a role can be declared for come from the other apps' RoleScope
plugins."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, IndicatorSource, PageSection, PublicData
from wijkportaal.desk.hooks import CaseKind

from . import reminders, selectors
from .demo import seed_roles
from .selectors import PARTICIPATION_DEPARTMENT_SLUG
from .services import DECLARATION_CASE
from .views import council_roles_section, object_role_section

PLUGINS = [
    PublicData("roles", models=("roles",)),  # the page cache
    PageSection(
        "roles",
        slot="council_detail",
        template="roles/roledeclaration_section.html",
        context=council_roles_section,
        order=10,
    ),
    PageSection(
        "scope-role",
        slot="scope_role",
        template="roles/roledeclaration_for_object.html",
        context=object_role_section,
    ),
    # After the wijkraden, accounts (board members) and recommendations, before workgroups.
    DemoStep("roles", run=seed_roles, order=35),
    # The municipality acknowledges a declaration (and says what it means for its own work).
    CaseKind(
        DECLARATION_CASE,
        label=_("Rolkeuze van een wijkraad"),
        term_days=5,
        department=PARTICIPATION_DEPARTMENT_SLUG,
        public=True,
    ),
    IndicatorSource(
        "roles.current_declaration_share",
        label=_("Aandeel wijkraden met een geldende rolkeuze (%)"),
        compute=selectors.current_declaration_share,
        definition=_(
            "Het percentage van de actieve wijkraden dat op de dag van meten een bekendgemaakte "
            "rolkeuze heeft die al ingegaan en nog niet beëindigd is."
        ),
        unit="%",
    ),
    *reminders.PLUGINS,
]
