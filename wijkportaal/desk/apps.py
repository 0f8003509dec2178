from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "wijkportaal.desk"
    label = "desk"
    verbose_name = _("Loket: verzoeken van wijkraden")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import plugins

        registry.register(*plugins.PLUGINS)
