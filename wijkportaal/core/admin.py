"""Admin pieces every app uses the same way."""

from django.contrib import admin
from django.views.i18n import JavaScriptCatalog


class TransitionRecordInline(admin.TabularInline):
    """The dated, signed steps of an object through its states (a `TransitionRecord` model),
    read-only: steps are made by the service, which checks the state machine."""

    extra = 0
    can_delete = False
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


# The admin widgets' JavaScript catalogue: Django's own translations of the admin, plus the
# project's locale/nl/djangojs.po (LOCALE_PATHS) for the strings Django's Dutch catalogue lacks
# (the two-list selector's "Choose all %s" and friends in Django 5.2). wijkportaal/urls.py puts
# it on the admin site.
admin_javascript_catalog = JavaScriptCatalog.as_view(packages=["django.contrib.admin"])


def admin_i18n_javascript(request, extra_context=None):
    return admin_javascript_catalog(request)
