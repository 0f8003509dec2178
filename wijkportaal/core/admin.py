"""Admin pieces every app uses the same way."""

import functools

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.views.i18n import JavaScriptCatalog
from simple_history.utils import get_history_model_for_model

from . import pagecache


class _NoWrites:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NoHistoryRevertAdmin:
    """For a SimpleHistoryAdmin: its history is to read. django-simple-history saves a POST to
    its "revert" page for anyone who may *view* the object (it asks no change permission, and
    SIMPLE_HISTORY_REVERT_DISABLED only hides the button), so every write there is refused;
    going back is a new change through the normal form or the service."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, *args, **kwargs):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, *args, **kwargs)


class HistoryByRuleAdmin(NoHistoryRevertAdmin):
    """For a SimpleHistoryAdmin whose history holds personal or financial data (the records
    with `core.history.AuditHistory`): its history pages ask the historical model's own view
    permission, `<app>.view_historical<model>`, named in the app's rules.py — not the model's
    view permission, so an officer who may see a user need not see how that user changed.
    Read-only like every history here: put it first among the bases."""

    def _may_view_history(self, request):
        opts = get_history_model_for_model(self.model)._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def has_view_history_or_change_history_permission(self, request, obj=None):
        return self._may_view_history(request)

    def has_view_history_permission(self, request, obj=None):
        return self._may_view_history(request)

    def has_change_history_permission(self, request, obj=None):
        return False


class AppendOnlyAdmin(NoHistoryRevertAdmin, _NoWrites):
    """For append-only records (progress updates, transitions, budget decisions, role
    declarations, indicator snapshots, answer versions, case history, the audit log): a service
    writes each row once and a correction is a new row, so nobody — officer, administrator or
    break-glass superuser — adds, changes or deletes one here. Who may *see* them stays with
    the rules (`app.view_model`). Put it first among the bases, before the ModelAdmin."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class KeepsItsStepsAdmin:
    """For an object whose steps through its states are append-only records (a contract, a
    proposal, a conference): once it has taken a step it cannot be deleted in the admin, since
    deleting it would delete its steps with it; no bulk delete either. Put it before the
    ModelAdmin among the bases. `steps`: the related name of the transition records."""

    steps = "transitions"

    def has_delete_permission(self, request, obj=None):
        if obj is not None and getattr(obj, self.steps).exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class AppendOnlyInline(_NoWrites):
    """The same for an inline: shown read-only under its parent, no add, change or delete."""

    extra = 0
    can_delete = False


class TransitionRecordInline(AppendOnlyInline, admin.TabularInline):
    """The dated, signed steps of an object through its states (a `TransitionRecord` model),
    read-only: steps are made by the service, which checks the state machine."""

    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields


# The admin widgets' JavaScript catalogue: Django's own translations of the admin, plus the
# project's locale/nl/djangojs.po (LOCALE_PATHS) for the strings Django's Dutch catalogue lacks
# (the two-list selector's "Choose all %s" and friends in Django 5.2). wijkportaal/urls.py puts
# it on the admin site.
admin_javascript_catalog = JavaScriptCatalog.as_view(packages=["django.contrib.admin"])


def admin_i18n_javascript(request, extra_context=None):
    return admin_javascript_catalog(request)


def _plain(value):
    """The app list with its lazy texts (model and app names) as plain strings, so it can be
    kept in the shared cache (the language is part of the key)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Promise):
        return str(value)
    return value


def _kept_app_list(get_app_list, request):
    """The full app list of this user, kept (`pagecache.fragment`) until their account or
    seats change (the "wijkraden" scope holds users and memberships, and the date is part of
    every fragment's key, for seats that start or end), or their permissions do (the set of
    Django permissions is part of the key). What the rules answer depends on nothing else."""
    user = request.user
    return pagecache.fragment(
        "core:admin-app-list",
        ("wijkraden",),
        lambda: _plain(get_app_list(request)),
        vary=(user.pk, tuple(sorted(user.get_all_permissions()))),
    )


def app_list_once_per_request(get_app_list):
    """Wrap `AdminSite.get_app_list`: Django builds the app list on every admin page (twice:
    the index's list and `each_context`'s `available_apps`), each time asking the rules for
    every model's module, view, add, change and delete permission — some 250 questions. The
    full list is kept per user until what the answers depend on changes (`_kept_app_list`);
    one app's list is kept on the request."""

    @functools.wraps(get_app_list)
    def wrapper(request, app_label=None):
        kept = request.__dict__.setdefault("_portal_app_lists", {})
        if app_label not in kept:
            if app_label is None and request.user.is_authenticated:
                kept[app_label] = _kept_app_list(get_app_list, request)
            else:
                kept[app_label] = get_app_list(request, app_label)
        return kept[app_label]

    return wrapper
