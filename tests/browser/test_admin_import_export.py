"""An administrator imports the register of wijkraden in the admin: the import page, the
preview and the export page have no axe violations, and nothing is written before the
confirmation."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import PASSWORD, AdministratorFactory
from wijkportaal.wijkraden.models import NeighbourhoodCouncil

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = "naam,stadsdeel,buurten,opgericht\nWijkraad Eikenhof,Noord,Eikenlaan;Beukenplein,1998\n"


def test_administrator_previews_then_imports(page, live_server, axe, tmp_path):
    administrator = AdministratorFactory()
    path = tmp_path / "wijkraden.csv"
    path.write_text(CSV, encoding="utf-8")
    login(page, live_server, administrator.email, PASSWORD)

    page.goto(f"{live_server.url}/admin/wijkraden/neighbourhoodcouncil/")
    page.get_by_role("link", name="Importeren").click()
    axe(page)
    page.get_by_label("Bestand om te importeren").set_input_files(str(path))
    page.get_by_label("Formaat").select_option("0")
    page.get_by_role("button", name="Indienen").click()

    expect(page.get_by_text("Wijkraad Eikenhof").first).to_be_visible()
    assert not NeighbourhoodCouncil.objects.exists()
    axe(page)
    page.get_by_role("button", name="Accepteer de import").click()

    expect(page.get_by_role("link", name="Wijkraad Eikenhof")).to_be_visible()
    assert NeighbourhoodCouncil.objects.get().neighbourhoods == "Eikenlaan\nBeukenplein"

    page.get_by_role("link", name="Exporteren").click()
    axe(page)
