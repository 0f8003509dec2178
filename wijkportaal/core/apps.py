from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wijkportaal.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        from . import admin_widgets, pagecache

        admin_widgets.install()
        pagecache.connect_signals()
