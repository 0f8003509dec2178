"""Demo data for the two workgroups of the programme and the contact
moments (seed order 40). Idempotent: running it twice gives the same rows; --scale N adds
contact moments for the generated wijkraden."""

from __future__ import annotations

import datetime

from django.utils import timezone

from recommendations.models import ActionItem, Recommendation
from wijkportaal.accounts.models import User, UserKind
from wijkportaal.wijkraden.models import (
    BOARD_FUNCTIONS,
    Department,
    Membership,
    NeighbourhoodCouncil,
)

from .models import (
    ContactFeedback,
    ContactMoment,
    ContactMomentKind,
    Deliverable,
    DeliverableStatus,
    FeedbackType,
    Meeting,
    Workgroup,
    WorkgroupMember,
    WorkgroupStatus,
)
from .services import contact_feedback_create

# (name, slug, department slug, description, usual frequency)
CONTACT_KINDS = [
    (
        "Stadsdeeloverleg",
        "stadsdeeloverleg",
        "wijkzaken-en-participatie",
        "De wijkraden van een stadsdeel schuiven aan bij andere bewonersplatforms en de "
        "gemeente om te bespreken wat in het stadsdeel speelt.",
        "vier keer per jaar",
    ),
    (
        "Wijkschouw",
        "wijkschouw",
        "openbare-ruimte",
        "Samen met de gemeente door de wijk lopen en kijken naar de staat van straten, groen "
        "en speelplekken.",
        "twee keer per jaar",
    ),
    (
        "Wijkgesprek",
        "wijkgesprek",
        "wijkzaken-en-participatie",
        "Een gesprek tussen wijkraad, wijkregisseur en partners over de agenda van de wijk.",
        "drie keer per jaar",
    ),
    (
        "Meldingen openbare ruimte",
        "meldingen-openbare-ruimte",
        "openbare-ruimte",
        "Periodiek nalopen welke meldingen over de openbare ruimte uit de wijk kwamen en wat "
        "ermee gebeurde.",
        "elk kwartaal",
    ),
    (
        "Participatie bij groot onderhoud",
        "participatie-groot-onderhoud",
        "beheer-en-onderhoud",
        "Meedenken over grote onderhoudsprojecten in de openbare ruimte, van plan tot uitvoering.",
        "per project",
    ),
    (
        "Participatie bij ontwikkelprojecten",
        "participatie-ontwikkelprojecten",
        "stedelijke-ontwikkeling",
        "Meepraten over nieuwbouw, herontwikkeling en gebiedsvisies die de wijk raken.",
        "per project",
    ),
    (
        "Collegespreekuur in de wijk",
        "collegespreekuur",
        "bestuursondersteuning",
        "Een wethouder of de burgemeester houdt spreekuur in de wijk; de wijkraad helpt "
        "onderwerpen en bewoners aan te dragen.",
        "één keer per jaar per stadsdeel",
    ),
]

# Per wijkraad: (kind slug, days from today, hour, place). Index rotates the kinds a little.
MOMENT_PLAN = [
    ("stadsdeeloverleg", 5, 19, "Stadsdeelkantoor, zaal 2"),
    ("wijkschouw", 2, 10, "Verzamelen bij het buurthuis"),
    ("wijkgesprek", -20, 19, "Buurthuis"),
    ("meldingen-openbare-ruimte", 24, 15, "Online"),
    ("collegespreekuur", 45, 16, "Bibliotheek, leeszaal"),
]

