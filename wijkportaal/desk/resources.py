"""The officers' export of desk cases from the admin (django-import-export, CSV or XLSX): one
row per case, the list as filtered (e.g. the worklist or everything over its term). Export
only: cases move through the services. Submitters' names and addresses stay out of the file."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from .hooks import kind_label
from .models import Case

DATE = widgets.DateWidget("%Y-%m-%d")
DATETIME = widgets.DateTimeWidget("%Y-%m-%d %H:%M")


class CaseResource(resources.ModelResource):
    number = fields.Field(attribute="pk", column_name=_("nummer"))
    kind = fields.Field(column_name=_("soort verzoek"))
    title = fields.Field(attribute="title", column_name=_("titel"))
    council = fields.Field(attribute="council__name", column_name=_("wijkraad"))
    department = fields.Field(attribute="department__name", column_name=_("afdeling"))
    assignee = fields.Field(column_name=_("behandelaar"))
    status = fields.Field(column_name=_("status"))
    received_at = fields.Field(
        attribute="received_at", column_name=_("ontvangen op"), widget=DATETIME
    )
    answer_by = fields.Field(
        attribute="answer_by", column_name=_("antwoord uiterlijk op"), widget=DATE
    )
    answered_at = fields.Field(
        attribute="answered_at", column_name=_("beantwoord op"), widget=DATETIME
    )
    working_days_to_answer = fields.Field(
        attribute="working_days_to_answer", column_name=_("werkdagen tot antwoord")
    )
    answered_in_term = fields.Field(column_name=_("binnen de termijn beantwoord"))
    overdue = fields.Field(column_name=_("over tijd"))
    closed_at = fields.Field(
        attribute="closed_at", column_name=_("afgehandeld op"), widget=DATETIME
    )

    class Meta:
        model = Case
        fields = (
            "number",
            "kind",
            "title",
            "council",
            "department",
            "assignee",
            "status",
            "received_at",
            "answer_by",
            "answered_at",
            "working_days_to_answer",
            "answered_in_term",
            "overdue",
            "closed_at",
        )
        export_order = fields  # the Meta tuple above

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("council", "department", "assignee")

    def dehydrate_kind(self, case):
        return kind_label(case.kind)

    def dehydrate_assignee(self, case):
        return case.assignee.get_full_name() if case.assignee else ""

    def dehydrate_status(self, case):
        return case.get_status_display()

    def dehydrate_answered_in_term(self, case):
        return "" if case.answered_in_term is None else ("ja" if case.answered_in_term else "nee")

    def dehydrate_overdue(self, case):
        return "ja" if case.is_overdue() else "nee"
