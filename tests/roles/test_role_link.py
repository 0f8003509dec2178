import datetime

import pytest
from django.utils import timezone

from roles.services import role_declaration_create
from tests.contracts.factories import SignedContractFactory
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_contract_page_shows_the_role_the_board_declared_for_this_contract(client):
    contract = SignedContractFactory()
    chair = MembershipFactory(council=contract.council, function="voorzitter").person
    role_declaration_create(
        actor=chair,
        council=contract.council,
        role="zelforganisatie",
        start=timezone.localdate(),
        scope_object=contract,
        reason="Wij beslissen mee over de inrichting van het plein.",
        frameworks_acknowledged=True,
    )
    page = client.get(contract.get_absolute_url())
    assert page.status_code == 200
    assert "zelforganisatie" in page.text.lower()
    assert "nog geen rol vastgelegd" not in page.text


def test_board_can_choose_its_contract_as_scope_of_a_declaration(client):
    contract = SignedContractFactory()
    chair = MembershipFactory(council=contract.council, function="voorzitter").person
    client.force_login(chair)
    form = client.get(f"/wijkraden/{contract.council.slug}/rollen/nieuw/")
    assert form.status_code == 200
    assert str(contract) in form.text


def test_contract_page_falls_back_to_the_general_declaration(client):
    contract = SignedContractFactory()
    chair = MembershipFactory(council=contract.council, function="voorzitter").person
    role_declaration_create(
        actor=chair,
        council=contract.council,
        role="netwerkorganisatie",
        start=timezone.localdate() + datetime.timedelta(days=0),
    )
    page = client.get(contract.get_absolute_url())
    assert "netwerkorganisatie" in page.text.lower()
