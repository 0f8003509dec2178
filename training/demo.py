"""Demo data for the training programme and the conference (seed step 50).

Idempotent: rounds, topics, modules and conferences are found by their stable keys; sessions are
topped up to a number per module; enrolments and answers are only added where none exist.
`--scale N` gives every module N times as many upcoming sessions and lets the generated
wijkraden answer too."""

from __future__ import annotations

import datetime

from django.utils import timezone

from recommendations.models import Recommendation
from wijkportaal.accounts.models import User, UserKind
from wijkportaal.wijkraden.models import (
    BOARD_FUNCTIONS,
    InventoryRound,
    Membership,
    NeighbourhoodCouncil,
)

from .models import (
    ROUND_KIND,
    Audience,
    Conference,
    ConferenceRegistration,
    ConferenceStatus,
    ConferenceTransition,
    Enrolment,
    Module,
    ProgrammeItem,
    SeatStatus,
    Session,
    Topic,
    TopicRank,
    WishAnswer,
)

TOPICS = [
    ("Hoe de gemeenteraad besluit", "Agenda, commissies, moties en het spreekrecht."),
    ("Hoe de ambtelijke organisatie werkt", "Wie doet wat, en bij wie u terechtkunt."),
    ("Procedures en termijnen", "Van melding tot bezwaar: welke stappen, hoe lang."),
    ("Samenwerken met afdelingen", "De contactmomenten en wie ze organiseert."),
    ("Participatie organiseren", "Bewoners betrekken bij plannen voor de wijk."),
    ("Communicatie met bewoners", "Wijkkrant, website en sociale media."),
]

# (slug, title, audience, onboarding position, topic indexes, recommendation numbers, goals)
MODULES = [
    (
        "welkom-in-de-wijkraad",
        "Welkom in de wijkraad",
        Audience.NEW_MEMBERS,
        1,
        [1],
        [3],
        "U weet wat een wijkraad doet, welke twee rollen hij kan spelen en hoe u die rol "
        "vooraf bekendmaakt.",
    ),
    (
        "zo-besluit-de-gemeente",
        "Zo besluit de gemeente",
        Audience.ALL_MEMBERS,
        2,
        [0, 2],
        [3, 10],
        "U kent de weg van voorstel naar raadsbesluit en weet wanneer de wijkraad invloed "
        "kan uitoefenen.",
    ),
    (
        "de-weg-in-het-stadhuis",
        "De weg in het stadhuis",
        Audience.NEW_MEMBERS,
        3,
        [1, 3],
        [3, 6],
        "U weet welke afdeling over welk onderwerp gaat en welke contactmomenten er zijn, van "
        "wijkschouw tot collegespreekuur.",
    ),
    (
        "bewoners-betrekken",
        "Bewoners betrekken",
        Audience.ALL_MEMBERS,
        None,
        [4, 5],
        [3, 5],
        "U kiest passende vormen om bewoners te informeren en mee te laten denken.",
    ),
    (
        "een-openbare-vergadering-leiden",
        "Een openbare vergadering leiden",
        Audience.CHAIRS,
        None,
        [4],
        [3],
        "U leidt een vergadering met bewoners en gemeente, ook als het spannend wordt.",
    ),
    (
        "agenda-verslag-en-archief",
        "Agenda, verslag en archief",
        Audience.SECRETARIES,
        None,
        [2],
        [3],
        "U maakt een heldere agenda en een verslag waar bewoners en gemeente op kunnen bouwen.",
    ),
]

PLACES = ["Stadhuis, zaal 2", "Buurthuis De Linde", "Wijkcentrum Het Anker"]
TRAINERS = ["Marieke Hoekstra", "Jeroen Lammers", "Fatima Bouzid"]


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _rounds(today: datetime.date) -> tuple[InventoryRound, InventoryRound]:
    past, _ = InventoryRound.objects.get_or_create(
        slug=f"scholingswensen-{today.year - 1}",
        defaults={
            "kind": ROUND_KIND,
            "title": f"Scholingswensen {today.year - 1}",
            "introduction": "De eerste inventarisatie: wat willen wijkraden leren?",
            "opens_on": datetime.date(today.year - 1, 9, 1),
            "deadline": datetime.date(today.year - 1, 10, 15),
        },
    )
    current, _ = InventoryRound.objects.get_or_create(
        slug=f"scholingswensen-{today.year}",
        defaults={
            "kind": ROUND_KIND,
            "title": f"Scholingswensen {today.year}",
            "introduction": (
                "Welke kennis mist uw wijkraad nog over de gemeente, haar organisatie en "
                "procedures? De uitkomst bepaalt het programma van volgend jaar."
            ),
            "opens_on": today - datetime.timedelta(days=14),
            "deadline": today + datetime.timedelta(days=4),
        },
    )
    return past, current


def _topics(round_: InventoryRound) -> list[Topic]:
    topics = []
    for order, (title, description) in enumerate(TOPICS):
        topic, _ = Topic.objects.get_or_create(
            round=round_, title=title, defaults={"description": description, "order": order}
        )
        topics.append(topic)
    return topics


