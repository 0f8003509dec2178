"""Contract requests at the desk: one case per request with its mails exactly once; the first
decision (verkennen or afwijzen) answers it through the desk, withdrawing closes it, signing
completes it; the pages say who answers and by when."""

import datetime
import zoneinfo

import pytest
import time_machine

from contracts.wijkcontracten import services
from tests.contracts.factories import ContractFactory
from tests.factories import MembershipFactory, OfficerFactory
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def desk_officer(desk_departments):
    return OfficerFactory(department=desk_departments["wijkzaken-en-participatie"])


def mails(kind):
    return Notification.objects.filter(kind=kind)


def request(chair, council):
    return services.contract_request(
        actor=chair,
        council=council,
        title="Samen de Rozenhof onderhouden",
        description="Wij willen afspraken over groen en het speelveld.",
        themes=["maintenance"],
    )


@time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False)
def test_a_request_opens_one_case_with_its_receipt_and_new_case_mail_once(
    chair, council, desk_officer
):
    contract = request(chair, council)

    case = Case.objects.get()
    assert case.kind == "wijkcontracten.request" and case.subject == contract
    assert case.council == council and case.submitted_by == chair and not case.is_public
    assert case.department.slug == "wijkzaken-en-participatie"
    # Twenty working days; Christmas Day and New Year's Day do not count.
    assert case.answer_by == datetime.date(2027, 1, 13)
    assert list(mails(desk.RECEIPT).values_list("recipient", flat=True)) == [chair.pk]
    assert set(mails(desk.NEW_CASE).values_list("to_address", flat=True)) == {
        desk_officer.email,
        "wijkzaken-en-participatie@gemeente.test",
    }


def test_exploring_answers_the_request_to_the_board_once(chair, council, desk_officer):
    treasurer = MembershipFactory(council=council, function="penningmeester").person
    contract = request(chair, council)
    services.contract_transition(
        actor=desk_officer, contract=contract, to_status="verkenning", reason="Eerst een schouw."
    )
    case = Case.objects.get()
    assert case.status == CaseStatus.ANSWERED and case.answered_by == desk_officer
    assert "verkennen" in case.answer and "Eerst een schouw." in case.answer
    assert list(mails(desk.ANSWER_OWN).values_list("recipient", flat=True)) == [chair.pk]
    assert list(mails(desk.ANSWER_COUNCIL).values_list("recipient", flat=True)) == [treasurer.pk]

    # Later steps do not answer again; signing completes the case.
    services.contract_transition(actor=desk_officer, contract=contract, to_status="voorbereiding")
    services.contract_term_update(
        actor=desk_officer,
        contract=contract,
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2028, 1, 1),
    )
    services.contract_transition(actor=desk_officer, contract=contract, to_status="getekend")
    assert Case.objects.get().status == CaseStatus.CLOSED
    assert mails(desk.ANSWER_OWN).count() == 1 and not mails(desk.CLOSED).exists()


def test_rejecting_answers_with_the_reason(chair, council, desk_officer):
    contract = request(chair, council)
    services.contract_transition(
        actor=desk_officer, contract=contract, to_status="afgewezen", reason="Past niet."
    )
    case = Case.objects.get()
    assert (
        case.status == CaseStatus.ANSWERED and "af" in case.answer and "Past niet." in case.answer
    )
    assert mails(desk.ANSWER_OWN).count() == 1


def test_the_board_withdrawing_closes_the_case_with_its_reason(chair, council, desk_officer):
    contract = request(chair, council)
    services.contract_transition(
        actor=chair, contract=contract, to_status="ingetrokken", reason="Anders opgelost."
    )
    case = Case.objects.get()
    assert case.status == CaseStatus.CLOSED and case.closed_reason == "Anders opgelost."


def test_a_contract_from_before_the_desk_moves_without_a_case(desk_officer):
    contract = ContractFactory()
    services.contract_transition(actor=desk_officer, contract=contract, to_status="verkenning")
    assert not Case.objects.exists()


def test_the_pages_say_who_answers_by_when_and_where_to_follow_it(
    client, chair, council, desk_officer
):
    client.force_login(chair)
    form = client.get("/wijkcontracten/aanvragen/").text
    assert "binnen 20 werkdagen" in form and "Een ambtenaar" not in form
    assert 'href="/mijn/verzoeken/"' in form
    response = client.post(
        "/wijkcontracten/aanvragen/",
        {
            "council": council.pk,
            "title": "Samen de Rozenhof onderhouden",
            "description": "Wij willen afspraken over groen.",
            "themes": ["maintenance"],
        },
        follow=True,
    )
    case = Case.objects.get()
    text = response.text
    assert "neemt contact op" not in text
    assert "De afdeling Wijkzaken en Participatie antwoordt uiterlijk op" in text
    assert f'href="/mijn/verzoeken/{case.pk}/"' in text
    client.force_login(desk_officer)
    page = client.get(f"/wijkcontracten/{case.object_id}/").text
    assert f'href="/admin/desk/case/{case.pk}/change/"' in page
