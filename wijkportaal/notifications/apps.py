from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "wijkportaal.notifications"
    label = "notifications"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        from .digests import DIGEST_KIND
        from .registry import NotificationKind, notification_registry
        from .seed import seed_notifications
        from .views import my_page_section

        # A plain message with subject, text and an optional link (e.g. "ask this wijkraad").
        notification_registry.register_kind(
            NotificationKind(
                "message", _("Berichten van anderen"), "notifications/email/generic", optional=False
            )
        )
        # The digest is switched off through its frequency (nooit), not as a reminder kind.
        notification_registry.register_kind(
            NotificationKind(
                DIGEST_KIND, _("Voortgangsoverzicht"), "notifications/email/digest", optional=False
            )
        )
        registry.register_section(
            "my_page", 80, "notifications/my_page_section.html", my_page_section
        )
        registry.register_seed_step("notifications", 80, seed_notifications)
