import datetime

import pytest

from contracts import reminders
from contracts.models import ContractStatus
from tests.contracts.factories import (
    CommitmentFactory,
    ProposalFactory,
    SignedContractFactory,
    SupportRequestFactory,
)
from tests.factories import MembershipFactory, OfficerFactory
from wijkportaal.core.registry import registry
from wijkportaal.notifications.models import Notification
from wijkportaal.notifications.services import reminders_queue

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)  # a Wednesday
TODAY = NOW.date()


def sent(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def contract_with_board(**kwargs):
    contract = SignedContractFactory(
        start_date=TODAY - datetime.timedelta(days=100),
        end_date=TODAY + datetime.timedelta(days=400),
        contact_officer=OfficerFactory(),
        **kwargs,
    )
    chair = MembershipFactory(
        council=contract.council, function="voorzitter", start=TODAY - datetime.timedelta(days=90)
    ).person
    MembershipFactory(council=contract.council, function="lid")  # not on the board
    return contract, chair


def test_board_and_contact_officer_hear_of_a_commitment_due_in_two_weeks():
    contract, chair = contract_with_board()
    CommitmentFactory(contract=contract, due_date=TODAY + datetime.timedelta(days=14))
    CommitmentFactory(contract=contract, due_date=TODAY + datetime.timedelta(days=15))
    reminders_queue(NOW)
    reminders_queue(NOW)  # twice: still one message per occasion
    assert sent("contracts.commitment_due") == sorted([chair.pk, contract.contact_officer_id])
    message = Notification.objects.filter(kind="contracts.commitment_due").first()
    assert "vervalt over twee weken" in message.subject
    assert f"/wijkcontracten/{contract.pk}/" in message.body_text


def test_overdue_commitment_is_reminded_once_and_done_ones_not():
    contract, chair = contract_with_board()
    CommitmentFactory(contract=contract, due_date=TODAY - datetime.timedelta(days=1))
    CommitmentFactory(
        contract=contract,
        due_date=TODAY - datetime.timedelta(days=1),
        status="nagekomen",
        evidence="Verslag",
    )
    reminders_queue(NOW)
    reminders_queue(NOW + datetime.timedelta(days=1))
    assert sent("contracts.commitment_overdue") == sorted([chair.pk, contract.contact_officer_id])


def test_commitments_of_closed_contracts_are_not_reminded():
    contract, _chair = contract_with_board(status=ContractStatus.CLOSED)
    CommitmentFactory(contract=contract, due_date=TODAY - datetime.timedelta(days=1))
    reminders_queue(NOW)
    assert not Notification.objects.exists()


def test_officers_hear_of_a_proposal_without_decision_after_six_weeks():
    officer = OfficerFactory()
    handler = OfficerFactory()
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=6, hours=1))
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=7), handler=handler)
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=5))
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=8), verified_at=None)
    ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=8), status="afgewezen")
    reminders_queue(NOW)
    assert sent("contracts.proposal_waiting") == sorted([officer.pk, handler.pk, handler.pk])


def test_board_hears_of_a_contract_ending_within_90_days():
    contract, chair = contract_with_board()
    contract.end_date = TODAY + datetime.timedelta(days=90)
    contract.save()
    later, _ = contract_with_board()
    later.end_date = TODAY + datetime.timedelta(days=91)
    later.save()
    reminders_queue(NOW)
    assert sent("contracts.contract_ending") == sorted([chair.pk, contract.contact_officer_id])


def test_support_request_unanswered_after_ten_working_days():
    officer = OfficerFactory()
    # Wednesday 10 June minus 10 working days = Wednesday 27 May.
    assert reminders.working_days_before(TODAY, 10) == datetime.date(2026, 5, 27)
    old = SupportRequestFactory(created_at=datetime.datetime(2026, 5, 27, 15, tzinfo=datetime.UTC))
    SupportRequestFactory(created_at=datetime.datetime(2026, 5, 28, 8, tzinfo=datetime.UTC))
    SupportRequestFactory(
        created_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC), status="beantwoord"
    )
    reminders_queue(NOW)
    notes = Notification.objects.filter(kind="contracts.support_unanswered")
    assert [(n.recipient_id, n.object_id) for n in notes] == [(officer.pk, old.pk)]


@pytest.mark.parametrize("size", [1, 6])
def test_reminder_finders_use_constant_queries(django_assert_max_num_queries, size):
    for _ in range(size):
        contract, _chair = contract_with_board()
        contract.end_date = TODAY + datetime.timedelta(days=30)
        contract.save()
        CommitmentFactory(contract=contract, due_date=TODAY + datetime.timedelta(days=3))
        CommitmentFactory(contract=contract, due_date=TODAY - datetime.timedelta(days=3))
        ProposalFactory(submitted_at=NOW - datetime.timedelta(weeks=9))
        SupportRequestFactory(created_at=NOW - datetime.timedelta(days=30))
    OfficerFactory()
    for finder in reminders.FINDERS.values():
        with django_assert_max_num_queries(3):
            dues = list(finder(NOW))
        assert dues


def test_actions_link_to_the_contract_pages():
    from recommendations.models import ActionItem
    from tests.factories import DepartmentFactory

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


def test_council_page_shows_its_public_contracts(client):
    contract = SignedContractFactory(title="Samen voor het Molenpad")
    from tests.contracts.factories import ContractFactory

    ContractFactory(council=contract.council, title="Nog in verkenning")
    text = client.get(contract.council.get_absolute_url()).text
    assert "Samen voor het Molenpad" in text
    assert "Nog in verkenning" not in text


def test_council_page_without_contracts_has_no_section(client, council):
    assert "council-contracts-title" not in client.get(council.get_absolute_url()).text
