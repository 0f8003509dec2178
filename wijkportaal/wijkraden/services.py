"""Writes of the wijkraden app: a wijkraad's public profile."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from wijkportaal.accounts.models import User

from .models import NeighbourhoodCouncil

PROFILE_FIELDS = (
    "description",
    "neighbourhoods",
    "contact_email",
    "website",
    "founded_year",
    "public_functions",
)


@transaction.atomic
def council_profile_update(
    *, actor: User, council: NeighbourhoodCouncil, data: dict
) -> NeighbourhoodCouncil:
    """Change a wijkraad's public profile. Its board, officers and administrators may."""
    if not actor.has_perm("wijkraden.change_neighbourhoodcouncil", council):
        raise PermissionDenied
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(council, field, data[field])
    council.full_clean()
    council.save()
    return council
