"""Reads of the contracts app: a constant number of queries per page, whatever the data size."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import (
    COMMITMENT_CLOSED,
    CONTRACT_DRAFT_STATUSES,
    SUPPORT_OPEN,
    ZERO,
    BudgetDecision,
    BudgetLine,
    BudgetPilot,
    ChallengeProposal,
    Commitment,
    Contract,
    ContractParty,
    ContractStatus,
    ContractTransition,
    ProposalTransition,
    SupportOffer,
    SupportRequest,
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


def proposal_list():
    return (
        ChallengeProposal.objects.verified()
        .select_related("council")
        .order_by("-submitted_at", "-pk")
    )


def proposal_detail(pk: int) -> ChallengeProposal:
    """Only verified proposals exist for the outside world."""
    return get_object_or_404(
        ChallengeProposal.objects.verified()
        .select_related("council")
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=ProposalTransition.objects.select_related("by").order_by("at", "pk"),
            )
        ),
        pk=pk,
    )


def support_catalogue() -> list[tuple[str, list[SupportOffer]]]:
    groups: dict[str, list[SupportOffer]] = {}
    for offer in SupportOffer.objects.filter(active=True).order_by("kind", "order", "title"):
        groups.setdefault(offer.get_kind_display(), []).append(offer)
    return list(groups.items())


def support_requests_for(user):
    """Requests of the user's wijkraden (board) or all open ones (officers)."""
    if not user.is_authenticated:
        return SupportRequest.objects.none()
    from wijkportaal.permissions import current_council_ids, is_staff_member

    queryset = SupportRequest.objects.select_related("council", "offer").order_by("-created_at")
    if is_staff_member(user):
        return queryset.filter(status__in=SUPPORT_OPEN)
    return queryset.filter(council_id__in=current_council_ids(user, board_only=True))
