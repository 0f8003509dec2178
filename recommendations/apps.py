from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Aanbevelingen en voortgang")

    def ready(self) -> None:
        # Each module registers its part with the core and notification registries.
        from . import digest, reminders  # noqa: F401
