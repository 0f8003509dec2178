import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from contracts.beheerexperiment.models import BudgetDecision, BudgetLine
from contracts.ondersteuning.models import SupportNote
from tests.browser.conftest import login
from tests.contracts.factories import (
    CommitmentFactory,
    DepartmentPartyFactory,
    LineFactory,
    OfferFactory,
    ParticipationFactory,
    PilotFactory,
    ProposalFactory,
    RoundFactory,
    SignedContractFactory,
)
from tests.factories import (
    PASSWORD,
    CouncilFactory,
    DepartmentFactory,
    MembershipFactory,
    OfficerFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(db):
    council = CouncilFactory(name="Wijkraad Bloemenbuurt", slug="bloemenbuurt")
    # The owner of contract requests at the desk.
    DepartmentFactory(slug="wijkzaken-en-participatie", name="Wijkzaken en Participatie")
    chair = MembershipFactory(council=council, function="voorzitter").person
    contract = SignedContractFactory(council=council, title="Groen en spelen in de Rozenhof")
    DepartmentPartyFactory(contract=contract)
    CommitmentFactory(contract=contract)
    pilot_round = RoundFactory()
    ParticipationFactory(round=pilot_round, status="toegelaten", council=council)
    pilot = PilotFactory(council=council, round=pilot_round)
    line = LineFactory(pilot=pilot, amount=Decimal("2500.00"))
    decision = BudgetDecision.objects.create(
        line=line,
        decided_on=timezone.localdate(),
        amount=Decimal("300"),
        purpose="Burendag",
        recipient="Buurtvereniging",
    )
    BudgetDecision.objects.create(
        line=line,
        decided_on=timezone.localdate(),
        amount=Decimal("50"),
        purpose="Burendag",
        recipient="Buurtvereniging",
        reverses=decision,
        reason="Te hoog geboekt.",
    )
    # The line's running total, as the services keep it: 300 spent, 50 reversed.
    BudgetLine.objects.filter(pk=line.pk).update(spent=Decimal("250"))
    ProposalFactory()
    OfferFactory()
    SupportNote.objects.create(terrain="Openbare ruimte", text="Uitleg bij ontwerptekeningen.")
    return council, chair, contract, pilot


def test_public_contract_pages_have_no_axe_violations(page, live_server, axe, world):
    _council, _chair, contract, pilot = world
    for path in [
        "/wijkcontracten/",
        contract.get_absolute_url(),
        "/uitdaagrecht/",
        "/uitdaagrecht/voorstel/",
        "/beheerexperiment/",
        pilot.get_absolute_url(),
        "/ondersteuning/",
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        axe(page)


def test_resident_group_form_shows_accessible_errors(page, live_server, axe, world):
    page.goto(f"{live_server.url}/uitdaagrecht/voorstel/")
    page.get_by_role("button", name="Voorstel versturen").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    axe(page)


def test_board_requests_a_contract_with_the_keyboard(page, live_server, axe, world):
    _council, chair, _contract, pilot = world
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/wijkcontracten/aanvragen/")
    axe(page)
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    axe(page)
    page.get_by_label("Titel").fill("Een plein voor iedereen")
    page.get_by_label("Waar moet het contract over gaan?").fill("Afspraken over het plein.")
    page.get_by_label("beheer van de wijk").check()
    page.get_by_label("Titel").press("Enter")
    expect(page).to_have_url(re.compile(r"/wijkcontracten/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Een plein voor iedereen")
    expect(page.get_by_role("status")).to_contain_text(
        "De afdeling Wijkzaken en Participatie antwoordt uiterlijk"
    )
    expect(page.get_by_role("heading", name="Bij de gemeente")).to_be_visible()
    axe(page)
    # The pilot's decision form, with an overdraw error beside the amount.
    page.goto(f"{live_server.url}/beheerexperiment/{pilot.pk}/besluiten/nieuw/")
    axe(page)
    page.get_by_label("Datum besluit").fill(timezone.localdate().isoformat())
    page.get_by_label("Bedrag in euro").fill("9999")
    page.get_by_label("Doel").fill("Te duur")
    page.get_by_label("Ontvanger").fill("Iemand")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("beschikbaar").first).to_be_visible()
    axe(page)
    page.goto(f"{live_server.url}/ondersteuning/aanvragen/")
    axe(page)


def test_board_corrects_a_decision_and_sees_the_rounds(page, live_server, axe, world):
    """The pilot's rounds, the reversal form with its error beside the amount, and the
    reversal next to the original on the public list."""
    _council, chair, _contract, pilot = world
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/beheerexperiment/")
    expect(page.get_by_role("heading", name="Meedoen aan het experiment")).to_be_visible()
    axe(page)
    page.goto(live_server.url + pilot.get_absolute_url())
    expect(page.get_by_text("Reden: Te hoog geboekt.")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^corrigeren")).click()
    axe(page)
    page.get_by_label("Bedrag van de correctie in euro").fill("251")
    page.get_by_label("Reden van de correctie").fill("Dubbel geboekt.")
    page.get_by_role("button", name="Correctie vastleggen").click()
    expect(page.get_by_text("hoogstens € 250,00")).to_be_visible()
    axe(page)
    page.get_by_label("Bedrag van de correctie in euro").fill("250")
    page.get_by_role("button", name="Correctie vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Beheerexperiment")
    expect(page.get_by_text("Reden: Dubbel geboekt.")).to_be_visible()


def test_board_registers_interest_and_an_officer_meets_the_cap(page, live_server, axe, world):
    """A board registers for a round (errors beside the field first); an officer who tries to
    admit a third wijkraad sees the cap error, then declines with a reason."""
    _council, _chair, _contract, _pilot = world
    other = CouncilFactory(name="Wijkraad Parkzoom")
    other_chair = MembershipFactory(council=other, function="voorzitter").person
    open_round = RoundFactory(title="Beheerexperiment volgend jaar", cap=1)
    ParticipationFactory(round=open_round, status="toegelaten")
    login(page, live_server, other_chair.email, PASSWORD)
    page.goto(f"{live_server.url}/beheerexperiment/")
    page.get_by_role("link", name=re.compile(r"^Aanmelden voor deze ronde")).last.click()
    axe(page)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    axe(page)
    page.get_by_label("Waarom wil uw wijkraad meedoen?").fill("Wij willen het park beheren.")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("status")).to_contain_text("Uw aanmelding is ontvangen")
    expect(page.get_by_text("Wijkraad Parkzoom: aangemeld")).to_be_visible()
    page.context.clear_cookies()
    officer = OfficerFactory(department=DepartmentFactory(slug="openbare-ruimte"))
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/beheerexperiment/")
    page.get_by_role("link", name=re.compile(r"^Besluiten")).click()
    axe(page)
    page.get_by_label("Toelaten").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Deze ronde is vol").first).to_be_visible()
    axe(page)
    page.get_by_label("Afwijzen").check()
    page.get_by_label("Toelichting").fill("De ronde is vol; volgend jaar weer.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Wijkraad Parkzoom: afgewezen")).to_be_visible()
