"""Reads of wijkcontracten: a constant number of queries per page, whatever the data size."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wijkportaal.desk.models import Case
from wijkportaal.desk.selectors import case_for_subject

from .models import (
    COMMITMENT_CLOSED,
    CONTRACT_DRAFT_STATUSES,
    Commitment,
    Contract,
    ContractParty,
    ContractStatus,
    ContractTransition,
)


def _with_counts(queryset, today: datetime.date):
    return queryset.select_related("council").annotate(
        commitment_count=Count("commitments", distinct=True),
        overdue_count=Count(
            "commitments",
            filter=Q(commitments__due_date__lt=today)
            & ~Q(commitments__status__in=COMMITMENT_CLOSED),
            distinct=True,
        ),
    )


def contract_list_public():
    return _with_counts(Contract.objects.public(), timezone.localdate()).order_by(
        "council__name", "-requested_at"
    )


def contract_list_internal(user):
    """Drafts the user may see: their wijkraad's requests (board) or all of them (officers)."""
    if not user.is_authenticated:
        return Contract.objects.none()
    return _with_counts(
        Contract.objects.visible_to(user).filter(status__in=CONTRACT_DRAFT_STATUSES),
        timezone.localdate(),
    ).order_by("-requested_at")


def contract_detail(pk: int) -> Contract:
    parties = ContractParty.objects.select_related("council", "department")
    return get_object_or_404(
        Contract.objects.select_related("council", "contact_officer").prefetch_related(
            Prefetch("parties", queryset=parties),
            Prefetch(
                "commitments",
                queryset=Commitment.objects.select_related(
                    "party__council", "party__department"
                ).order_by("due_date", "pk"),
            ),
            Prefetch(
                "transitions",
                queryset=ContractTransition.objects.select_related("by").order_by("at", "pk"),
            ),
        ),
        pk=pk,
    )


def council_public_contracts(council) -> list[Contract]:
    return list(Contract.objects.public().filter(council=council).order_by("-start_date", "-pk"))


def contracts_started_this_year(on: datetime.date | None = None) -> int:
    """Contracts that reached getekend in this calendar year (indicator of recommendation 9)."""
    year = (on or timezone.localdate()).year
    return (
        ContractTransition.objects.filter(to_status=ContractStatus.SIGNED, at__year=year)
        .values("contract_id")
        .distinct()
        .count()
    )


def contract_case(contract: Contract) -> Case | None:
    """The request's case at the desk (none for a contract requested before the desk). One
    query."""
    return case_for_subject(contract)
