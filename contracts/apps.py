from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = _("Wijkcontracten en uitdaagrecht")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import plugins

        registry.register(*plugins.PLUGINS)
