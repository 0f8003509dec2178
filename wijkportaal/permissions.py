"""The shared predicates of the one permission layer (django-rules).

Each app's rules.py combines these into named permissions (`app.verb_model`); views, templates
and the admin ask only for those names. "A member of wijkraad A never changes wijkraad B's
things" lives here, once: `is_board_of` and `is_member_of` look only at the person's own current
memberships of the wijkraad the object belongs to."""

from __future__ import annotations

import rules

from wijkportaal.accounts.models import UserKind
from wijkportaal.wijkraden.models import NeighbourhoodCouncil


def council_of(obj):
    """The wijkraad an object belongs to: the object itself, or its `council` attribute."""
    if obj is None:
        return None
    if isinstance(obj, NeighbourhoodCouncil):
        return obj
    return getattr(obj, "council", None)


def current_council_ids(user, *, board_only: bool = False) -> frozenset[int]:
    """Ids of the wijkraden the user currently sits in (cached on the user for the request)."""
    if not user.is_authenticated:
        return frozenset()
    attr = "_board_council_ids" if board_only else "_member_council_ids"
    cached = getattr(user, attr, None)
    if cached is None:
        # One query fills both: a page that asks for the seats and the board seats asks once.
        seats = list(
            user.memberships.current().only("person_id", "council_id", "function").order_by()
        )
        user._member_council_ids = frozenset(seat.council_id for seat in seats)
        user._board_council_ids = frozenset(seat.council_id for seat in seats if seat.is_board)
        cached = getattr(user, attr)
    return cached


@rules.predicate
def is_officer(user) -> bool:
    return user.is_authenticated and user.kind == UserKind.OFFICER


@rules.predicate
def is_administrator(user) -> bool:
    # By kind only: is_superuser is the break-glass account's, which Django lets past every
    # rule anyway (SECURITY.md); a daily administrator is never a superuser.
    return user.is_authenticated and user.kind == UserKind.ADMINISTRATOR


@rules.predicate
def is_city_councillor(user) -> bool:
    return user.is_authenticated and user.kind == UserKind.CITY_COUNCILLOR


@rules.predicate
def is_council_member(user) -> bool:
    return user.is_authenticated and bool(current_council_ids(user))


@rules.predicate
def is_board_member(user) -> bool:
    return user.is_authenticated and bool(current_council_ids(user, board_only=True))


@rules.predicate
def is_member_of(user, obj) -> bool:
    council = council_of(obj)
    return council is not None and council.pk in current_council_ids(user)


@rules.predicate
def is_board_of(user, obj) -> bool:
    council = council_of(obj)
    return council is not None and council.pk in current_council_ids(user, board_only=True)


is_staff_member = is_officer | is_administrator