def _answers(round_: InventoryRound, topics: list[Topic], share: int) -> None:
    """Let `share` out of every 3 active wijkraden answer (those that have not yet)."""
    answered = set(WishAnswer.objects.filter(round=round_).values_list("council_id", flat=True))
    chairs = dict(
        Membership.objects.current()
        .filter(function__in=BOARD_FUNCTIONS)
        .order_by("-pk")
        .values_list("council_id", "person_id")
    )
    ranks = []
    for index, council in enumerate(NeighbourhoodCouncil.objects.active().order_by("pk")):
        if index % 3 >= share or council.pk in answered:
            continue
        answer = WishAnswer.objects.create(
            round=round_,
            council=council,
            answered_by_id=chairs.get(council.pk),
            own_wishes="Meer weten over subsidies voor buurtinitiatieven."
            if index % 4 == 0
            else "",
        )
        chosen = [topics[(index + step) % len(topics)] for step in range(3 + index % 3)]
        ranks.extend(
            TopicRank(answer=answer, topic=topic, rank=place + 1)
            for place, topic in enumerate(chosen)
        )
    TopicRank.objects.bulk_create(ranks, batch_size=500)


def _modules(topics: list[Topic]) -> list[Module]:
    recommendations = {r.number: r for r in Recommendation.objects.all()}
    modules = []
    for slug, title, audience, position, topic_indexes, numbers, goals in MODULES:
        module, created = Module.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "audience": audience,
                "onboarding_position": position,
                "goals": goals,
            },
        )
        if created:
            module.topics.set([topics[i] for i in topic_indexes])
            module.recommendations.set(
                [recommendations[n] for n in numbers if n in recommendations]
            )
        modules.append(module)
    return modules


def _sessions(modules: list[Module], today: datetime.date, scale: int) -> None:
    """One past session and 2 × scale upcoming ones per module."""
    counts = {m.pk: m.sessions.count() for m in modules}
    new = []
    for m_index, module in enumerate(modules):
        for number in range(counts[module.pk], 1 + 2 * scale):
            if number == 0:
                day = today - datetime.timedelta(days=30 + 7 * m_index)
            else:
                day = today + datetime.timedelta(days=3 + 9 * number + 2 * m_index)
            place = PLACES[(m_index + number) % len(PLACES)]
            online = number % 3 == 2
            new.append(
                Session(
                    module=module,
                    starts_at=_at(day, 19, 30),
                    ends_at=_at(day, 21, 30),
                    location="" if online else place,
                    online_url="https://vergaderen.example.org/scholing" if online else "",
                    # The first upcoming session of the first two modules is small, so it fills.
                    capacity=4 if number == 1 and m_index < 2 else 16,
                    trainer=TRAINERS[(m_index + number) % len(TRAINERS)],
                    materials=(
                        "- Leesstuk vooraf: [het actieprogramma](https://example.org/actieprogramma)\n"
                        "- Neem een vraag uit uw eigen wijk mee."
                    ),
                )
            )
    Session.objects.bulk_create(new, batch_size=500)


def _enrolments(modules: list[Module], now: datetime.datetime) -> None:
    sessions = list(
        Session.objects.filter(module__in=modules).order_by("module_id", "starts_at", "pk")
    )
    taken = set(Enrolment.objects.values_list("session_id", flat=True).distinct())
    members = list(
        User.objects.filter(kind=UserKind.COUNCIL_MEMBER, memberships__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)[:40]
    )
    demo = User.objects.filter(email="wijkraad@wijkportaal.test").values_list("pk", flat=True)
    demo_id = demo[0] if demo else None
    new = []
    seen_module = set()
    for index, session in enumerate(sessions):
        first_upcoming = session.starts_at >= now and session.module_id not in seen_module
        if session.starts_at >= now:
            seen_module.add(session.module_id)
        if session.pk in taken or not (session.starts_at < now or first_upcoming):
            continue
        past = session.starts_at < now
        # Full sessions get two people extra on the waiting list.
        wanted = session.capacity + 2 if session.capacity <= 4 else 6
        people = [members[(index * 5 + k) % len(members)] for k in range(wanted)] if members else []
        if demo_id and session.module.onboarding_position in (1, 2):
            people = [demo_id] + [p for p in people if p != demo_id][: wanted - 1]
        people = list(dict.fromkeys(people))
        for k, person_id in enumerate(people):
            status = SeatStatus.ENROLLED if k < session.capacity else SeatStatus.WAITING
            new.append(
                Enrolment(
                    session=session,
                    person_id=person_id,
                    status=status,
                    requested_at=session.starts_at - datetime.timedelta(days=20, minutes=-k),
                    attended=past and status == SeatStatus.ENROLLED and k % 5 != 4,
                )
            )
    Enrolment.objects.bulk_create(new, batch_size=500)


