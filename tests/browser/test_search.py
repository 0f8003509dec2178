"""Search in the browser: from the search field in the header to the grouped results, with the
keyboard, without axe violations and without sideways scrolling on a phone."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CouncilFactory
from tests.toolkit.factories import EntryFactory
from tests.workgroups.factories import DeliverableFactory, WorkgroupFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(db):
    CouncilFactory(name="Wijkraad Zonnebloem", slug="zonnebloem", description="Actief in de wijk.")
    for n in range(23):
        EntryFactory(title=f"Zonnebloem in de wijkkrant {n}", summary="Zo deelt u nieuws " * 12)
    workgroup = WorkgroupFactory(name="Werkgroep zonnebloemperken")
    DeliverableFactory(workgroup=workgroup, title="Concept zonnebloemplan", published_at=None)
    DeliverableFactory(workgroup=workgroup, title="Zonnebloemplan", published_at=timezone.now())


def test_search_from_the_header_with_the_keyboard(page, live_server, axe, content):
    page.goto(live_server.url + "/")
    field = page.get_by_role("search", name="Zoeken in het wijkportaal").get_by_label("Zoeken naar")
    field.fill("zonnebloem")
    field.press("Enter")

    expect(page).to_have_title("Zoeken naar “zonnebloem” — Wijkportaal Gemeente Voorbeeldstad")
    expect(page.get_by_role("status")).to_contain_text("26 resultaten gevonden")
    expect(page.get_by_role("heading", level=2, name="Wijkraden")).to_be_visible()
    expect(page.get_by_role("link", name="Wijkraad Zonnebloem")).to_be_visible()
    expect(page.get_by_role("link", name="Zonnebloemplan", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Concept zonnebloemplan")).to_have_count(0)
    axe(page)

    page.get_by_role("navigation", name="Paginering").get_by_role("link", name="Volgende").click()
    expect(
        page.get_by_role("navigation", name="Paginering").locator("[aria-current=page]")
    ).to_contain_text("2")
    axe(page)


@pytest.mark.parametrize("width", [320, 390])
def test_results_fit_a_phone(page, live_server, content, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/zoeken/?q=zonnebloem")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_an_empty_query_is_explained(page, live_server, axe, db):
    page.goto(live_server.url + "/zoeken/?q=")
    expect(page.get_by_text("Vul een zoekterm in.")).to_be_visible()
    axe(page)
