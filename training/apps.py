from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Scholing en conferentie")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import plugins

        registry.register(*plugins.PLUGINS)
