"""Demo data of the budget pilot (a DemoStep of seed_demo): this year's round, in which
Wijkraad Bloemenbuurt and Wijkraad Parkzoom are admitted (the cap of two is reached) and
Wijkraad Kastanjehof waits; Bloemenbuurt manages its budget with four spending decisions and
one reversal, Parkzoom with one decision. Idempotent: one pilot per wijkraad and year, one
round per year."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from . import services
from .models import (
    BudgetDecision,
    BudgetLine,
    BudgetLineKind,
    BudgetPilot,
    ParticipationStatus,
    PilotParticipation,
    PilotRound,
)
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


# (wijkraad slug, status, motivation)
PARTICIPANTS = [
    (
        "bloemenbuurt",
        ParticipationStatus.ADMITTED,
        "Wij hebben ervaring met een buurtagenda en willen het groen in de wijk zelf beheren.",
    ),
    (
        "parkzoom",
        ParticipationStatus.ADMITTED,
        "Het park is het hart van onze wijk; wij willen bewoners laten meebeslissen over het "
        "onderhoud.",
    ),
    (
        "kastanjehof",
        ParticipationStatus.INTERESTED,
        "Wij willen sociale initiatieven in de Lanen zelf ondersteunen.",
    ),
]
# The reversal: part of the Burendag decision was booked too high.
REVERSAL = (
    "Burendag in de Rozenhof",
    Decimal("150.50"),
    "Te hoog geboekt: de buurtvereniging kreeg een sponsorbijdrage, het bestuur betaalt € 700,00.",
)


def _board_member(council):
    membership = Membership.objects.current().board().filter(council=council).order_by("pk").first()
    return membership.person if membership else None


def seed_beheerexperiment(*, scale: int = 1) -> None:
    """This year's round and the pilots of its admitted wijkraden."""
    today = timezone.localdate()
    councils = {
        council.slug: council
        for council in NeighbourhoodCouncil.objects.filter(
            slug__in=[slug for slug, _status, _text in PARTICIPANTS]
        )
    }
    if "bloemenbuurt" not in councils:
        return
    pilot_round, _created = PilotRound.objects.get_or_create(
        year=today.year,
        defaults={
            "title": f"Beheerexperiment {today.year}",
            "description": (
                "Twee wijkraden beheren dit jaar zelf een budget voor de openbare ruimte en "
                "sociale initiatieven. Na een jaar kijken we samen wat het heeft opgeleverd."
            ),
        },
    )
    for slug, status, motivation in PARTICIPANTS:
        council = councils.get(slug)
        if council is None:
            continue
        board = _board_member(council)
        if status == ParticipationStatus.INTERESTED and board is not None:
            # Registered as a board would, so the officers find its case on the worklist.
            if not PilotParticipation.objects.filter(round=pilot_round, council=council).exists():
                services.pilot_interest_register(
                    actor=board, pilot_round=pilot_round, council=council, motivation=motivation
                )
            continue
        PilotParticipation.objects.get_or_create(
            round=pilot_round,
            council=council,
            defaults={
                "status": status,
                "motivation": motivation,
                "registered_by": board,
                "decided_at": timezone.now() if status != ParticipationStatus.INTERESTED else None,
                "decision_reason": (
                    "De wijkraad heeft ervaring met beheer en een bestuur dat openbaar besluit."
                    if status == ParticipationStatus.ADMITTED
                    else ""
                ),
            },
        )
    _seed_bloemenbuurt(councils["bloemenbuurt"], pilot_round, today)
    if "parkzoom" in councils:
        _seed_parkzoom(councils["parkzoom"], pilot_round, today)


def _seed_parkzoom(council, pilot_round, today) -> None:
    pilot, created = BudgetPilot.objects.get_or_create(
        council=council,
        year=today.year,
        defaults={
            "round": pilot_round,
            "introduction": "Wijkraad Parkzoom beheert dit jaar het budget voor het park.",
        },
    )
    if not created:
        return
    line = BudgetLine.objects.create(
        pilot=pilot, kind=BudgetLineKind.MAINTENANCE, amount=Decimal("12000.00")
    )
    amount = Decimal("1800.00")
    BudgetDecision.objects.create(
        line=line,
        decided_on=max(datetime.date(today.year, 1, 2), today - datetime.timedelta(days=25)),
        amount=amount,
        purpose="Nieuwe bankjes langs de vijver",
        recipient="Buitenmeubilair Parkrand",
        decided_by=_board_member(council),
    )
    budget_line_recompute(line=line)


def _seed_bloemenbuurt(council, pilot_round, today) -> None:
    pilot, created = BudgetPilot.objects.get_or_create(
        council=council,
        year=today.year,
        defaults={
            "round": pilot_round,
            "introduction": (
                "Wijkraad Bloemenbuurt beheert dit jaar zelf een budget. Het bestuur besluit "
                "in een openbare vergadering; elk besluit staat hieronder met het stuk erbij."
            ),
        },
    )
    if not created:
        return
    lines = {
        kind: BudgetLine.objects.create(pilot=pilot, kind=kind, amount=amount)
        for kind, amount in PILOT_LINES.items()
    }
    board = _board_member(council)
    decisions = {}
    for kind, days_ago, amount, purpose, recipient in PILOT_DECISIONS:
        decided_on = max(datetime.date(today.year, 1, 2), today - datetime.timedelta(days=days_ago))
        decisions[purpose] = BudgetDecision.objects.create(
            line=lines[kind],
            decided_on=decided_on,
            amount=Decimal(amount),
            purpose=purpose,
            recipient=recipient,
            decided_by=board,
        )
    purpose, amount, reason = REVERSAL
    original = decisions[purpose]
    BudgetDecision.objects.create(
        line=original.line,
        decided_on=max(original.decided_on, today - datetime.timedelta(days=5)),
        amount=amount,
        purpose=original.purpose,
        recipient=original.recipient,
        decided_by=board,
        reverses=original,
        reason=reason,
    )
    for line in lines.values():
        budget_line_recompute(line=line)
