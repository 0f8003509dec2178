"""Demo data for wijkcontracten, the right to challenge, the budget pilot and support (order 70).

Idempotent: every object has a stable key (a title per wijkraad, a task, a year), so running
the seed twice gives the same rows. `--scale N` adds generated contracts, proposals and
support requests."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.wijkraden.models import Department, Membership, NeighbourhoodCouncil

from .models import (
    BudgetDecision,
    BudgetLine,
    BudgetLineKind,
    BudgetPilot,
    ChallengeProposal,
    Commitment,
    Contract,
    ContractParty,
    ContractStatus,
    ContractTransition,
    PartyKind,
    ProposalStatus,
    ProposalTransition,
    Renewal,
    SupportKind,
    SupportOffer,
    SupportRequest,
    SupportRequestStatus,
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


def _officer():
    return User.objects.filter(kind=UserKind.OFFICER, is_active=True).order_by("email").first()


def _board_person(council):
    membership = Membership.objects.current().board().filter(council=council).order_by("pk").first()
    return membership.person if membership else None


def _department(slug):
    return Department.objects.filter(slug=slug).first()


def _create_contract(
    council, title, status, themes, partner, description, reason, *, officer, signed_on, index
):
    """One contract with its parties, its path through the states and its commitments."""
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
        requested_by=_board_person(council),
        requested_at=_aware(requested_on),
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


def seed_contracts(*, scale: int = 1, progress=None) -> None:
    today = timezone.localdate()
    year_start = datetime.date(today.year, 1, 1)
    officer = _officer()
    councils = {c.slug: c for c in NeighbourhoodCouncil.objects.all()}
    signed_dates = [
        # Two contracts reach getekend this calendar year (the target of recommendation 9).
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
    _seed_pilot(councils.get("bloemenbuurt"))
    _seed_proposals(councils, officer, scale)
    _seed_support(councils, officer, scale)
    if progress:
        progress(1)


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


def _seed_pilot(council):
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
    board = _board_person(council)
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
        BudgetLine.objects.filter(pk=lines[kind].pk).update(spent=F("spent") + Decimal(amount))


PROPOSALS = [
    {
        "council": "molenwijk",
        "task": "Beheer van de moestuin en het groen op het Korenveld",
        "field": "groen",
        "current_provider": "Afdeling Openbare Ruimte",
        "plan": "Een vaste groep van vijftien bewoners onderhoudt het groen en de moestuin; de "
        "gemeente levert gereedschap en voert het afval af.",
        "support_evidence": "Een enquête onder 140 huishoudens: 78 procent is voor.",
        "cost_comparison": "Nu € 11.400 per jaar; volgens ons plan € 8.900 inclusief materiaal.",
        "quality": "We volgen het beeldkwaliteitsplan en schouwen twee keer per jaar samen.",
        "status": ProposalStatus.ASSESSING,
        "scores": (True, True, None),
    },
    {
        "group": "Bewonersgroep Spoorzijde",
        "contact": "Esra Yilmaz",
        "task": "Open inloop in het buurthuis op dinsdag en donderdag",
        "field": "sociaal",
        "current_provider": "Welzijnsorganisatie Welzijn Oost",
        "plan": "Vrijwilligers uit de buurt draaien de inloop, met een vaste coördinator.",
        "support_evidence": "Ruim 200 handtekeningen en steun van de wijkraad Stationsbuurt.",
        "cost_comparison": "Nu € 18.000 per jaar; wij vragen € 14.500.",
        "quality": "Alle vrijwilligers volgen de training gastvrijheid en hebben een VOG.",
        "status": ProposalStatus.GRANTED,
        "scores": (True, True, True),
        "motivation": "Het plan is goedkoper, de kwaliteit is geborgd met training en een "
        "vaste coördinator, en het draagvlak is ruim aangetoond. Na een jaar evalueren we.",
    },
]
PROPOSAL_PATH = [ProposalStatus.ADMISSIBLE, ProposalStatus.ASSESSING, ProposalStatus.GRANTED]


def _seed_proposals(councils, officer, scale):
    existing = set(ChallengeProposal.objects.values_list("task", flat=True))
    now = timezone.now()
    items = list(PROPOSALS)
    for number in range(2 * (scale - 1)):
        items.append(
            {
                "group": f"Bewonersgroep {number + 1}",
                "contact": "Demo Bewoner",
                "task": f"Gegenereerd voorstel {number + 1}",
                "field": "overig",
                "current_provider": "De gemeente",
                "plan": "Plan.",
                "support_evidence": "Draagvlak.",
                "cost_comparison": "Kosten.",
                "quality": "Kwaliteit.",
                "status": ProposalStatus.SUBMITTED,
                "scores": (None, None, None),
            }
        )
    for number, item in enumerate(items):
        if item["task"] in existing:
            continue
        council = councils.get(item.get("council", ""))
        if item.get("council") and council is None:
            continue
        board = _board_person(council) if council else None
        submitted = now - datetime.timedelta(days=60 - number)
        expensive, quality, support = item["scores"]
        proposal = ChallengeProposal.objects.create(
            council=council,
            group_name=item.get("group", ""),
            contact_name=item.get("contact") or (board.display_name if board else "Bestuur"),
            contact_email=board.email if board else f"groep{number}@voorbeeld.test",
            submitted_by=board,
            submitted_at=submitted,
            verified_at=submitted + datetime.timedelta(minutes=20),
            task=item["task"],
            field=item["field"],
            current_provider=item["current_provider"],
            plan=item["plan"],
            support_evidence=item["support_evidence"],
            cost_comparison=item["cost_comparison"],
            quality=item["quality"],
            status=item["status"],
            status_changed_at=submitted,
            motivation=item.get("motivation", ""),
            not_more_expensive=expensive,
            at_least_same_quality=quality,
            demonstrable_support=support,
            scored_by=officer if expensive is not None else None,
            scored_at=submitted + datetime.timedelta(days=20) if expensive is not None else None,
        )
        previous = ProposalStatus.SUBMITTED
        status = item["status"]
        path = (
            []
            if status == ProposalStatus.SUBMITTED
            else PROPOSAL_PATH[: PROPOSAL_PATH.index(status) + 1]
        )
        for days, step in enumerate(path, start=1):
            ProposalTransition.objects.create(
                proposal=proposal,
                from_status=previous,
                to_status=step,
                at=submitted + datetime.timedelta(days=7 * days),
                by=officer,
                reason=proposal.motivation if step == ProposalStatus.GRANTED else "",
            )
            previous = step


OFFERS = [
    (
        SupportKind.COMMUNITY_WORK,
        "Opbouwwerk in Noord en West",
        "Welzijn Noord-West",
        "Opbouwwerkers helpen wijkraden bewoners te bereiken, een bijeenkomst voor te bereiden of "
        "een bewonersinitiatief op weg te helpen.",
        "opbouwwerk@welzijn-noordwest.test",
        "",
    ),
    (
        SupportKind.COMMUNITY_WORK,
        "Opbouwwerk in Oost en Zuid",
        "Stichting Welzijn Oost-Zuid",
        "Ondersteuning door een vaste opbouwwerker per stadsdeel, ook bij contact met "
        "woningcorporaties.",
        "buurt@welzijn-oostzuid.test",
        "",
    ),
    (
        SupportKind.BUDGET,
        "Leefbaarheid & initiatiefbudget",
        "Afdeling Maatschappelijke Ontwikkeling",
        "Geld voor activiteiten en kleine projecten die de wijk leefbaarder maken. Een wijkraad of "
        "bewonersgroep vraagt het aan met een kort plan en een begroting.",
        "",
        "",
    ),
    (
        SupportKind.TRAINING,
        "Inwerk- en scholingsprogramma",
        "Afdeling Opleiding en Ontwikkeling",
        "Modules over de gemeentelijke organisatie, procedures en inhoud, samengesteld uit de "
        "wensen van de wijkraden.",
        "",
        "/scholing/",
    ),
    (
        SupportKind.TOOLKIT,
        "Toolkit communicatiemiddelen",
        "Afdeling Communicatie",
        "Welke wijkraad gebruikt welk middel, met welk resultaat, en wat u daarvan kunt overnemen.",
        "",
        "/toolkit/",
    ),
    (
        SupportKind.CONTACT_MOMENTS,
        "Uitkomst werkgroep contactmomenten",
        "Afdeling Wijkzaken en Participatie",
        "Een overzicht van de vaste contactmomenten tussen wijkraad en gemeente en waar "
        "ondersteuning op maat nodig is.",
        "",
        "/contactmomenten/",
    ),
]


def _seed_support(councils, officer, scale):
    have = set(SupportOffer.objects.values_list("title", flat=True))
    for order, (kind, title, provider, description, contact, url) in enumerate(OFFERS):
        if title in have:
            continue
        SupportOffer.objects.create(
            kind=kind,
            title=title,
            provider=provider,
            description=description,
            contact=contact,
            url=url,
            order=order,
        )
    offers = {o.kind: o for o in SupportOffer.objects.order_by("order")}
    now = timezone.now()
    requests = [
        (
            "kastanjehof",
            SupportKind.COMMUNITY_WORK,
            "Hulp bij een bewonersavond over de Lanen",
            "Wij willen bewoners van de Lanen betrekken bij onze plannen. Kan een opbouwwerker "
            "helpen de avond voor te bereiden?",
            25,
            SupportRequestStatus.SUBMITTED,
            "",
        ),
        (
            "polderrand",
            SupportKind.BUDGET,
            "Subsidie voor een buurtfeest op de dijk",
            "Wij willen in juni een buurtfeest organiseren en zoeken een bijdrage in de kosten.",
            40,
            SupportRequestStatus.ANSWERED,
            "U kunt tot € 1.500 aanvragen uit het Leefbaarheid & initiatiefbudget. "
            "Stuur uw plan en begroting; wij helpen u graag met het formulier.",
        ),
        (
            "singelkwartier",
            SupportKind.TRAINING,
            "Training vergaderen en notuleren",
            "Ons nieuwe bestuur wil graag een korte training.",
            3,
            SupportRequestStatus.IN_PROGRESS,
            "",
        ),
    ]
    for number in range(3 * (scale - 1)):
        council = list(councils.values())[number % len(councils)] if councils else None
        if council is not None:
            requests.append(
                (
                    council.slug,
                    SupportKind.OTHER,
                    f"Gegenereerde vraag {number + 1}",
                    "Een vraag voor demo en metingen.",
                    5,
                    SupportRequestStatus.SUBMITTED,
                    "",
                )
            )
    have_requests = set(SupportRequest.objects.values_list("council_id", "subject"))
    for slug, kind, subject, question, days_ago, status, answer in requests:
        council = councils.get(slug)
        if council is None or (council.pk, subject) in have_requests:
            continue
        answered = status in (SupportRequestStatus.ANSWERED, SupportRequestStatus.DECLINED)
        SupportRequest.objects.create(
            council=council,
            offer=offers.get(kind),
            subject=subject,
            question=question,
            requested_by=_board_person(council),
            created_at=now - datetime.timedelta(days=days_ago),
            status=status,
            answer=answer,
            handler=officer if status != SupportRequestStatus.SUBMITTED else None,
            answered_at=now - datetime.timedelta(days=days_ago - 5) if answered else None,
        )
