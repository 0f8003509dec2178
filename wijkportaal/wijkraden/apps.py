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
