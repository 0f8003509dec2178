from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from wijkportaal.core.admin import KeepsItsStepsAdmin, TransitionRecordInline

from .models import (
    CONTRACT_MACHINE,
    Commitment,
    Contract,
    ContractParty,
    ContractTransition,
)


class ContractPartyInline(admin.TabularInline):
    model = ContractParty
    extra = 0
    autocomplete_fields = ["council", "department"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0
    fields = ["party", "what", "due_date", "status", "evidence"]


class ContractTransitionInline(TransitionRecordInline):
    model = ContractTransition


@admin.register(Contract)
class ContractAdmin(KeepsItsStepsAdmin, ObjectPermissionsModelAdmin):
    list_display = ["title", "council", "status", "start_date", "end_date"]
    list_filter = ["status", "council__district"]
    search_fields = ["title", "council__name"]
    list_select_related = ["council"]
    autocomplete_fields = ["council", "contact_officer"]
    # Status only changes through the service (the staff page), so every step is dated, signed
    # and checked against the transition table.
    # The origin is set by the service a wijkraad's request goes through; a contract added here
    # is the municipality's own and does not count as a request (recommendation 9).
    readonly_fields = ["status", "status_changed_at", "origin", "next_steps", "transition_table"]
    fields = [
        ("council", "origin"),
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
            ", ".join(map(CONTRACT_MACHINE.label, obj.allowed_transitions)) or "—",
            reverse("contracts:contract-transition", args=[obj.pk]),
            _("status wijzigen"),
        )

    @admin.display(description=_("toegestane statuswijzigingen"))
    def transition_table(self, obj):
        return CONTRACT_MACHINE.table_html()


@admin.register(Commitment)
class CommitmentAdmin(ObjectPermissionsModelAdmin):
    list_display = ["what", "contract", "party", "due_date", "status"]
    list_filter = ["status"]
    list_select_related = ["contract", "party__council", "party__department"]
    search_fields = ["what", "contract__title"]
