from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wijkportaal.accounts.reauthentication import (
    SensitiveAdminMixin,
    require_recent_authentication,
)
from wijkportaal.core.admin import HistoryByRuleAdmin
from wijkportaal.core.importexport import PortalImportExportMixin

from .models import Department, District, InventoryRound, Membership, NeighbourhoodCouncil
from .resources import CouncilResource


@admin.register(District)
class DistrictAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Department)
class DepartmentAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "email", "head"]
    list_select_related = ["head"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    autocomplete_fields = ["head"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(NeighbourhoodCouncil)
class NeighbourhoodCouncilAdmin(
    PortalImportExportMixin, SensitiveAdminMixin, ObjectPermissionsModelAdmin
):
    """Administrators import the register from CSV or XLSX (the columns of
    `manage.py import_wijkraden`, previewed before anything is written); officers export it."""

    resource_classes = [CouncilResource]
    list_display = ["name", "district", "founded_year", "contact_email", "active"]
    list_filter = ["district", "active"]
    search_fields = ["name", "neighbourhoods"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def import_action(self, request, *args, **kwargs):
        require_recent_authentication(request)
        return super().import_action(request, *args, **kwargs)

    def process_import(self, request, *args, **kwargs):
        require_recent_authentication(request)
        return super().process_import(request, *args, **kwargs)


@admin.register(Membership)
class MembershipAdmin(
    HistoryByRuleAdmin, SensitiveAdminMixin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin
):
    """Changes made here, in a wijkraad's or a user's inline, or by accepting an invitation
    are in the history ("Geschiedenis", wijkraden.view_historicalmembership)."""

    list_display = ["person", "council", "function", "start", "end"]
    list_filter = ["function", "council__district"]
    search_fields = ["person__email", "person__last_name", "council__name"]
    autocomplete_fields = ["person", "council"]
    list_select_related = ["person", "council"]


@admin.register(InventoryRound)
class InventoryRoundAdmin(ObjectPermissionsModelAdmin):
    list_display = ["title", "kind", "opens_on", "deadline"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.opened_by = request.user
        super().save_model(request, obj, form, change)
