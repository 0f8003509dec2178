import datetime

import pytest

from contracts.wijkcontracten.models import ContractStatus
from tests.contracts.factories import CommitmentFactory, ContractFactory, SignedContractFactory
from tests.factories import MembershipFactory, OfficerFactory
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


def test_board_hears_of_a_contract_ending_within_90_days():
    contract, chair = contract_with_board()
    contract.end_date = TODAY + datetime.timedelta(days=90)
    contract.save()
    later, _ = contract_with_board()
    later.end_date = TODAY + datetime.timedelta(days=91)
    later.save()
    reminders_queue(NOW)
    assert sent("contracts.contract_ending") == sorted([chair.pk, contract.contact_officer_id])


def test_council_page_shows_its_public_contracts(client):
    contract = SignedContractFactory(title="Samen voor het Molenpad")
    ContractFactory(council=contract.council, title="Nog in verkenning")
    text = client.get(contract.council.get_absolute_url()).text
    assert "Samen voor het Molenpad" in text
    assert "Nog in verkenning" not in text


def test_council_page_without_contracts_has_no_section(client, council):
    assert "council-contracts-title" not in client.get(council.get_absolute_url()).text
