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
        memberships = user.memberships.current()
        if board_only:
            memberships = memberships.board()
        cached = frozenset(memberships.values_list("council_id", flat=True))
        setattr(user, attr, cached)
    return cached


@rules.predicate
def is_officer(user) -> bool:
    return user.is_authenticated and user.kind == UserKind.OFFICER


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and (user.kind == UserKind.ADMINISTRATOR or user.is_superuser)


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
