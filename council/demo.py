"""Demo data for the council app (seed order 75): coming and past important political choices
with the wijkraden's views and council members' replies, and council members' visits to
wijkraden — confirmed ones in the past, one still to confirm, one planned. Idempotent: found
by title (decisions) and by (council member, wijkraad, date) (visits). Every date is honest:
views are given before the decision date, outcomes after it, visits confirmed after they
happened."""

from __future__ import annotations

import datetime

from django.utils import timezone

from wijkportaal.accounts.models import User, UserKind
from wijkportaal.wijkraden.models import Membership, NeighbourhoodCouncil

from .models import Decision, Reply, Viewpoint, Visit

COUNCILLORS = [
    ("raadslid.jansen", "Joost", "Jansen", "Groen Links Samen"),
    ("raadslid.elbaz", "Nadia", "El Baz", "Lokaal Sociaal"),
    ("raadslid.devries", "Pieter", "de Vries", "Liberale Stadspartij"),
]

# (title, days from today, summary, number of wijkraden concerned, views, outcome)
DECISIONS = [
    (
        "Omgevingsvisie 2040: ruimte voor wonen in de wijken",
        24,
        "De raad kiest waar de stad tot 2040 woningen bijbouwt, en hoeveel groen daarbij "
        "blijft. Voor een aantal wijken betekent dit hogere bebouwing langs de hoofdwegen.",
        4,
        [
            "Wij steunen extra woningen, maar vragen om de speelplekken aan de Lindelaan te "
            "sparen en bewoners vroeg te betrekken bij de plannen.",
            "De wijk vraagt vooral betaalbare woningen voor starters en ouderen.",
        ],
        "",
    ),
    (
        "Herinrichting van het Stationsplein",
        60,
        "Het plein wordt autoluw; de bussen verhuizen naar de zuidzijde. De raad kiest uit "
        "twee ontwerpen.",
        2,
        [],
        "",
    ),
    (
        "Subsidiekader welzijnswerk",
        -40,
        "Nieuwe regels voor de subsidie aan welzijnsorganisaties, met minder geld voor "
        "buurthuizen en meer voor opbouwwerk.",
        3,
        [
            "Ons buurthuis is de enige ontmoetingsplek in de wijk; sluiten is geen optie.",
            "Meer opbouwwerk is welkom: het helpt onze wijkraad bij nieuwe initiatieven.",
            "Wij vragen een overgangsjaar zodat vrijwilligers zich kunnen voorbereiden.",
        ],
        "Aangenomen met een amendement: de buurthuizen houden hun subsidie nog één jaar; in "
        "die tijd maakt de gemeente met de wijkraden een plan per wijk.",
    ),
    (
        "Parkeerbeleid rond de binnenstad",
        -110,
        "Betaald parkeren wordt uitgebreid naar de wijken rond de binnenstad.",
        2,
        ["Wij vragen vergunningen tegen kostprijs voor bewoners en mantelzorgers."],
        "Aangenomen. Bewoners krijgen een vergunning tegen kostprijs; mantelzorgers een dagkaart.",
    ),
]

REPLY = (
    "Dank voor uw zienswijze. Ik neem uw punt mee in de commissie en kom na het besluit graag "
    "langs om het toe te lichten."
)

VISIT_TOPICS = [
    "Kennismaking met het bestuur",
    "Verkeersveiligheid rond de basisschool",
    "Het buurthuis en de subsidie",
    "Wandeling door de wijk met bewoners",
    "Plannen voor het wijkpark",
]


def _councillors() -> list[User]:
    people = []
    for username, first, last, party in COUNCILLORS:
        person, created = User.objects.get_or_create(
            email=f"{username}@raad.wijkportaal.test",
            defaults={
                "first_name": first,
                "last_name": last,
                "party": party,
                "kind": UserKind.CITY_COUNCILLOR,
            },
        )
        if created:
            person.set_unusable_password()
            person.save(update_fields=["password"])
        people.append(person)
    demo = User.objects.filter(kind=UserKind.CITY_COUNCILLOR, email__startswith="raadslid@")
    return [*demo, *people]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _decisions(today, councils, boards, councillors, officer) -> None:
    for index, (title, days, summary, concerned, views, outcome) in enumerate(DECISIONS):
        if Decision.objects.filter(title=title).exists():
            continue
        day = today + datetime.timedelta(days=days)
        chosen = councils[index * 2 : index * 2 + concerned] or councils[:concerned]
        decision = Decision.objects.create(
            title=title,
            summary=summary,
            decision_date=day,
            link="https://raad.example.test/besluiten/" + str(abs(days)),
            created_by=officer,
            outcome=outcome,
            outcome_recorded_at=_at(day + datetime.timedelta(days=1), 10) if outcome else None,
        )
        decision.councils.set(chosen)
        decision.followers.set(councillors[:2])
        # A view is given some days after the listing, always before the decision date.
        given = min(today, day - datetime.timedelta(days=5))
        for k, (council, text) in enumerate(zip(chosen, views, strict=False)):
            viewpoint = Viewpoint.objects.create(
                decision=decision, council=council, text=text, given_by=boards.get(council.pk)
            )
            moment = _at(given - datetime.timedelta(days=k), 20)
            Viewpoint.objects.filter(pk=viewpoint.pk).update(created_at=moment, updated_at=moment)
            if k == 0 and councillors:
                reply = Reply.objects.create(viewpoint=viewpoint, author=councillors[0], text=REPLY)
                Reply.objects.filter(pk=reply.pk).update(
                    created_at=moment + datetime.timedelta(days=1)
                )


def _visits(today, councils, boards, councillors) -> None:
    if not councillors:
        return
    plan = []
    for k, topic in enumerate(VISIT_TOPICS):
        plan.append(
            (
                councillors[k % len(councillors)],
                councils[k],
                today - datetime.timedelta(days=14 + 30 * k),
                topic,
                True,
            )
        )
    # One that happened last week and still waits for the board, one that is planned.
    plan.append(
        (
            councillors[0],
            councils[5],
            today - datetime.timedelta(days=6),
            "Overleg over de wijkschouw",
            False,
        )
    )
    plan.append(
        (
            councillors[-1],
            councils[6],
            today + datetime.timedelta(days=12),
            "Bezoek aan de wijkraadsvergadering",
            False,
        )
    )
    for councillor, council, day, topic, confirmed in plan:
        if Visit.objects.filter(councillor=councillor, council=council, date=day).exists():
            continue
        board = boards.get(council.pk)
        Visit.objects.create(
            councillor=councillor,
            council=council,
            date=day,
            topic=topic,
            confirmed_at=_at(day + datetime.timedelta(days=2), 9) if confirmed and board else None,
            confirmed_by=board if confirmed else None,
        )


def seed_council(*, scale: int = 1, progress=None) -> None:
    today = timezone.localdate()
    councils = list(NeighbourhoodCouncil.objects.active().order_by("pk")[:12])
    if len(councils) < 8:
        return
    boards = {}
    for seat in (
        Membership.objects.current(today).board().filter(council__in=councils).order_by("pk")
    ):
        boards.setdefault(seat.council_id, seat.person)
    councillors = _councillors()
    officer = User.objects.filter(kind=UserKind.OFFICER, is_active=True).order_by("pk").first()
    _decisions(today, councils, boards, councillors, officer)
    _visits(today, councils, boards, councillors)
