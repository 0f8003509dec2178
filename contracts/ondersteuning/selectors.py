"""Reads of support: the catalogue and the requests a user may follow."""

from __future__ import annotations

from wijkportaal.desk.models import Case
from wijkportaal.desk.selectors import case_for_subject
from wijkportaal.permissions import current_council_ids, is_staff_member

from .models import SUPPORT_OPEN, SupportNote, SupportOffer, SupportRequest


def support_catalogue() -> list[tuple[str, list[SupportOffer]]]:
    groups: dict[str, list[SupportOffer]] = {}
    for offer in SupportOffer.objects.filter(active=True).order_by("kind", "order", "title"):
        groups.setdefault(offer.get_kind_display(), []).append(offer)
    return list(groups.items())


def support_notes() -> list[SupportNote]:
    """The support workgroup's published notes per terrain (one query)."""
    return list(SupportNote.objects.filter(published=True).order_by("order", "terrain"))


def support_requests_for(user):
    """Requests of the user's wijkraden (board) or all open ones (officers)."""
    if not user.is_authenticated:
        return SupportRequest.objects.none()
    queryset = SupportRequest.objects.select_related("council", "offer").order_by("-created_at")
    if is_staff_member(user):
        return queryset.filter(status__in=SUPPORT_OPEN)
    return queryset.filter(council_id__in=current_council_ids(user, board_only=True))


def support_case(support_request: SupportRequest) -> Case | None:
    """The request's case at the desk (none for a request from before the desk). One query."""
    return case_for_subject(support_request)
