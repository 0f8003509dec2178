"""A wrong budget decision is corrected by a reversing entry with a reason: the original is
never edited or deleted, the public spending list shows both, and the totals come from the
ledger (a reversal counts negatively)."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from contracts.beheerexperiment import services
from contracts.beheerexperiment.models import BudgetDecision
from tests.contracts.factories import LineFactory, PilotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def line(council):
    return LineFactory(pilot=PilotFactory(council=council), amount=Decimal("1000.00"))


@pytest.fixture
def decision(chair, line):
    return services.budget_decision_create(
        actor=chair,
        line=line,
        decided_on=timezone.localdate(),
        amount="400,00",
        purpose="Burendag in de Rozenhof",
        recipient="Buurtvereniging Rozenhof",
    )


def reverse(actor, decision, amount="150,50", reason="Te hoog geboekt."):
    return services.budget_decision_reverse(
        actor=actor, decision=decision, amount=amount, reason=reason
    )


def test_a_reversal_is_a_new_entry_and_the_original_stays(chair, line, decision):
    reversal = reverse(chair, decision)
    original = BudgetDecision.objects.get(pk=decision.pk)
    assert original.amount == Decimal("400.00") and original.reverses is None
    assert reversal.reverses == original and reversal.reason == "Te hoog geboekt."
    assert reversal.signed_amount == Decimal("-150.50")
    line.refresh_from_db()
    assert line.balance == Decimal("750.50")


def test_reversals_cannot_exceed_what_is_left_of_the_original(chair, line, decision):
    reverse(chair, decision, amount="300")
    with pytest.raises(ValidationError) as error:
        reverse(chair, decision, amount="100.01")
    assert (
        "De correctie is groter dan wat van dit besluit nog over is: hoogstens € 100,00."
        in error.value.message_dict["amount"][0]
    )
    assert BudgetDecision.objects.count() == 2
    line.refresh_from_db()
    assert line.spent == Decimal("100.00")
    reverse(chair, decision, amount="100")
    line.refresh_from_db()
    assert line.spent == 0


def test_a_reversal_larger_than_the_decision_is_refused(chair, line, decision):
    with pytest.raises(ValidationError) as error:
        reverse(chair, decision, amount="400.01")
    assert "hoogstens € 400,00" in error.value.message_dict["amount"][0]
    assert BudgetDecision.objects.count() == 1


def test_a_reversal_needs_a_reason_and_cannot_itself_be_reversed(chair, decision):
    with pytest.raises(ValidationError) as error:
        reverse(chair, decision, reason=" ", amount="-1")
    assert set(error.value.message_dict) == {"reason", "amount"}
    reversal = reverse(chair, decision)
    with pytest.raises(ValidationError) as error:
        reverse(chair, reversal)
    assert "kan niet zelf worden gecorrigeerd" in error.value.messages[0]
    assert BudgetDecision.objects.count() == 2


@pytest.mark.parametrize("who", ["member", "other_chair", "officer"])
def test_only_the_board_reverses(request, decision, who):
    with pytest.raises(PermissionDenied):
        reverse(request.getfixturevalue(who), decision)


def test_database_refuses_a_reversal_without_reason(decision):
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetDecision.objects.create(
            line=decision.line,
            decided_on=decision.decided_on,
            amount=Decimal("1"),
            purpose="x",
            recipient="y",
            reverses=decision,
        )


def test_public_list_shows_both_and_totals_from_the_ledger(client, chair, line, decision):
    reverse(chair, decision)
    overview = client.get("/beheerexperiment/")
    # Spent: 400,00 − 150,50.
    assert "€ 249,50" in overview.text
    detail = client.get(line.pilot.get_absolute_url())
    assert "Correctie van het besluit van" in detail.text
    assert "Te hoog geboekt." in detail.text
    assert "€ 400,00" in detail.text and "-150,50" in detail.text
    assert "€ 750,50" in detail.text  # the line's balance
    body = b"".join(
        client.get(f"/beheerexperiment/{line.pilot.pk}/uitgaven.csv").streaming_content
    ).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert [row[3] for row in rows[1:]] == ["-150.50", "400.00"]
    assert rows[1][7] == "Te hoog geboekt."


def test_board_corrects_through_the_form(client, chair, line, decision):
    client.force_login(chair)
    assert "corrigeren" in client.get(line.pilot.get_absolute_url()).text
    url = f"/beheerexperiment/besluiten/{decision.pk}/corrigeren/"
    response = client.post(url, {"amount": "500", "reason": "Dubbel geboekt."})
    assert response.status_code == 200 and 'id="id_amount_error"' in response.text
    assert "hoogstens € 400,00" in response.text
    assert BudgetDecision.objects.count() == 1
    response = client.post(url, {"amount": "400", "reason": "Dubbel geboekt."})
    assert response.status_code == 302
    assert BudgetDecision.objects.count() == 2


@pytest.mark.parametrize("size", [1, 8])
def test_reversal_page_queries_do_not_grow(
    client, chair, line, decision, django_assert_max_num_queries, size
):
    for _ in range(size):
        reverse(chair, decision, amount="1")
    client.force_login(chair)
    with django_assert_max_num_queries(10):
        response = client.get(f"/beheerexperiment/besluiten/{decision.pk}/corrigeren/")
    assert response.status_code == 200
    assert f"€ {400 - size},00" in response.text
