"""Open data a data portal can harvest: the licence of the figures (CC0 1.0) and the
DCAT-AP-NL catalogue (JSON-LD) of every dataset the apps register as an `OpenDataset`.

The licence travels with every download of a registered dataset: in a `Link: <…>;
rel="license"` header (RFC 8288; a CSV keeps its first line for the column names, so the
licence is not written into the file), and as a field in the JSON exports."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .registry import OpenDataset, registry

LICENCE = {
    "id": "CC0-1.0",
    "naam": "CC0 1.0 Universeel (Publiek Domein Verklaring)",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}
# The licence as the Dutch open data register (data.overheid.nl) names it.
LICENCE_URI = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"

EU = "http://publications.europa.eu/resource/authority"
FILE_TYPES = {
    "text/csv": "CSV",
    "application/json": "JSON",
    "application/atom+xml": "ATOM",
    "application/ld+json": "JSON_LD",
}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
CATALOGUE_URL_NAME = "core:open-data-catalogue"
CATALOGUE_TITLE = _("Open data van het wijkportaal")
CATALOGUE_DESCRIPTION = _(
    "De cijfers die het wijkportaal openbaar maakt, vrij te gebruiken onder CC0 1.0."
)


def licence_link_header() -> str:
    return f'<{LICENCE["url"]}>; rel="license"'


def open_data_url_names() -> set[str]:
    return {
        distribution.url_name
        for dataset in registry.all(OpenDataset)
        for distribution in dataset.distributions
    }


class OpenDataLicenceMiddleware:
    """Adds the licence (a Link header) to every download of a registered open dataset."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is not None
            and response.status_code == 200
            and match.view_name in open_data_url_names()
        ):
            response.headers["Link"] = licence_link_header()
        return response


def _both_languages(text) -> list[dict]:
    """The text in Dutch, and in English where a translation exists."""
    values = []
    for language in ("nl", "en"):
        with translation.override(language):
            value = str(text)
        if all(value != other["@value"] for other in values):
            values.append({"@value": value, "@language": language})
    return values


def _absolute(url_name: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(url_name)


def catalogue() -> dict:
    """The DCAT-AP-NL catalogue of the portal's open data, as JSON-LD."""
    publisher = {"@type": "foaf:Agent", "foaf:name": settings.MUNICIPALITY_NAME}
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": settings.MUNICIPALITY_NAME,
        "vcard:hasEmail": {"@id": f"mailto:{settings.MUNICIPALITY_CONTACT_EMAIL}"},
    }
    language = {"@id": f"{EU}/language/NLD"}
    licence = {"@id": LICENCE_URI}
    catalogue_url = _absolute(CATALOGUE_URL_NAME)
    datasets = []
    for dataset in registry.all(OpenDataset):
        landing = _absolute(dataset.landing_url_name)
        distributions = []
        for distribution in dataset.distributions:
            url = _absolute(distribution.url_name)
            file_type = FILE_TYPES.get(distribution.media_type, "BIN")
            distributions.append(
                {
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": _both_languages(distribution.title or dataset.title),
                    "dcat:accessURL": {"@id": url},
                    "dcat:downloadURL": {"@id": url},
                    "dcat:mediaType": {
                        "@id": f"https://www.iana.org/assignments/media-types/"
                        f"{distribution.media_type}"
                    },
                    "dct:format": {"@id": f"{EU}/file-type/{file_type}"},
                    "dct:license": licence,
                    "dct:language": language,
                }
            )
        datasets.append(
            {
                "@id": f"{catalogue_url}#{dataset.key}",
                "@type": "dcat:Dataset",
                "dct:identifier": f"{catalogue_url}#{dataset.key}",
                "dct:title": _both_languages(dataset.title),
                "dct:description": _both_languages(dataset.description),
                "dct:publisher": publisher,
                "dcat:contactPoint": contact,
                "dct:language": language,
                "dct:license": licence,
                "dct:accessRights": {"@id": f"{EU}/access-right/PUBLIC"},
                "dct:accrualPeriodicity": {"@id": f"{EU}/frequency/{dataset.frequency}"},
                "dcat:keyword": list(dataset.keywords),
                "dcat:landingPage": {"@id": landing},
                "dcat:distribution": distributions,
            }
        )
    return {
        "@context": CONTEXT,
        "@id": catalogue_url,
        "@type": "dcat:Catalog",
        "dct:title": _both_languages(CATALOGUE_TITLE),
        "dct:description": _both_languages(CATALOGUE_DESCRIPTION),
        "dct:publisher": publisher,
        "dct:language": language,
        "dct:license": licence,
        "foaf:homepage": {"@id": settings.SITE_URL.rstrip("/") + "/"},
        "dcat:dataset": datasets,
    }
