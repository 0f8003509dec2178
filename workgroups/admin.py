from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wijkportaal.core.admin import NoHistoryRevertAdmin

from .models import (
    ContactFeedback,
    ContactMoment,
    ContactMomentKind,
    Deliverable,
    Meeting,
    Workgroup,
    WorkgroupMember,
)
from .services import deliverable_complete


class WorkgroupMemberInline(admin.TabularInline):
    model = WorkgroupMember
    extra = 0
    autocomplete_fields = ["person"]


class DeliverableInline(admin.TabularInline):
    model = Deliverable
    extra = 0
    fields = ["title", "due_date", "status", "action", "published_at"]


@admin.register(Workgroup)
class WorkgroupAdmin(NoHistoryRevertAdmin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin):
    list_display = ["name", "status", "chair"]
    list_filter = ["status"]
    search_fields = ["name", "mandate"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["chair"]
    filter_horizontal = ["recommendations", "actions"]
    inlines = [WorkgroupMemberInline, DeliverableInline]


@admin.register(Meeting)
class MeetingAdmin(NoHistoryRevertAdmin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin):
    list_display = ["title", "workgroup", "starts_at", "place", "agenda_published_at"]
    list_filter = ["workgroup"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["attendees"]


@admin.register(Deliverable)
class DeliverableAdmin(NoHistoryRevertAdmin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin):
    list_display = ["title", "workgroup", "due_date", "status", "action", "published_at"]
    list_filter = ["workgroup", "status"]
    search_fields = ["title"]
    actions = ["complete_selected"]
    readonly_fields = ["document_download"]

    @admin.display(description=_("Download"))
    def document_download(self, obj):
        """The document through the download view (nothing is served under MEDIA_URL)."""
        if not obj or not obj.document:
            return "—"
        return format_html(
            '<a href="{}" download>{}</a>', obj.get_download_url(), obj.document.name
        )

    @admin.action(description=_("Opleveren en de gekoppelde actie afronden"))
    def complete_selected(self, request, queryset):
        """The same service as the chair's button: completing may be refused (e.g. the action
        still waits for another one); each refusal is reported, the others go through."""
        for deliverable in queryset:
            try:
                deliverable_complete(actor=request.user, deliverable=deliverable)
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", [])) or _("geen toestemming")
                self.message_user(request, f"{deliverable}: {reason}", messages.ERROR)
            else:
                self.message_user(request, _("Opgeleverd: %(title)s") % {"title": deliverable})


@admin.register(ContactMomentKind)
class ContactMomentKindAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "department", "frequency", "format_agreed_on", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ContactMoment)
class ContactMomentAdmin(ObjectPermissionsModelAdmin):
    list_display = ["kind", "council", "starts_at", "place"]
    list_filter = ["kind", "council__district"]
    search_fields = ["council__name", "place"]
    list_select_related = ["kind", "council"]
    date_hierarchy = "starts_at"


@admin.register(ContactFeedback)
class ContactFeedbackAdmin(ObjectPermissionsModelAdmin):
    list_display = ["kind", "council", "type", "created_at"]
    list_filter = ["type", "kind__department", "kind"]
    list_select_related = ["kind", "council"]
