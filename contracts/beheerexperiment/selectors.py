"""Reads of the budget pilot: a constant number of queries per page, whatever the data size."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from wijkportaal.core.money import ZERO

from .models import BudgetDecision, BudgetLine, BudgetPilot


def pilot_list():
    return list(
        BudgetPilot.objects.select_related("council")
        .prefetch_related(Prefetch("lines", queryset=BudgetLine.objects.order_by("kind")))
        .annotate(
            total=Coalesce(Sum("lines__amount"), ZERO),
            total_spent=Coalesce(Sum("lines__spent"), ZERO),
            decision_count=Count("lines__decisions"),
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
