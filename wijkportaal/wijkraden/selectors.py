from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import District, Function, Membership, NeighbourhoodCouncil, RoleDeclaration


def council_register():
    """The public register: active wijkraden with district and member count, in one query."""
    today = timezone.localdate()
    current = Q(memberships__start__lte=today) & (
        Q(memberships__end__isnull=True) | Q(memberships__end__gte=today)
    )
    return (
        NeighbourhoodCouncil.objects.active()
        .select_related("district")
        .annotate(member_count=Count("memberships", filter=current))
        .order_by("district__name", "name")
    )


def council_detail(slug: str) -> NeighbourhoodCouncil:
    """One wijkraad with its current board and members prefetched."""
    from django.shortcuts import get_object_or_404

    board_first = Case(
        *[
            When(function=function, then=Value(rank))
            for rank, function in enumerate(Function.values)
        ],
        output_field=IntegerField(),
    )
    current_members = (
        Membership.objects.current()
        .select_related("person")
        .order_by(board_first, "person__last_name")
    )
    return get_object_or_404(
        NeighbourhoodCouncil.objects.select_related("district").prefetch_related(
            Prefetch("memberships", queryset=current_members, to_attr="current_memberships")
        ),
        slug=slug,
    )


def headline_figures() -> list[dict]:
    counts = NeighbourhoodCouncil.objects.active().aggregate(
        councils=Count("id"), districts=Count("district", distinct=True)
    )
    return [
        {
            "value": counts["councils"],
            "label": _("actieve wijkraden"),
            "url_name": "wijkraden:list",
        },
        {"value": counts["districts"], "label": _("stadsdelen"), "url_name": "wijkraden:list"},
    ]


def districts():
    return District.objects.all()


def role_register():
    """The city-wide register of role declarations, newest start first, in a constant number
    of queries (one for the rows, one per kind of linked object)."""
    from .models import RoleDeclaration

    return (
        RoleDeclaration.objects.select_related("council__district", "content_type")
        .prefetch_related("scope_object")
        .order_by("-start", "council__name", "pk")
    )


def council_roles(council) -> dict:
    """A wijkraad's declarations split into current, upcoming and history."""
    from .models import RoleDeclaration

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


def role_for_object(obj):
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
