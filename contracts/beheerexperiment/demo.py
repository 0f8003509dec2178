"""Demo data of the budget pilot (a DemoStep of seed_demo): Wijkraad Bloemenbuurt manages
this year's budget, with four spending decisions. Idempotent: one pilot per wijkraad and year."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from .models import BudgetDecision, BudgetLine, BudgetLineKind, BudgetPilot
from .services import budget_line_recompute

PILOT_LINES = {
    BudgetLineKind.MAINTENANCE: Decimal("15000.00"),
    BudgetLineKind.DEVELOPMENT: Decimal("10000.00"),
    BudgetLineKind.SOCIAL: Decimal("7500.00"),
}
PILOT_DECISIONS = [
    (
        BudgetLineKind.MAINTENANCE,
        40,
        "2450.00",
        "Snoeien en aanplanten langs het Tulpenveld",
        "Hoveniersbedrijf Groenrijk",
    ),
    (BudgetLineKind.SOCIAL, 30, "850.50", "Burendag in de Rozenhof", "Buurtvereniging Rozenhof"),
    (
        BudgetLineKind.DEVELOPMENT,
        20,
        "6200.00",
        "Ontwerp voor een nieuw buurtplein",
        "Ontwerpbureau Pleinwerk",
    ),
    (BudgetLineKind.SOCIAL, 10, "375.25", "Koffieochtenden voor ouderen", "Stichting Samen Oud"),
]


def seed_beheerexperiment(*, scale: int = 1) -> None:
    """The pilot of Wijkraad Bloemenbuurt this year, with its lines and decisions."""
    council = NeighbourhoodCouncil.objects.filter(slug="bloemenbuurt").first()
    if council is None:
        return
    today = timezone.localdate()
    pilot, created = BudgetPilot.objects.get_or_create(
        council=council,
        year=today.year,
        defaults={
            "introduction": (
                "Wijkraad Bloemenbuurt beheert dit jaar zelf een budget. Het bestuur besluit "
                "in een openbare vergadering; elk besluit staat hieronder met het stuk erbij."
            )
        },
    )
    if not created:
        return
    lines = {
        kind: BudgetLine.objects.create(pilot=pilot, kind=kind, amount=amount)
        for kind, amount in PILOT_LINES.items()
    }
    membership = Membership.objects.current().board().filter(council=council).order_by("pk").first()
    board = membership.person if membership else None
    for kind, days_ago, amount, purpose, recipient in PILOT_DECISIONS:
        decided_on = max(datetime.date(today.year, 1, 2), today - datetime.timedelta(days=days_ago))
        BudgetDecision.objects.create(
            line=lines[kind],
            decided_on=decided_on,
            amount=Decimal(amount),
            purpose=purpose,
            recipient=recipient,
            decided_by=board,
        )
    for line in lines.values():
        budget_line_recompute(line=line)
