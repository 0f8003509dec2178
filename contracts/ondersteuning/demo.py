"""Demo data of support (a DemoStep of seed_demo): the catalogue and requests asked through the
service, so each is a case at the desk that the desk's demo step moves into some state.
Idempotent: an offer's key is its title, a request's its subject per wijkraad. `scale` N adds
3 × (N - 1) generated requests."""

from __future__ import annotations

from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from . import services
from .models import SupportKind, SupportNote, SupportOffer, SupportRequest, SupportRequestStatus

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


# The support workgroup's notes per terrain: (terrain, text). Key: the terrain.
NOTES = [
    (
        "Openbare ruimte",
        "Wijkraden willen bij grote onderhoudsprojecten eerder aan tafel. Zij vragen hulp bij "
        "het lezen van ontwerptekeningen en planningen; de afdeling Beheer en Onderhoud geeft "
        "daarvoor een korte uitleg op maat per project.",
    ),
    (
        "Zorg en welzijn",
        "Kleinere wijkraden hebben moeite om kwetsbare bewoners te bereiken. De opbouwwerkers "
        "van de welzijnsorganisaties helpen hier op maat, bijvoorbeeld met een huisbezoekronde.",
    ),
    (
        "Participatie in ontwikkelprojecten",
        "Wijkraden vragen een vast aanspreekpunt per project en hulp bij het organiseren van "
        "een bewonersavond. Dit wordt onderdeel van het scholingsprogramma.",
    ),
]

# (wijkraad slug, kind of support, subject, question)
REQUESTS = [
    (
        "kastanjehof",
        SupportKind.COMMUNITY_WORK,
        "Hulp bij een bewonersavond over de Lanen",
        "Wij willen bewoners van de Lanen betrekken bij onze plannen. Kan een opbouwwerker "
        "helpen de avond voor te bereiden?",
    ),
    (
        "singelkwartier",
        SupportKind.TRAINING,
        "Training vergaderen en notuleren",
        "Ons nieuwe bestuur wil graag een korte training.",
    ),
    (
        "bloemenbuurt",
        SupportKind.TOOLKIT,
        "Hulp bij een nieuwsbrief per e-mail",
        "Wij willen een digitale nieuwsbrief beginnen. Wie kan ons helpen met een opzet en de "
        "privacyregels?",
    ),
    (
        "bloemenbuurt",
        SupportKind.COMMUNITY_WORK,
        "Jongeren betrekken bij de wijkraad",
        "Er zitten geen jongeren in onze wijkraad. Kan een opbouwwerker ons helpen hen te "
        "bereiken?",
    ),
    (
        "havenkwartier",
        SupportKind.CONTACT_MOMENTS,
        "Vast overleg met de gebiedsmanager",
        "Wij willen vier keer per jaar overleg met de gebiedsmanager. Hoe regelen we dat?",
    ),
]


# Requests for the Leefbaarheid & initiatiefbudget: (wijkraad slug, subject, purpose, amount, plan)
BUDGET_REQUESTS = [
    (
        "polderrand",
        "Subsidie voor een buurtfeest op de dijk",
        "Buurtfeest op de dijk in juni",
        "750.00",
        "Wij willen in juni een buurtfeest organiseren: een springkussen, muziek en een "
        "gezamenlijke maaltijd. Begroting: € 300 huur, € 350 eten, € 100 materiaal.",
    ),
    (
        "bloemenbuurt",
        "Plantenbakken voor het Tulpenplein",
        "Zes plantenbakken met vaste planten op het Tulpenplein",
        "1240.50",
        "Bewoners vullen en onderhouden de bakken; de bijdrage is voor de bakken, aarde en "
        "planten.",
    ),
]


def _board_person(council):
    membership = Membership.objects.current().board().filter(council=council).order_by("pk").first()
    return membership.person if membership else None


def seed_ondersteuning(*, scale: int = 1) -> None:
    """The catalogue, the demo requests, and generated ones when `scale` > 1."""
    councils = {c.slug: c for c in NeighbourhoodCouncil.objects.all()}
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
    have_notes = set(SupportNote.objects.values_list("terrain", flat=True))
    for order, (terrain, text) in enumerate(NOTES):
        if terrain not in have_notes:
            SupportNote.objects.create(
                terrain=terrain, text=text, workgroup="Werkgroep contactmomenten", order=order
            )
    offers = {o.kind: o for o in SupportOffer.objects.order_by("order")}
    requests = list(REQUESTS)
    council_list = sorted(councils.values(), key=lambda council: council.pk)
    for number in range(3 * (scale - 1)):
        if council_list:
            council = council_list[number % len(council_list)]
            requests.append(
                (
                    council.slug,
                    SupportKind.OTHER,
                    f"Gegenereerde vraag {number + 1}",
                    "Een vraag voor demo en metingen.",
                )
            )
    have_requests = set(SupportRequest.objects.values_list("council_id", "subject"))
    for slug, kind, subject, question in requests:
        council = councils.get(slug)
        if council is None or (council.pk, subject) in have_requests:
            continue
        board = _board_person(council)
        if board is None:
            continue
        # Asked as a board would: the request opens its case at the desk; the desk's demo step
        # moves the cases along, and sync_support_requests dates the requests after them.
        services.support_request_create(
            actor=board, council=council, offer=offers.get(kind), subject=subject, question=question
        )
    for slug, subject, purpose, amount, plan in BUDGET_REQUESTS:
        council = councils.get(slug)
        board = _board_person(council) if council else None
        if board is None or (council.pk, subject) in have_requests:
            continue
        services.support_budget_request_create(
            actor=board,
            council=council,
            subject=subject,
            purpose=purpose,
            amount=amount,
            question=plan,
        )


KINDS = (services.CASE_KIND, services.BUDGET_CASE_KIND)


def sync_support_requests(*, scale: int = 1) -> None:
    """After the desk's demo step: each demo request carries the dates and state of its case
    (the desk dated the cases back to when each step happened)."""
    requests = {
        request.pk: request
        for request in SupportRequest.objects.filter(
            pk__in=Case.objects.filter(kind__in=KINDS).values("object_id")
        )
    }
    changed = []
    for case in Case.objects.filter(kind__in=KINDS, object_id__in=list(requests)):
        request = requests[case.object_id]
        request.created_at = case.received_at
        if case.status == CaseStatus.IN_PROGRESS:
            request.status = SupportRequestStatus.IN_PROGRESS
            request.handler_id = case.assignee_id
        elif case.status in (CaseStatus.ANSWERED, CaseStatus.CLOSED) and case.answered_at:
            request.answered_at = case.answered_at
        changed.append(request)
    SupportRequest.objects.bulk_update(changed, ["created_at", "status", "handler", "answered_at"])
