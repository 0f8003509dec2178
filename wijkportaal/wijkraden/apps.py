from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkradenConfig(AppConfig):
    name = "wijkportaal.wijkraden"
    label = "wijkraden"
    verbose_name = _("Wijkraden")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from .seed import seed_wijkraden
        from .selectors import headline_figures

        registry.register_seed_step("wijkraden", 10, seed_wijkraden)
        registry.register_headline_figures(10, headline_figures)

        from . import role_reminders
        from .role_views import council_roles_section

        role_reminders.register()
        registry.register_section(
            "council_detail", 10, "wijkraden/roledeclaration_section.html", council_roles_section
        )
