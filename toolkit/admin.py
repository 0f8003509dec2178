from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wijkportaal.core.admin import NoHistoryRevertAdmin

from .models import Attachment, Channel, ChannelKind, InventoryStatus, KnowHowEntry, Tag


@admin.register(ChannelKind)
class ChannelKindAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "slug", "default_reach_unit", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Channel)
class ChannelAdmin(NoHistoryRevertAdmin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin):
    list_display = ["name", "council", "kind", "reach", "reach_unit", "yearly_cost", "last_checked"]
    list_filter = ["kind", "council__district", "contact_opt_in"]
    search_fields = ["name", "council__name"]
    autocomplete_fields = ["council", "contact_person"]
    list_select_related = ["council", "kind"]


@admin.register(InventoryStatus)
class InventoryStatusAdmin(ObjectPermissionsModelAdmin):
    list_display = ["council", "checked_at", "checked_by"]
    list_select_related = ["council", "checked_by"]
    readonly_fields = ["council", "checked_at", "checked_by"]

    def has_add_permission(self, request):
        # Written when a board saves or confirms its inventory; never by hand.
        return False


@admin.register(Tag)
class TagAdmin(ObjectPermissionsModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ["download", "size", "uploaded_by", "uploaded_at"]
    fields = ["title", "download", "size", "uploaded_by", "uploaded_at"]

    @admin.display(description=_("bestand"))
    def download(self, obj):
        """Through the download view: nothing is served under MEDIA_URL."""
        if not obj or not obj.pk or not obj.file:
            return "—"
        return format_html('<a href="{}" download>{}</a>', obj.get_absolute_url(), obj.file.name)

    def has_add_permission(self, request, obj=None):
        # New files go through the site's form, where type and size are checked.
        return False


@admin.register(KnowHowEntry)
class KnowHowEntryAdmin(NoHistoryRevertAdmin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin):
    list_display = ["title", "kind", "council", "author", "published_at"]
    list_filter = ["kind", "tags"]
    search_fields = ["title", "summary"]
    readonly_fields = ["body"]
    autocomplete_fields = ["council"]
    filter_horizontal = ["tags", "channel_kinds"]
    inlines = [AttachmentInline]
    list_select_related = ["council", "author"]

    def has_add_permission(self, request):
        # Entries are written on the site, where the Markdown is sanitised before storing.
        return False
