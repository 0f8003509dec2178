from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from wijkportaal.accounts.reauthentication import SensitiveAdminMixin
from wijkportaal.core.admin import AppendOnlyAdmin

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
class BudgetDecisionAdmin(AppendOnlyAdmin, ObjectPermissionsModelAdmin):
    """Decisions are the board's: recorded through its page (which checks the balance under a
    row lock), shown here read-only to everyone; never changed or deleted, so the line's
    `spent` always equals the sum of its decisions."""

    list_display = ["decided_on", "purpose", "line", "amount", "recipient"]
    list_select_related = ["line__pilot__council"]
    readonly_fields = [
        "line",
        "decided_on",
        "amount",
        "purpose",
        "recipient",
        "document",
        "decided_by",
        "created_at",
    ]
