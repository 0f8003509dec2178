"""Long lists a page at a time (issue 16), as a visitor uses them: the register's pages keep
the chosen stadsdeel, and the toolkit shows one stadsdeel at a time — without axe violations
and without sideways scrolling on a phone."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import CouncilFactory, DistrictFactory
from tests.toolkit.factories import ChannelFactory, ChannelKindFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def many_councils(db):
    north = DistrictFactory(name="Noord", slug="noord")
    south = DistrictFactory(name="Zuid", slug="zuid")
    krant = ChannelKindFactory(name="Wijkkrant (papier)", slug="wijkkrant")
    ChannelKindFactory(name="WhatsApp", slug="whatsapp")
    for index in range(60):
        council = CouncilFactory(name=f"Wijkraad Noord {index:02}", district=north)
        if index % 3 == 0:
            ChannelFactory(council=council, kind=krant, name=f"Noordkrant {index:02}", reach=100)
    for index in range(5):
        CouncilFactory(name=f"Wijkraad Zuid {index:02}", district=south)
    return north


def test_the_register_pages_keep_the_district_without_axe_violations(
    page, live_server, axe, many_councils
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/wijkraden/")
    page.get_by_label("Stadsdeel", exact=True).select_option(label="Noord")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("status")).to_contain_text("60 wijkraden gevonden")
    nav = page.get_by_role("navigation", name="Paginering")
    expect(nav.get_by_role("link", name="Pagina 1")).to_have_attribute("aria-current", "page")
    axe(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "register-390.png"), full_page=True)
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    nav.get_by_role("link", name="Volgende").click()
    expect(page).to_have_url(re.compile(r"district=noord&(q=&)?pagina=2"))
    expect(page.get_by_role("rowheader", name="Wijkraad Noord 25")).to_be_visible()
    expect(page.get_by_text("Wijkraad Zuid 00")).to_have_count(0)
    nav.get_by_role("link", name="Pagina 3").click()
    expect(page.get_by_role("rowheader", name="Wijkraad Noord 59")).to_be_visible()
    expect(nav.get_by_role("link", name="Volgende")).to_have_count(0)
    page.set_viewport_size({"width": 320, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe(page)


def test_the_toolkit_shows_one_district_at_a_time_without_axe_violations(
    page, live_server, axe, many_councils
):
    page.goto(f"{live_server.url}/toolkit/")
    overview = page.get_by_role("table", name=re.compile("Communicatiemiddelen per stadsdeel"))
    expect(overview.get_by_role("row", name=re.compile("Noord"))).to_contain_text("20 wijkraden")
    expect(page.get_by_text("Noordkrant 00")).to_have_count(0)
    axe(page)
    overview.get_by_role("link", name="Noord").click()
    expect(page).to_have_url(re.compile(r"\?district=noord$"))
    expect(page.get_by_role("heading", name="Stadsdeel Noord")).to_be_visible()
    district = page.get_by_role("table", name=re.compile("in stadsdeel Noord"))
    expect(district.get_by_role("rowheader", name="Wijkraad Noord 00")).to_be_visible()
    expect(district).to_contain_text("Noordkrant 00")
    expect(page.get_by_text("Wijkraad Zuid 00")).to_have_count(0)
    axe(page)
    page.get_by_role("navigation", name="Paginering").get_by_role("link", name="Pagina 3").click()
    expect(page).to_have_url(re.compile(r"district=noord&pagina=3"))
    expect(district.get_by_role("rowheader", name="Wijkraad Noord 59")).to_be_visible()
    page.get_by_role("link", name="Terug naar het overzicht per stadsdeel").click()
    expect(page).to_have_url(re.compile(r"/toolkit/$"))
    axe(page)
