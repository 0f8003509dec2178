import csv
import datetime
import io
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from contracts.beheerexperiment import services
from contracts.beheerexperiment.models import BudgetDecision, BudgetLine, BudgetLineKind
from tests.contracts.factories import LineFactory, PilotFactory
from tests.factories import MembershipFactory, OfficerFactory
from tests.pg import requires_postgres
from wijkportaal.core.money import format_money

TODAY = timezone.localdate


def decide(actor, line, **overrides):
    data = {
        "decided_on": TODAY(),
        "amount": "250,50",
        "purpose": "Plantenbakken op het plein",
        "recipient": "Tuinvereniging De Hof",
    }
    data.update(overrides)
    return services.budget_decision_create(actor=actor, line=line, **data)


@pytest.fixture
def line(council):
    return LineFactory(pilot=PilotFactory(council=council), amount=Decimal("1000.00"))


@pytest.mark.django_db
def test_board_can_record_a_decision_and_the_balance_drops(chair, line):
    decision = decide(chair, line)
    line.refresh_from_db()
    assert decision.amount == Decimal("250.50")
    assert line.spent == Decimal("250.50")
    assert line.balance == Decimal("749.50")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "groter dan nul"),
        ("0", "groter dan nul"),
        ("veel", "Vul een bedrag"),
        ("", "Vul een bedrag"),
        ("NaN", "Vul een bedrag"),
        ("10,555", "twee cijfers"),
        ("1000,01", "nog € 1.000,00 beschikbaar"),
    ],
)
def test_board_cannot_record_a_bad_or_overdrawing_amount(chair, line, amount, message):
    with pytest.raises(ValidationError) as error:
        decide(chair, line, amount=amount)
    assert message in error.value.message_dict["amount"][0]
    line.refresh_from_db()
    assert line.spent == 0
    assert not BudgetDecision.objects.exists()


@pytest.mark.django_db
def test_board_can_spend_exactly_the_whole_line(chair, line):
    decide(chair, line, amount="999.99")
    decide(chair, line, amount="0.01")
    line.refresh_from_db()
    assert line.balance == 0
    with pytest.raises(ValidationError):
        decide(chair, line, amount="0.01")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"decided_on": None}, "decided_on"),
        ({"decided_on": datetime.date(2000, 1, 1)}, "decided_on"),
        ({"decided_on": TODAY() + datetime.timedelta(days=400)}, "decided_on"),
        ({"purpose": " "}, "purpose"),
        ({"recipient": ""}, "recipient"),
        ({"document": SimpleUploadedFile("besluit.exe", b"MZ")}, "document"),
        ({"document": SimpleUploadedFile("besluit.pdf", b"geen pdf")}, "document"),
        (
            {"document": SimpleUploadedFile("besluit.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024))},
            "document",
        ),
    ],
)
def test_board_cannot_record_a_decision_with_bad_input(chair, line, overrides, field):
    with pytest.raises(ValidationError) as error:
        decide(chair, line, **overrides)
    assert field in error.value.message_dict
    assert not BudgetDecision.objects.exists()


@pytest.mark.django_db
def test_board_can_attach_a_pdf(chair, line):
    decision = decide(chair, line, document=SimpleUploadedFile("besluit.pdf", b"%PDF-1.4 x"))
    assert decision.document.name.endswith(".pdf")


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "other_chair", "officer"])
def test_others_cannot_record_a_decision(request, line, who):
    with pytest.raises(PermissionDenied):
        decide(request.getfixturevalue(who), line)


@pytest.mark.django_db
def test_database_refuses_an_overdrawn_line(line):
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.filter(pk=line.pk).update(spent=Decimal("1000.01"))


