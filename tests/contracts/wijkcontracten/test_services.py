import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from contracts.wijkcontracten import selectors, services
from contracts.wijkcontracten.models import (
    CONTRACT_MACHINE,
    Commitment,
    CommitmentStatus,
    Contract,
    ContractOrigin,
    ContractStatus,
    PartyKind,
)
from tests.contracts.factories import (
    CommitmentFactory,
    ContractFactory,
    CouncilPartyFactory,
    SignedContractFactory,
)
from wijkportaal.core.errors import NotFound
from wijkportaal.core.registry import IndicatorSource, Period, registry

pytestmark = pytest.mark.django_db


def request(actor, council, **overrides):
    data = {
        "title": "Samen de Rozenhof onderhouden",
        "description": "Wij willen afspraken over groen en het speelveld.",
        "themes": ["maintenance", "social"],
        "partners": ["Woonstichting De Linde"],
    }
    data.update(overrides)
    return services.contract_request(actor=actor, council=council, **data)


def test_board_can_request_contract(chair, council):
    contract = request(chair, council)
    assert contract.status == ContractStatus.REQUESTED
    assert contract.theme_maintenance and contract.theme_social and not contract.theme_development
    kinds = sorted(contract.parties.values_list("kind", flat=True))
    assert kinds == [PartyKind.PARTNER, PartyKind.COUNCIL]
    step = contract.transitions.get()
    assert step.by == chair and step.to_status == ContractStatus.REQUESTED


def test_member_cannot_request_contract(member, council):
    with pytest.raises(NotFound):
        request(member, council)
    assert not Contract.objects.exists()


def test_board_cannot_request_contract_for_another_council(chair, other_council):
    with pytest.raises(NotFound):
        request(chair, other_council)
    assert not Contract.objects.exists()


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("themes", {"themes": []}),
        ("themes", {"themes": ["bestaat-niet"]}),
        ("title", {"title": "   "}),
        ("description", {"description": ""}),
        ("partners", {"partners": ["x" * 201]}),
    ],
)
def test_board_cannot_request_contract_with_bad_input(chair, council, field, overrides):
    with pytest.raises(ValidationError) as error:
        request(chair, council, **overrides)
    assert field in error.value.message_dict
    assert not Contract.objects.exists()


def walk(contract, officer, *statuses):
    for status in statuses:
        reason = "Klaar" if status in ("afgesloten", "afgewezen", "ingetrokken") else ""
        services.contract_transition(
            actor=officer, contract=contract, to_status=status, reason=reason
        )
        contract.refresh_from_db()


def test_officer_can_move_contract_through_all_states(officer, chair, council):
    contract = request(chair, council)
    walk(contract, officer, "verkenning", "voorbereiding")
    services.contract_term_update(
        actor=officer,
        contract=contract,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )
    walk(contract, officer, "getekend", "geevalueerd", "afgesloten")
    steps = list(contract.transitions.values_list("from_status", "to_status"))
    assert steps == [
        ("", "aangevraagd"),
        ("aangevraagd", "verkenning"),
        ("verkenning", "voorbereiding"),
        ("voorbereiding", "getekend"),
        ("getekend", "geevalueerd"),
        ("geevalueerd", "afgesloten"),
    ]
    assert all(
        by == officer.pk
        for by in contract.transitions.exclude(from_status="").values_list("by", flat=True)
    )
    assert contract.transitions.last().reason == "Klaar"


@pytest.mark.parametrize(
    ("start", "path", "target"),
    [
        ("aangevraagd", [], "getekend"),  # skipped
        ("aangevraagd", [], "voorbereiding"),  # skipped
        ("verkenning", ["verkenning"], "aangevraagd"),  # backward
        ("voorbereiding", ["verkenning", "voorbereiding"], "verkenning"),  # backward
        ("afgewezen", ["afgewezen"], "verkenning"),  # from a final state
        ("aangevraagd", [], "onzin"),  # not a state
    ],
)
def test_officer_cannot_skip_or_go_back(officer, chair, council, start, path, target):
    contract = request(chair, council)
    walk(contract, officer, *path)
    assert contract.status == start
    with pytest.raises(ValidationError) as error:
        services.contract_transition(actor=officer, contract=contract, to_status=target, reason="x")
    assert "to_status" in error.value.message_dict
    contract.refresh_from_db()
    assert contract.status == start
    assert contract.transitions.count() == len(path) + 1


def test_skipped_transition_error_is_dutch_and_names_the_options(officer, chair, council):
    contract = request(chair, council)
    with pytest.raises(ValidationError) as error:
        services.contract_transition(actor=officer, contract=contract, to_status="getekend")
    message = error.value.message_dict["to_status"][0]
    assert "kan niet naar ‘getekend (lopend)’" in message
    assert "verkenning" in message


@pytest.mark.parametrize("target", ["afgewezen", "ingetrokken"])
def test_officer_cannot_reject_or_withdraw_without_reason(officer, chair, council, target):
    contract = request(chair, council)
    with pytest.raises(ValidationError) as error:
        services.contract_transition(actor=officer, contract=contract, to_status=target)
    assert error.value.message_dict["reason"] == ["Geef een reden op voor deze stap."]


def test_officer_cannot_close_without_reason(officer):
    contract = SignedContractFactory()
    with pytest.raises(ValidationError):
        services.contract_transition(actor=officer, contract=contract, to_status="afgesloten")


