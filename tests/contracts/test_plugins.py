"""What the contracts app hands the portal, over all four sub-apps at once."""

import datetime

import pytest

from recommendations.models import ActionItem
from tests.contracts.factories import (
    CommitmentFactory,
    ProposalFactory,
    SignedContractFactory,
    SupportRequestFactory,
)
from tests.factories import DepartmentFactory, MembershipFactory, OfficerFactory
from wijkportaal.core.registry import registry
from wijkportaal.notifications.hooks import ReminderSource

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)  # a Wednesday
TODAY = NOW.date()


def contract_with_board(**kwargs):
    contract = SignedContractFactory(
        start_date=TODAY - datetime.timedelta(days=100),
        end_date=TODAY + datetime.timedelta(days=400),
        contact_officer=OfficerFactory(),
        **kwargs,
    )
    MembershipFactory(
        council=contract.council, function="voorzitter", start=TODAY - datetime.timedelta(days=90)
    )
    MembershipFactory(council=contract.council, function="lid")  # not on the board
    return contract


def test_every_sub_app_registers_its_reminders():
    keys = {source.key for source in registry.all(ReminderSource)}
    assert {
        "contracts.commitment_due",
        "contracts.commitment_overdue",
        "contracts.contract_ending",
    } <= keys
    # Unanswered support requests and undecided proposals are the desk's: due soon and
    # overdue, once per case.
    assert not {"contracts.support_unanswered", "contracts.proposal_waiting"} & keys


@pytest.mark.parametrize("size", [1, 6])
def test_reminder_finders_use_constant_queries(django_assert_max_num_queries, size):
    for _ in range(size):
        contract = contract_with_board()
        contract.end_date = TODAY + datetime.timedelta(days=30)
        contract.save()
        CommitmentFactory(contract=contract, due_date=TODAY + datetime.timedelta(days=3))
        CommitmentFactory(contract=contract, due_date=TODAY - datetime.timedelta(days=3))
        ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=9))
        SupportRequestFactory(created_at=NOW - datetime.timedelta(days=30))
    OfficerFactory()
    sources = [s for s in registry.all(ReminderSource) if s.key.startswith("contracts.")]
    assert len(sources) == 3
    for source in sources:
        with django_assert_max_num_queries(3):
            dues = list(source.find_due(NOW))
        assert dues


def test_actions_link_to_the_contract_pages():
    department = DepartmentFactory()
    items = {
        key: ActionItem.objects.create(key=key, title=key, department=department)
        for key in ("wijkcontracten", "uitdaagrecht-experiment", "ondersteuningscatalogus")
    }
    other = ActionItem.objects.create(key="iets-anders", title="x", department=department)
    links = registry.action_links([item.pk for item in items.values()] + [other.pk])
    assert links[items["wijkcontracten"].pk][0]["url"] == "/wijkcontracten/"
    assert [link["url"] for link in links[items["uitdaagrecht-experiment"].pk]] == [
        "/uitdaagrecht/",
        "/beheerexperiment/",
    ]
    assert links[items["ondersteuningscatalogus"].pk][0]["url"] == "/ondersteuning/"
    assert other.pk not in links
