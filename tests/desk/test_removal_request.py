"""A person asks for the removal of their account and data (AVG): a case for the
administrators at the desk, with the promise (who, by when); nothing is deleted by itself, and
the answer reaches the person once."""

import datetime
import zoneinfo

import pytest
import time_machine

from tests.factories import AdministratorFactory, DepartmentFactory, MembershipFactory
from wijkportaal.accounts.models import User
from wijkportaal.desk import services
from wijkportaal.desk.models import REMOVAL_CASE, Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
URL = "/mijn/gegevens/verwijderen/"


@pytest.fixture
def participation(db):
    return DepartmentFactory(
        slug="wijkzaken-en-participatie",
        name="Wijkzaken en Participatie",
        email="participatie@gemeente.test",
    )


@pytest.fixture
def person(council):
    return MembershipFactory(council=council, function="lid").person


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_page_explains_what_happens_and_who_answers_within_which_term(
    client, participation, person
):
    client.force_login(person)
    page = client.get(URL).text
    assert "<title>Verwijdering van mijn account en gegevens" in page
    assert "De afdeling Wijkzaken en Participatie beantwoordt het binnen 20 werkdagen" in page
    assert "Er wordt niets vanzelf verwijderd" in page
    assert "Ja, ik vraag om verwijdering van mijn account en mijn persoonsgegevens." in page


def test_without_the_confirmation_nothing_is_submitted(client, participation, person):
    client.force_login(person)
    response = client.post(URL, {"explanation": "Ik stop bij de wijkraad."})
    assert response.status_code == 200
    error_block = response.text.split('id="id_confirm_error"', 1)[1][:300]
    assert "Vink aan dat u om verwijdering vraagt" in error_block
    assert not Case.objects.exists()


@time_machine.travel(datetime.datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False)
def test_confirmed_request_opens_a_case_for_the_administrators_with_the_promise(
    client, participation, person
):
    administrator = AdministratorFactory()
    client.force_login(person)

    response = client.post(
        URL, {"confirm": "on", "explanation": "Ik stop bij de wijkraad."}, follow=True
    )

    case = Case.objects.get()
    assert case.kind == REMOVAL_CASE and case.submitted_by == person
    assert case.department == participation and case.council is None and not case.is_public
    assert person.email in case.summary and "Ik stop bij de wijkraad." in case.summary
    # Twenty working days from Monday 14 December 2026, Christmas Day and Boxing Day skipped.
    assert case.answer_by == datetime.date(2027, 1, 13)
    assert response.redirect_chain[-1][0] == f"/mijn/verzoeken/{case.pk}/"
    page = response.text
    assert "Uw verzoek om verwijdering is ingediend." in page
    assert "De afdeling Wijkzaken en Participatie beantwoordt het uiterlijk op woensdag 13" in page
    # The person follows it on /mijn/verzoeken/, and their account still works.
    assert case.title in client.get("/mijn/verzoeken/").text
    assert User.objects.filter(pk=person.pk, is_active=True).exists()
    # The person gets the receipt; every administrator and the department's mailbox the case.
    assert Notification.objects.filter(kind=services.RECEIPT, recipient=person).count() == 1
    assert Notification.objects.filter(kind=services.NEW_CASE, recipient=administrator).exists()
    assert Notification.objects.filter(
        kind=services.NEW_CASE, to_address="participatie@gemeente.test"
    ).exists()


def test_a_second_request_while_one_is_open_returns_the_first(client, participation, person):
    AdministratorFactory()
    client.force_login(person)
    client.post(URL, {"confirm": "on"})
    page = client.get(URL).text
    assert "al om verwijdering gevraagd" in page
    assert "Verzoek om verwijdering indienen" not in page
    client.post(URL, {"confirm": "on"})
    case, created = services.removal_request_open(actor=person)
    assert created is False
    assert Case.objects.count() == 1
    assert Notification.objects.filter(kind=services.NEW_CASE).count() == 2  # admin + mailbox
    assert "al om verwijdering gevraagd" not in client.get("/mijn/").text
    assert "U hebt om verwijdering gevraagd" in client.get("/mijn/").text


def test_mijn_and_privacy_offer_the_request_to_a_logged_in_person_only(client, person):
    assert "Vraag om verwijdering" not in client.get("/privacy/").text
    assert "binnen twintig werkdagen (de wet geeft een maand)" in client.get("/privacy/").text
    client.force_login(person)
    for page in ("/mijn/", "/privacy/"):
        assert f'href="{URL}"' in client.get(page).text


def test_administrator_sees_it_on_the_worklist_and_the_answer_reaches_the_person_once(
    client, participation, person
):
    administrator = AdministratorFactory()
    case, _ = services.removal_request_open(actor=person, explanation="")
    client.force_login(administrator)
    worklist = client.get("/admin/").text
    assert case.title in worklist

    response = client.post(
        f"/admin/desk/case/{case.pk}/stap/beantwoorden/",
        {
            "beantwoorden-text": "Uw account is verwijderd.",
            "beantwoorden-visibility": "wijkraad",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED
    answers = Notification.objects.filter(kind=services.ANSWER_OWN, recipient=person)
    assert answers.count() == 1
    # Answering again is refused; no second mail.
    client.post(
        f"/admin/desk/case/{case.pk}/stap/beantwoorden/",
        {"beantwoorden-text": "Nogmaals.", "beantwoorden-visibility": "wijkraad"},
    )
    assert answers.count() == 1
    # Nothing was deleted by the desk: the administrator removes the account in the admin.
    assert User.objects.filter(pk=person.pk).exists()
    # After the answer the person may ask again (a new case).
    assert services.removal_request_open(actor=person)[1] is True
