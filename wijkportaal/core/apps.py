from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wijkportaal.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        from django.core import checks as django_checks

        from . import admin_widgets, checks, pagecache

        admin_widgets.install()
        pagecache.connect_signals(self)
        django_checks.register(checks.theme_css_found, django_checks.Tags.staticfiles)
