"""Reads of the workgroups and contact moments, each in a constant number of queries."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.core.errors import NotFound
from wijkportaal.core.registry import Period
from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet
from wijkportaal.desk.models import Case
from wijkportaal.permissions import is_staff_member
from wijkportaal.wijkraden.models import Department, NeighbourhoodCouncil

from .models import (
    ContactFeedback,
    ContactMoment,
    ContactMomentKind,
    Deliverable,
    FeedbackType,
    Meeting,
    Workgroup,
    WorkgroupMember,
)
from .rules import workgroup_ids_of


def agreed_format_share(period: Period) -> float | None:
    """Indicator of recommendation 6: the percentage of the kinds of contact moment that have
    a fixed, described way of working agreed on or before the day of measuring. One query."""
    figures = ContactMomentKind.objects.aggregate(
        total=Count("pk"), agreed=Count("pk", filter=Q(format_agreed_on__lte=period.until))
    )
    if not figures["total"]:
        return None
    return round(100 * figures["agreed"] / figures["total"], 1)


def workgroup_list():
    now = timezone.now()
    return (
        Workgroup.objects.select_related("chair")
        .prefetch_related("recommendations")
        .annotate(
            member_count=Count("members", distinct=True),
            upcoming_meetings=Count(
                "meetings", filter=Q(meetings__starts_at__gte=now), distinct=True
            ),
        )
        .order_by("name")
    )


def workgroup_detail(slug: str) -> Workgroup:
    members = WorkgroupMember.objects.select_related("person", "council", "department").order_by(
        "person__last_name", "person__first_name"
    )
    meetings = Meeting.objects.prefetch_related(
        Prefetch("attendees", queryset=WorkgroupMember.objects.select_related("person"))
    ).order_by("starts_at")
    workgroup = (
        Workgroup.objects.select_related("chair")
        .prefetch_related(
            Prefetch("members", queryset=members, to_attr="member_list"),
            Prefetch("meetings", queryset=meetings, to_attr="meeting_list"),
            Prefetch(
                "deliverables",
                queryset=Deliverable.objects.select_related("action")
                # The training modules built on a deliverable (the relation is the training
                # app's; it is reached by name, without importing that app).
                .prefetch_related("training_modules")
                .order_by("due_date", "pk"),
                to_attr="deliverable_list",
            ),
            "recommendations",
            "actions",
        )
        .filter(slug=slug)
        .first()
    )
    if workgroup is None:
        raise NotFound(_("Deze werkgroep bestaat niet (meer)."))
    return workgroup


def contact_overview():
    """The seven kinds grouped by department, with the number of upcoming occurrences."""
    now = timezone.now()

    def count_of(queryset):
        # A subquery per figure: two Counts over two relations in one join would multiply
        # each other's rows (and took 300 ms with 1,200 wijkraden).
        return Coalesce(
            Subquery(
                queryset.filter(kind=OuterRef("pk"))
                .order_by()
                .values("kind")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            0,
        )

    kinds = (
        ContactMomentKind.objects.select_related("department")
        .annotate(
            upcoming=count_of(ContactMoment.objects.filter(starts_at__gte=now)),
            bottlenecks=count_of(ContactFeedback.objects.filter(type=FeedbackType.BOTTLENECK)),
        )
        .order_by("order", "name")
    )
    by_department: dict[Department, list] = {}
    for kind in kinds:
        by_department.setdefault(kind.department, []).append(kind)
    return list(kinds), sorted(by_department.items(), key=lambda item: item[0].name)


def council_calendar(council: NeighbourhoodCouncil, *, past_days: int = 90):
    since = timezone.now() - datetime.timedelta(days=past_days)
    return list(
        ContactMoment.objects.filter(council=council, starts_at__gte=since)
        .select_related("kind__department")
        .order_by("starts_at", "pk")
    )


def upcoming_contact_moments(council: NeighbourhoodCouncil, limit: int = 5):
    return list(
        ContactMoment.objects.filter(council=council, starts_at__gte=timezone.now())
        .select_related("kind__department")
        .order_by("starts_at", "pk")[:limit]
    )


def bottlenecks():
    """All bottlenecks, ordered by department (the list pages through them)."""
    return (
        ContactFeedback.objects.filter(type=FeedbackType.BOTTLENECK)
        .select_related("kind__department", "council", "occurrence", "author")
        .order_by("kind__department__name", "kind__order", "-created_at", "-pk")
    )


def bottleneck_counts() -> dict[int, int]:
    """How many bottlenecks each department has in all (department id → count). One query."""
    return dict(
        ContactFeedback.objects.filter(type=FeedbackType.BOTTLENECK)
        .values_list("kind__department")
        .annotate(n=Count("pk"))
        .order_by()
    )


def bottlenecks_by_department(rows=None):
    """The bottlenecks (all, or the given page of them) per department, each with its case at
    the desk (`row.case`, None for one older than the desk). Two queries."""
    rows = list(bottlenecks() if rows is None else rows)
    cases = {
        case.object_id: case
        for case in Case.objects.filter(
            content_type=ContentType.objects.get_for_model(ContactFeedback),
            object_id__in=[row.pk for row in rows],
        )
    }
    grouped: dict[Department, list] = {}
    for row in rows:
        row.case = cases.get(row.pk)
        grouped.setdefault(row.kind.department, []).append(row)
    return sorted(grouped.items(), key=lambda item: item[0].name)


def action_links(action_ids: list[int]) -> dict[int, list[dict]]:
    """For the progress pages: the workgroup that carries each action, and its deliverables
    that complete it. Two queries."""
    links: dict[int, list[dict]] = {}
    through = Workgroup.actions.through.objects.filter(actionitem_id__in=action_ids).select_related(
        "workgroup"
    )
    for row in through:
        links.setdefault(row.actionitem_id, []).append(
            {
                "label": _("Werkgroep: %(name)s") % {"name": row.workgroup.name},
                "url": row.workgroup.get_absolute_url(),
                "kind": "workgroup",
            }
        )
    for deliverable in Deliverable.objects.filter(
        action_id__in=action_ids, published_at__isnull=False
    ).select_related("workgroup"):
        links.setdefault(deliverable.action_id, []).append(
            {
                "label": _("Opbrengst: %(title)s (%(status)s)")
                % {"title": deliverable.title, "status": deliverable.get_status_display()},
                "url": deliverable.get_absolute_url(),
                "kind": "deliverable",
            }
        )
    return links


def my_workgroups(user) -> list[Workgroup]:
    """The user's workgroups (member or chair), each with `next_meetings` (at most one)."""
    now = timezone.now()
    upcoming = Meeting.objects.filter(starts_at__gte=now).order_by("starts_at")
    return list(
        Workgroup.objects.filter(Q(members__person=user) | Q(chair=user))
        .distinct()
        .prefetch_related(Prefetch("meetings", queryset=upcoming, to_attr="next_meetings"))
        .order_by("name")
    )


# --- Search (/zoeken/) -----------------------------------------------------------------------


def search_workgroups(query: str, user) -> list[SearchHit]:
    """Workgroups (all public) whose name or mandate match: one query."""
    found = matching(Workgroup.objects.all(), query, ("name", "mandate"))
    return [
        SearchHit(group.name, group.get_absolute_url(), snippet(group.mandate, query))
        for group in found[:RESULTS_PER_SOURCE]
    ]


def search_deliverables(query: str, user) -> list[SearchHit]:
    """Deliverables whose title or text match; drafts (not yet published) only for those who
    may see them (workgroups.view_drafts: members of that workgroup, officers). At most three
    queries."""
    deliverables = Deliverable.objects.select_related("workgroup")
    if not is_staff_member(user):
        deliverables = deliverables.filter(
            Q(published_at__isnull=False) | Q(workgroup_id__in=workgroup_ids_of(user))
        )
    found = matching(deliverables, query, ("title", "text"))
    return [
        SearchHit(
            deliverable.title,
            deliverable.get_absolute_url(),
            snippet(f"{deliverable.workgroup.name}. {deliverable.text}", query),
        )
        for deliverable in found[:RESULTS_PER_SOURCE]
    ]
