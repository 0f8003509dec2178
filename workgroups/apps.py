from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Werkgroepen en contactmomenten")

    def ready(self) -> None:
        from recommendations.models import ActionItem
        from wijkportaal.core.registry import registry
        from wijkportaal.wijkraden.role_scopes import ScopeKind, role_scope_registry

        from . import reminders
        from .seed import seed_workgroups
        from .selectors import action_links
        from .views import council_contact_section, my_workgroups_section

        reminders.register()
        registry.register_seed_step("workgroups", 40, seed_workgroups)
        registry.register_action_links(action_links)
        registry.register_section(
            "council_detail", 20, "workgroups/contactmoment_section.html", council_contact_section
        )
        registry.register_section(
            "my_page", 40, "workgroups/my_workgroups_section.html", my_workgroups_section
        )
        # A wijkraad can declare its role for one action of the programme. (The progress
        # monitor may register this itself later; registering twice is harmless.)
        role_scope_registry.register(
            ScopeKind("actie", _("Actie"), ActionItem, lambda council: ActionItem.objects.open())
        )
