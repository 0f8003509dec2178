"""What the wijkraden app adds to the portal (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from wijkportaal.core.registry import DemoStep, HeadlineFigures, NavItem, PublicData, SearchSource

from .demo import seed_wijkraden
from .selectors import headline_figures, search_councils

PLUGINS = [
    SearchSource("wijkraden", label=_("Wijkraden"), search=search_councils, order=30),
    # The page cache: wijkraden, districts, departments, members and people's names.
    PublicData(
        "wijkraden",
        models=("wijkraden", "accounts.User"),
        quiet_fields=("last_login",),
    ),
    NavItem("wijkraden", url_name="wijkraden:list", label=_("Wijkraden"), order=20),
    DemoStep("wijkraden", run=seed_wijkraden, order=10),
    HeadlineFigures("wijkraden", figures=headline_figures, order=10),
]
