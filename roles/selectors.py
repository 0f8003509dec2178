"""Reads of the role choice: the register, a wijkraad's declarations, the role for one object
and who hears about a declaration."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.core.registry import Period
from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from .models import RoleDeclaration

# The officers of this department follow every role declaration (the programme's owners).
PARTICIPATION_DEPARTMENT_SLUG = "wijkzaken-en-participatie"


def role_register():
    """The city-wide register of role declarations, newest start first, in a constant number
    of queries (one for the rows, one per kind of linked object)."""
    return (
        RoleDeclaration.objects.select_related("council__district", "content_type")
        .prefetch_related("scope_object")
        .order_by("-start", "council__name", "pk")
    )


def council_roles(council: NeighbourhoodCouncil) -> dict:
    """A wijkraad's declarations split into current, upcoming and history (two queries)."""
    today = timezone.localdate()
    split = {"current": [], "upcoming": [], "history": []}
    declarations = (
        RoleDeclaration.objects.filter(council=council)
        .select_related("content_type", "declared_by")
        .prefetch_related("scope_object")
        .order_by("start", "pk")
    )
    for declaration in declarations:
        state = declaration.state(today)
        split["history" if state == "ended" else state].append(declaration)
    split["history"].reverse()
    return split


def role_for_object(obj) -> RoleDeclaration | None:
    """The wijkraad's declared role for `obj` (a wijkcontract, a proposal, ...): the declaration
    linked to the object itself (current, else the latest), or else the wijkraad's current
    general declaration."""
    declarations = RoleDeclaration.objects.filter(council_id=obj.council_id).select_related(
        "council"
    )
    linked = declarations.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).order_by("-start")
    return (
        linked.current().first()
        or linked.first()
        or declarations.current().general().order_by("-start").first()
    )


def same_scope_declarations(*, council: NeighbourhoodCouncil, subject: str, scope_object):
    """Declarations of this wijkraad about the same scope: the same linked object, the same
    subject (case-insensitive), or both general."""
    declarations = RoleDeclaration.objects.filter(council=council)
    if scope_object is None and not subject:
        return declarations.general()
    match = Q(pk__in=[])
    if scope_object is not None:
        content_type = ContentType.objects.get_for_model(scope_object)
        match |= Q(content_type=content_type, object_id=scope_object.pk)
    if subject:
        match |= Q(subject__iexact=subject)
    return declarations.filter(match)


def overlapping(declarations, start: datetime.date, end: datetime.date | None):
    """Those of `declarations` whose period shares a day with start–end (end None: open)."""
    found = declarations.filter(Q(end__isnull=True) | Q(end__gte=start))
    if end is not None:
        found = found.filter(start__lte=end)
    return found


def council_members(council_ids: Iterable[int], on: datetime.date) -> dict[int, set[int]]:
    """{wijkraad id: ids of its current members}. One query."""
    members: dict[int, set[int]] = {council_id: set() for council_id in council_ids}
    for council_id, person_id in (
        Membership.objects.current(on)
        .filter(council_id__in=set(members))
        .values_list("council_id", "person_id")
    ):
        members[council_id].add(person_id)
    return members


def role_audience(council_ids: Iterable[int], on: datetime.date) -> dict[int, set[int]]:
    """Who hears when a wijkraad's role declaration takes effect: its current members (there is
    no separate "follow a wijkraad" yet) and the officers of Wijkzaken en Participatie. Two
    queries, however many wijkraden."""
    audience = council_members(council_ids, on)
    officers = set(
        User.objects.filter(
            kind=UserKind.OFFICER, is_active=True, department__slug=PARTICIPATION_DEPARTMENT_SLUG
        ).values_list("pk", flat=True)
    )
    return {council_id: members | officers for council_id, members in audience.items()}


def current_declaration_share(period: Period) -> float | None:
    """Indicator of recommendation 1: the percentage of active wijkraden with a role declaration
    in force (declared, started and not ended) on the day of measuring. Two queries."""
    on = period.until
    councils = NeighbourhoodCouncil.objects.active()
    total = councils.count()
    if not total:
        return None
    declared = councils.filter(
        pk__in=RoleDeclaration.objects.current(on).values("council_id")
    ).count()
    return round(100 * declared / total, 1)
