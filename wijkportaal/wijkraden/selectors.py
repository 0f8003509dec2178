"""Reads of the wijkraden app: the public register, one wijkraad, the headline figures."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkportaal.core.errors import NotFound
from wijkportaal.core.search import RESULTS_PER_SOURCE, SearchHit, matching, snippet
from wijkportaal.permissions import current_council_ids

from .models import District, Function, Membership, NeighbourhoodCouncil


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


def board_councils(user):
    """The wijkraden the user is currently on the board of, by name (for the forms in which a
    board acts for its wijkraad)."""
    ids = current_council_ids(user, board_only=True)
    return NeighbourhoodCouncil.objects.filter(pk__in=ids).order_by("name")


def my_memberships(user):
    """The user's current seats with their wijkraden, by wijkraad name (one query)."""
    return (
        Membership.objects.current()
        .filter(person=user)
        .select_related("council")
        .order_by("council__name", "pk")
    )


def councils_of_people(
    person_ids, *, council_ids=None, board_only: bool = False
) -> dict[int, set[int]]:
    """{person id: the wijkraden they currently sit on (or, `board_only`, are on the board
    of)}, for many people at once — e.g. a batch of digest readers; `council_ids` limits it to
    those wijkraden. People without a seat are left out. One query."""
    memberships = Membership.objects.current()
    if board_only:
        memberships = memberships.board()
    memberships = memberships.filter(person_id__in=person_ids)
    if council_ids is not None:
        memberships = memberships.filter(council_id__in=council_ids)
    found: dict[int, set[int]] = defaultdict(set)
    for person_id, council_id in memberships.values_list("person_id", "council_id"):
        found[person_id].add(council_id)
    return found


def council_detail(slug: str) -> NeighbourhoodCouncil:
    """One wijkraad with its current board and members prefetched; NotFound for an unknown
    slug."""
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
    councils = NeighbourhoodCouncil.objects.select_related("district").prefetch_related(
        Prefetch("memberships", queryset=current_members, to_attr="current_memberships")
    )
    try:
        council = councils.get(slug=slug)
    except NeighbourhoodCouncil.DoesNotExist:
        raise NotFound(f"No wijkraad {slug!r}") from None
    # Privacy: named are only the functions the wijkraad publishes, and only by the name the
    # person gave (never anything made from an email address); everyone else is counted.
    council.public_members = [
        membership
        for membership in council.current_memberships
        if membership.function in council.public_functions and membership.person.public_name
    ]
    council.unnamed_member_count = len(council.current_memberships) - len(council.public_members)
    return council


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


def search_councils(query: str, user) -> list[SearchHit]:
    """Search (/zoeken/): the active wijkraden of the public register whose name,
    neighbourhoods, description or district match. One query."""
    found = matching(
        NeighbourhoodCouncil.objects.active().select_related("district"),
        query,
        ("name", "neighbourhoods", "description", "district__name"),
    )
    return [
        SearchHit(
            council.name,
            council.get_absolute_url(),
            snippet(
                f"{council.district.name}. {council.neighbourhoods} {council.description}", query
            ),
        )
        for council in found[:RESULTS_PER_SOURCE]
    ]
