from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from wijkportaal.accounts.reauthentication import SensitiveAdminMixin

from .models import BudgetDecision, BudgetLine, BudgetPilot


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0
    fields = ["kind", "amount", "spent"]
    readonly_fields = ["spent"]


@admin.register(BudgetPilot)
class BudgetPilotAdmin(SensitiveAdminMixin, ObjectPermissionsModelAdmin):
    list_display = ["council", "year"]
    list_select_related = ["council"]
    autocomplete_fields = ["council"]
    inlines = [BudgetLineInline]


@admin.register(BudgetDecision)
class BudgetDecisionAdmin(ObjectPermissionsModelAdmin):
    """Decisions are the board's: recorded through its page (which checks the balance under a
    row lock), shown here read-only."""

    list_display = ["decided_on", "purpose", "line", "amount", "recipient"]
    list_select_related = ["line__pilot__council"]
    readonly_fields = [
        "line",
        "decided_on",
        "amount",
        "purpose",
        "recipient",
        "document_download",
        "decided_by",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("besluitdocument"))
    def document_download(self, obj):
        """Through the download view: nothing is served under MEDIA_URL."""
        if not obj or not obj.document:
            return "—"
        url = reverse("contracts:decision-document", kwargs={"pk": obj.pk})
        return format_html('<a href="{}" download>{}</a>', url, obj.document.name)
