"""Demo data of the right to challenge (a DemoStep of seed_demo): from before the desk, a
wijkraad's proposal under assessment and a resident group's proposal that was granted; and
proposals submitted through the services (a board's, a verified resident group's), each a case
at the desk that the desk's demo step moves along; an evaluated proposal with its public
summary; and the terrains (maatschappelijke ondersteuning open, two opening later).
Idempotent: a proposal's key is its task. `scale` N adds 2 × (N - 1) generated proposals,
submitted and verified by resident groups."""

from __future__ import annotations

import datetime

from django.core import signing
from django.utils import timezone

from wijkportaal.accounts.models import User
from wijkportaal.desk.models import Case
from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from . import services
from .models import (
    ChallengeProposal,
    ChallengeTerrain,
    EvaluationOutcome,
    ProposalStatus,
    ProposalTransition,
)

FIRST_TERRAIN = "maatschappelijke-ondersteuning"
# (slug, name, description, opens in days from today (None: the programme's start), order);
# the migration creates the same terrains in a new database.
TERRAINS = [
    (
        FIRST_TERRAIN,
        "Maatschappelijke ondersteuning",
        "Taken in de zorg en ondersteuning van bewoners, zoals ontmoeting, burenhulp en "
        "dagbesteding in de wijk.",
        None,
        10,
    ),
    (
        "openbare-ruimte",
        "Beheer openbare ruimte",
        "Onderhoud van groen, speelplekken en pleinen in de wijk.",
        120,
        20,
    ),
    (
        "sport-en-cultuur",
        "Sport en cultuur",
        "Beheer van buurtsportplekken en culturele activiteiten in de wijk.",
        300,
        30,
    ),
]

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
    {
        "group": "Bewonersgroep Vijverhof",
        "contact": "Karin Smit",
        "task": "Burenhulp voor ouderen in de Vijverhof",
        "field": "sociaal",
        "current_provider": "Stichting Welzijn Centrum",
        "plan": "Een netwerk van buren doet boodschappen en klusjes voor ouderen in de wijk.",
        "support_evidence": "Veertig buren hebben zich als vrijwilliger aangemeld.",
        "cost_comparison": "Nu € 7.500 per jaar; wij vragen € 5.000 voor coördinatie.",
        "quality": "Een vaste coördinator en een klachtenregeling, getoetst door de gemeente.",
        "status": ProposalStatus.EVALUATED,
        "scores": (True, True, True),
        "motivation": "Het plan is goedkoper en het draagvlak is groot; de kwaliteit borgt "
        "de groep met een vaste coördinator.",
        "evaluation_outcome": EvaluationOutcome.SUCCESS,
        "evaluation_summary": "Na een jaar helpen 38 buren ruim 90 ouderen. De kosten bleven "
        "binnen de begroting en bewoners geven de hulp gemiddeld een 8,4. De groep zet de "
        "burenhulp voort; de gemeente blijft het budget geven.",
    },
]
# Submitted through the services (a board at once, a resident group after verifying its
# address), so each is a case at the desk that the desk's demo step moves along.
FRESH = [
    {
        "council": "bloemenbuurt",
        "task": "Onderhoud van de plantsoenen rond het Tulpenplein",
        "field": "groen",
        "current_provider": "Afdeling Openbare Ruimte",
        "plan": "Een groep van twaalf bewoners onderhoudt de plantsoenen; de gemeente levert "
        "plantgoed en voert het groenafval af.",
        "support_evidence": "Een peiling onder 90 huishoudens rond het plein: 70 procent is voor.",
        "cost_comparison": "Nu € 6.200 per jaar; volgens ons plan € 4.800.",
        "quality": "We volgen het beeldkwaliteitsplan en schouwen elk kwartaal met de gemeente.",
    },
    {
        "group": "Bewonersgroep Hofjes",
        "contact": "Noor de Graaf",
        "email": "hofjes@bewoners.wijkportaal.test",
        "task": "Beheer van de buurtbibliotheek in het wijkcentrum",
        "field": "sport_cultuur",
        "current_provider": "Bibliotheek Stad",
        "plan": "Vrijwilligers houden de uitleenhoek drie middagen per week open.",
        "support_evidence": "Een handtekeningenlijst met 160 namen.",
        "cost_comparison": "Nu € 9.000 per jaar; wij vragen € 5.500 voor boeken en inrichting.",
        "quality": "De bibliotheek leidt de vrijwilligers op en levert de collectie.",
    },
]
CONTENT_FIELDS = (
    "task",
    "field",
    "current_provider",
    "plan",
    "support_evidence",
    "cost_comparison",
    "quality",
)
PROPOSAL_PATH = [
    ProposalStatus.ADMISSIBLE,
    ProposalStatus.ASSESSING,
    ProposalStatus.GRANTED,
    ProposalStatus.RUNNING,
    ProposalStatus.EVALUATED,
]


