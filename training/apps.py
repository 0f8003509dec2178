from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Scholing en conferentie")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import reminders, selectors
        from .seed import seed_training

        reminders.register()
        registry.register_seed_step("training", 50, seed_training)
        registry.register_indicator_source(
            "training.inventory_response_rate",
            _("Respons op de laatste scholingsinventarisatie (%)"),
            inventory_response_rate,
        )
        registry.register_indicator_source(
            "training.conferences_this_year",
            _("Wijkradenconferenties dit jaar"),
            selectors.conferences_this_year,
        )
        registry.register_action_links(selectors.action_links)
        registry.register_section("my_page", 50, "training/my_training.html", my_training_section)


def inventory_response_rate():
    from .selectors import latest_round, response_rate

    round_ = latest_round()
    return response_rate(round_)[2] if round_ else 0


def my_training_section(request, user):
    """On /mijn/: the onboarding path, enrolments and progress. Hidden for people who are
    neither wijkraad members nor enrolled anywhere."""
    from wijkportaal.permissions import current_council_ids

    from .selectors import my_training

    data = my_training(user)
    if not current_council_ids(user) and not data["upcoming"] and not data["attended"]:
        return None
    return data
