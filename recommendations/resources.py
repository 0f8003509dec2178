"""The officers' export of actions from the admin (django-import-export, CSV or XLSX): one row
per action, the list as filtered. Export only: actions change through the services."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from .models import ActionItem


class ActionResource(resources.ModelResource):
    key = fields.Field(attribute="key", column_name=_("sleutel"))
    title = fields.Field(attribute="title", column_name=_("titel"))
    recommendations = fields.Field(column_name=_("aanbevelingen"))
    department = fields.Field(attribute="department__name", column_name=_("afdeling"))
    responsible = fields.Field(column_name=_("verantwoordelijke"))
    status = fields.Field(column_name=_("status"))
    progress = fields.Field(attribute="progress", column_name=_("voortgang (%)"))
    start_date = fields.Field(
        attribute="start_date", column_name=_("start"), widget=widgets.DateWidget("%Y-%m-%d")
    )
    due_date = fields.Field(
        attribute="due_date", column_name=_("gereed op"), widget=widgets.DateWidget("%Y-%m-%d")
    )
    planning = fields.Field(attribute="planning", column_name=_("programmering"))
    financing_amount = fields.Field(
        attribute="financing_amount", column_name=_("bedrag"), widget=widgets.DecimalWidget()
    )
    financing_source = fields.Field(
        attribute="financing_source", column_name=_("bron van financiering")
    )
    last_progress_at = fields.Field(
        attribute="last_progress_at",
        column_name=_("laatste voortgangsbericht"),
        widget=widgets.DateTimeWidget("%Y-%m-%d %H:%M"),
    )

    class Meta:
        model = ActionItem
        fields = (
            "key",
            "title",
            "recommendations",
            "department",
            "responsible",
            "status",
            "progress",
            "start_date",
            "due_date",
            "planning",
            "financing_amount",
            "financing_source",
            "last_progress_at",
        )
        export_order = fields  # the Meta tuple above

    def filter_export(self, queryset, **kwargs):
        # Two queries whatever the number of actions: the owners joined, the recommendations
        # prefetched.
        return queryset.select_related("department", "responsible").prefetch_related(
            "recommendations"
        )

    def dehydrate_recommendations(self, action):
        return ", ".join(str(rec.number) for rec in action.recommendations.all())

    def dehydrate_responsible(self, action):
        return action.responsible.get_full_name() if action.responsible else ""

    def dehydrate_status(self, action):
        return action.get_status_display()
