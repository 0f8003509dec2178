import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from recommendations import services
from recommendations.models import ProgrammeEvent
from tests.browser.conftest import login
from tests.factories import PASSWORD, MembershipFactory, OfficerFactory
from tests.recommendations.factories import (
    ActionItemFactory,
    IndicatorFactory,
    ReactionFactory,
    RecommendationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def progress(db):
    recommendations = [
        RecommendationFactory(number=n, title=f"Aanbeveling over onderwerp {n}")
        for n in range(1, 11)
    ]
    roles = ActionItemFactory(title="Werkgroep rollen", recommendations=[recommendations[0]])
    campaign = ActionItemFactory(
        title="Promotiecampagne",
        recommendations=[recommendations[3]],
        financing_amount=12500,
        financing_source="Communicatiebudget",
    )
    campaign.dependencies.add(roles)
    officer = OfficerFactory(department=roles.department)
    services.progress_update_create(
        actor=officer,
        action=roles,
        text="Eerste bijeenkomst gehouden",
        status="lopend",
        progress=30,
    )
    IndicatorFactory(recommendation=recommendations[0], title="Rolkeuzes vooraf bekend")
    # Two months of history, so the trend chart and its table are on the page.
    services.indicator_snapshots_take()
    services.indicator_snapshots_take(now=timezone.now() - datetime.timedelta(days=31))
    services.answer_letter_version(
        recommendation=recommendations[0], valid_from=datetime.date(2025, 6, 30)
    )
    ProgrammeEvent.objects.create(
        date=datetime.date(2025, 6, 30), kind="brief", title="Brief van de wethouder"
    )
    ReactionFactory(action=campaign, text="Wij helpen graag met de campagne.")
    return recommendations, roles, campaign


@pytest.mark.parametrize(
    "path",
    ["/voortgang/", "/voortgang/acties/", "/voortgang/aanbevelingen/1/", "/voortgang/open-data/"],
)
def test_progress_pages_have_no_axe_violations(page, live_server, axe, progress, path):
    page.goto(live_server.url + path)
    expect(page.locator("h1")).to_have_count(1)
    axe(page)


def test_monitor_filters_with_the_keyboard_and_shows_the_numbers(page, live_server, axe, progress):
    page.goto(live_server.url + "/voortgang/")
    expect(
        page.get_by_role("table", name=re.compile("De aanbevelingen met standpunt"))
    ).to_be_visible()
    expect(page.get_by_text("30%").first).to_be_visible()
    # The full action table has its own page.
    page.get_by_role("link", name="Alle acties").first.click()
    expect(page).to_have_url(re.compile(r"/voortgang/acties/$"))
    page.get_by_label("Status", exact=True).select_option("lopend")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"status=lopend"))
    expect(page.get_by_role("status")).to_contain_text("1 actie gevonden")
    axe(page)


def test_action_page_and_reaction_errors_have_no_axe_violations(page, live_server, axe, progress):
    _recommendations, _roles, campaign = progress
    member = MembershipFactory().person
    page.goto(f"{live_server.url}{campaign.get_absolute_url()}")
    expect(page.get_by_text("€ 12.500,00")).to_be_visible()
    expect(page.get_by_text("Wacht op", exact=True)).to_be_visible()
    axe(page)
    login(page, live_server, member.email, PASSWORD)
    page.goto(f"{live_server.url}{campaign.get_absolute_url()}")
    page.get_by_role("button", name="Reactie plaatsen").click()
    error = page.locator("#id_text_error")
    expect(error).to_contain_text("lege reactie")
    expect(page.get_by_label("Uw reactie")).to_have_attribute("aria-invalid", "true")
    axe(page)
    page.get_by_label("Uw reactie").fill("Onze wijkraad doet mee.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_text("Onze wijkraad doet mee.")).to_be_visible()
    axe(page)


def test_officer_hides_a_reaction_and_councillor_follows_without_axe_violations(
    page, live_server, axe, progress
):
    from tests.factories import CouncillorFactory

    _recommendations, roles, campaign = progress
    officer = OfficerFactory()
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}{campaign.get_absolute_url()}")
    page.get_by_role("link", name=re.compile("verbergen")).click()
    page.get_by_role("button", name="Verbergen").click()
    expect(page.locator("#id_hidden_reason_error")).to_contain_text("Geef een reden")
    axe(page)
    page.get_by_label("Reden van verbergen").fill("Hoort niet bij deze actie")
    page.get_by_role("button", name="Verbergen").click()
    expect(page.get_by_text("Reden: Hoort niet bij deze actie")).to_be_visible()

    page.context.clear_cookies()
    councillor = CouncillorFactory()
    login(page, live_server, councillor.email, PASSWORD)
    page.goto(f"{live_server.url}{roles.get_absolute_url()}")
    page.get_by_role("button", name="Volgen").click()
    expect(page.get_by_role("button", name="Niet meer volgen")).to_be_visible()
    page.goto(f"{live_server.url}/mijn/")
    expect(page.get_by_role("heading", name="Wat ik volg")).to_be_visible()
    # What changed stays on /mijn/ until the reader marks it as read (a refresh keeps it).
    expect(page.get_by_role("link", name="Actie: Werkgroep rollen")).to_be_visible()
    expect(page.get_by_role("button", name="Markeer als gelezen")).to_be_visible()
    axe(page)
    page.reload()
    expect(page.get_by_role("button", name="Markeer als gelezen")).to_be_visible()
    page.get_by_role("button", name="Markeer als gelezen").click()
    expect(page.get_by_text("Niets nieuws.")).to_be_visible()
