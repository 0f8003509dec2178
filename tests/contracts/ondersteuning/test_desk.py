"""Support requests at the desk: one case per request with its mails exactly once, the
officers' answer reaches the board through the desk, and an answer given at the desk shows on
the request."""

import datetime
import zoneinfo

import pytest
import time_machine

from contracts.ondersteuning import services
from contracts.ondersteuning.models import SupportRequest, SupportRequestStatus
from tests.contracts.factories import OfferFactory
from tests.factories import OfficerFactory
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


def ask(chair, council, **extra):
    return services.support_request_create(
        actor=chair,
        council=council,
        offer=extra.pop("offer", None),
        subject="Bewonersavond over de Lanen",
        question="Kan een opbouwwerker helpen de avond voor te bereiden?",
    )


@time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False)
def test_a_request_opens_one_case_with_its_receipt_and_new_case_mail_once(
    chair, council, desk_officer
):
    support_request = ask(chair, council, offer=OfferFactory(kind="opbouwwerk"))

    case = Case.objects.get()
    assert case.kind == "ondersteuning.request" and case.subject == support_request
    assert case.council == council and case.submitted_by == chair
    assert case.department.slug == "wijkzaken-en-participatie" and case.topic == "opbouwwerk"
    assert not case.is_public
    # Ten working days, Christmas Day skipped.
    assert case.answer_by == datetime.date(2026, 12, 29)
    assert list(mails(desk.RECEIPT).values_list("recipient", flat=True)) == [chair.pk]
    assert set(mails(desk.NEW_CASE).values_list("to_address", flat=True)) == {
        desk_officer.email,
        "wijkzaken-en-participatie@gemeente.test",
    }
    assert not mails("contracts.support_unanswered").exists()


def test_the_confirmation_says_who_answers_by_when_and_where_to_follow_it(
    client, chair, council, desk_officer
):
    client.force_login(chair)
    form = client.get("/ondersteuning/aanvragen/").text
    assert "binnen 10 werkdagen" in form and 'href="/mijn/verzoeken/"' in form
    assert "Een ambtenaar" not in form
    response = client.post(
        "/ondersteuning/aanvragen/",
        {"council": council.pk, "subject": "Bewonersavond", "question": "Wie helpt?"},
        follow=True,
    )
    case = Case.objects.get()
    date = case.answer_by.strftime("%-d")
    text = response.text
    assert "Wijkzaken en Participatie" in text and f" {date} " in text
    assert f'href="/mijn/verzoeken/{case.pk}/"' in text
    assert "Bij de gemeente" in text


def test_the_officers_handling_moves_and_answers_the_case_once(
    client, chair, council, desk_officer
):
    support_request = ask(chair, council)
    services.support_request_handle(
        actor=desk_officer, support_request=support_request, status="behandeling"
    )
    assert Case.objects.get().status == CaseStatus.IN_PROGRESS

    services.support_request_handle(
        actor=desk_officer,
        support_request=support_request,
        status="beantwoord",
        answer="Welzijn Noord neemt contact met u op.",
    )
    case = Case.objects.get()
    assert case.status == CaseStatus.ANSWERED
    assert case.answer == "Welzijn Noord neemt contact met u op." and not case.answer_public
    # Correcting the request's answer later sends nothing twice.
    services.support_request_handle(
        actor=desk_officer, support_request=support_request, status="beantwoord", answer="Nu."
    )
    assert list(mails(desk.ANSWER_OWN).values_list("recipient", flat=True)) == [chair.pk]
    client.force_login(chair)
    assert "Welzijn Noord neemt contact" in client.get(f"/mijn/verzoeken/{case.pk}/").text


def test_an_answer_at_the_desk_shows_on_the_request(chair, council, desk_officer):
    support_request = ask(chair, council)
    desk.case_answer(
        actor=desk_officer,
        case=Case.objects.get(),
        text="We sturen een opbouwwerker.",
        public=False,
    )
    support_request.refresh_from_db()
    assert support_request.status == SupportRequestStatus.ANSWERED
    assert support_request.answer == "We sturen een opbouwwerker."
    assert support_request.handler == desk_officer and support_request.answered_at
    assert mails(desk.ANSWER_OWN).count() == 1


def test_a_refused_request_opens_no_case(chair, council, desk_officer):
    with pytest.raises(Exception):  # noqa: B017 - the field errors are tested elsewhere
        services.support_request_create(
            actor=chair, council=council, offer=None, subject="", question=""
        )
    assert not Case.objects.exists() and not SupportRequest.objects.exists()
    assert not Notification.objects.exists()
