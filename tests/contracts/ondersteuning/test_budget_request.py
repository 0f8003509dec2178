"""Requests for the Leefbaarheid & initiatiefbudget: an amount and a purpose, a case of their
own kind at the department that manages the budget, clear Dutch errors for a bad amount."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from contracts.ondersteuning import services
from contracts.ondersteuning.models import SupportRequest
from tests.contracts.factories import OfferFactory
from tests.factories import OfficerFactory
from wijkportaal.core.errors import NotFound
from wijkportaal.desk import services as desk
from wijkportaal.desk.models import Case, CaseStatus
from wijkportaal.notifications.models import Notification

pytestmark = pytest.mark.django_db


def ask(chair, council, **overrides):
    data = {
        "subject": "Buurtfeest op de dijk",
        "purpose": "Een buurtfeest in juni",
        "amount": "750,50",
        "question": "Springkussen, muziek en een maaltijd.",
        **overrides,
    }
    return services.support_budget_request_create(actor=chair, council=council, **data)


def test_a_budget_request_is_a_case_at_the_budgets_department(chair, council, desk_departments):
    officer = OfficerFactory(department=desk_departments["maatschappelijke-ontwikkeling"])
    offer = OfferFactory(kind="budget", title="Leefbaarheid & initiatiefbudget")
    support_request = ask(chair, council)

    assert support_request.amount == Decimal("750.50") and support_request.offer == offer
    assert support_request.purpose == "Een buurtfeest in juni"
    case = Case.objects.get()
    assert case.kind == "ondersteuning.budget_request" and case.subject == support_request
    assert case.department.slug == "maatschappelijke-ontwikkeling" and case.topic == "budget"
    assert "€ 750,50" in case.summary and "Een buurtfeest in juni" in case.summary
    assert Notification.objects.filter(kind=desk.RECEIPT, recipient=chair).count() == 1
    assert Notification.objects.filter(kind=desk.NEW_CASE, recipient=officer).count() == 1

    # The decision at the desk shows on the request.
    desk.case_answer(actor=officer, case=case, text="Toegekend: € 750,50.", public=False)
    support_request.refresh_from_db()
    assert (
        support_request.answer == "Toegekend: € 750,50." and support_request.status == "beantwoord"
    )
    assert Case.objects.get().status == CaseStatus.ANSWERED


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Vul het bedrag in euro's in"),
        ("veel", "Vul het bedrag in euro's in"),
        ("0", "groter dan nul"),
        ("-5", "groter dan nul"),
        ("12,345", "twee cijfers achter de komma"),
        ("100000,01", "hoogstens"),
        ("NaN", "Vul het bedrag in euro's in"),
    ],
)
def test_a_bad_amount_is_a_clear_error_and_saves_nothing(chair, council, amount, message):
    with pytest.raises(ValidationError) as error:
        ask(chair, council, amount=amount)
    assert message in " ".join(error.value.message_dict["amount"])
    assert not SupportRequest.objects.exists() and not Case.objects.exists()


def test_only_the_board_asks(member, council):
    with pytest.raises(NotFound):
        ask(member, council)


def test_the_form_says_who_decides_by_when(client, chair, council):
    OfferFactory(kind="budget", title="Leefbaarheid & initiatiefbudget")
    client.force_login(chair)
    index = client.get("/ondersteuning/").text
    assert 'href="/ondersteuning/budget/aanvragen/"' in index
    page = client.get("/ondersteuning/budget/aanvragen/").text
    assert "binnen 20 werkdagen" in page and 'href="/mijn/verzoeken/"' in page
    response = client.post(
        "/ondersteuning/budget/aanvragen/",
        {
            "council": council.pk,
            "subject": "Feest",
            "purpose": "Feest",
            "amount": "",
            "question": "x",
        },
    )
    assert 'id="id_amount_error"' in response.text
    response = client.post(
        "/ondersteuning/budget/aanvragen/",
        {
            "council": council.pk,
            "subject": "Feest",
            "purpose": "Buurtfeest",
            "amount": "300",
            "question": "Een feest.",
        },
        follow=True,
    )
    case = Case.objects.get()
    assert "De afdeling Maatschappelijke Ontwikkeling beslist erover uiterlijk op" in response.text
    assert "€ 300,00" in response.text and f'href="/mijn/verzoeken/{case.pk}/"' in response.text
