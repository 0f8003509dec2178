"""Demo data (a DemoStep, order 20): the demo accounts (local settings only) and generated
members for every wijkraad. Never imported by production code."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import make_password

from wijkportaal.wijkraden.models import Department, Function, Membership, NeighbourhoodCouncil

from .models import STAFF_KINDS, User, UserKind

DEMO_PASSWORD = "wijkportaal-demo"
DEMO_DOMAIN = "wijkportaal.test"

FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Freek",
    "Gerda",
    "Hamid",
    "Ilse",
    "Joost",
    "Kim",
    "Lotte",
    "Mohamed",
    "Noor",
    "Olga",
    "Pieter",
    "Romy",
    "Sem",
    "Tess",
    "Yusuf",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Yilmaz",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "El Amrani",
    "Dekker",
    "van Dijk",
]
MEMBER_FUNCTIONS = [
    Function.CHAIR,
    Function.SECRETARY,
    Function.TREASURER,
    Function.MEMBER,
    Function.MEMBER,
]


def _demo_user(email, kind, first, last, *, password: str, **extra) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "kind": kind,
            "first_name": first,
            "last_name": last,
            "password": password,
            "is_staff": kind in STAFF_KINDS,
            **extra,
        },
    )
    return user


def seed_accounts(*, scale: int = 1, progress=None) -> None:
    councils = list(NeighbourhoodCouncil.objects.order_by("pk"))
    # Hashing is slow on purpose: hash the one demo password once and share the hash.
    password = make_password(DEMO_PASSWORD)
    if getattr(settings, "DEMO_ACCOUNTS_ENABLED", False):
        participation = Department.objects.get(slug="wijkzaken-en-participatie")
        _demo_user(
            f"beheerder@{DEMO_DOMAIN}",
            UserKind.ADMINISTRATOR,
            "Bea",
            "Beheerder",
            password=password,
        )
        _demo_user(
            f"ambtenaar@{DEMO_DOMAIN}",
            UserKind.OFFICER,
            "Arjen",
            "Ambtenaar",
            department=participation,
            password=password,
        )
        _demo_user(
            f"raadslid@{DEMO_DOMAIN}",
            UserKind.CITY_COUNCILLOR,
            "Rita",
            "Raadslid",
            party="Stadsbelang",
            password=password,
        )
        chair = _demo_user(
            f"wijkraad@{DEMO_DOMAIN}", UserKind.COUNCIL_MEMBER, "Wim", "Wijkraad", password=password
        )
        member = _demo_user(
            f"wijkraad2@{DEMO_DOMAIN}",
            UserKind.COUNCIL_MEMBER,
            "Wendy",
            "Wijkraad",
            password=password,
        )
        by_slug = {council.slug: council for council in councils}
        Membership.objects.get_or_create(
            person=chair, council=by_slug["bloemenbuurt"], defaults={"function": Function.CHAIR}
        )
        Membership.objects.get_or_create(
            person=member, council=by_slug["havenkwartier"], defaults={"function": Function.MEMBER}
        )

    # Generated members: five per wijkraad (a board of three and two members).
    existing = set(
        User.objects.filter(email__endswith=f"@leden.{DEMO_DOMAIN}").values_list("email", flat=True)
    )
    new_users = []
    plan = []
    for council in councils:
        for seat, function in enumerate(MEMBER_FUNCTIONS):
            email = f"{council.slug}.{seat + 1}@leden.{DEMO_DOMAIN}"
            if council.slug == "bloemenbuurt" and function == Function.CHAIR:
                function = Function.MEMBER  # the demo account wijkraad@ chairs this one
            plan.append((email, council, function))
            if email in existing:
                continue
            number = council.pk * 7 + seat
            new_users.append(
                User(
                    email=email,
                    first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
                    last_name=LAST_NAMES[number % len(LAST_NAMES)],
                    kind=UserKind.COUNCIL_MEMBER,
                    password=password,
                )
            )
    User.objects.bulk_create(new_users, batch_size=500)
    users = {u.email: u.pk for u in User.objects.filter(email__endswith=f"@leden.{DEMO_DOMAIN}")}
    have = set(
        Membership.objects.filter(person_id__in=users.values()).values_list(
            "person_id", "council_id"
        )
    )
    memberships = [
        Membership(person_id=users[email], council=council, function=function)
        for email, council, function in plan
        if (users[email], council.pk) not in have
    ]
    Membership.objects.bulk_create(memberships, batch_size=500)
    if progress:
        progress(len(plan))
