"""Demo data of support (a DemoStep of seed_demo): the catalogue and three requests in
different states. Idempotent: an offer's key is its title, a request's its subject per
wijkraad. `scale` N adds 3 × (N - 1) generated requests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from wijkportaal.accounts.models import User
from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from .models import SupportKind, SupportOffer, SupportRequest, SupportRequestStatus

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


def _board_person(council):
    membership = Membership.objects.current().board().filter(council=council).order_by("pk").first()
    return membership.person if membership else None


def seed_ondersteuning(*, scale: int = 1) -> None:
    """The catalogue, the demo requests, and generated ones when `scale` > 1."""
    councils = {c.slug: c for c in NeighbourhoodCouncil.objects.all()}
    officer = User.objects.active_officers().order_by("email").first()
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
