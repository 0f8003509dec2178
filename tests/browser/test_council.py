import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.council.factories import DecisionFactory, ViewpointFactory
from tests.factories import PASSWORD, CouncilFactory, CouncillorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def choices(db):
    council = CouncilFactory(name="Wijkraad Molenwijk", slug="molenwijk")
    decision = DecisionFactory(title="Omgevingsvisie 2040")
    decision.councils.set([council])
    ViewpointFactory(decision=decision, council=council, text="Spaar de speeltuin.")
    DecisionFactory(
        title="Parkeerbeleid",
        decision_date=timezone.localdate() - datetime.timedelta(days=10),
        outcome="Aangenomen.",
        outcome_recorded_at=timezone.now(),
    )
    return decision


def test_council_page_has_no_axe_violations(page, live_server, axe, choices):
    page.goto(f"{live_server.url}/raad/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Belangrijke politieke keuzes")
    axe(page)
    page.get_by_role("link", name="Parkeerbeleid").click()
    expect(page.get_by_role("heading", name="Uitkomst")).to_be_visible()
    axe(page)


def test_council_member_answers_a_view(page, live_server, axe, choices):
    councillor = CouncillorFactory(first_name="Rita", last_name="Raadslid")
    login(page, live_server, councillor.email, PASSWORD)
    page.goto(f"{live_server.url}/raad/{choices.pk}/")
    axe(page)
    page.get_by_role("button", name="Volg deze keuze").click()
    expect(page.get_by_role("status")).to_contain_text("U volgt deze keuze.")
    page.get_by_label("Uw reactie aan Wijkraad Molenwijk").fill("Ik kom graag langs.")
    page.get_by_role("button", name="Reageren").click()
    expect(page.get_by_role("status")).to_contain_text("Uw reactie aan Wijkraad Molenwijk")
    expect(page.locator("article.viewpoint")).to_contain_text("Ik kom graag langs.")
    axe(page)
