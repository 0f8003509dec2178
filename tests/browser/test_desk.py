"""The desk in the browser: the officers' front page of /admin/ keeps its tables readable at
1280 × 900 (no cell narrower than 6em) and scrolls no page sideways at 390 × 844; the desk's
pages pass axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import PASSWORD, DepartmentFactory, MembershipFactory, OfficerFactory
from tests.recommendations.factories import ActionItemFactory
from wijkportaal.desk import services
from wijkportaal.desk.hooks import CaseKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KIND = "browsertest"

NARROW_CELLS = """() => Array.from(document.querySelectorAll("table th, table td"))
    .filter(cell => cell.getClientRects().length && !cell.closest(".visually-hidden"))
    .map(cell => ({
        text: cell.textContent.trim().slice(0, 40),
        width: cell.getBoundingClientRect().width,
        em: parseFloat(getComputedStyle(cell).fontSize),
    }))
    .filter(cell => cell.width + 0.5 < 6 * cell.em)"""


@pytest.fixture
def desk(plugin):
    department = DepartmentFactory(name="Wijkzaken en Participatie", slug="wijkzaken")
    plugin(
        CaseKind(KIND, label="Verzoek om ondersteuning", term_days=10, department=department.slug)
    )
    officer = OfficerFactory(department=department)
    chair = MembershipFactory(function="voorzitter").person
    council = chair.memberships.get().council
    cases = [
        services.case_open(
            kind=KIND,
            title=title,
            summary="Wij willen graag hulp bij het organiseren van een buurtbijeenkomst.",
            council=council,
            submitted_by=chair,
            received_at=timezone.now() - datetime.timedelta(days=days_ago),
        )
        for title, days_ago in [
            ("Ondersteuning bij de jaarvergadering van de wijkraad in het buurthuis", 30),
            ("Vraag over het Leefbaarheid & initiatiefbudget", 3),
            ("Hulp bij de wijkkrant", 1),
        ]
    ]
    services.case_assign(actor=officer, case=cases[0], assignee=officer)
    # Overdue actions of the progress dashboard stay on the page, with long titles.
    for title in (
        "Werkgroep rollen van wijkraden: netwerkorganisatie of zelforganisatie uitwerken",
        "Inventarisatie van scholingswensen",
    ):
        ActionItemFactory(
            title=title,
            department=department,
            due_date=timezone.localdate() - datetime.timedelta(days=20),
        )
    return officer, chair, cases


def test_the_worklist_is_readable_at_1280_and_fits_at_390(page, live_server, axe, desk):
    officer, _chair, _cases = desk
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("table", name="Mijn werkvoorraad (1)")).to_be_visible()
    expect(page.get_by_text("Acties over tijd (2)")).to_be_visible()
    assert page.evaluate(NARROW_CELLS) == []
    axe(page)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("table", name="Mijn werkvoorraad (1)")).to_be_attached()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe(page)


def test_the_case_page_its_steps_and_the_wijkraads_pages_pass_axe(page, live_server, axe, desk):
    officer, chair, cases = desk
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="Hulp bij de wijkkrant").click()
    expect(page.get_by_role("heading", name="Beantwoorden")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Schrijf een antwoord.")).to_be_visible()
    axe(page)
    page.get_by_label("Antwoord", exact=True).fill(
        "We helpen u graag; de opbouwwerker neemt contact op."
    )
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Het antwoord is verstuurd")).to_be_visible()

    page.context.clear_cookies()
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/mijn/verzoeken/")
    expect(page.locator("h1")).to_have_text("Mijn verzoeken")
    axe(page)
    page.get_by_role("link", name="Hulp bij de wijkkrant").click()
    expect(page.get_by_text("de opbouwwerker neemt contact op")).to_be_visible()
    axe(page)
    page.goto(f"{live_server.url}/voortgang/reactietijd/")
    expect(
        page.get_by_role("table", name="Per afdeling (de cijfers van de grafiek)")
    ).to_be_visible()
    axe(page)


def test_asking_for_removal_in_the_browser_passes_axe_reflows_and_shows_the_promise(
    page, live_server, axe
):
    DepartmentFactory(name="Wijkzaken en Participatie", slug="wijkzaken-en-participatie")
    person = MembershipFactory(function="lid").person
    login(page, live_server, person.email, PASSWORD)
    page.goto(f"{live_server.url}/mijn/")
    page.get_by_role("link", name="Vraag om verwijdering").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Verwijdering van mijn account en gegevens"
    )
    axe(page)
    for width in (320, 390):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    # Without the confirmation: the error beside the box, nothing submitted.
    page.get_by_role("button", name="Verzoek om verwijdering indienen").click()
    expect(page.get_by_text("Vink aan dat u om verwijdering vraagt")).to_be_visible()
    axe(page)
    page.get_by_label("Ja, ik vraag om verwijdering").check()
    page.get_by_role("button", name="Verzoek om verwijdering indienen").click()
    expect(page.get_by_text("Uw verzoek om verwijdering is ingediend.")).to_be_visible()
    expect(
        page.get_by_text("De afdeling Wijkzaken en Participatie beantwoordt het")
    ).to_be_visible()
    axe(page)