def _conferences(today: datetime.date, now: datetime.datetime, modules: list[Module]) -> None:
    councils = list(NeighbourhoodCouncil.objects.active().order_by("pk")[:12])
    past_day = datetime.date(today.year - 1, 10, 10)
    next_day = today + datetime.timedelta(days=21)
    editions = [
        (
            past_day,
            "Samen sterker in de wijk",
            "Wijkraden wisselden ervaringen uit over hun rol als netwerkorganisatie.",
            councils[0:3],
        ),
        (
            next_day,
            "Raad en wijk aan één tafel",
            "Gemeenteraadsleden en wijkraden gaan in gesprek over de grote keuzes voor de stad.",
            councils[3:6],
        ),
    ]
    people = list(
        User.objects.filter(kind__in=[UserKind.COUNCIL_MEMBER, UserKind.CITY_COUNCILLOR])
        .order_by("pk")
        .values_list("pk", flat=True)[:30]
    )
    for day, theme, description, delegation in editions:
        if Conference.objects.filter(slug=str(day.year)).exists():
            continue
        conference = Conference.objects.create(
            year=day.year,
            slug=str(day.year),
            theme=theme,
            description=description,
            starts_at=_at(day, 13, 0),
            ends_at=_at(day, 17, 30),
            venue="Stadhuis, raadzaal en foyer",
            address="Markt 1",
            capacity=120,
        )
        conference.delegation.set(delegation)
        ProgrammeItem.objects.bulk_create(
            [
                ProgrammeItem(
                    conference=conference,
                    starts_at=datetime.time(13, 0),
                    title="Ontvangst",
                    speaker="",
                ),
                ProgrammeItem(
                    conference=conference,
                    starts_at=datetime.time(13, 30),
                    title="Opening",
                    speaker="De wethouder",
                ),
                ProgrammeItem(
                    conference=conference,
                    starts_at=datetime.time(14, 0),
                    title="Gesprekstafels over het thema",
                    speaker="Delegatie van wijkraden",
                    description="Raadsleden schuiven aan bij de tafels.",
                ),
                ProgrammeItem(
                    conference=conference,
                    starts_at=datetime.time(16, 30),
                    title="Opbrengst en borrel",
                    speaker="",
                ),
            ]
        )
        ConferenceRegistration.objects.bulk_create(
            ConferenceRegistration(
                conference=conference,
                person_id=person_id,
                status=SeatStatus.ENROLLED,
                needs="Vegetarisch" if k % 7 == 0 else "",
                requested_at=conference.starts_at - datetime.timedelta(days=14),
            )
            for k, person_id in enumerate(people)
        )
        if conference.starts_at > now:
            # The coming edition is part of the programme; it stays planned until it happened.
            conference.modules.set(modules[:1])
        else:
            _record_held(conference, councils)


def _record_held(conference: Conference, councils: list[NeighbourhoodCouncil]) -> None:
    """The past edition was held: the officer recorded it the day after, with who came (the
    registered council members, and the wijkraden whose members registered)."""
    registered = list(
        ConferenceRegistration.objects.filter(
            conference=conference, status=SeatStatus.ENROLLED
        ).select_related("person")
    )
    councillors = [r.person for r in registered if r.person.kind == UserKind.CITY_COUNCILLOR]
    member_ids = [r.person_id for r in registered]
    represented = set(
        Membership.objects.filter(person_id__in=member_ids).values_list("council_id", flat=True)
    ) | {council.pk for council in conference.delegation.all()}
    officer = User.objects.filter(kind=UserKind.OFFICER, is_active=True).order_by("pk").first()
    at = conference.ends_at + datetime.timedelta(days=1)
    ConferenceTransition.objects.create(
        conference=conference,
        from_status=ConferenceStatus.PLANNED,
        to_status=ConferenceStatus.HELD,
        at=at,
        by=officer,
        reason="Goed bezocht; de opbrengst van de gesprekstafels staat in het verslag.",
    )
    conference.status = ConferenceStatus.HELD
    conference.status_changed_at = at
    conference.save(update_fields=["status", "status_changed_at"])
    conference.councils_represented.set(
        [council for council in councils if council.pk in represented] or councils[:3]
    )
    conference.councillors_present.set(councillors)


# Recommendation 6 feeds recommendation 3: the contact-moments workgroup's finished overview
# became part of the module on the way through the town hall.
DELIVERABLE_LINKS = {"de-weg-in-het-stadhuis": ["Overzicht van de zeven contactmomenten"]}


def _link_deliverables(modules: list[Module]) -> None:
    deliverable_model = Module._meta.get_field("deliverables").related_model
    for module in modules:
        titles = DELIVERABLE_LINKS.get(module.slug)
        if titles:
            module.deliverables.add(
                *deliverable_model.objects.filter(title__in=titles, published_at__isnull=False)
            )


def seed_training(*, scale: int = 1, progress=None) -> None:
    today = timezone.localdate()
    now = timezone.now()
    past, current = _rounds(today)
    past_topics = _topics(past)
    topics = _topics(current)
    _answers(past, past_topics, share=3)
    _answers(current, topics, share=2)
    modules = _modules(topics)
    _link_deliverables(modules)
    _sessions(modules, today, scale)
    _enrolments(modules, now)
    _conferences(today, now, modules)
