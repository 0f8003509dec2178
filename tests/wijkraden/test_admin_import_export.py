"""Administrators import the register of wijkraden in the admin (CSV or XLSX, the columns of
`manage.py import_wijkraden`) after a preview in which nothing is written; officers export it;
nobody else gets there."""

import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import CouncilFactory, DistrictFactory
from wijkportaal.wijkraden.models import District, NeighbourhoodCouncil

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/wijkraden/neighbourhoodcouncil/import/"
PROCESS_URL = "/admin/wijkraden/neighbourhoodcouncil/process_import/"
EXPORT_URL = "/admin/wijkraden/neighbourhoodcouncil/export/"

GOOD = """naam;stadsdeel;buurten;email;website;opgericht;actief
Wijkraad Eikenhof;Noord;"Eikenlaan; Beukenplein";info@eikenhof.test;eikenhof.test;1998;ja
Wijkraad Kade;Oost;;;;;nee
"""


def upload(client, text, name="wijkraden.csv", fmt=0):
    file = SimpleUploadedFile(name, text.encode("utf-8") if isinstance(text, str) else text)
    return client.post(IMPORT_URL, {"import_file": file, "format": fmt})


def confirm(client, preview):
    html = preview.content.decode()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    data.pop("csrfmiddlewaretoken", None)
    return client.post(PROCESS_URL, data)


def test_preview_writes_nothing_and_confirm_writes(client, administrator):
    client.force_login(administrator)

    preview = upload(client, GOOD)

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Wijkraad Eikenhof" in html and "Wijkraad Kade" in html
    assert not NeighbourhoodCouncil.objects.exists()
    assert not District.objects.exists()

    done = confirm(client, preview)

    assert done.status_code == 302
    eikenhof = NeighbourhoodCouncil.objects.get(slug="wijkraad-eikenhof")
    assert eikenhof.district.name == "Noord"
    assert eikenhof.website == "https://eikenhof.test"
    assert eikenhof.founded_year == 1998
    assert eikenhof.active is True
    assert NeighbourhoodCouncil.objects.get(slug="wijkraad-kade").active is False
    assert set(District.objects.values_list("name", flat=True)) == {"Noord", "Oost"}


def test_import_updates_by_slug_and_reuses_districts(client, administrator):
    noord = DistrictFactory(name="Noord")
    CouncilFactory(name="Oude naam", slug="wijkraad-eikenhof", district=noord)
    client.force_login(administrator)

    confirm(client, upload(client, GOOD))

    eikenhof = NeighbourhoodCouncil.objects.get(slug="wijkraad-eikenhof")
    assert eikenhof.name == "Wijkraad Eikenhof"
    assert eikenhof.district == noord
    assert eikenhof.neighbourhoods == "Eikenlaan\nBeukenplein"
    assert District.objects.filter(name="Noord").count() == 1


def test_rows_the_command_refuses_are_shown_and_nothing_is_written(client, administrator):
    client.force_login(administrator)
    bad = "naam,stadsdeel,email,opgericht\n,Noord,,\nWijkraad Linde,Zuid,geen-adres,2999\n"

    preview = upload(client, bad)

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Dit veld is verplicht." in html
    assert "Voer een geldig e-mailadres in." in html
    assert "ligt in de toekomst" in html
    assert 'name="confirm"' not in html and "process_import" not in html
    assert not NeighbourhoodCouncil.objects.exists()


def test_xlsx_import(client, administrator):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Naam", "Stadsdeel", "Opgericht"])
    sheet.append(["Wijkraad Haven", "West", 2004])
    data = io.BytesIO()
    book.save(data)
    client.force_login(administrator)

    confirm(client, upload(client, data.getvalue(), name="wijkraden.xlsx", fmt=1))

    assert NeighbourhoodCouncil.objects.get(slug="wijkraad-haven").founded_year == 2004


def test_only_administrators_import(client, officer, chair):
    client.force_login(officer)
    assert client.get(IMPORT_URL).status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert not NeighbourhoodCouncil.objects.filter(name="Wijkraad Kade").exists()
    changelist = client.get("/admin/wijkraden/neighbourhoodcouncil/").content.decode()
    assert IMPORT_URL not in changelist
    assert EXPORT_URL in changelist

    client.force_login(chair)
    assert client.get(IMPORT_URL).status_code == 302  # the admin login: no staff


def test_export_has_the_import_columns_and_reimports(client, officer):
    council = CouncilFactory(
        name="Wijkraad Molen",
        neighbourhoods="Molenbuurt\nSluisbuurt",
        founded_year=1990,
        active=False,
    )
    client.force_login(officer)

    response = client.post(EXPORT_URL, {"format": 0, **export_fields()})

    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffnaam,stadsdeel,slug,buurten,email,website,opgericht,actief")
    assert f"Wijkraad Molen,{council.district.name},{council.slug},Molenbuurt; Sluisbuurt" in text
    assert text.rstrip().endswith("1990,nee")


def export_fields():
    """The export form's field choice: every column of the resource ticked."""
    names = ["naam", "stadsdeel", "slug", "buurten", "email", "website", "opgericht", "actief"]
    return {f"councilresource_{name}": "on" for name in names}