@pytest.mark.django_db
def test_database_refuses_a_decision_without_a_positive_amount(chair, line):
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetDecision.objects.create(
            line=line, decided_on=TODAY(), amount=Decimal("-1"), purpose="x", recipient="y"
        )


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_decisions_cannot_overdraw_a_line():
    """Two board members submit at the same moment; each alone fits, together they do not."""
    membership = MembershipFactory(function="voorzitter")
    second = MembershipFactory(council=membership.council, function="penningmeester")
    line = LineFactory(pilot=PilotFactory(council=membership.council), amount=Decimal("1000"))
    barrier = threading.Barrier(2)
    results = []

    def submit(actor):
        try:
            barrier.wait(timeout=10)
            decide(actor, line, amount="600.00")
            results.append("ok")
        except ValidationError as error:
            results.append(error.message_dict["amount"][0])
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(user,)) for user in (membership.person, second.person)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    line.refresh_from_db()
    # Both finished cleanly: one accepted, the other refused with the balance it saw.
    assert len(results) == 2 and results.count("ok") == 1
    refused = next(result for result in results if result != "ok")
    assert "nog € 400,00 beschikbaar" in refused
    assert line.spent == Decimal("600.00")
    assert BudgetDecision.objects.count() == 1


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anyone_can_see_the_spending_overview_and_csv(client, chair, line):
    decide(chair, line, purpose="=HYPERLINK(evil)", amount="934.50")
    page = client.get("/beheerexperiment/")
    assert page.status_code == 200 and "€ 934,50" in page.text
    detail = client.get(line.pilot.get_absolute_url())
    assert "€ 65,50" in detail.text and "Saldo per post" in detail.text
    response = client.get(f"/beheerexperiment/{line.pilot.pk}/uitgaven.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "datum",
        "wijkraad",
        "post",
        "bedrag",
        "doel",
        "ontvanger",
        "corrigeert",
        "reden",
    ]
    assert rows[1][3] == "934.50"
    assert rows[1][4] == "'=HYPERLINK(evil)"


@pytest.mark.django_db
def test_board_sees_overdraw_error_beside_the_amount(client, chair, line):
    client.force_login(chair)
    url = f"/beheerexperiment/{line.pilot.pk}/besluiten/nieuw/"
    response = client.post(
        url,
        {
            "line": line.pk,
            "decided_on": TODAY().isoformat(),
            "amount": "5000",
            "purpose": "Nieuw speeltoestel",
            "recipient": "Speelgoed BV",
        },
    )
    assert response.status_code == 200
    assert 'id="id_amount_error"' in response.text
    assert "nog € 1.000,00 beschikbaar" in response.text
    assert not BudgetDecision.objects.exists()


@pytest.mark.django_db
def test_board_can_record_a_decision_with_document_through_the_form(client, chair, line):
    client.force_login(chair)
    response = client.post(
        f"/beheerexperiment/{line.pilot.pk}/besluiten/nieuw/",
        {
            "line": line.pk,
            "decided_on": TODAY().isoformat(),
            "amount": "99,95",
            "purpose": "Buurtfeest",
            "recipient": "Buurtvereniging",
            "document": SimpleUploadedFile("besluit.pdf", b"%PDF-1.4 besluit"),
        },
    )
    assert response.status_code == 302
    decision = BudgetDecision.objects.get()
    assert decision.amount == Decimal("99.95")
    download = client.get(f"/beheerexperiment/besluiten/{decision.pk}/document/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # The admin shows the decision read-only and links the same view, never /media/.
    client.force_login(OfficerFactory())
    page = client.get(f"/admin/contracts/budgetdecision/{decision.pk}/change/").text
    assert f'href="/beheerexperiment/besluiten/{decision.pk}/document/"' in page
    assert "/media/" not in page


def _pilots(n):
    for _ in range(n):
        pilot = PilotFactory()
        for kind in BudgetLineKind.values:
            line = LineFactory(pilot=pilot, kind=kind, amount=Decimal("500"))
            BudgetDecision.objects.create(
                line=line, decided_on=TODAY(), amount=Decimal("10"), purpose="x", recipient="y"
            )


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 8])
def test_pilot_pages_queries_do_not_grow(client, django_assert_max_num_queries, size):
    _pilots(size)
    with django_assert_max_num_queries(6):
        assert client.get("/beheerexperiment/").status_code == 200
    pilot = PilotFactory()
    for kind in BudgetLineKind.values:
        line = LineFactory(pilot=pilot, kind=kind, amount=Decimal("500"))
        for _ in range(size):
            BudgetDecision.objects.create(
                line=line, decided_on=TODAY(), amount=Decimal("1"), purpose="x", recipient="y"
            )
    with django_assert_max_num_queries(6):
        assert client.get(pilot.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(f"/beheerexperiment/{pilot.pk}/uitgaven.csv").status_code == 200


def test_amounts_show_in_dutch_notation():
    with translation.override("nl"):
        assert format_money(Decimal("1234567.5")) == "€ 1.234.567,50"
        assert format_money(Decimal("0")) == "€ 0,00"
