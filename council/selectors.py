"""Reads of the council app, each a constant number of queries."""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils import timezone

from wijkportaal.core.errors import NotFound
from wijkportaal.core.registry import Period
from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

from .models import Decision, Reply, Viewpoint, Visit


def _decisions():
    return Decision.objects.annotate(
        viewpoint_count=Count("viewpoints", distinct=True)
    ).prefetch_related(Prefetch("councils", queryset=NeighbourhoodCouncil.objects.order_by("name")))


def decision_list(today: datetime.date | None = None) -> dict:
    """Coming decisions (soonest first) and past ones (latest first), as querysets for the
    page to cut into pages: two queries (plus the wijkraden) for each page shown."""
    today = today or timezone.localdate()
    return {
        "upcoming": _decisions().filter(decision_date__gte=today).order_by("decision_date", "pk"),
        "past": _decisions().filter(decision_date__lt=today).order_by("-decision_date", "-pk"),
    }


def decision_detail(pk: int, user) -> Decision:
    """One decision with the wijkraden concerned, every view with its replies, the number of
    followers and whether the user follows it."""
    replies = Reply.objects.select_related("author").order_by("created_at", "pk")
    viewpoints = (
        Viewpoint.objects.select_related("council", "given_by")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("council__name")
    )
    queryset = _decisions().annotate(follower_count=Count("followers", distinct=True))
    queryset = queryset.prefetch_related(Prefetch("viewpoints", queryset=viewpoints))
    if user.is_authenticated:
        queryset = queryset.annotate(
            is_following=Exists(
                Decision.followers.through.objects.filter(
                    decision_id=OuterRef("pk"), user_id=user.pk
                )
            )
        )
    try:
        return queryset.get(pk=pk)
    except Decision.DoesNotExist as error:
        raise NotFound from error


def council_decisions(council: NeighbourhoodCouncil, today: datetime.date | None = None):
    """Coming decisions that concern one wijkraad."""
    today = today or timezone.localdate()
    return Decision.objects.filter(councils=council, decision_date__gte=today).order_by(
        "decision_date", "pk"
    )


# --- visits ---------------------------------------------------------------------------------


def confirmed_meetings(period_start: datetime.date, period_end: datetime.date) -> int:
    """Visits and meetings of council members with wijkraden that the wijkraad's board
    confirmed, dated in the period (both days included). One query."""
    return Visit.objects.filter(
        confirmed_at__isnull=False, date__gte=period_start, date__lte=period_end
    ).count()


def meetings_in_period(period: Period) -> int:
    """Indicator of recommendation 10: confirmed meetings in the period, up to today."""
    return confirmed_meetings(period.start, period.until)


def council_visits(council: NeighbourhoodCouncil) -> dict:
    """For the wijkraad's page: the confirmed visits, and those still to confirm. One query."""
    visits = list(Visit.objects.filter(council=council).select_related("councillor"))
    return {
        "confirmed": [v for v in visits if v.is_confirmed],
        "pending": [v for v in visits if not v.is_confirmed],
    }


def my_visits(user):
    return Visit.objects.filter(councillor=user).select_related("council").order_by("-date", "pk")


def search_decisions(query: str, user) -> list[SearchHit]:
    """Search (/zoeken/): council decisions (all public) whose title, summary or outcome match.
    One query."""
    found = matching(Decision.objects.all(), query, ("title", "summary", "outcome"))
    return [
        SearchHit(
            decision.title,
            decision.get_absolute_url(),
            snippet(f"{decision.summary} {decision.outcome}", query),
        )
        for decision in found[:RESULTS_PER_SOURCE]
    ]
