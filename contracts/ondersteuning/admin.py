from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .models import SupportNote, SupportOffer, SupportRequest


@admin.register(SupportNote)
class SupportNoteAdmin(ObjectPermissionsModelAdmin):
    """The support workgroup's notes on where a terrain needs tailored support, shown with the
    catalogue on /ondersteuning/."""

    list_display = ["terrain", "workgroup", "order", "published", "updated_at"]
    list_editable = ["order", "published"]
    search_fields = ["terrain", "text"]


@admin.register(SupportOffer)
class SupportOfferAdmin(ObjectPermissionsModelAdmin):
    list_display = ["title", "kind", "provider", "order", "active"]
    list_filter = ["kind", "active"]
    list_editable = ["order", "active"]
    search_fields = ["title", "provider"]


@admin.register(SupportRequest)
class SupportRequestAdmin(ObjectPermissionsModelAdmin):
    """Officers answer on the request's page (the service checks the answer); here they see
    the queue and assign a handler."""

    list_display = ["subject", "council", "offer", "status", "created_at", "handler"]
    list_filter = ["status", "offer__kind"]
    list_select_related = ["council", "offer", "handler"]
    search_fields = ["subject", "council__name"]
    autocomplete_fields = ["handler"]
    readonly_fields = [
        "council",
        "offer",
        "subject",
        "purpose",
        "amount",
        "question",
        "requested_by",
        "created_at",
        "status",
        "answer",
        "answered_at",
    ]

    def has_add_permission(self, request):
        return False
