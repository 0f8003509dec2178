"""The digest's section on contracts and proposals: status changes of my wijkraad's contracts
(board: every step; members: only steps into a public status) and proposals (every member),
never another wijkraad's, never my own steps; a constant number of queries per batch."""

import datetime

import pytest
from django.utils import timezone

from contracts.digest import status_changes_section
from contracts.uitdaagrecht.models import ProposalTransition
from contracts.wijkcontracten.models import ContractTransition
from tests.contracts.factories import ContractFactory, ProposalFactory
from tests.factories import MembershipFactory, OfficerFactory
from wijkportaal.core.registry import registry
from wijkportaal.notifications.hooks import DigestSection

pytestmark = pytest.mark.django_db


def build(users, hours=24):
    since = timezone.now() - datetime.timedelta(hours=hours)
    return status_changes_section(
        users, dict.fromkeys([u.pk for u in users], since), timezone.now()
    )


def step(contract, to_status, by=None, reason=""):
    return ContractTransition.objects.create(
        contract=contract, from_status="aangevraagd", to_status=to_status, by=by, reason=reason
    )


def test_the_section_is_registered_and_costs_one_query_when_nothing_moved(
    chair, django_assert_num_queries
):
    assert registry.get(DigestSection, "contracts.status_changes") is not None
    with django_assert_num_queries(1):
        assert build([chair]) == {}


def test_each_reader_gets_the_steps_of_their_own_wijkraad_only(council, chair, member, other_chair):
    officer = OfficerFactory()
    contract = ContractFactory(council=council, title="Rozenhof")
    step(contract, "verkenning", by=officer, reason="Eerst een schouw.")
    step(contract, "getekend", by=officer)
    step(ContractFactory(council=council), "afgewezen", by=chair)  # the chair's own step
    proposal = ProposalFactory(council=council, task="Moestuin")
    ProposalTransition.objects.create(
        proposal=proposal, from_status="ingediend", to_status="ontvankelijk", by=officer
    )
    ProposalFactory()  # a resident group's: no wijkraad to tell
    old = ContractFactory(council=council)
    ContractTransition.objects.create(
        contract=old,
        from_status="aangevraagd",
        to_status="verkenning",
        at=timezone.now() - datetime.timedelta(days=3),
    )

    items = build([chair, member, other_chair, officer])

    assert set(items) == {chair.pk, member.pk}
    chair_items = [(i.label, i.title) for i in items[chair.pk]]
    assert chair_items == [
        ("Wijkcontract verkenning", f"Rozenhof ({council.name})"),
        ("Wijkcontract getekend (lopend)", f"Rozenhof ({council.name})"),
        ("Uitdaagrechtvoorstel ontvankelijk", f"Moestuin ({council.name})"),
    ]
    assert items[chair.pk][0].text == "Eerst een schouw."
    assert items[chair.pk][0].url == contract.get_absolute_url()
    # A member reads only what is public: the signed contract and the proposal.
    assert [i.label for i in items[member.pk]] == [
        "Wijkcontract getekend (lopend)",
        "Uitdaagrechtvoorstel ontvankelijk",
    ]


@pytest.mark.parametrize("size", [1, 6])
def test_the_section_runs_a_constant_number_of_queries(django_assert_max_num_queries, size):
    users = []
    for _ in range(size):
        membership = MembershipFactory(function="voorzitter")
        users.append(membership.person)
        step(ContractFactory(council=membership.council), "verkenning")
        proposal = ProposalFactory(council=membership.council)
        ProposalTransition.objects.create(
            proposal=proposal, from_status="ingediend", to_status="ontvankelijk"
        )
    with django_assert_max_num_queries(4):
        items = build(users)
    assert len(items) == size and all(len(rows) == 2 for rows in items.values())
