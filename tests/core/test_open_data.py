"""Open data a data portal can harvest: CC0 1.0 with every download of a registered dataset
(a Link header; a field in the JSON), on /voortgang/open-data/, and a DCAT-AP-NL catalogue in
JSON-LD built from the registry's OpenDataset plugins."""

import csv
import io
import json

import pytest
from django.urls import reverse

from wijkportaal.core.opendata import LICENCE, LICENCE_URI
from wijkportaal.core.registry import Distribution, OpenDataset, registry

pytestmark = pytest.mark.django_db

CATALOGUE = "/voortgang/open-data/catalogus.jsonld"
EU = "http://publications.europa.eu/resource/authority"
FREQUENCIES = {"CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "UNKNOWN"}


def catalogue(client):
    response = client.get(CATALOGUE)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return json.loads(response.content)


def test_every_download_of_a_registered_dataset_carries_the_licence(client):
    urls = [
        reverse(distribution.url_name)
        for dataset in registry.all(OpenDataset)
        for distribution in dataset.distributions
    ]
    assert urls, "no open dataset registered"
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Link"] == f'<{LICENCE["url"]}>; rel="license"', url


def test_the_csv_stays_a_plain_csv_and_the_json_names_the_licence(client):
    response = client.get("/voortgang/export.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header[0] and not header[0].startswith("#")  # no comment line before the columns
    body = json.loads(b"".join(client.get("/voortgang/export.json").streaming_content))
    assert body["licentie"] == LICENCE
    assert body["licentie"]["id"] == "CC0-1.0"


def test_pages_that_are_not_open_data_carry_no_licence(client):
    assert "Link" not in client.get("/voortgang/")
    assert "Link" not in client.get("/toegankelijkheid/")


def test_the_open_data_page_shows_the_licence_and_links_the_catalogue(client):
    text = client.get("/voortgang/open-data/").text
    assert "CC0 1.0" in text and 'rel="license"' in text
    assert f'href="{CATALOGUE}"' in text


def test_the_catalogue_is_dcat_ap_nl_json_ld(client, settings):
    data = catalogue(client)
    assert data["@type"] == "dcat:Catalog"
    assert data["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert data["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert data["@id"] == settings.SITE_URL + CATALOGUE
    assert data["dct:publisher"]["foaf:name"] == settings.MUNICIPALITY_NAME
    assert data["dct:license"] == {"@id": LICENCE_URI}
    assert {"@value": "Open data van het wijkportaal", "@language": "nl"} in data["dct:title"]
    datasets = data["dcat:dataset"]
    assert {d["@id"].split("#")[1] for d in datasets} == registry.keys(OpenDataset)
    for dataset in datasets:
        assert dataset["@type"] == "dcat:Dataset"
        assert dataset["dct:title"] and dataset["dct:description"]
        assert dataset["dct:license"] == {"@id": LICENCE_URI}
        assert dataset["dct:language"] == {"@id": f"{EU}/language/NLD"}
        assert dataset["dct:accessRights"] == {"@id": f"{EU}/access-right/PUBLIC"}
        frequency = dataset["dct:accrualPeriodicity"]["@id"]
        assert frequency.startswith(f"{EU}/frequency/")
        assert frequency.rsplit("/", 1)[1] in FREQUENCIES
        assert dataset["dcat:contactPoint"]["vcard:hasEmail"]["@id"].startswith("mailto:")
        assert dataset["dcat:distribution"]
        for distribution in dataset["dcat:distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            assert distribution["dct:license"] == {"@id": LICENCE_URI}
            assert distribution["dct:format"]["@id"].startswith(f"{EU}/file-type/")
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith(settings.SITE_URL)
            assert client.get(url.removeprefix(settings.SITE_URL)).status_code == 200
        landing = dataset["dcat:landingPage"]["@id"]
        assert client.get(landing.removeprefix(settings.SITE_URL)).status_code == 200


def test_the_catalogue_lists_what_the_apps_register(client, plugin):
    plugin(
        OpenDataset(
            "proef",
            title="Proefdataset",
            description="Alleen voor deze test.",
            distributions=(Distribution("core:accessibility", "text/html", "Pagina"),),
            landing_url_name="core:accessibility",
            frequency="WEEKLY",
        )
    )
    datasets = {d["@id"].split("#")[1]: d for d in catalogue(client)["dcat:dataset"]}
    proef = datasets["proef"]
    assert proef["dct:title"] == [{"@value": "Proefdataset", "@language": "nl"}]
    assert proef["dct:accrualPeriodicity"] == {"@id": f"{EU}/frequency/WEEKLY"}
    assert client.get("/toegankelijkheid/")["Link"].endswith('rel="license"')