WORKGROUPS = [
    {
        "slug": "rollen",
        "name": "Werkgroep rollen van wijkraden",
        "recommendation": 1,
        "action": "werkgroep-rollen",
        "mandate": (
            "De werkgroep werkt uit wat het betekent als een wijkraad optreedt als "
            "**netwerkorganisatie** of als **zelforganisatie**, en hoe een wijkraad die keuze "
            "vooraf bekendmaakt.\n\n"
            "- Beschrijf per rol wat bewoners, gemeente en raad van de wijkraad mogen "
            "verwachten.\n"
            "- Leg vast binnen welke kaders van het actieprogramma een zelforganisatie "
            "werkt.\n"
            "- Lever een handreiking op die de basis is voor de wervingscampagne."
        ),
        "meetings": [
            ("Startbijeenkomst", -35, "Stadhuis, kamer 3.12"),
            ("Tweede bijeenkomst: kaders", -7, "Buurthuis De Molen"),
            ("Derde bijeenkomst: handreiking", 12, "Stadhuis, kamer 3.12"),
            ("Slotbijeenkomst", 40, "Stadhuis, kamer 3.12"),
        ],
        "deliverables": [
            (
                "Overzicht: hoe wijkraden hun rol nu kiezen",
                -10,
                DeliverableStatus.DONE,
                False,
                "Elf van de twaalf wijkraden treden meestal op als netwerkorganisatie. Bij "
                "grote ruimtelijke plannen kiezen enkele wijkraden voor een eigen standpunt.",
            ),
            (
                "Handreiking rolkeuze voor wijkraden",
                20,
                DeliverableStatus.IN_PROGRESS,
                True,
                "**Concept.** Wanneer kiest een wijkraad welke rol, en hoe maakt hij dat "
                "bekend? Deze handreiking geeft voorbeelden en een stappenplan.",
            ),
        ],
    },
    {
        "slug": "contactmomenten",
        "name": "Werkgroep contactmomenten",
        "recommendation": 6,
        "action": "werkgroep-contactmomenten",
        "mandate": (
            "De werkgroep brengt de contactmomenten tussen wijkraden en gemeente in kaart, "
            "verzamelt wat goed gaat en wat knelt, en doet voorstellen voor een vast format "
            "van overleg. De uitkomst komt ook in het scholingsprogramma terecht."
        ),
        "meetings": [
            ("Kennismaking en inventarisatie", -28, "Stadsdeelkantoor Oost"),
            ("Knelpunten per afdeling", 1, "Stadsdeelkantoor Oost"),
            ("Voorstel overlegformat", 30, "Stadhuis, kamer 2.04"),
        ],
        "deliverables": [
            (
                "Overzicht van de zeven contactmomenten",
                -14,
                DeliverableStatus.DONE,
                False,
                "Per soort contactmoment: wie het organiseert, hoe vaak het plaatsvindt en "
                "wat wijkraden ervan vinden.",
            ),
            (
                "Voorstel voor een vast overlegformat",
                6,
                DeliverableStatus.IN_PROGRESS,
                True,
                "",
            ),
        ],
    },
]


# The ways of working the contact-moments workgroup agreed so far (recommendation 6): two of the
# seven kinds, the rest still open. (slug: (days ago, the agreement))
AGREED_FORMATS = {
    "stadsdeeloverleg": (
        60,
        "Agenda twee weken vooraf, met punten van de wijkraden; binnen tien werkdagen een "
        "verslag met wie wat oppakt; de afdeling koppelt bij het volgende overleg terug.",
    ),
    "wijkschouw": (
        25,
        "De wijkraad kiest de route mee; meldingen worden ter plekke vastgelegd en de wijkraad "
        "hoort binnen vier weken wat ermee gebeurt.",
    ),
}


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def seed_contact_moments(today: datetime.date) -> int:
    departments = {d.slug: d for d in Department.objects.all()}
    kinds = {}
    for order, (name, slug, department, description, frequency) in enumerate(CONTACT_KINDS):
        if department not in departments:
            continue
        kinds[slug], _created = ContactMomentKind.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "department": departments[department],
                "description": description,
                "frequency": frequency,
                "order": order,
            },
        )
    if not kinds:
        return 0
    for slug, (days_ago, agreed_format) in AGREED_FORMATS.items():
        kind = kinds.get(slug)
        if kind is not None and kind.format_agreed_on is None:
            kind.agreed_format = agreed_format
            kind.format_agreed_on = today - datetime.timedelta(days=days_ago)
            kind.save(update_fields=["agreed_format", "format_agreed_on"])
    planned = set(ContactMoment.objects.values_list("council_id", flat=True).distinct())
    new = []
    for index, council in enumerate(NeighbourhoodCouncil.objects.order_by("pk")):
        if council.pk in planned:
            continue
        for kind_slug, offset, hour, place in MOMENT_PLAN:
            kind = kinds.get(kind_slug)
            if kind is None:
                continue
            start = _at(today + datetime.timedelta(days=offset + index % 3), hour)
            new.append(
                ContactMoment(
                    kind=kind,
                    council=council,
                    starts_at=start,
                    ends_at=start + datetime.timedelta(hours=2),
                    place=place,
                )
            )
    ContactMoment.objects.bulk_create(new, batch_size=500)
    return len(new)


