from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "wijkportaal.notifications"
    label = "notifications"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from .registry import NotificationKind, notification_registry

        # A plain message with subject, text and an optional link (e.g. "ask this wijkraad").
        notification_registry.register_kind(
            NotificationKind(
                "message", _("Berichten van anderen"), "notifications/email/generic", optional=False
            )
        )
