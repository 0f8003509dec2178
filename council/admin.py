"""The officers' view of the council app in the admin: read-only lists. Decisions are listed
and their outcome recorded on /raad/ (through the services), views and replies come from the
wijkraden and council members themselves."""

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .models import Decision, Reply, Viewpoint, Visit


class ViewpointInline(admin.TabularInline):
    model = Viewpoint
    extra = 0
    fields = ["council", "text", "given_by", "updated_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(ObjectPermissionsModelAdmin):
    list_display = ["title", "decision_date", "outcome_recorded_at"]
    date_hierarchy = "decision_date"
    search_fields = ["title"]
    inlines = [ViewpointInline]


@admin.register(Viewpoint)
class ViewpointAdmin(ObjectPermissionsModelAdmin):
    list_display = ["decision", "council", "updated_at"]
    list_select_related = ["decision", "council"]
    search_fields = ["decision__title", "council__name"]


@admin.register(Reply)
class ReplyAdmin(ObjectPermissionsModelAdmin):
    list_display = ["viewpoint", "author", "created_at"]
    list_select_related = ["viewpoint__decision", "viewpoint__council", "author"]


@admin.register(Visit)
class VisitAdmin(ObjectPermissionsModelAdmin):
    list_display = ["date", "councillor", "council", "topic", "confirmed_at"]
    list_filter = ["confirmed_at"]
    list_select_related = ["councillor", "council"]
    search_fields = ["council__name", "topic"]