def test_officer_cannot_sign_without_term(officer, chair, council):
    contract = request(chair, council)
    walk(contract, officer, "verkenning", "voorbereiding")
    with pytest.raises(ValidationError) as error:
        services.contract_transition(actor=officer, contract=contract, to_status="getekend")
    assert "looptijd" in error.value.message_dict["to_status"][0]


def test_board_can_withdraw_but_not_move_its_request(chair, council):
    contract = request(chair, council)
    with pytest.raises(PermissionDenied):
        services.contract_transition(actor=chair, contract=contract, to_status="verkenning")
    services.contract_transition(
        actor=chair, contract=contract, to_status="ingetrokken", reason="Geen tijd dit jaar"
    )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.WITHDRAWN


def test_other_board_cannot_withdraw_request(chair, council, other_chair):
    contract = request(chair, council)
    with pytest.raises(PermissionDenied):
        services.contract_transition(
            actor=other_chair, contract=contract, to_status="ingetrokken", reason="x"
        )


def test_transition_table_has_every_state_and_no_way_back_to_start():
    assert set(CONTRACT_MACHINE.transitions) == set(ContractStatus.values)
    assert all("aangevraagd" not in targets for targets in CONTRACT_MACHINE.transitions.values())


def test_officer_cannot_add_commitment_due_before_the_contract_starts(officer):
    contract = SignedContractFactory()
    party = CouncilPartyFactory(contract=contract)
    with pytest.raises(ValidationError) as error:
        services.commitment_create(
            actor=officer,
            contract=contract,
            party=party,
            what="Bankjes plaatsen",
            due_date=contract.start_date - datetime.timedelta(days=1),
        )
    assert "vóór de ingangsdatum" in error.value.message_dict["due_date"][0]
    assert not Commitment.objects.exists()


def test_officer_can_add_commitment_and_board_cannot(officer, chair):
    contract = SignedContractFactory(council=chair.memberships.get().council)
    party = CouncilPartyFactory(contract=contract)
    commitment = services.commitment_create(
        actor=officer,
        contract=contract,
        party=party,
        what="Bankjes plaatsen",
        due_date=contract.start_date,
    )
    assert commitment.status == CommitmentStatus.OPEN
    with pytest.raises(PermissionDenied):
        services.commitment_create(
            actor=chair, contract=contract, party=party, what="x", due_date=contract.start_date
        )


def test_officer_cannot_mark_commitment_done_without_evidence(officer):
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError) as error:
        services.commitment_update(actor=officer, commitment=commitment, status="nagekomen")
    assert "evidence" in error.value.message_dict
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.OPEN
    services.commitment_update(
        actor=officer, commitment=commitment, status="nagekomen", evidence="Verslag 3 maart"
    )
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.DONE


def test_term_cannot_start_after_a_commitment_is_due(officer):
    commitment = CommitmentFactory()
    contract = commitment.contract
    with pytest.raises(ValidationError) as error:
        services.contract_term_update(
            actor=officer,
            contract=contract,
            start_date=commitment.due_date + datetime.timedelta(days=1),
            end_date=commitment.due_date + datetime.timedelta(days=400),
        )
    assert "start_date" in error.value.message_dict


def test_term_end_must_follow_start(officer):
    contract = ContractFactory()
    with pytest.raises(ValidationError) as error:
        services.contract_term_update(
            actor=officer,
            contract=contract,
            start_date=datetime.date(2026, 5, 1),
            end_date=datetime.date(2026, 4, 1),
        )
    assert "end_date" in error.value.message_dict


def test_overdue_commitments_are_flagged():
    late = CommitmentFactory(due_date=timezone.localdate() - datetime.timedelta(days=1))
    done = CommitmentFactory(
        due_date=timezone.localdate() - datetime.timedelta(days=1),
        status=CommitmentStatus.DONE,
        evidence="Foto's",
    )
    future = CommitmentFactory()
    assert late.overdue and not done.overdue and not future.overdue
    assert list(Commitment.objects.overdue()) == [late]


def _year(year: int, now: datetime.datetime) -> Period:
    return Period(start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31), now=now)


def test_indicator_counts_only_contracts_a_wijkraad_requested_and_started_in_the_period():
    """Recommendation 9 at the edge of its definition: a wijkraad's request signed and started
    in the period counts; an officer-created contract does not; a requested one that started
    before the period does not; one still on its way does not; one starting later does not."""
    by_council = ContractOrigin.COUNCIL_REQUEST
    today = datetime.date(2026, 3, 1)
    SignedContractFactory(origin=by_council, start_date=datetime.date(2026, 2, 1))  # counts
    SignedContractFactory(start_date=datetime.date(2026, 2, 1))  # the municipality's own
    SignedContractFactory(origin=by_council, start_date=datetime.date(2025, 12, 31))  # before
    SignedContractFactory(origin=by_council, start_date=datetime.date(2026, 3, 2))  # not yet
    ContractFactory(origin=by_council, start_date=datetime.date(2026, 2, 1))  # only requested
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    source = registry.get(IndicatorSource, "contracts.started_this_year")
    assert source.compute(_year(2026, now)) == 1
    assert selectors.contracts_started_this_year(today) == 1


def test_a_request_through_the_portal_is_marked_as_the_wijkraads_own(chair, council):
    contract = request(chair, council)
    assert contract.origin == ContractOrigin.COUNCIL_REQUEST
    assert ContractFactory().origin == ContractOrigin.MUNICIPALITY
