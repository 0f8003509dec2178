"""Issue 15: money totals cannot drift from the ledger. A budget line's `spent` equals the sum
of its decisions after every path that writes (the board's service, the demo, the admin), the
decisions cannot be changed or deleted in the admin by anyone, and the overview's totals are
derived from the decisions."""

from decimal import Decimal

import pytest
from django.utils import timezone

from contracts.beheerexperiment import selectors, services
from contracts.beheerexperiment.demo import seed_beheerexperiment
from contracts.beheerexperiment.models import BudgetDecision, BudgetLine, BudgetLineKind
from tests.contracts.factories import LineFactory, PilotFactory
from tests.factories import (
    AdministratorFactory,
    BreakGlassFactory,
    CouncilFactory,
    MembershipFactory,
)


def ledger_sum(line) -> Decimal:
    """Decisions add, reversals take off — summed here in Python, independently of the service."""
    return sum(
        (-d.amount if d.reverses_id else d.amount) for d in BudgetDecision.objects.filter(line=line)
    ) or Decimal(0)


def assert_every_line_matches_its_ledger():
    lines = list(BudgetLine.objects.all())
    assert lines
    for line in lines:
        assert line.spent == ledger_sum(line), line


def decide(actor, line, amount):
    return services.budget_decision_create(
        actor=actor,
        line=line,
        decided_on=timezone.localdate(),
        amount=amount,
        purpose="Plantenbakken",
        recipient="Tuinvereniging De Hof",
    )


@pytest.fixture
def pilot(council):
    pilot = PilotFactory(council=council)
    LineFactory(pilot=pilot, kind=BudgetLineKind.SOCIAL, amount=Decimal("1000.00"))
    LineFactory(pilot=pilot, kind=BudgetLineKind.MAINTENANCE, amount=Decimal("500.00"))
    return pilot


@pytest.mark.django_db
def test_line_spent_equals_its_decisions_after_each_board_decision(chair, pilot):
    social, maintenance = pilot.lines.get(kind="sociaal"), pilot.lines.get(kind="beheer")
    for line, amount in [(social, "100,10"), (social, "200"), (maintenance, "50,05")]:
        decide(chair, line, amount)
        assert_every_line_matches_its_ledger()
    social.refresh_from_db()
    assert social.spent == Decimal("300.10") and social.balance == Decimal("699.90")


@pytest.mark.django_db
def test_line_spent_equals_its_decisions_after_the_demo_seed():
    council = CouncilFactory(slug="bloemenbuurt")
    MembershipFactory(council=council, function="voorzitter")
    seed_beheerexperiment()
    # Four decisions and one reversal (counted negatively in the ledger).
    assert BudgetDecision.objects.filter(reverses__isnull=True).count() == 4
    assert BudgetDecision.objects.filter(reverses__isnull=False).count() == 1
    assert_every_line_matches_its_ledger()


@pytest.mark.django_db
def test_recomputing_a_line_repairs_a_total_that_drifted(chair, pilot):
    line = pilot.lines.get(kind="sociaal")
    decide(chair, line, "125")
    BudgetLine.objects.filter(pk=line.pk).update(spent=Decimal("999.00"))  # a stray write
    assert services.budget_line_recompute(line=line) == Decimal("125.00")
    assert_every_line_matches_its_ledger()


@pytest.mark.django_db
def test_overview_totals_are_the_sum_of_the_ledger(chair, pilot):
    # Several decisions on one line: a join over lines and decisions would count the line's
    # budget once per decision (on main: € 3.500 budget for a € 1.500 pilot).
    social, maintenance = pilot.lines.get(kind="sociaal"), pilot.lines.get(kind="beheer")
    for line, amount in [(social, "100"), (social, "200"), (social, "300"), (maintenance, "5")]:
        decide(chair, line, amount)
    (row,) = selectors.pilot_list()
    assert row.total == Decimal("1500.00")
    assert row.total_spent == Decimal("605.00")
    assert row.decision_count == 4


@pytest.mark.django_db
def test_overview_of_a_pilot_without_decisions_shows_zero(pilot):
    (row,) = selectors.pilot_list()
    assert (row.total, row.total_spent, row.decision_count) == (Decimal("1500.00"), 0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("who", [AdministratorFactory, BreakGlassFactory])
def test_nobody_can_delete_a_budget_decision_in_the_admin(client, chair, pilot, who):
    # On main an administrator (a superuser) got the delete page and deleted the decision:
    # the line kept its spent, now more than its decisions. Now: 403 and the ledger stays.
    line = pilot.lines.get(kind="sociaal")
    decision = decide(chair, line, "250")
    client.force_login(who())
    url = f"/admin/contracts/budgetdecision/{decision.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    bulk = client.post(
        "/admin/contracts/budgetdecision/",
        {"action": "delete_selected", "_selected_action": [decision.pk], "post": "yes"},
    )
    assert BudgetDecision.objects.filter(pk=decision.pk).exists()
    assert bulk.status_code in (200, 302)
    assert_every_line_matches_its_ledger()


@pytest.mark.django_db
@pytest.mark.parametrize("who", [AdministratorFactory, BreakGlassFactory])
def test_nobody_can_change_a_budget_decision_in_the_admin(client, chair, pilot, who):
    line = pilot.lines.get(kind="sociaal")
    decision = decide(chair, line, "250")
    client.force_login(who())
    url = f"/admin/contracts/budgetdecision/{decision.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200  # shown, read-only
    assert 'name="amount"' not in page.text and 'name="_save"' not in page.text
    response = client.post(url, {"amount": "1", "purpose": "Anders", "recipient": "X"})
    assert response.status_code == 403
    decision.refresh_from_db()
    assert decision.amount == Decimal("250.00") and decision.purpose == "Plantenbakken"


@pytest.mark.django_db
def test_administrator_changing_a_budget_leaves_spent_equal_to_the_ledger(client, chair, pilot):
    # The only admin write on a line: its budget. `spent` is not in the form.
    line = pilot.lines.get(kind="sociaal")
    decide(chair, line, "250")
    client.force_login(AdministratorFactory())
    url = f"/admin/contracts/budgetpilot/{pilot.pk}/change/"
    lines = list(pilot.lines.order_by("kind"))
    data = {
        "council": pilot.council_id,
        "year": pilot.year,
        "introduction": "",
        "lines-TOTAL_FORMS": len(lines),
        "lines-INITIAL_FORMS": len(lines),
        "lines-MIN_NUM_FORMS": 0,
        "lines-MAX_NUM_FORMS": 1000,
        "_save": "Opslaan",
    }
    for index, each in enumerate(lines):
        data |= {
            f"lines-{index}-id": each.pk,
            f"lines-{index}-pilot": pilot.pk,
            f"lines-{index}-kind": each.kind,
            f"lines-{index}-amount": "2000.00" if each.pk == line.pk else each.amount,
            f"lines-{index}-spent": "0",  # a forged field: ignored
        }
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    line.refresh_from_db()
    assert line.amount == Decimal("2000.00")
    assert_every_line_matches_its_ledger()


@pytest.mark.django_db
def test_line_spent_equals_its_ledger_after_a_reversal(chair, pilot):
    social = pilot.lines.get(kind="sociaal")
    decision = decide(chair, social, "300")
    services.budget_decision_reverse(
        actor=chair, decision=decision, amount="120", reason="Dubbel geboekt."
    )
    assert_every_line_matches_its_ledger()
    social.refresh_from_db()
    assert social.spent == Decimal("180.00")
