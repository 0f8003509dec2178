"""System checks of the deployment's settings (`manage.py check`, run at every start)."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core import checks


def theme_css_found(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The theme stylesheet WIJKPORTAAL_THEME_CSS names exists among the static files: a
    typing error would otherwise give every page an unstyled header (or, with the manifest
    storage of production, an error on every page)."""
    path = settings.WIJKPORTAAL_THEME_CSS
    if path and finders.find(path):
        return []
    return [
        checks.Error(
            f"WIJKPORTAAL_THEME_CSS={path!r} is not a static file.",
            hint="Use css/theme.css or a file in static/css/themes/ (README, Theming).",
            id="wijkportaal.E001",
        )
    ]
