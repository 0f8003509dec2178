from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "wijkportaal.notifications"
    label = "notifications"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from wijkportaal.core.registry import registry

        # tasks: the outbox queues its tasks by name, so every process (web, worker, tests
        # running them eagerly) must know them.
        from . import plugins, tasks  # noqa: F401

        registry.register(*plugins.PLUGINS)
