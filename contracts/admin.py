from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from .models import (
    CONTRACT_TRANSITIONS,
    PROPOSAL_TRANSITIONS,
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
    ChallengeProposal,
    Commitment,
    Contract,
    ContractParty,
    ContractStatus,
    ContractTransition,
    ProposalStatus,
    ProposalTransition,
    SupportOffer,
    SupportRequest,
)


def transition_table_html(table, labels) -> str:
    return format_html(
        "<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
        _("van"),
        _("mag naar"),
        format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td></tr>",
            (
                (labels(s).label, ", ".join(str(labels(t).label) for t in targets) or "—")
                for s, targets in table.items()
            ),
        ),
    )


class ContractPartyInline(admin.TabularInline):
    model = ContractParty
    extra = 0
    autocomplete_fields = ["council", "department"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0
    fields = ["party", "what", "due_date", "status", "evidence"]


class ContractTransitionInline(admin.TabularInline):
    model = ContractTransition
    extra = 0
    can_delete = False
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Contract)
class ContractAdmin(ObjectPermissionsModelAdmin):
    list_display = ["title", "council", "status", "start_date", "end_date"]
    list_filter = ["status", "council__district"]
    search_fields = ["title", "council__name"]
    list_select_related = ["council"]
    autocomplete_fields = ["council", "contact_officer"]
    # Status only changes through the service (the staff page), so every step is dated, signed
    # and checked against the transition table.
    readonly_fields = ["status", "status_changed_at", "next_steps", "transition_table"]
    fields = [
        "council",
        "title",
        "description",
        ("theme_maintenance", "theme_development", "theme_social"),
        ("status", "status_changed_at"),
        "next_steps",
        ("start_date", "end_date", "renewal"),
        ("research_budget", "research_spent"),
        ("guidance_budget", "guidance_spent"),
        "contact_officer",
        "transition_table",
    ]
    inlines = [ContractPartyInline, CommitmentInline, ContractTransitionInline]

    @admin.display(description=_("volgende stap"))
    def next_steps(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '{} <a href="{}">{}</a>',
            ", ".join(str(ContractStatus(s).label) for s in obj.allowed_transitions) or "—",
            reverse("contracts:contract-transition", args=[obj.pk]),
            _("status wijzigen"),
        )

    @admin.display(description=_("toegestane statuswijzigingen"))
    def transition_table(self, obj):
        return transition_table_html(CONTRACT_TRANSITIONS, ContractStatus)


@admin.register(Commitment)
class CommitmentAdmin(ObjectPermissionsModelAdmin):
    list_display = ["what", "contract", "party", "due_date", "status"]
    list_filter = ["status"]
    list_select_related = ["contract", "party__council", "party__department"]
    search_fields = ["what", "contract__title"]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0
    fields = ["kind", "amount", "spent"]
    readonly_fields = ["spent"]


@admin.register(BudgetPilot)
class BudgetPilotAdmin(ObjectPermissionsModelAdmin):
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
        "document",
        "decided_by",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False


class ProposalTransitionInline(admin.TabularInline):
    model = ProposalTransition
    extra = 0
    can_delete = False
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ChallengeProposal)
class ChallengeProposalAdmin(ObjectPermissionsModelAdmin):
    list_display = ["task", "proposer", "field", "status", "verified_at", "submitted_at"]
    list_filter = ["status", "field", ("verified_at", admin.EmptyFieldListFilter)]
    search_fields = ["task", "group_name", "council__name"]
    list_select_related = ["council"]
    autocomplete_fields = ["handler"]
    # Status, scores and motivation change through the officers' page (the service checks
    # the transition table and the criteria).
    readonly_fields = [
        "council",
        "group_name",
        "contact_name",
        "contact_email",
        "submitted_by",
        "submitted_at",
        "verified_at",
        "task",
        "field",
        "current_provider",
        "plan",
        "support_evidence",
        "cost_comparison",
        "quality",
        "status",
        "status_changed_at",
        "motivation",
        "not_more_expensive",
        "at_least_same_quality",
        "demonstrable_support",
        "score_notes",
        "scored_by",
        "scored_at",
        "transition_table",
    ]
    inlines = [ProposalTransitionInline]

    @admin.display(description=_("toegestane statuswijzigingen"))
    def transition_table(self, obj):
        return transition_table_html(PROPOSAL_TRANSITIONS, ProposalStatus)

    def has_add_permission(self, request):
        return False


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
        "question",
        "requested_by",
        "created_at",
        "status",
        "answer",
        "answered_at",
    ]

    def has_add_permission(self, request):
        return False
