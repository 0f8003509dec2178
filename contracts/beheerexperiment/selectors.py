"""Reads of the budget pilot: a constant number of queries per page, whatever the data size."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from wijkportaal.core.money import ZERO

from .models import BudgetDecision, BudgetLine, BudgetPilot


def _per_pilot(queryset, pilot_path: str, aggregate):
    """One figure per pilot as a subquery: summing over the lines and the decisions in one
    join would count each line once per decision."""
    return Subquery(
        queryset.filter(**{pilot_path: OuterRef("pk")})
        .order_by()
        .values(pilot_path)
        .annotate(figure=aggregate)
        .values("figure")
    )


def pilot_list():
    """The pilots with their budget, what was spent and the number of decisions. What was
    spent is derived from the ledger (the decisions), not from the lines' stored totals.
    Two queries."""
    return list(
        BudgetPilot.objects.select_related("council")
        .prefetch_related(Prefetch("lines", queryset=BudgetLine.objects.order_by("kind")))
        .annotate(
            total=Coalesce(_per_pilot(BudgetLine.objects, "pilot", Sum("amount")), ZERO),
            total_spent=Coalesce(
                _per_pilot(BudgetDecision.objects, "line__pilot", Sum("amount")), ZERO
            ),
            decision_count=Coalesce(
                _per_pilot(BudgetDecision.objects, "line__pilot", Count("pk")),
                0,
                output_field=IntegerField(),
            ),
        )
        .order_by("-year", "council__name")
    )


def pilot_detail(pk: int) -> BudgetPilot:
    return get_object_or_404(
        BudgetPilot.objects.select_related("council").prefetch_related(
            Prefetch("lines", queryset=BudgetLine.objects.order_by("kind"))
        ),
        pk=pk,
    )


def pilot_decisions(pilot: BudgetPilot):
    return (
        BudgetDecision.objects.filter(line__pilot=pilot)
        .select_related("line")
        .order_by("-decided_on", "-pk")
    )
