from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkradenConfig(AppConfig):
    name = "wijkportaal.wijkraden"
    label = "wijkraden"
    verbose_name = _("Wijkraden")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import plugins

        registry.register(*plugins.PLUGINS)
