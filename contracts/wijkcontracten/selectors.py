"""Reads of wijkcontracten: a constant number of queries per page, whatever the data size."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from wijkportaal.core.registry import Period
from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet
from wijkportaal.desk.models import Case
from wijkportaal.desk.selectors import case_for_subject

from .models import (
    COMMITMENT_CLOSED,
    CONTRACT_DRAFT_STATUSES,
    CONTRACT_PUBLIC_STATUSES,
    Commitment,
    Contract,
    ContractOrigin,
    ContractParty,
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


def contracts_requested_and_started(period: Period) -> int:
    """Indicator of recommendation 9: wijkcontracten requested by a wijkraad through the portal
    (not created by the municipality) that were signed and started — their start date lies in
    the period, on or before the day of measuring. One query."""
    return Contract.objects.filter(
        origin=ContractOrigin.COUNCIL_REQUEST,
        status__in=CONTRACT_PUBLIC_STATUSES,
        start_date__gte=period.start,
        start_date__lte=period.until,
    ).count()


def contracts_started_this_year(on: datetime.date | None = None) -> int:
    """The same count over this calendar year (the contracts page)."""
    on = on or timezone.localdate()
    now = timezone.make_aware(datetime.datetime.combine(on, datetime.time.max))
    return contracts_requested_and_started(
        Period(start=datetime.date(on.year, 1, 1), end=datetime.date(on.year, 12, 31), now=now)
    )


def contract_case(contract: Contract) -> Case | None:
    """The request's case at the desk (none for a contract requested before the desk). One
    query."""
    return case_for_subject(contract)


def search_contracts(query: str, user) -> list[SearchHit]:
    """Search (/zoeken/): wijkcontracten whose title, description or wijkraad match; requests
    and drafts only for their wijkraad's board and officers (Contract.objects.visible_to).
    At most two queries."""
    found = matching(
        Contract.objects.visible_to(user).select_related("council"),
        query,
        ("title", "description", "council__name"),
    )
    return [
        SearchHit(
            f"{contract.title} ({contract.council.name})",
            contract.get_absolute_url(),
            snippet(contract.description, query),
        )
        for contract in found[:RESULTS_PER_SOURCE]
    ]
