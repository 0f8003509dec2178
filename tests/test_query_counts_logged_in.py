"""Issue 16, goal 3: the logged-in pages run the same number of queries with little and with
much data. The demo data (seed_demo) at scale 1 and then at scale 3 — three times the
wijkraden, members, actions, cases and answers — and, for the board member, three times the
wijkraden to speak for; each page is counted once warm at each size."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import MembershipFactory, OfficerFactory
from wijkportaal.accounts.models import User
from wijkportaal.wijkraden.models import (
    Department,
    Function,
    InventoryRound,
    NeighbourhoodCouncil,
)

pytestmark = pytest.mark.django_db

CHAIR = "wijkraad@wijkportaal.test"  # the demo chair of bloemenbuurt
COUNCIL = "bloemenbuurt"


def pages(training_round: str) -> list[tuple[str, str]]:
    return [
        ("chair", "/mijn/"),
        ("chair", "/mijn/verzoeken/"),
        ("chair", f"/wijkraden/{COUNCIL}/"),
        ("chair", f"/toolkit/inventaris/{COUNCIL}/"),
        ("chair", f"/scholing/inventarisatie/{training_round}/"),
        ("officer", "/admin/"),
        ("officer", f"/scholing/inventarisatie/{training_round}/"),
    ]


def count_queries(client, url: str) -> tuple[int, str]:
    client.get(url)  # warm the per-process caches (content types, the progress monitor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


def measure(client, chair, officer, training_round) -> tuple[dict[str, int], dict[str, str]]:
    counts, html = {}, {}
    for who, url in pages(training_round):
        client.logout()
        client.force_login(chair if who == "chair" else officer)
        counts[f"{who} {url}"], html[f"{who} {url}"] = count_queries(client, url)
    return counts, html


def join_more_boards(chair, number: int) -> None:
    """The chair also sits on the board of `number` more wijkraden (as treasurer)."""
    taken = set(chair.memberships.values_list("council_id", flat=True))
    for council in NeighbourhoodCouncil.objects.exclude(pk__in=taken).order_by("pk")[:number]:
        MembershipFactory(person=chair, council=council, function=Function.TREASURER)


def test_logged_in_pages_run_as_many_queries_at_scale_1_as_at_scale_3(client):
    call_command("seed_demo", verbosity=0)
    chair = User.objects.get(email=CHAIR)
    officer = OfficerFactory(department=Department.objects.get(slug="wijkzaken-en-participatie"))
    training_round = InventoryRound.objects.filter(kind="scholing").order_by("-deadline").first()
    join_more_boards(chair, 1)
    small, small_html = measure(client, chair, officer, training_round.slug)

    call_command("seed_demo", scale=3, verbosity=0)
    join_more_boards(chair, 4)
    large, large_html = measure(client, chair, officer, training_round.slug)

    assert NeighbourhoodCouncil.objects.count() >= 3 * 12
    assert small == large
    # The same queries served more: the officer's worklist and matrix, the chair's wijkraden.
    for page in (
        "officer /admin/",
        f"officer /scholing/inventarisatie/{training_round.slug}/",
        "chair /mijn/verzoeken/",
    ):
        assert len(large_html[page]) > len(small_html[page]), page


def test_my_page_lists_my_current_wijkraden_with_my_function(client, chair, other_council):
    MembershipFactory(person=chair, council=other_council, function=Function.SECRETARY)
    ended = MembershipFactory(person=chair, function=Function.MEMBER)
    ended.end = ended.start
    ended.save()
    client.force_login(chair)
    page = client.get("/mijn/").content.decode()
    assert "Mijn wijkraden" in page
    council = chair.memberships.get(function=Function.CHAIR).council
    assert f"{council.name}</a> (voorzitter)" in page
    assert f"{other_council.name}</a> (secretaris)" in page
    assert ended.council.name not in page
