from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Toolkit communicatiemiddelen")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from . import reminders
        from .integration import action_links, council_section
        from .seed import seed_toolkit
        from .selectors import inventory_up_to_date_share

        registry.register_seed_step("toolkit", 60, seed_toolkit)
        registry.register_indicator_source(
            "toolkit.inventory_up_to_date_share",
            _("Aandeel wijkraden met een actuele kanaleninventaris (%)"),
            inventory_up_to_date_share,
        )
        registry.register_action_links(action_links)
        registry.register_section(
            "council_detail", 60, "toolkit/council_channels_section.html", council_section
        )
        reminders.register()
