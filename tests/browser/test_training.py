import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import PASSWORD, CouncilFactory, MembershipFactory, OfficerFactory
from tests.training.factories import (
    ConferenceFactory,
    EnrolmentFactory,
    ModuleFactory,
    RoundFactory,
    SessionFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def programme(db):
    module = ModuleFactory(title="Zo besluit de gemeente", onboarding_position=1)
    open_session = SessionFactory(module=module, capacity=5)
    full_session = SessionFactory(module=module, capacity=1)
    EnrolmentFactory(session=full_session)
    return open_session, full_session


def test_programme_page_has_no_axe_violations(page, live_server, axe, programme):
    page.goto(f"{live_server.url}/scholing/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Scholingsprogramma voor wijkraden")
    expect(page.get_by_text("vol (0 wachtenden)")).to_be_visible()
    axe(page)


def test_member_enrols_and_is_waitlisted_when_full(page, live_server, axe, programme):
    open_session, full_session = programme
    person = MembershipFactory(function="lid").person
    login(page, live_server, person.email, PASSWORD)
    page.goto(f"{live_server.url}/scholing/sessies/{open_session.pk}/")
    axe(page)
    page.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_role("status")).to_contain_text("U bent ingeschreven")
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
    axe(page)
    page.goto(f"{live_server.url}/scholing/sessies/{full_session.pk}/")
    page.get_by_role("button", name="Op de wachtlijst").click()
    expect(page.get_by_text("U staat op de wachtlijst (plaats 1).")).to_be_visible()
    axe(page)


def test_board_answers_the_inventory_and_sees_errors_beside_the_field(page, live_server, axe, db):
    council = CouncilFactory(name="Wijkraad Molenwijk")
    chair = MembershipFactory(council=council, function="voorzitter").person
    round_ = RoundFactory(slug="wensen", title="Scholingswensen 2026")
    TopicFactory(round=round_, title="Hoe de gemeenteraad besluit")
    TopicFactory(round=round_, title="Procedures en termijnen")
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/scholing/inventarisatie/wensen/")
    axe(page)
    page.get_by_label("Plaats voor ‘Hoe de gemeenteraad besluit’").select_option("1")
    page.get_by_label("Plaats voor ‘Procedures en termijnen’").select_option("1")
    page.get_by_role("button", name="Antwoord opslaan").click()
    field = page.get_by_label("Plaats voor ‘Procedures en termijnen’")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Plaats 1 is al gegeven")).to_be_visible()
    axe(page)
    field.select_option("2")
    page.get_by_role("button", name="Antwoord opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("is opgeslagen")
    axe(page)


def test_officer_sees_the_matrix(page, live_server, axe, db):
    from tests.training.factories import WishAnswerFactory
    from training.models import TopicRank

    round_ = RoundFactory(slug="wensen")
    topic = TopicFactory(round=round_, title="Participatie organiseren")
    answer = WishAnswerFactory(round=round_, council__name="Wijkraad Beekdal")
    TopicRank.objects.create(answer=answer, topic=topic, rank=1)
    CouncilFactory(name="Wijkraad Vogelwijk", district=answer.council.district)
    officer = OfficerFactory()
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/scholing/inventarisatie/wensen/")
    # Per stadsdeel first; its name leads to the wijkraden of that stadsdeel.
    overview = page.get_by_role("table", name=re.compile("Per stadsdeel"))
    expect(overview).to_contain_text("1 van 2")
    axe(page)
    overview.get_by_role("link", name=answer.council.district.name).click()
    matrix = page.get_by_role("table", name="Plaats die elke wijkraad")
    expect(matrix.get_by_role("rowheader", name="Wijkraad Vogelwijk")).to_be_visible()
    expect(matrix).to_contain_text("nog niet ingevuld")
    axe(page)


def test_conference_page_takes_a_registration(page, live_server, axe, db):
    conference = ConferenceFactory(theme="Raad en wijk aan één tafel")
    person = MembershipFactory(function="lid").person
    page.goto(f"{live_server.url}/conferentie/")
    axe(page)
    login(page, live_server, person.email, PASSWORD)
    page.goto(f"{live_server.url}/conferentie/{conference.year}/")
    page.get_by_label("Toegankelijkheid of dieetwensen").fill("Vegetarisch, rolstoelplek")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("status")).to_contain_text("U bent aangemeld")
    axe(page)
