"""Demo data of wijkcontracten (a DemoStep of seed_demo): contracts in every state, with
parties, their path through the transition table and commitments. Honest towards the indicator
of recommendation 9 (two new contracts at a wijkraad's request by the end of the year): one
requested contract was signed this year, a second one this year was the municipality's own
initiative (it does not count), the others are still on their way or were rejected — nothing is
forced to meet the target; the requests still waiting
for a first decision are asked through the service, so they are cases at the desk (moved
along by the desk's demo step and dated after it by sync_contract_requests).

Idempotent: a contract's key is its title per wijkraad, so running it twice gives the same
rows. `scale` N adds 5 × (N - 1) generated contracts."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from wijkportaal.accounts.models import User
from wijkportaal.desk.models import Case
from wijkportaal.wijkraden.models import Department, Membership, NeighbourhoodCouncil

from . import services
from .models import (
    Commitment,
    Contract,
    ContractOrigin,
    ContractParty,
    ContractStatus,
    ContractTransition,
    PartyKind,
    Renewal,
)

# The path each seeded state took through the transition table.
PATHS = {
    ContractStatus.REQUESTED: [],
    ContractStatus.EXPLORING: [ContractStatus.EXPLORING],
    ContractStatus.PREPARING: [ContractStatus.EXPLORING, ContractStatus.PREPARING],
    ContractStatus.SIGNED: [
        ContractStatus.EXPLORING,
        ContractStatus.PREPARING,
        ContractStatus.SIGNED,
    ],
    ContractStatus.EVALUATED: [
        ContractStatus.EXPLORING,
        ContractStatus.PREPARING,
        ContractStatus.SIGNED,
        ContractStatus.EVALUATED,
    ],
    ContractStatus.REJECTED: [ContractStatus.EXPLORING, ContractStatus.REJECTED],
}

# (wijkraad slug, title, status, themes, partner, description, reason)
CONTRACTS = [
    (
        "bloemenbuurt",
        "Groen en spelen in de Rozenhof",
        ContractStatus.SIGNED,
        ("maintenance", "social"),
        "Woonstichting De Linde",
        "De wijkraad, de afdeling Openbare Ruimte en de woningcorporatie spreken af wie het "
        "groen, de speelplekken en de buurtschouw in de Rozenhof voor zijn rekening neemt.",
        "",
    ),
    (
        "beekdal",
        "De Beekoever als buurtpark",
        ContractStatus.SIGNED,
        ("maintenance", "development"),
        "Waterschap De Vliet",
        "Afspraken over het herinrichten en daarna samen onderhouden van de oever van de beek.",
        "",
    ),
    (
        "oude-dorp",
        "Dorpsstraat: schoon, heel en veilig",
        ContractStatus.EVALUATED,
        ("maintenance",),
        "Ondernemersvereniging Oude Dorp",
        "Het eerste wijkcontract van de stad: afspraken over schoonmaak, verlichting en "
        "meldingen in de Dorpsstraat.",
        "",
    ),
    (
        "havenkwartier",
        "Ruimte voor ontmoeting in de Pakhuizen",
        ContractStatus.REQUESTED,
        ("development", "social"),
        "",
        "De wijkraad wil afspraken over een ontmoetingsplek in een van de oude pakhuizen.",
        "",
    ),
    (
        "bloemenbuurt",
        "Het Tulpenplein als ontmoetingsplek",
        ContractStatus.REQUESTED,
        ("development", "social"),
        "",
        "De wijkraad wil afspraken over het herinrichten en samen beheren van het Tulpenplein, "
        "met bankjes, groen en een plek voor de buurtmarkt.",
        "",
    ),
    (
        "parkzoom",
        "Vijverhof: beheer van de vijver",
        ContractStatus.EXPLORING,
        ("maintenance",),
        "",
        "Verkenning of bewoners een deel van het beheer van de vijver kunnen overnemen.",
        "",
    ),
    (
        "vogelwijk",
        "Spreeuwenpark in eigen hand",
        ContractStatus.PREPARING,
        ("maintenance", "social"),
        "Welzijn West",
        "Afspraken over het park, de speeltuin en de activiteiten van het buurthuis.",
        "",
    ),
    (
        "stationsbuurt",
        "Het Emplacement",
        ContractStatus.REJECTED,
        ("development",),
        "",
        "Afspraken over de herontwikkeling van het emplacement.",
        "Voor het emplacement loopt al een gebiedsontwikkeling met een eigen "
        "participatietraject; een wijkcontract zou daar dubbel op lopen.",
    ),
]


# Contracts the municipality started itself (an officer in the admin), not at a wijkraad's
# request: they do not count for recommendation 9.
MUNICIPALITY_INITIATED = {"De Beekoever als buurtpark"}


def _board_person(council):
    membership = Membership.objects.current().board().filter(council=council).order_by("pk").first()
    return membership.person if membership else None


def _department(slug):
    return Department.objects.filter(slug=slug).first()


def _create_contract(
    council, title, status, themes, partner, description, reason, *, officer, signed_on, index
):
    """One contract with its parties, its path through the states and its commitments. A
    request still waiting for its first decision is asked through the service, as a board
    would, so it is a case at the desk (moved along by the desk's demo step); the contracts
    further along are history from before the desk."""
    if status == ContractStatus.REQUESTED:
        board = _board_person(council)
        if board is None:
            return None
        return services.contract_request(
            actor=board,
            council=council,
            title=title,
            description=description,
            themes=list(themes),
            partners=[partner] if partner else [],
        )
    today = timezone.localdate()
    requested_on = signed_on - datetime.timedelta(days=120)
    start = signed_on if status in (ContractStatus.SIGNED, ContractStatus.EVALUATED) else None
    contract = Contract.objects.create(
        council=council,
        title=title,
        description=description,
        theme_maintenance="maintenance" in themes,
        theme_development="development" in themes,
        theme_social="social" in themes,
        status=status,
        start_date=start,
        end_date=start + datetime.timedelta(days=730) if start else None,
        renewal=Renewal.AFTER_EVALUATION,
        research_budget=Decimal("4500.00"),
        research_spent=Decimal("3980.50") if start else Decimal("0.00"),
        guidance_budget=Decimal("6000.00"),
        guidance_spent=Decimal("2250.00") if start else Decimal("0.00"),
        contact_officer=officer,
        requested_by=officer if title in MUNICIPALITY_INITIATED else _board_person(council),
        requested_at=_aware(requested_on),
        origin=(
            ContractOrigin.MUNICIPALITY
            if title in MUNICIPALITY_INITIATED
            else ContractOrigin.COUNCIL_REQUEST
        ),
    )
    council_party = ContractParty.objects.create(
        contract=contract,
        kind=PartyKind.COUNCIL,
        council=council,
        role="opdrachtgever en uitvoerder",
    )
    department = _department("openbare-ruimte") or Department.objects.order_by("pk").first()
    department_party = None
    if department:
        department_party = ContractParty.objects.create(
            contract=contract, kind=PartyKind.DEPARTMENT, department=department, role="beheerder"
        )
    if partner:
        ContractParty.objects.create(contract=contract, kind=PartyKind.PARTNER, name=partner)
    ContractTransition.objects.create(
        contract=contract,
        from_status="",
        to_status=ContractStatus.REQUESTED,
        at=_aware(requested_on),
        by=contract.requested_by,
    )
    previous = ContractStatus.REQUESTED
    path = PATHS[status]
    for number, step in enumerate(path, start=1):
        if step == ContractStatus.SIGNED:
            at = signed_on
        elif step == ContractStatus.EVALUATED:
            at = min(today, signed_on + datetime.timedelta(days=365))
        else:
            at = requested_on + datetime.timedelta(days=30 * number)
        ContractTransition.objects.create(
            contract=contract,
            from_status=previous,
            to_status=step,
            at=_aware(at),
            by=officer,
            reason=reason if step in (ContractStatus.REJECTED,) else "",
        )
        previous = step
    contract.status_changed_at = contract.transitions.order_by("-at").first().at
    contract.save(update_fields=["status_changed_at"])
    if start:
        party = department_party or council_party
        commitments = [
            (
                council_party,
                "Twee keer per jaar een buurtschouw met bewoners organiseren",
                30,
                "nagekomen",
            ),
            (party, "Speelplek opknappen en opnieuw laten keuren", 200 + index, "bezig"),
            (council_party, "Een groep vrijwilligers voor het groenonderhoud vormen", None, "open"),
            (party, "Jaarlijks overleg over de stand van de afspraken", None, "open"),
        ]
        for who, what, days, commitment_status in commitments:
            if days is None:
                # One due soon and one overdue, relative to today, so the flags show.
                days_from_today = 10 if "vrijwilligers" in what else -5
                due = max(start, today + datetime.timedelta(days=days_from_today))
            else:
                due = start + datetime.timedelta(days=days)
            Commitment.objects.create(
                contract=contract,
                party=who,
                what=what,
                due_date=due,
                status=commitment_status,
                evidence="Verslag op de website van de wijkraad."
                if commitment_status == "nagekomen"
                else "",
            )
    return contract


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def seed_wijkcontracten(*, scale: int = 1) -> None:
    """The fixed demo contracts, and generated ones when `scale` > 1."""
    today = timezone.localdate()
    year_start = datetime.date(today.year, 1, 1)
    officer = User.objects.active_officers().order_by("email").first()
    councils = {c.slug: c for c in NeighbourhoodCouncil.objects.all()}
    signed_dates = [
        # Two contracts reach getekend this calendar year; only one was a wijkraad's request.
        max(year_start, today - datetime.timedelta(days=200)),
        max(year_start, today - datetime.timedelta(days=60)),
    ]
    existing = set(Contract.objects.values_list("council_id", "title"))
    signed_index = 0
    for index, (slug, title, status, themes, partner, description, reason) in enumerate(CONTRACTS):
        council = councils.get(slug)
        if council is None or (council.pk, title) in existing:
            if status == ContractStatus.SIGNED:
                signed_index += 1
            continue
        if status == ContractStatus.SIGNED:
            signed_on = signed_dates[signed_index % len(signed_dates)]
            signed_index += 1
        elif status == ContractStatus.EVALUATED:
            signed_on = datetime.date(today.year - 2, 3, 1)
        else:
            signed_on = today - datetime.timedelta(days=20)
        _create_contract(
            council,
            title,
            status,
            themes,
            partner,
            description,
            reason,
            officer=officer,
            signed_on=signed_on,
            index=index,
        )
    _seed_generated_contracts(scale, officer, existing)


def _seed_generated_contracts(scale, officer, existing):
    if scale <= 1:
        return
    councils = list(NeighbourhoodCouncil.objects.order_by("pk"))
    statuses = [
        ContractStatus.REQUESTED,
        ContractStatus.EXPLORING,
        ContractStatus.PREPARING,
        ContractStatus.SIGNED,
        ContractStatus.EVALUATED,
    ]
    old = datetime.date(timezone.localdate().year - 1, 5, 1)
    for number in range(5 * (scale - 1)):
        council = councils[number % len(councils)]
        title = f"Buurtafspraken {council.name} ({number + 1})"
        if (council.pk, title) in existing:
            continue
        _create_contract(
            council,
            title,
            statuses[number % len(statuses)],
            ("maintenance",),
            "",
            "Gegenereerd wijkcontract voor demo en metingen.",
            "",
            officer=officer,
            signed_on=old,
            index=number,
        )


def sync_contract_requests(*, scale: int = 1) -> None:
    """After the desk's demo step: each demo request is dated as its case (the desk dated the
    cases back to when they were received)."""
    received = dict(
        Case.objects.filter(kind=services.CASE_KIND).values_list("object_id", "received_at")
    )
    contracts = list(Contract.objects.filter(pk__in=list(received)))
    for contract in contracts:
        contract.requested_at = contract.status_changed_at = received[contract.pk]
    Contract.objects.bulk_update(contracts, ["requested_at", "status_changed_at"])
    for contract in contracts:
        ContractTransition.objects.filter(contract=contract, from_status="").update(
            at=received[contract.pk]
        )