def seed_terrains() -> ChallengeTerrain:
    """The terrains (idempotent: a terrain's key is its slug); returns the first one."""
    today = timezone.localdate()
    for slug, name, description, opens_in_days, order in TERRAINS:
        opens_on = (
            datetime.date(2019, 1, 1)
            if opens_in_days is None
            else today + datetime.timedelta(days=opens_in_days)
        )
        ChallengeTerrain.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "opens_on": opens_on,
                "order": order,
            },
        )
    return ChallengeTerrain.objects.get(slug=FIRST_TERRAIN)


def _board_person(council):
    membership = Membership.objects.current().board().filter(council=council).order_by("pk").first()
    return membership.person if membership else None


def _submit(item: dict, councils: dict, terrain: ChallengeTerrain) -> None:
    """Submit as the proposer would: a board member, or a resident group that then opens the
    link in its verification mail."""
    data = {field: item[field] for field in CONTENT_FIELDS}
    data["terrain"] = terrain
    if item.get("council"):
        council = councils.get(item["council"])
        board = _board_person(council) if council else None
        if board is not None:
            services.proposal_submit_by_council(actor=board, council=council, data=data)
        return
    proposal = services.proposal_submit_by_group(
        group_name=item["group"],
        contact_name=item["contact"],
        contact_email=item["email"],
        data=data,
    )
    token = signing.dumps({"p": proposal.pk, "e": item["email"]}, salt=services.VERIFY_SALT)
    services.proposal_verify(token=token)


def sync_proposals(*, scale: int = 1) -> None:
    """After the desk's demo step: each demo proposal is dated as its case (the desk dated the
    cases back to when they were received)."""
    received = dict(
        Case.objects.filter(kind=services.CASE_KIND).values_list("object_id", "received_at")
    )
    proposals = list(
        ChallengeProposal.objects.filter(pk__in=list(received), status=ProposalStatus.SUBMITTED)
    )
    for proposal in proposals:
        moment = received[proposal.pk]
        proposal.verified_at = proposal.status_changed_at = moment
        proposal.submitted_at = min(proposal.submitted_at, moment)
    ChallengeProposal.objects.bulk_update(
        proposals, ["verified_at", "status_changed_at", "submitted_at"]
    )


def seed_uitdaagrecht(*, scale: int = 1) -> None:
    """The fixed demo proposals with their steps, and generated ones when `scale` > 1."""
    terrain = seed_terrains()
    councils = {c.slug: c for c in NeighbourhoodCouncil.objects.all()}
    officer = User.objects.active_officers().order_by("email").first()
    existing = set(ChallengeProposal.objects.values_list("task", flat=True))
    now = timezone.now()
    fresh = list(FRESH)
    for number in range(2 * (scale - 1)):
        fresh.append(
            {
                "group": f"Bewonersgroep {number + 1}",
                "contact": "Demo Bewoner",
                "email": f"groep{number + 1}@bewoners.wijkportaal.test",
                "task": f"Gegenereerd voorstel {number + 1}",
                "field": "overig",
                "current_provider": "De gemeente",
                "plan": "Plan.",
                "support_evidence": "Draagvlak.",
                "cost_comparison": "Kosten.",
                "quality": "Kwaliteit.",
            }
        )
    for item in fresh:
        if item["task"] not in existing:
            _submit(item, councils, terrain)
    for number, item in enumerate(PROPOSALS):
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
            terrain=terrain,
            field=item["field"],
            current_provider=item["current_provider"],
            plan=item["plan"],
            support_evidence=item["support_evidence"],
            cost_comparison=item["cost_comparison"],
            quality=item["quality"],
            status=item["status"],
            status_changed_at=submitted,
            motivation=item.get("motivation", ""),
            evaluation_outcome=item.get("evaluation_outcome", ""),
            evaluation_summary=item.get("evaluation_summary", ""),
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
