from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wijkportaal.core"
    label = "core"
    verbose_name = "Kern"
