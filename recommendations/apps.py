from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Aanbevelingen en voortgang")

    def ready(self) -> None:
        # Each module registers its part with the core and notification registries.
        from wijkportaal.core.registry import registry

        from . import digest, reminders  # noqa: F401
        from .sections import headline_figures, my_page_section
        from .seed import seed_recommendations

        registry.register_seed_step("recommendations", 30, seed_recommendations)
        registry.register_headline_figures(30, headline_figures)
        registry.register_section(
            "my_page", 30, "recommendations/my_page_section.html", my_page_section
        )