def seed_workgroup(spec: dict, today: datetime.date) -> None:
    action = ActionItem.objects.filter(key=spec["action"]).first()
    recommendation = Recommendation.objects.filter(number=spec["recommendation"]).first()
    chair = User.objects.filter(email="wijkraad@wijkportaal.test").first()
    workgroup, created = Workgroup.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "mandate": spec["mandate"],
            "status": WorkgroupStatus.ACTIVE,
        },
    )
    if not created:
        return
    if recommendation:
        workgroup.recommendations.add(recommendation)
    if action:
        workgroup.actions.add(action)
    # Members: board members of four wijkraden and officers of the departments involved.
    offset = 0 if spec["slug"] == "rollen" else 4
    seats = list(
        Membership.objects.filter(function__in=BOARD_FUNCTIONS)
        .exclude(council__slug__startswith="extra-")
        .select_related("council")
        .order_by("council__name", "function")[offset * 3 : offset * 3 + 12 : 3]
    )
    members = []
    if chair is not None:
        chair_seat = chair.memberships.select_related("council").first()
        members.append(
            WorkgroupMember(
                workgroup=workgroup,
                person=chair,
                council=chair_seat.council if chair_seat else None,
            )
        )
    else:
        chair = seats[0].person if seats else None
    for seat in seats:
        if chair is not None and seat.person_id == chair.pk and len(members):
            continue
        members.append(
            WorkgroupMember(workgroup=workgroup, person=seat.person, council=seat.council)
        )
    for officer in User.objects.filter(kind=UserKind.OFFICER).select_related("department")[:2]:
        members.append(
            WorkgroupMember(workgroup=workgroup, person=officer, department=officer.department)
        )
    seen = set()
    unique = []
    for member in members:
        if member.person_id not in seen:
            seen.add(member.person_id)
            unique.append(member)
    WorkgroupMember.objects.bulk_create(unique)
    workgroup.chair = chair
    workgroup.save(update_fields=["chair"])
    stored = list(workgroup.members.all())
    for title, offset_days, place in spec["meetings"]:
        start = _at(today + datetime.timedelta(days=offset_days), 19)
        past = offset_days < 0
        meeting = Meeting.objects.create(
            workgroup=workgroup,
            title=title,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            place=place,
            agenda=(
                "1. Opening en mededelingen\n2. Verslag vorige keer\n"
                f"3. {title}\n4. Rondvraag en afspraken"
            )
            if offset_days < 20
            else "",
            agenda_published_at=start - datetime.timedelta(days=7) if offset_days < 20 else None,
            minutes=(
                f"De werkgroep besprak: {title.lower()}. Afgesproken is dat de leden vóór de "
                "volgende bijeenkomst hun achterban raadplegen."
            )
            if past
            else "",
            minutes_published_at=start + datetime.timedelta(days=3) if past else None,
        )
        if past:
            meeting.attendees.set(stored[: max(1, len(stored) - 1)])
    for title, due, status, linked, text in spec["deliverables"]:
        done = status == DeliverableStatus.DONE
        Deliverable.objects.create(
            workgroup=workgroup,
            title=title,
            due_date=today + datetime.timedelta(days=due),
            status=status,
            text=text,
            action=action if linked else None,
            published_at=_at(today + datetime.timedelta(days=due), 12) if done else None,
            completed_at=_at(today + datetime.timedelta(days=due), 12) if done else None,
        )


# (kind slug, type, text) of what wijkraden say about their contact moments.
FEEDBACK = [
    (
        "wijkschouw",
        FeedbackType.BOTTLENECK,
        "De uitnodiging voor de wijkschouw kwam twee dagen van tevoren; zo kunnen we geen "
        "bewoners meenemen.",
    ),
    (
        "stadsdeeloverleg",
        FeedbackType.FEEDBACK,
        "Goed overleg: de agenda was op tijd binnen en de wethouder nam de tijd voor onze vragen.",
    ),
    (
        "wijkgesprek",
        FeedbackType.BOTTLENECK,
        "Na het wijkgesprek hoorden we niets meer over de afspraken die we maakten.",
    ),
    (
        "meldingen-openbare-ruimte",
        FeedbackType.FEEDBACK,
        "Het online spreekuur werkt prettig; graag ook een keer per jaar op locatie.",
    ),
    (
        "collegespreekuur",
        FeedbackType.BOTTLENECK,
        "Het spreekuur valt steeds op een werkdag overdag; veel vrijwilligers kunnen dan niet.",
    ),
]


def seed_feedback(*, scale: int = 1) -> int:
    """Feedback and bottlenecks of wijkraad members, through the service, so each is a case at
    the desk (the desk's demo step moves the cases along). Idempotent: a wijkraad that gave
    feedback already is left alone; --scale N reaches N times as many wijkraden."""
    kinds = {kind.slug: kind for kind in ContactMomentKind.objects.all()}
    if not kinds:
        return 0
    given = set(ContactFeedback.objects.values_list("council_id", flat=True).distinct())
    councils = NeighbourhoodCouncil.objects.order_by("pk")[: len(FEEDBACK) * scale]
    made = 0
    for index, council in enumerate(councils):
        if council.pk in given:
            continue
        kind_slug, type_, text = FEEDBACK[index % len(FEEDBACK)]
        seat = (
            Membership.objects.current()
            .filter(council=council, person__is_active=True)
            .exclude(function__in=BOARD_FUNCTIONS)
            .order_by("pk")
            .first()
        )
        if seat is None or kind_slug not in kinds:
            continue
        contact_feedback_create(
            actor=seat.person, council=council, kind=kinds[kind_slug], type=type_, text=text
        )
        made += 1
    return made


def seed_workgroups(*, scale: int = 1, progress=None) -> None:
    today = timezone.localdate()
    seed_contact_moments(today)
    seed_feedback(scale=scale)
    for spec in WORKGROUPS:
        seed_workgroup(spec, today)
    if progress:
        progress(len(WORKGROUPS))
