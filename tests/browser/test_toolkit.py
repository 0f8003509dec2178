import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import PASSWORD, CouncilFactory, MembershipFactory
from tests.toolkit.factories import ChannelFactory, ChannelKindFactory, EntryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def toolkit(db):
    council = CouncilFactory(name="Wijkraad Molenwijk", slug="molenwijk")
    other = CouncilFactory(name="Wijkraad Havenkwartier", slug="havenkwartier")
    chair = MembershipFactory(council=council, function="voorzitter").person
    member = MembershipFactory(council=other, function="lid").person
    krant = ChannelKindFactory(
        name="Wijkkrant (papier)", slug="wijkkrant", default_reach_unit="oplage"
    )
    ChannelKindFactory(name="WhatsApp", slug="whatsapp", default_reach_unit="leden")
    ChannelFactory(council=council, kind=krant, name="De Molenaar", reach=2400, reach_unit="oplage")
    ChannelFactory(
        council=other,
        kind=krant,
        name="Havennieuws",
        reach=1800,
        reach_unit="oplage",
        contact_person=member,
        contact_opt_in=True,
    )
    entry = EntryFactory(
        title="Zo maak je een wijkkrant",
        slug="wijkkrant-maken",
        body="## Begin bij de lezer\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    )
    return council, chair, entry


@pytest.mark.parametrize(
    "path",
    [
        "/toolkit/",
        "/toolkit/kanalen/wijkkrant/",
        "/toolkit/kennis/",
        "/toolkit/kennis/wijkkrant-maken/",
    ],
)
def test_toolkit_pages_have_no_axe_violations(page, live_server, axe, toolkit, path):
    page.goto(live_server.url + path)
    expect(page.locator("h1")).to_have_count(1)
    axe(page)


def test_board_updates_inventory_with_errors_shown_and_the_matrix_changes(
    page, live_server, axe, toolkit
):
    council, chair, _entry = toolkit
    login(page, live_server, chair.email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/mijn/$"))
    page.goto(f"{live_server.url}/toolkit/inventaris/{council.slug}/")
    axe(page)
    page.get_by_label("Soort").select_option(label="WhatsApp")
    page.get_by_label("Naam", exact=False).first.fill("Buurtapp Molenwijk")
    page.get_by_label("Link").fill("geen link")
    page.get_by_label("Bereik", exact=True).fill("-5")
    page.get_by_role("button", name="Kanaal opslaan").click()
    expect(page.locator("#id_url_error")).to_contain_text("Vul een geldig webadres in")
    expect(page.locator("#id_reach_error")).to_contain_text("Het bereik kan niet negatief zijn.")
    expect(page.get_by_label("Link")).to_have_attribute("aria-invalid", "true")
    axe(page)
    page.get_by_label("Link").fill("https://buurtapp.example/molenwijk")
    page.get_by_label("Bereik", exact=True).fill("210")
    page.get_by_role("button", name="Kanaal opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("toegevoegd")
    page.goto(f"{live_server.url}/toolkit/?kind=whatsapp&district={council.district.slug}")
    expect(page.get_by_role("table")).to_contain_text("Buurtapp Molenwijk")


def test_ask_form_has_no_axe_violations_with_errors(page, live_server, axe, toolkit):
    _council, chair, _entry = toolkit
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/toolkit/kanalen/wijkkrant/")
    page.get_by_role("link", name="Vraag het Wijkraad Havenkwartier").click()
    axe(page)
    page.get_by_role("button", name="Vraag versturen").click()
    expect(page.locator("#id_message_error")).to_be_visible()
    axe(page)


def test_know_how_form_with_forbidden_attachment_has_no_axe_violations(
    page, live_server, axe, toolkit, tmp_path
):
    _council, chair, _entry = toolkit
    login(page, live_server, chair.email, PASSWORD)
    page.goto(f"{live_server.url}/toolkit/kennis/nieuw/")
    axe(page)
    page.get_by_label("Titel").fill("Flyer bewonersavond")
    page.get_by_label("Samenvatting").fill("Een flyer om aan te passen.")
    page.get_by_label("Tekst").fill("## Gebruik\n\n<script>alert(1)</script>Vul de datum in.")
    bad = tmp_path / "programma.exe"
    bad.write_bytes(b"MZ\x90\x00")
    page.get_by_label("Bijlage", exact=True).set_input_files(str(bad))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_attachment_error")).to_contain_text("niet toegestaan")
    axe(page)
    page.get_by_label("Bijlage", exact=True).set_input_files([])
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flyer bewonersavond")
    expect(page.get_by_role("heading", name="Gebruik")).to_be_visible()
    expect(page.locator("script", has_text="alert(1)")).to_have_count(0)
    axe(page)


def test_round_form_with_errors_has_no_axe_violations(page, live_server, axe, db):
    from tests.factories import OfficerFactory

    officer = OfficerFactory()
    login(page, live_server, officer.email, PASSWORD)
    page.goto(f"{live_server.url}/toolkit/rondes/nieuw/")
    axe(page)
    page.get_by_role("button", name="Ronde openen").click()
    expect(page.locator("#id_title_error")).to_be_visible()
    axe(page)
