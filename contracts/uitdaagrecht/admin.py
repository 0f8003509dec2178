from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from wijkportaal.core.admin import KeepsItsStepsAdmin, TransitionRecordInline

from .models import PROPOSAL_MACHINE, ChallengeProposal, ChallengeTerrain, ProposalTransition


@admin.register(ChallengeTerrain)
class ChallengeTerrainAdmin(ObjectPermissionsModelAdmin):
    """Administrators open the right to challenge on a terrain from a date."""

    list_display = ["name", "opens_on", "closes_on", "order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class ProposalTransitionInline(TransitionRecordInline):
    model = ProposalTransition


@admin.register(ChallengeProposal)
class ChallengeProposalAdmin(KeepsItsStepsAdmin, ObjectPermissionsModelAdmin):
    list_display = ["task", "proposer", "terrain", "status", "verified_at", "submitted_at"]
    list_filter = ["status", "terrain", "field", ("verified_at", admin.EmptyFieldListFilter)]
    search_fields = ["task", "group_name", "council__name"]
    list_select_related = ["council", "terrain"]
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
        "terrain",
        "field",
        "current_provider",
        "plan",
        "support_evidence",
        "cost_comparison",
        "quality",
        "status",
        "status_changed_at",
        "motivation",
        "evaluation_outcome",
        "evaluation_summary",
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
        return PROPOSAL_MACHINE.table_html()

    def has_add_permission(self, request):
        return False
