import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, CouncilFactory, InvitationFactory, MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(db):
    council = CouncilFactory(name="Wijkraad Molenwijk", slug="molenwijk")
    chair = MembershipFactory(council=council, function="voorzitter").person
    return council, chair


@pytest.mark.parametrize(
    "path", ["/", "/wijkraden/", "/wijkraden/molenwijk/", "/accounts/login/", "/toegankelijkheid/"]
)
def test_public_pages_have_no_axe_violations(page, live_server, axe, demo, path):
    page.goto(live_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_count(1)
    axe(page)


def test_invitation_page_has_no_axe_violations_also_with_errors(page, live_server, axe, db):
    invitation = InvitationFactory()
    page.goto(f"{live_server.url}/accounts/uitnodiging/{invitation.token}/")
    axe(page)
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    axe(page)


def test_invited_chair_accepts_and_edits_profile_with_the_keyboard(page, live_server, axe, db):
    invitation = InvitationFactory(
        council__name="Wijkraad Havenkwartier", council__slug="havenkwartier"
    )
    page.goto(f"{live_server.url}/accounts/uitnodiging/{invitation.token}/")
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("Visser")
    page.get_by_label("Wachtwoord", exact=False).first.fill("haven-kade-2026!")
    page.get_by_label("Herhaal het wachtwoord").fill("haven-kade-2026!")
    page.get_by_label("Herhaal het wachtwoord").press("Enter")
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Noor")

    page.goto(f"{live_server.url}/wijkraden/havenkwartier/bewerken/")
    axe(page)
    page.get_by_label("E-mailadres voor contact").fill("geen-adres")
    page.get_by_role("button", name="Opslaan").click()
    error = page.locator("#id_contact_email_error")
    expect(error).to_contain_text("Voer een geldig e-mailadres in.")
    expect(page.get_by_label("E-mailadres voor contact")).to_have_attribute("aria-invalid", "true")
    axe(page)
    page.get_by_label("E-mailadres voor contact").fill("bestuur@haven.test")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("opgeslagen")
    expect(page.get_by_text("bestuur@haven.test")).to_be_visible()


def test_skip_link_is_first_and_moves_focus_to_main(page, live_server, db):
    page.goto(live_server.url + "/wijkraden/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))


def test_demo_password_login_through_the_form(page, live_server, demo):
    _council, chair = demo
    from tests.browser.conftest import login

    login(page, live_server, chair.email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/mijn/$"))


def test_an_anonymous_visitor_switches_language_on_a_cached_page_and_back(page, live_server, demo):
    # The page cache keeps one copy per language; the switch in the header needs no token.
    page.goto(live_server.url + "/wijkraden/")
    page.goto(live_server.url + "/wijkraden/")  # now from the cache
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/wijkraden/$"))
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("link", name="Wijkraad Molenwijk")).to_be_visible()
