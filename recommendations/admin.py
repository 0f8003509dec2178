"""The officers' side of the progress monitor. Status and progress of an action change only
through an update (progress_update_create), posted from the action's own page; history of
every change is one click away; every save refreshes the public pages."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rules.contrib.admin import ObjectPermissionsModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from wijkportaal.accounts.reauthentication import SensitiveAdminMixin
from wijkportaal.core.admin import AppendOnlyAdmin, AppendOnlyInline, NoHistoryRevertAdmin
from wijkportaal.core.importexport import PortalExportMixin
from wijkportaal.core.registry import IndicatorSource, registry
from wijkportaal.core.web import apply_errors

from . import services
from .models import (
    ACTION_MACHINE,
    ActionItem,
    AnswerVersion,
    Follow,
    Indicator,
    IndicatorSnapshot,
    MyPageVisit,
    ProgrammeEvent,
    ProgressUpdate,
    Reaction,
    Recommendation,
    SnapshotKind,
)
from .resources import ActionResource


class RefreshMonitorMixin:
    """Admin saves refresh the cached public pages."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.action_saved()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.action_saved()


class HistoryAdmin(
    NoHistoryRevertAdmin, RefreshMonitorMixin, SimpleHistoryAdmin, ObjectPermissionsModelAdmin
):
    """History visible to officers, read-only: going back goes through the services."""


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = [
        "key",
        "title",
        "period_kind",
        "period_start",
        "period_end",
        "target",
        "unit",
        "source",
        "order",
    ]
    show_change_link = True


class AnswerVersionInline(AppendOnlyInline, admin.TabularInline):
    """The dated versions of the stance and answer, read-only: a new one comes from the fields
    above it, with a reason."""

    model = AnswerVersion
    fields = ["valid_from", "stance", "answer", "reason", "created_by", "created_at"]
    readonly_fields = fields
    ordering = ["-valid_from", "-created_at"]


