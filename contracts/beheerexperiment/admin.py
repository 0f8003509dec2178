from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wijkportaal.accounts.reauthentication import SensitiveAdminMixin
from wijkportaal.core.admin import AppendOnlyAdmin, HistoryByRuleAdmin

from .models import (
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
    ParticipationStatus,
    PilotParticipation,
    PilotRound,
)


class ParticipationInline(admin.TabularInline):
    """The round's participants; admitting or declining goes through the decision page, whose
    service checks the cap under a row lock."""

    model = PilotParticipation
    extra = 0
    can_delete = False
    fields = ["council", "status", "registered_at", "decided_at", "decide"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # read-only: a posted participant row is ignored, never saved

    @admin.display(description=_("besluiten"))
    def decide(self, obj):
        if obj is None or obj.pk is None or obj.status != ParticipationStatus.INTERESTED:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("contracts:participation-decide", args=[obj.pk]),
            _("toelaten of afwijzen"),
        )


@admin.register(PilotRound)
class PilotRoundAdmin(ObjectPermissionsModelAdmin):
    list_display = ["title", "year", "cap", "interest_open"]
    inlines = [ParticipationInline]


@admin.register(PilotParticipation)
class PilotParticipationAdmin(ObjectPermissionsModelAdmin):
    """Registered by the boards, decided on the decision page (the service keeps the cap);
    shown here read-only."""

    list_display = ["council", "round", "status", "registered_at", "decided_at"]
    list_filter = ["status", "round"]
    list_select_related = ["council", "round"]
    readonly_fields = [
        "round",
        "council",
        "motivation",
        "registered_by",
        "registered_at",
        "status",
        "decision_reason",
        "decided_by",
        "decided_at",
    ]

    def has_add_permission(self, request):
        return False


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0
    fields = ["kind", "amount", "spent", "history_link"]
    readonly_fields = ["spent", "history_link"]

    @admin.display(description=_("geschiedenis"))
    def history_link(self, obj):
        if not obj or not obj.pk:
            return "—"
        url = reverse("admin:contracts_budgetline_history", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("wie wijzigde het budget"))


@admin.register(BudgetLine)
class BudgetLineAdmin(
    HistoryByRuleAdmin, SensitiveAdminMixin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin
):
    """A line's budget with its history (who changed the amount, when); lines are added on
    their pilot's page. `spent` follows the decisions and is never edited."""

    list_display = ["pilot", "kind", "amount", "spent"]
    list_filter = ["kind", "pilot__year"]
    list_select_related = ["pilot__council"]
    fields = ["pilot", "kind", "amount", "spent"]
    readonly_fields = ["pilot", "kind", "spent"]

    def has_add_permission(self, request):
        return False


@admin.register(BudgetPilot)
class BudgetPilotAdmin(SensitiveAdminMixin, ObjectPermissionsModelAdmin):
    list_display = ["council", "year", "round"]
    list_select_related = ["council", "round"]
    autocomplete_fields = ["council"]
    inlines = [BudgetLineInline]


@admin.register(BudgetDecision)
class BudgetDecisionAdmin(AppendOnlyAdmin, ObjectPermissionsModelAdmin):
    """Decisions are the board's: recorded through its page (which checks the balance under a
    row lock), shown here read-only to everyone; never changed or deleted, so the line's
    `spent` always equals the signed sum of its decisions. A wrong one is corrected by a
    reversal on the pilot's page."""

    list_display = ["decided_on", "purpose", "line", "amount", "reverses", "recipient"]
    # The stored file is shown through the download view (document_download), never as a
    # /media/ link: read-only pages would otherwise show every model field, the file too.
    exclude = ["document"]
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
        "reverses",
        "reason",
    ]

    @admin.display(description=_("besluitdocument"))
    def document_download(self, obj):
        """Through the download view: nothing is served under MEDIA_URL."""
        if not obj or not obj.document:
            return "—"
        url = reverse("contracts:decision-document", kwargs={"pk": obj.pk})
        return format_html('<a href="{}" download>{}</a>', url, obj.document.name)
