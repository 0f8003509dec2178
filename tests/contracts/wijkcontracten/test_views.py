import datetime

import pytest
from django.utils import timezone

from contracts.wijkcontracten.models import Contract, ContractStatus
from tests.contracts.factories import (
    CommitmentFactory,
    ContractFactory,
    CouncilPartyFactory,
    DepartmentPartyFactory,
    SignedContractFactory,
)

pytestmark = pytest.mark.django_db


def test_anyone_can_see_signed_contracts_but_not_drafts(client):
    signed = SignedContractFactory(title="Groen in de Rozenhof")
    draft = ContractFactory(title="Geheime verkenning")
    text = client.get("/wijkcontracten/").text
    assert "Groen in de Rozenhof" in text
    assert "Geheime verkenning" not in text
    assert client.get(f"/wijkcontracten/{signed.pk}/").status_code == 200
    response = client.get(f"/wijkcontracten/{draft.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_board_can_see_its_draft_and_other_board_cannot(client, chair, council, other_chair):
    draft = ContractFactory(council=council, title="Onze aanvraag")
    client.force_login(chair)
    assert "Onze aanvraag" in client.get("/wijkcontracten/").text
    assert client.get(f"/wijkcontracten/{draft.pk}/").status_code == 200
    client.force_login(other_chair)
    assert "Onze aanvraag" not in client.get("/wijkcontracten/").text
    assert client.get(f"/wijkcontracten/{draft.pk}/").status_code == 404


def test_public_sees_parties_commitments_and_overdue_flag(client):
    contract = SignedContractFactory()
    DepartmentPartyFactory(contract=contract, department__name="Openbare Ruimte")
    CommitmentFactory(
        contract=contract,
        what="Speelveld opknappen",
        due_date=timezone.localdate() - datetime.timedelta(days=3),
    )
    text = client.get(contract.get_absolute_url()).text
    assert "Openbare Ruimte" in text
    assert "Speelveld opknappen" in text
    assert "te laat" in text
    assert "Rol van de wijkraad" in text


def test_board_can_request_contract_through_the_form(client, chair, council):
    client.force_login(chair)
    assert client.get("/wijkcontracten/aanvragen/").status_code == 200
    response = client.post(
        "/wijkcontracten/aanvragen/",
        {
            "council": council.pk,
            "title": "Het plein van iedereen",
            "description": "Afspraken over het beheer van het plein.",
            "themes": ["maintenance", "development"],
            "partners": "Woonstichting De Linde\n",
        },
    )
    contract = Contract.objects.get()
    assert response.status_code == 302 and response["Location"] == contract.get_absolute_url()
    assert contract.parties.count() == 2


def test_board_sees_dutch_errors_beside_the_fields(client, chair, council):
    client.force_login(chair)
    response = client.post(
        "/wijkcontracten/aanvragen/", {"council": council.pk, "title": "", "description": ""}
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.text
    assert 'id="id_themes_error"' in response.text
    assert not Contract.objects.exists()


def test_member_cannot_open_the_request_form(client, member):
    client.force_login(member)
    assert client.get("/wijkcontracten/aanvragen/").status_code == 404


def test_board_cannot_request_for_another_council(client, chair, other_council):
    client.force_login(chair)
    response = client.post(
        "/wijkcontracten/aanvragen/",
        {
            "council": other_council.pk,
            "title": "Kaping",
            "description": "x",
            "themes": ["social"],
        },
    )
    assert response.status_code == 404
    assert (
        client.get(f"/wijkcontracten/aanvragen/?wijkraad={other_council.slug}").status_code == 404
    )
    assert not Contract.objects.exists()


def test_officer_sees_error_on_skipped_transition(client, officer):
    contract = ContractFactory()
    client.force_login(officer)
    response = client.post(
        f"/wijkcontracten/{contract.pk}/status/", {"to_status": "getekend", "reason": ""}
    )
    assert response.status_code == 200
    assert "kan niet naar" in response.text
    contract.refresh_from_db()
    assert contract.status == ContractStatus.REQUESTED


def test_officer_can_move_contract_from_the_staff_page(client, officer):
    contract = ContractFactory()
    client.force_login(officer)
    response = client.post(f"/wijkcontracten/{contract.pk}/status/", {"to_status": "verkenning"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.EXPLORING


def test_officer_can_set_the_term_on_the_staff_page(client, officer):
    contract = ContractFactory(status=ContractStatus.PREPARING)
    client.force_login(officer)
    response = client.post(
        f"/wijkcontracten/{contract.pk}/status/",
        {
            "save_term": "1",
            "term-start_date": "2026-01-01",
            "term-end_date": "2025-01-01",
            "term-renewal": "geen",
        },
    )
    assert "De einddatum ligt na de ingangsdatum." in response.text
    client.post(
        f"/wijkcontracten/{contract.pk}/status/",
        {
            "save_term": "1",
            "term-start_date": "2026-01-01",
            "term-end_date": "2027-01-01",
            "term-renewal": "na_evaluatie",
        },
    )
    contract.refresh_from_db()
    assert contract.end_date == datetime.date(2027, 1, 1)


def test_board_can_only_withdraw_from_the_staff_page(client, chair, council):
    contract = ContractFactory(council=council)
    client.force_login(chair)
    response = client.post(f"/wijkcontracten/{contract.pk}/status/", {"to_status": "verkenning"})
    assert response.status_code == 404
    contract.refresh_from_db()
    assert contract.status == ContractStatus.REQUESTED
    client.post(
        f"/wijkcontracten/{contract.pk}/status/",
        {"to_status": "ingetrokken", "reason": "Ander plan"},
    )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.WITHDRAWN


def test_officer_sees_error_for_commitment_before_start(client, officer):
    contract = SignedContractFactory()
    party = CouncilPartyFactory(contract=contract)
    client.force_login(officer)
    response = client.post(
        f"/wijkcontracten/{contract.pk}/afspraken/nieuw/",
        {
            "party": party.pk,
            "what": "Bankjes",
            "due_date": (contract.start_date - datetime.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "vóór de ingangsdatum" in response.text
    assert not contract.commitments.exists()


def test_officer_can_update_commitment(client, officer):
    commitment = CommitmentFactory()
    client.force_login(officer)
    url = f"/wijkcontracten/afspraken/{commitment.pk}/bijwerken/"
    response = client.post(url, {"status": "nagekomen", "evidence": ""})
    assert "Beschrijf het bewijs" in response.text
    client.post(url, {"status": "nagekomen", "evidence": "Verslag"})
    commitment.refresh_from_db()
    assert commitment.status == "nagekomen"


def _contracts(n):
    for _ in range(n):
        contract = SignedContractFactory()
        DepartmentPartyFactory(contract=contract)
        CommitmentFactory(contract=contract)
        CommitmentFactory(contract=contract)
        ContractFactory(council=contract.council)


@pytest.mark.parametrize("size", [2, 12])
def test_contract_list_queries_do_not_grow(client, officer, django_assert_max_num_queries, size):
    _contracts(size)
    client.force_login(officer)
    with django_assert_max_num_queries(11):  # + the count for the pages
        response = client.get("/wijkcontracten/")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_contract_detail_queries_do_not_grow(client, django_assert_max_num_queries, size):
    contract = SignedContractFactory()
    for _ in range(size):
        DepartmentPartyFactory(contract=contract)
        CommitmentFactory(contract=contract, party=DepartmentPartyFactory(contract=contract))
    with django_assert_max_num_queries(8):
        response = client.get(contract.get_absolute_url())
    assert response.status_code == 200


def test_officer_sees_the_transition_table_in_the_admin(client, officer):
    contract = ContractFactory()
    client.force_login(officer)
    text = client.get(f"/admin/contracts/contract/{contract.pk}/change/").text
    assert "toegestane statuswijzigingen" in text.lower()
    assert "getekend (lopend)" in text
    assert f"/wijkcontracten/{contract.pk}/status/" in text
