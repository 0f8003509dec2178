"""The officers' screens: the case page (its steps are forms that call the services), the
routes (administrators) and the history (read-only)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from wijkportaal.core.admin import AppendOnlyAdmin, AppendOnlyInline
from wijkportaal.core.importexport import PortalExportMixin
from wijkportaal.core.web import apply_errors

from . import selectors, services
from .forms import AnswerForm, AssignForm, CloseForm, ForwardForm, StartForm
from .hooks import case_kinds, kind_label
from .models import CASE_MACHINE, Case, CaseEvent, CaseRoute, CaseStatus
from .resources import CaseResource

# step: (form, title, button, success message, statuses it is offered in)
STEPS = {
    "toewijzen": (
        AssignForm,
        _("Toewijzen"),
        _("Toewijzen"),
        _("Het verzoek is toegewezen."),
        (CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS),
    ),
    "in-behandeling": (
        StartForm,
        _("In behandeling nemen"),
        _("In behandeling nemen"),
        _("Het verzoek is in behandeling."),
        (CaseStatus.RECEIVED,),
    ),
    "beantwoorden": (
        AnswerForm,
        _("Beantwoorden"),
        _("Antwoord versturen"),
        _("Het antwoord is verstuurd naar de indiener en het bestuur van de wijkraad."),
        (CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS),
    ),
    "doorsturen": (
        ForwardForm,
        _("Doorsturen naar een andere afdeling"),
        _("Doorsturen"),
        _("Het verzoek is doorgestuurd."),
        (CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS),
    ),
    "afhandelen": (
        CloseForm,
        _("Afhandelen"),
        _("Afhandelen"),
        _("Het verzoek is afgehandeld."),
        (CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED),
    ),
}


def _step_form(step: str, case: Case, data=None):
    form_class = STEPS[step][0]
    if form_class in (AssignForm, ForwardForm):
        return form_class(data, case=case, prefix=step)
    return form_class(data, prefix=step)


def _step_run(step: str, *, actor, case: Case, data: dict) -> Case:
    if step == "toewijzen":
        return services.case_assign(actor=actor, case=case, assignee=data["assignee"])
    if step == "in-behandeling":
        return services.case_start(actor=actor, case=case)
    if step == "beantwoorden":
        public = data["visibility"] == "openbaar"
        return services.case_answer(actor=actor, case=case, text=data["text"], public=public)
    if step == "doorsturen":
        return services.case_forward(
            actor=actor, case=case, department=data["department"], reason=data["reason"]
        )
    return services.case_close(actor=actor, case=case, reason=data["reason"])


class CaseEventInline(AppendOnlyInline, admin.TabularInline):
    model = CaseEvent
    fields = ["at", "event", "from_status", "to_status", "by", "text", "reason"]
    readonly_fields = fields
    verbose_name_plural = _("geschiedenis")


class KindFilter(admin.SimpleListFilter):
    title = _("soort verzoek")
    parameter_name = "soort"

    def lookups(self, request, model_admin):
        return [(kind.key, kind.label) for kind in case_kinds()]

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


class OverdueFilter(admin.SimpleListFilter):
    title = _("over tijd")
    parameter_name = "over_tijd"

    def lookups(self, request, model_admin):
        return [("ja", _("ja"))]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "ja" else queryset


class WorklistFilter(admin.SimpleListFilter):
    """The worklist's two lists in full: open cases assigned to me, or nobody's yet (of my
    department; of every department for an administrator)."""

    title = _("werkvoorraad")
    parameter_name = "mijn"

    def lookups(self, request, model_admin):
        return [("ja", _("mijn werkvoorraad")), ("afdeling", _("zonder behandelaar"))]

    def queryset(self, request, queryset):
        mine, unassigned = selectors.worklist_filters(request.user)
        if self.value() == "ja":
            return queryset.open().filter(mine)
        if self.value() == "afdeling":
            return queryset.open().filter(unassigned)
        return queryset


@admin.register(Case)
class CaseAdmin(PortalExportMixin, AppendOnlyAdmin, ObjectPermissionsModelAdmin):
    """Read-only fields and the steps as forms above them: every change goes through a
    service, which checks the rule and the transition table and records the history.
    Officers export the list as filtered (CSV, XLSX)."""

    resource_classes = [CaseResource]

    list_display = [
        "title",
        "kind_display",
        "council",
        "department",
        "assignee",
        "status",
        "answer_by",
        "overdue_display",
    ]
    list_filter = [WorklistFilter, "status", KindFilter, OverdueFilter, "department"]
    search_fields = ["title", "council__name", "submitter_name"]
    list_select_related = ["council", "department", "assignee"]
    ordering = ["answer_by", "pk"]
    fields = [
        ("kind_display", "topic"),
        "title",
        "summary",
        ("council", "is_public"),
        ("submitted_by", "submitter_name", "submitter_email"),
        ("department", "assignee"),
        ("status", "status_changed_at"),
        ("received_at", "answer_by"),
        ("answered_at", "answered_by", "answer_public"),
        "answer",
        ("working_days_to_answer", "answered_in_term"),
        ("closed_at", "closed_reason"),
        ("reminded_at", "escalated_at"),
        "transition_table",
    ]
    readonly_fields = [
        "kind_display",
        "topic",
        "title",
        "summary",
        "council",
        "is_public",
        "submitted_by",
        "submitter_name",
        "submitter_email",
        "department",
        "assignee",
        "status",
        "status_changed_at",
        "received_at",
        "answer_by",
        "answered_at",
        "answered_by",
        "answer_public",
        "answer",
        "working_days_to_answer",
        "answered_in_term",
        "closed_at",
        "closed_reason",
        "reminded_at",
        "escalated_at",
        "transition_table",
    ]
    inlines = [CaseEventInline]
    change_form_template = "admin/desk/case/change_form.html"

    @admin.display(description=_("soort verzoek"), ordering="kind")
    def kind_display(self, obj):
        return obj.kind_label

    @admin.display(description=_("over tijd"), boolean=True)
    def overdue_display(self, obj):
        return obj.is_overdue()

    @admin.display(description=_("toegestane stappen"))
    def transition_table(self, obj):
        return CASE_MACHINE.table_html()

    # AppendOnlyAdmin: cases are opened by what the wijkraden submit, changed only through
    # the steps, and never deleted (the history of what was asked stays).

    def get_urls(self):
        step = path(
            "<int:pk>/stap/<slug:step>/",
            self.admin_site.admin_view(self.step_view),
            name="desk_case_step",
        )
        return [step, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        case = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if case is not None:
            extra["case"] = case
            extra["overdue"] = case.is_overdue(timezone.localdate())
            if request.user.has_perm("desk.handle_case", case):
                extra["steps"] = [
                    {
                        "key": key,
                        "title": spec[1],
                        "button": spec[2],
                        "form": _step_form(key, case),
                    }
                    for key, spec in STEPS.items()
                    if case.status in spec[4]
                ]
        return super().change_view(request, object_id, form_url, extra)

    def step_view(self, request, pk: int, step: str):
        """One step on the case (POST), or its form again with the service's errors."""
        case = get_object_or_404(Case.objects.select_related("department"), pk=pk)
        if step not in STEPS:
            raise Http404
        if not request.user.has_perm("desk.handle_case", case):
            raise PermissionDenied
        form = _step_form(step, case, request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                _step_run(step, actor=request.user, case=case, data=form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                self.message_user(request, STEPS[step][3], messages.SUCCESS)
                return redirect("admin:desk_case_change", case.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "case": case,
            "form": form,
            "step": step,
            "title": STEPS[step][1],
            "subtitle": case.title,
            "button": STEPS[step][2],
        }
        return TemplateResponse(request, "admin/desk/case/step.html", context)


class CaseRouteForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("soort verzoek"),
        choices=lambda: [(kind.key, kind.label) for kind in case_kinds()],
    )

    class Meta:
        model = CaseRoute
        fields = ["kind", "topic", "department"]


@admin.register(CaseRoute)
class CaseRouteAdmin(ObjectPermissionsModelAdmin):
    """Administrators choose which department owns a kind (and topic) of case; without a
    route the kind's own default department does."""

    form = CaseRouteForm
    list_display = ["kind_display", "topic", "department"]
    list_select_related = ["department"]
    list_filter = ["department"]

    @admin.display(description=_("soort verzoek"), ordering="kind")
    def kind_display(self, obj):
        return kind_label(obj.kind)
