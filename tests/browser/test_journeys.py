"""End-to-end journeys in a real browser, one per kind of user, with axe-core on every page
each journey passes (issue 9, item 1)."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from recommendations import services as recommendation_services
from tests.browser.conftest import login
from tests.factories import (
    PASSWORD,
    CouncilFactory,
    CouncillorFactory,
    DepartmentFactory,
    OfficerFactory,
)
from tests.recommendations.factories import ActionItemFactory, RecommendationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 150


def tab_to(page, name):
    """Press Tab until the focused element's text matches `name`: how a keyboard user gets
    there. Fails when the element is not reachable with the keyboard."""
    pattern = re.compile(name) if isinstance(name, str) else name
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        text = page.evaluate(
            "() => (document.activeElement && document.activeElement.innerText) || ''"
        )
        if pattern.search(text.strip()):
            return
    raise AssertionError(f"{name!r} is niet met Tab te bereiken op {page.url}")


@pytest.fixture
def progress(db):
    recommendations = [
        RecommendationFactory(number=n, title=f"Aanbeveling over onderwerp {n}")
        for n in range(1, 11)
    ]
    roles = ActionItemFactory(title="Werkgroep rollen", recommendations=[recommendations[0]])
    campaign = ActionItemFactory(title="Promotiecampagne", recommendations=[recommendations[3]])
    toolkit = ActionItemFactory(title="Toolkit communicatie", recommendations=[recommendations[4]])
    officer = OfficerFactory(department=roles.department)
    recommendation_services.progress_update_create(
        actor=officer,
        action=roles,
        text="Eerste bijeenkomst gehouden",
        status="lopend",
        progress=30,
    )
    return recommendations, [roles, campaign, toolkit]


def test_resident_reads_the_monitor_and_downloads_the_csv_with_the_keyboard_only(
    page, live_server, axe, progress
):
    _recommendations, actions = progress
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_have_count(1)
    axe(page)

    tab_to(page, r"^Voortgang$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/voortgang/$"))
    expect(
        page.get_by_role("table", name=re.compile("De aanbevelingen met standpunt"))
    ).to_be_visible()
    axe(page)

    tab_to(page, r"Aanbeveling over onderwerp 1$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/voortgang/aanbevelingen/1/$"))
    expect(page.locator("h1")).to_contain_text("Aanbeveling over onderwerp 1")
    expect(page.get_by_text("Werkgroep rollen").first).to_be_visible()
    axe(page)

    # Back to the monitor through the breadcrumb.
    tab_to(page, r"^Voortgang$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/voortgang/$"))

    tab_to(page, r"^Download als CSV$")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "voortgang-acties.csv"
    with open(download.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert sorted(row["titel"] for row in rows) == sorted(action.title for action in actions)


def next_weekly_digest_moment():
    """An hour after the first weekly send moment (Monday 07:00 local) still to come: the
    weekly digest is due then and covers what happens now."""
    from wijkportaal.notifications.digests import local_zone, send_moment

    now = timezone.now()
    today = now.astimezone(local_zone()).date()
    monday = today - datetime.timedelta(days=today.weekday())
    if now >= send_moment(monday):
        monday += datetime.timedelta(days=7)
    # The digest then covers the week from the previous send moment, which includes now.
    return send_moment(monday) + datetime.timedelta(hours=1)


def test_councillor_follows_a_recommendation_and_receives_the_update_in_the_digest(
    page, live_server, axe, progress
):
    from wijkportaal.notifications.digests import DIGEST_KIND
    from wijkportaal.notifications.models import Notification
    from wijkportaal.notifications.services import due_work_run

    _recommendations, actions = progress
    roles = actions[0]
    councillor = CouncillorFactory(email="raadslid@example.test")
    login(page, live_server, councillor.email, PASSWORD)
    expect(
        page.get_by_role("link", name="Uitloggen").or_(page.get_by_role("button", name="Uitloggen"))
    ).to_be_visible()
    page.goto(live_server.url + "/voortgang/aanbevelingen/1/")
    axe(page)
    page.get_by_role("button", name="Volgen").click()
    expect(page.get_by_role("button", name="Niet meer volgen")).to_be_visible()
    axe(page)

    officer = OfficerFactory(department=roles.department)
    recommendation_services.progress_update_create(
        actor=officer, action=roles, text="Rolkeuzes besproken met alle wijkraden", progress=60
    )

    with time_machine.travel(next_weekly_digest_moment(), tick=False):
        result = due_work_run(timezone.now(), send_inline=True)
    assert result["digests"] >= 1
    digest = Notification.objects.get(recipient=councillor, kind=DIGEST_KIND)
    assert "Werkgroep rollen" in digest.body_text
    assert "Rolkeuzes besproken met alle wijkraden" in digest.body_text
    assert digest.to_address == councillor.email


def test_invited_chair_sets_up_the_account_and_does_the_councils_work(page, live_server, axe, db):
    from tests.toolkit.factories import ChannelKindFactory
    from tests.training.factories import ModuleFactory, SessionFactory
    from wijkportaal.accounts.services import invitation_create

    council = CouncilFactory(name="Wijkraad Molenwijk", slug="molenwijk")
    # The owner of contract requests at the desk.
    DepartmentFactory(slug="wijkzaken-en-participatie", name="Wijkzaken en Participatie")
    ChannelKindFactory(name="Wijkkrant (papier)", slug="wijkkrant", default_reach_unit="oplage")
    ChannelKindFactory(name="WhatsApp", slug="whatsapp", default_reach_unit="leden")
    session = SessionFactory(
        module=ModuleFactory(title="Zo besluit de gemeente", onboarding_position=1), capacity=5
    )
    officer = OfficerFactory()
    invitation = invitation_create(
        actor=officer,
        email="voorzitter@molenwijk.test",
        kind="wijkraadslid",
        council=council,
        function="voorzitter",
    )

    # Accept the invitation: name and password, then straight to the own page.
    page.goto(f"{live_server.url}/accounts/uitnodiging/{invitation.token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitnodiging accepteren")
    expect(page.get_by_text("Wijkraad Molenwijk")).to_be_visible()
    axe(page)
    page.get_by_label("Voornaam").fill("Fatma")
    page.get_by_label("Achternaam").fill("Yilmaz")
    page.get_by_label(re.compile(r"^Wachtwoord")).fill("Kastanje-Regenboog-73")
    page.get_by_label("Herhaal het wachtwoord").fill("Kastanje-Regenboog-73")
    page.get_by_role("button", name="Account aanmaken").click()
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    expect(page.get_by_text("Welkom! Uw account is klaar.")).to_be_visible()
    axe(page)

    # Declare a role.
    page.goto(f"{live_server.url}/wijkraden/molenwijk/rollen/nieuw/")
    axe(page)
    page.get_by_role("radio", name="zelforganisatie").check()
    page.get_by_label("Onderwerp of dossier").fill("Marktplein")
    page.get_by_label("Geldt vanaf").fill(timezone.localdate().isoformat())
    page.get_by_label("Wij hebben de kaders gelezen", exact=False).check()
    page.get_by_role("button", name="Rolkeuze bekendmaken").click()
    expect(page.get_by_role("status")).to_contain_text("De rolkeuze is bekendgemaakt.")
    expect(page.get_by_text("Marktplein").first).to_be_visible()
    axe(page)

    # Add a channel to the inventory.
    page.goto(f"{live_server.url}/toolkit/inventaris/molenwijk/")
    axe(page)
    page.get_by_label("Soort").select_option(label="WhatsApp")
    page.get_by_label("Naam", exact=False).first.fill("Buurtapp Molenwijk")
    page.get_by_label("Link").fill("https://buurtapp.example/molenwijk")
    page.get_by_label("Bereik", exact=True).fill("210")
    page.get_by_role("button", name="Kanaal opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("toegevoegd")
    expect(page.get_by_text("Buurtapp Molenwijk").first).to_be_visible()
    axe(page)

    # Request a wijkcontract.
    page.goto(f"{live_server.url}/wijkcontracten/aanvragen/")
    axe(page)
    page.get_by_label("Titel").fill("Een plein voor iedereen")
    page.get_by_label("Waar moet het contract over gaan?").fill("Afspraken over het plein.")
    page.get_by_label("beheer van de wijk").check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page).to_have_url(re.compile(r"/wijkcontracten/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Een plein voor iedereen")
    expect(page.get_by_text("Wijkraad Molenwijk").first).to_be_visible()
    axe(page)

    # Enrol in an upcoming session.
    page.goto(f"{live_server.url}/scholing/sessies/{session.pk}/")
    axe(page)
    page.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_role("status")).to_contain_text("U bent ingeschreven")
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
    axe(page)


def current_totp_code(secret):
    import time

    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = mfa_settings.TOTP_PERIOD
    if period - time.time() % period < 5:
        # Tolerance is 0: a code from the end of a period may expire before it is posted.
        time.sleep(period - time.time() % period + 0.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def test_officer_with_mfa_posts_an_update_and_moves_a_contract(
    page, live_server, axe, settings, progress
):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from tests.contracts.factories import ContractFactory

    settings.MFA_REQUIRED_FOR_STAFF = True
    _recommendations, actions = progress
    campaign = actions[1]
    officer = OfficerFactory(
        department=campaign.department, email="ambtenaar@example.test", totp=False
    )
    secret = generate_totp_secret()
    TOTP.activate(officer, secret)
    council = CouncilFactory(name="Wijkraad Bloemenbuurt", slug="bloemenbuurt")
    contract = ContractFactory(council=council, title="Groen en spelen in de Rozenhof")

    # Password, then the code from the authenticator app.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail").fill(officer.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    axe(page)
    page.get_by_label(re.compile("code", re.IGNORECASE)).fill(current_totp_code(secret))
    page.get_by_label(re.compile("code", re.IGNORECASE)).press("Enter")
    expect(page).not_to_have_url(re.compile(r"/accounts/(login|2fa)/"))
    expect(page.get_by_role("link", name="Beheer")).to_be_visible()

    # A progress update from the action's admin change page.
    page.goto(f"{live_server.url}/admin/recommendations/actionitem/{campaign.pk}/change/")
    axe(page)
    page.locator("#id_status").select_option("lopend")
    page.locator("#id_progress").fill("40")
    page.locator("#id_update_text").fill("Campagnebureau gekozen, eerste posters in juni")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    expect(page.locator(".errornote")).to_have_count(0)
    page.goto(f"{live_server.url}/voortgang/acties/{campaign.pk}/")
    expect(page.get_by_text("Campagnebureau gekozen, eerste posters in juni")).to_be_visible()
    expect(page.get_by_text("Voortgang: 0% → 40%")).to_be_visible()
    axe(page)

    # Move the contract one step forward: aangevraagd → verkenning.
    page.goto(f"{live_server.url}{contract.get_absolute_url()}")
    expect(page.get_by_text("aangevraagd").first).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Status en looptijd wijzigen").click()
    axe(page)
    page.get_by_label("Nieuwe status").select_option("verkenning")
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page).to_have_url(re.compile(rf"/wijkcontracten/{contract.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text(
        "De status van het wijkcontract is gewijzigd."
    )
    expect(page.get_by_text("verkenning").first).to_be_visible()
    axe(page)
    contract.refresh_from_db()
    assert contract.status == "verkenning"
