from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "roles"
    label = "roles"
    verbose_name = _("Rolkeuzes")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import plugins

        registry.register(*plugins.PLUGINS)
