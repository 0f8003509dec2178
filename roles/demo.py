"""Demo role declarations: current, upcoming and ended ones for a few wijkraden, and a general
network role for each generated wijkraad (--scale). The upcoming ones are declared through the
service, so they are cases at the desk. Idempotent: running it twice gives the same rows."""

from __future__ import annotations

import datetime

from django.utils import timezone

from wijkportaal.accounts.models import User
from wijkportaal.wijkraden.models import BOARD_FUNCTIONS, Membership, NeighbourhoodCouncil

from .models import Role, RoleDeclaration
from .services import role_declaration_create

# (council slug, role, subject, start offset, end offset, reason)
DECLARATIONS = [
    ("bloemenbuurt", Role.NETWORK, "", -90, None, "Wij verbinden bewoners en gemeente."),
    (
        "bloemenbuurt",
        Role.SELF,
        "Herinrichting Rozenhof",
        14,
        None,
        "Over de herinrichting heeft de wijkraad na twee bewonersavonden een eigen standpunt.",
    ),
    ("havenkwartier", Role.SELF, "", -240, -31, "Tijdens de discussie over de kades."),
    ("havenkwartier", Role.NETWORK, "", -30, None, "Terug naar de verbindende rol."),
    (
        "molenwijk",
        Role.SELF,
        "Speelplek Korenveld",
        -15,
        120,
        "Wij beslissen mee over de inrichting.",
    ),
    ("parkzoom", Role.NETWORK, "", 7, None, "Een nieuw bestuur, een nieuwe start."),
]


def _evening(day: datetime.date) -> datetime.datetime:
    """Boards declare after their monthly evening meeting."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(20, 0)))


def _board_member(council_id: int) -> int | None:
    return (
        Membership.objects.filter(council_id=council_id, function__in=BOARD_FUNCTIONS)
        .order_by("function", "pk")
        .values_list("person_id", flat=True)
        .first()
    )


def seed_roles(*, scale: int = 1, progress=None) -> None:
    today = timezone.localdate()
    councils = {c.slug: c for c in NeighbourhoodCouncil.objects.all()}
    for slug, role, subject, start, end, reason in DECLARATIONS:
        council = councils.get(slug)
        declarer = council and _board_member(council.pk)
        if not declarer:
            continue
        start_date = today + datetime.timedelta(days=start)
        end_date = today + datetime.timedelta(days=end) if end is not None else None
        if start > 0:
            # Still to come: declared now, through the service, as a board would — so it is
            # a case at the desk (whose demo step moves it along).
            if not RoleDeclaration.objects.filter(
                council=council, role=role, subject=subject
            ).exists():
                role_declaration_create(
                    actor=User.objects.get(pk=declarer),
                    council=council,
                    role=role,
                    start=start_date,
                    end=end_date,
                    subject=subject,
                    reason=reason,
                    frameworks_acknowledged=role == Role.SELF,
                )
            continue
        RoleDeclaration.objects.get_or_create(
            council=council,
            role=role,
            subject=subject,
            defaults={
                "start": start_date,
                "end": end_date,
                "reason": reason,
                "frameworks_acknowledged": role == Role.SELF,
                "declared_at": _evening(start_date - datetime.timedelta(days=10)),
                "declared_by_id": declarer,
            },
        )
    # Generated wijkraden (--scale): a general network role each, declared a month ago.
    declared = set(RoleDeclaration.objects.values_list("council_id", flat=True).distinct())
    board = dict(
        Membership.objects.filter(council__slug__startswith="extra-", function__in=BOARD_FUNCTIONS)
        .order_by("-function")
        .values_list("council_id", "person_id")
    )
    new = [
        RoleDeclaration(
            council_id=council_id,
            role=Role.NETWORK,
            start=today - datetime.timedelta(days=30),
            declared_at=_evening(today - datetime.timedelta(days=40)),
            declared_by_id=person_id,
        )
        for council_id, person_id in board.items()
        if council_id not in declared
    ]
    RoleDeclaration.objects.bulk_create(new, batch_size=500)
    if progress:
        progress(len(DECLARATIONS) + len(new))