class RecommendationForm(forms.ModelForm):
    """Changing the stance or the answer needs a reason: it becomes a new dated version."""

    change_reason = forms.CharField(
        label=_("Reden van de wijziging van standpunt of reactie"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht als u het standpunt of de reactie wijzigt. Wordt openbaar getoond."),
    )

    class Meta:
        model = Recommendation
        fields = ["number", "title", "summary", "stance", "answer"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and {"stance", "answer"} & set(self.changed_data):
            try:
                services.answer_revise_check(
                    recommendation=Recommendation.objects.get(pk=self.instance.pk),
                    stance=cleaned.get("stance", ""),
                    answer=cleaned.get("answer", ""),
                    reason=cleaned.get("change_reason", ""),
                )
            except ValidationError as error:
                apply_errors(self, ValidationError(_rename(error.message_dict)))
        return cleaned


def _rename(messages: dict) -> dict:
    return {("change_reason" if key == "reason" else key): value for key, value in messages.items()}


@admin.register(Recommendation)
class RecommendationAdmin(SensitiveAdminMixin, HistoryAdmin):
    list_display = ["number", "title", "stance", "action_count", "updated_at"]
    list_display_links = ["number", "title"]
    list_filter = ["stance"]
    search_fields = ["title", "summary", "answer"]
    form = RecommendationForm
    inlines = [AnswerVersionInline, IndicatorInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_actions=Count("actions"))

    @admin.display(description=_("acties"), ordering="num_actions")
    def action_count(self, obj):
        return obj.num_actions

    def save_model(self, request, obj, form, change):
        revised = change and {"stance", "answer"} & set(form.changed_data)
        if revised:
            # The new stance and answer are written by the service, as a version with a reason.
            stance, answer = obj.stance, obj.answer
            obj.stance, obj.answer = form.initial["stance"], form.initial["answer"]
        super().save_model(request, obj, form, change)
        if revised:
            services.answer_revise(
                actor=request.user,
                recommendation=obj,
                stance=stance,
                answer=answer,
                reason=form.cleaned_data["change_reason"],
            )
            obj.refresh_from_db()
        elif not change:
            services.answer_letter_version(
                recommendation=obj, valid_from=timezone.localdate(), actor=request.user
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.action_saved()


class OverdueFilter(admin.SimpleListFilter):
    title = _("over tijd")
    parameter_name = "over_tijd"

    def lookups(self, request, model_admin):
        return [("ja", _("over tijd")), ("binnen30", _("binnen 30 dagen klaar"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "ja":
            return queryset.overdue(today)
        if self.value() == "binnen30":
            return queryset.open().filter(
                due_date__gte=today, due_date__lte=today + timezone.timedelta(days=30)
            )
        return queryset


class ProgressUpdateInline(AppendOnlyInline, admin.TabularInline):
    """The timeline, read-only: entries are added with the fields above it, never edited."""

    model = ProgressUpdate
    fields = ["created_at", "author", "status_before", "status_after", "progress_after", "text"]
    readonly_fields = fields
    ordering = ["-created_at"]
    verbose_name_plural = _("tijdlijn")


class ReactionInline(admin.TabularInline):
    model = Reaction
    extra = 0
    can_delete = False
    fields = ["created_at", "council", "author", "text", "hidden_at", "hidden_reason"]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ActionItemAdminForm(forms.ModelForm):
    update_text = forms.CharField(
        label=_("Voortgangsbericht"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Verschijnt op de openbare tijdlijn. Verplicht als u de status of voortgang wijzigt; "
            "status, voortgang en bericht worden samen opgeslagen."
        ),
    )

    class Meta:
        model = ActionItem
        fields = [
            "title",
            "key",
            "description",
            "recommendations",
            "department",
            "responsible",
            "start_date",
            "due_date",
            "planning",
            "financing_amount",
            "financing_source",
            "dependencies",
            "status",
            "progress",
        ]

    request = None  # set by ActionItemAdmin.get_form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            # Offer the moves the transition table allows; the service checks them again.
            current = self.instance.status
            self.fields["status"].choices = [
                (current, ACTION_MACHINE.label(current)),
                *ACTION_MACHINE.choices(current),
            ]

    def clean(self):
        data = super().clean()
        try:
            services.action_validate(
                action_id=self.instance.pk,
                start_date=data.get("start_date"),
                due_date=data.get("due_date"),
                dependency_ids=[dep.pk for dep in data.get("dependencies") or []],
            )
        except ValidationError as error:
            self.add_error(None, error)
        self.pending_update = None
        text = (data.get("update_text") or "").strip()
        status, progress = data.get("status"), data.get("progress")
        if status is None or progress is None:
            return data
        original = (
            ActionItem.objects.get(pk=self.instance.pk)
            if self.instance.pk
            else ActionItem(department=data.get("department"))
        )
        changed = status != original.status or progress != original.progress
        if not (changed or text):
            return data
        if not text:
            self.add_error(
                "update_text",
                _("Een wijziging van status of voortgang gaat altijd samen met een bericht."),
            )
            return data
        if (
            self.request is not None
            and original.department_id
            and not self.request.user.has_perm("recommendations.post_progress", original)
        ):
            self.add_error(None, _("Alleen ambtenaren van de eigenaar-afdeling melden voortgang."))
            return data
        try:
            # The same check as the service, against the dependencies this form saves.
            services.progress_update_check(
                action=original,
                text=text,
                status=status,
                progress=progress,
                dependencies=data.get("dependencies") or [],
            )
        except ValidationError as error:
            apply_errors(
                self,
                ValidationError(
                    {
                        "update_text" if field == "text" else field: messages
                        for field, messages in error.message_dict.items()
                    }
                ),
            )
            return data
        self.pending_update = {"text": text, "status": status, "progress": progress}
        self.original_state = (original.status, original.progress)
        return data


@admin.register(ActionItem)
class ActionItemAdmin(PortalExportMixin, HistoryAdmin):
    form = ActionItemAdminForm
    # Officers export the list as filtered (CSV, XLSX); actions change only here, through
    # the services, never by import.
    resource_classes = [ActionResource]
    list_display = [
        "title",
        "key",
        "department",
        "responsible",
        "status",
        "progress",
        "due_date",
        "is_overdue_display",
        "last_progress_at",
    ]
    list_filter = [OverdueFilter, "status", "department", "recommendations"]
    search_fields = ["title", "key", "description", "planning"]
    list_select_related = ["department", "responsible"]
    filter_horizontal = ["recommendations", "dependencies"]
    autocomplete_fields = ["responsible"]
    date_hierarchy = "due_date"
    inlines = [ProgressUpdateInline, ReactionInline]
    fieldsets = [
        (None, {"fields": ["title", "key", "description", "recommendations"]}),
        (_("Eigenaar"), {"fields": ["department", "responsible"]}),
        (
            _("Planning en geld"),
            {
                "fields": [
                    "start_date",
                    "due_date",
                    "planning",
                    "financing_amount",
                    "financing_source",
                    "dependencies",
                ]
            },
        ),
        (
            _("Voortgang melden"),
            {
                "fields": ["status", "progress", "update_text", "status_moves"],
                "description": _(
                    "Wijzig status en/of voortgang en schrijf erbij wat er veranderde."
                ),
            },
        ),
    ]

    readonly_fields = ["status_moves"]

    @admin.display(description=_("over tijd"), boolean=True)
    def is_overdue_display(self, obj):
        return obj.is_overdue()

    @admin.display(description=_("toegestane statuswijzigingen"))
    def status_moves(self, obj):
        return ACTION_MACHINE.table_html()

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def save_model(self, request, obj, form, change):
        pending = getattr(form, "pending_update", None)
        if pending:
            # Status and progress change only through the update, after the m2m are saved.
            obj.status, obj.progress = form.original_state
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pending = getattr(form, "pending_update", None)
        if pending:
            services.progress_update_create(actor=request.user, action=form.instance, **pending)
            form.instance.refresh_from_db()
        services.action_saved()


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(AppendOnlyAdmin, HistoryAdmin):
    """Append-only: updates are posted from the action's page (progress_update_create); a
    correction is a new update."""

    list_display = [
        "action",
        "created_at",
        "author",
        "status_before",
        "status_after",
        "progress_after",
    ]
    list_filter = ["status_after", "action__department"]
    search_fields = ["text", "action__title"]
    list_select_related = ["action", "author"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "action",
        "author",
        "created_at",
        "text",
        "status_before",
        "status_after",
        "progress_before",
        "progress_after",
    ]


class ReactionAdminForm(forms.ModelForm):
    class Meta:
        model = Reaction
        fields = ["hidden_reason"]

    def clean_hidden_reason(self):
        reason = (self.cleaned_data.get("hidden_reason") or "").strip()
        if not reason:
            raise ValidationError(_("Geef een reden om de reactie te verbergen."))
        return reason


@admin.register(Reaction)
class ReactionAdmin(HistoryAdmin):
    form = ReactionAdminForm

    def has_add_permission(self, request):
        # Reactions come from wijkraad members on the action page; officers only hide them.
        return False

    list_display = ["action", "council", "author", "created_at", "is_hidden_display"]
    list_filter = ["council", ("hidden_at", admin.EmptyFieldListFilter)]
    search_fields = ["text", "action__title", "council__name"]
    list_select_related = ["action", "council", "author"]
    readonly_fields = [
        "action",
        "council",
        "author",
        "text",
        "created_at",
        "hidden_at",
        "hidden_by",
    ]

    @admin.display(description=_("verborgen"), boolean=True)
    def is_hidden_display(self, obj):
        return obj.is_hidden

    def save_model(self, request, obj, form, change):
        # Hiding goes through the service (reason required, logged, history kept).
        services.reaction_hide(
            actor=request.user, reaction=obj, reason=form.cleaned_data["hidden_reason"]
        )


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "key",
            "recommendation",
            "title",
            "definition",
            "period_kind",
            "period_start",
            "period_end",
            "target",
            "unit",
            "source",
            "manual_value",
            "order",
        ]

    def clean(self):
        cleaned = super().clean()
        live = cleaned.get("source") in registry.keys(IndicatorSource)
        if live and "manual_value" in self.changed_data:
            self.add_error(
                "manual_value",
                _("Deze indicator wordt live berekend; een waarde invullen kan niet."),
            )
        return cleaned


@admin.register(Indicator)
class IndicatorAdmin(RefreshMonitorMixin, ObjectPermissionsModelAdmin):
    """Officers fill in the value of a handmatig indicator (signed and dated by the service);
    the rest of the definition is the administrators'."""

    form = IndicatorForm
    list_display = [
        "title",
        "recommendation",
        "target",
        "unit",
        "source",
        "manual_value",
        "manual_set_by",
        "manual_set_at",
    ]
    list_filter = ["recommendation"]
    search_fields = ["title", "source", "key"]
    list_select_related = ["recommendation", "manual_set_by"]
    readonly_fields = ["manual_set_by", "manual_set_at"]
    actions = ["take_snapshot"]

    def get_readonly_fields(self, request, obj=None):
        if request.user.has_perm("recommendations.add_indicator"):
            return self.readonly_fields
        # Officers: only the manual value.
        return [f for f in IndicatorForm.Meta.fields if f != "manual_value"] + list(
            self.readonly_fields
        )

    def save_model(self, request, obj, form, change):
        manual_changed = "manual_value" in form.changed_data
        value = obj.manual_value
        if manual_changed and change:
            obj.manual_value = form.initial.get("manual_value")
        super().save_model(request, obj, form, change)
        if manual_changed:
            try:
                services.indicator_manual_set(actor=request.user, indicator=obj, value=value)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), level="error")

    @admin.action(description=_("Nu een momentopname vastleggen"), permissions=["snapshot"])
    def take_snapshot(self, request, queryset):
        count = services.indicator_snapshots_take(
            kind=SnapshotKind.REQUESTED,
            actor=request.user,
            indicators=queryset.select_related("recommendation", "manual_set_by"),
        )
        self.message_user(
            request,
            ngettext("%(n)s momentopname vastgelegd.", "%(n)s momentopnamen vastgelegd.", count)
            % {"n": count},
        )

    def has_snapshot_permission(self, request):
        return request.user.has_perm("recommendations.take_snapshot")


class ReadOnlyAdmin(AppendOnlyAdmin, ObjectPermissionsModelAdmin):
    """History written by the services: shown, never added, changed or deleted here."""


@admin.register(IndicatorSnapshot)
class IndicatorSnapshotAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "taken_at", "kind", "value", "target", "status", "live"]
    list_filter = ["kind", "status", "indicator__recommendation"]
    list_select_related = ["indicator"]
    date_hierarchy = "taken_at"


@admin.register(AnswerVersion)
class AnswerVersionAdmin(ReadOnlyAdmin):
    list_display = ["recommendation", "valid_from", "stance", "created_by", "created_at"]
    list_filter = ["recommendation", "stance"]
    list_select_related = ["recommendation", "created_by"]


@admin.register(ProgrammeEvent)
class ProgrammeEventAdmin(RefreshMonitorMixin, ObjectPermissionsModelAdmin):
    list_display = ["date", "kind", "title"]
    list_filter = ["kind"]
    search_fields = ["title", "description"]


@admin.register(Follow)
class FollowAdmin(ObjectPermissionsModelAdmin):
    list_display = ["user", "recommendation", "action", "created_at"]
    list_filter = ["recommendation"]
    search_fields = ["user__email", "action__title"]
    list_select_related = ["user", "recommendation", "action"]


@admin.register(MyPageVisit)
class MyPageVisitAdmin(ObjectPermissionsModelAdmin):
    list_display = ["user", "read_until", "shown_at"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
