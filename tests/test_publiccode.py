"""publiccode.yml is valid against the publiccode.yml standard, version 0.4
(https://yml.publiccode.tools): the mandatory keys, the enumerations and the controlled
vocabularies (categories, scope) are written into this test.

The file is read with PyYAML (a test dependency)."""

import datetime
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

PUBLICCODE = Path(settings.BASE_DIR) / "publiccode.yml"

# --- The standard (0.4) ----------------------------------------------------------------------

VERSIONS = {"0.2", "0.3", "0.4"}
MANDATORY = {
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "categories",
    "developmentStatus",
    "softwareType",
    "description",
    "legal",
    "maintenance",
    "localisation",
}
TOP_LEVEL = MANDATORY | {
    "applicationSuite",
    "landingURL",
    "isBasedOn",
    "organizationUri",
    "softwareVersion",
    "releaseDate",
    "logo",
    "monochromeLogo",
    "inputTypes",
    "outputTypes",
    "usedBy",
    "roadmap",
    "intendedAudience",
    "dependsOn",
    "it",
}
PLATFORMS = {"web", "windows", "mac", "linux", "ios", "android"}
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}
CATEGORIES = {
    "accounting",
    "agile-project-management",
    "applicant-tracking",
    "application-development",
    "appointment-scheduling",
    "backup",
    "billing-and-invoicing",
    "blog",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "cad",
    "call-center-management",
    "cloud-management",
    "collaboration",
    "communications",
    "compliance-management",
    "contact-management",
    "content-management",
    "crm",
    "customer-service-and-support",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "design",
    "design-system",
    "digital-asset-management",
    "digital-citizenship",
    "document-management",
    "donor-management",
    "e-commerce",
    "e-signature",
    "educational-content",
    "email-management",
    "email-marketing",
    "employee-management",
    "enterprise-project-management",
    "enterprise-social-networking",
    "erp",
    "event-management",
    "facility-management",
    "feedback-and-reviews-management",
    "financial-reporting",
    "fleet-management",
    "fundraising",
    "gamification",
    "geographic-information-systems",
    "grant-management",
    "graphic-design",
    "help-desk",
    "hr",
    "ide",
    "identity-management",
    "instant-messaging",
    "inventory-management",
    "it-asset-management",
    "it-development",
    "it-management",
    "it-security",
    "it-service-management",
    "knowledge-management",
    "learning-management-system",
    "marketing",
    "mind-mapping",
    "mobile-marketing",
    "mobile-payment",
    "network-management",
    "office",
    "online-booking",
    "online-community",
    "payment-gateway",
    "payroll",
    "predictive-analysis",
    "procurement",
    "productivity-suite",
    "project-collaboration",
    "project-management",
    "property-management",
    "real-estate-management",
    "remote-support",
    "resource-management",
    "sales-management",
    "seo",
    "service-desk",
    "social-media-management",
    "survey",
    "talent-management",
    "task-management",
    "taxes-management",
    "test-management",
    "time-management",
    "time-tracking",
    "translation",
    "video-conferencing",
    "video-editing",
    "visitor-management",
    "voip",
    "warehouse-management",
    "web-collaboration",
    "web-conferencing",
    "website-builder",
    "whistleblowing",
    "workflow-management",
}
SCOPES = {
    "agriculture",
    "culture",
    "defence",
    "education",
    "emergency-services",
    "employment",
    "energy",
    "environment",
    "finance-and-economic-development",
    "foreign-affairs",
    "healthcare",
    "infrastructures",
    "justice",
    "local-authorities",
    "manufacturing",
    "research",
    "science-and-technology",
    "security",
    "society",
    "sport",
    "tourism",
    "transportation",
    "welfare",
}
DESCRIPTION_KEYS = {
    "localisedName",
    "genericName",
    "shortDescription",
    "longDescription",
    "documentation",
    "apiDocumentation",
    "features",
    "screenshots",
    "videos",
    "awards",
}
DEPENDENCY_KEYS = {"name", "versionMin", "versionMax", "version", "optional"}
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


# --- A reader for the block subset of YAML ---------------------------------------------------


class Unsupported(ValueError):
    pass


@pytest.fixture(scope="module")
def publiccode():
    return yaml.safe_load(PUBLICCODE.read_text(encoding="utf-8"))


# --- The checks ------------------------------------------------------------------------------


def test_publiccode_has_the_mandatory_keys_and_nothing_unknown(publiccode):
    assert set(publiccode) >= MANDATORY, MANDATORY - set(publiccode)
    assert set(publiccode) <= TOP_LEVEL, set(publiccode) - TOP_LEVEL
    assert publiccode["publiccodeYmlVersion"] in VERSIONS
    assert isinstance(publiccode["name"], str) and publiccode["name"]
    assert isinstance(publiccode["softwareVersion"], str)
    datetime.date.fromisoformat(str(publiccode["releaseDate"]))


def test_publiccode_url_is_a_real_repository_url(publiccode):
    url = publiccode["url"]
    assert isinstance(url, str) and url.startswith("https://")
    host = url.split("/")[2]
    assert not re.search(r"(^|\.)example\.(org|com|net)$", host), host


def test_publiccode_uses_the_vocabularies(publiccode):
    assert set(publiccode["platforms"]) <= PLATFORMS
    categories = publiccode["categories"]
    assert categories and set(categories) <= CATEGORIES, set(categories) - CATEGORIES
    assert publiccode["developmentStatus"] in DEVELOPMENT_STATUS
    assert publiccode["softwareType"] in SOFTWARE_TYPES
    audience = publiccode["intendedAudience"]
    assert set(audience) <= {"countries", "unsupportedCountries", "scope"}
    assert set(audience["scope"]) <= SCOPES, set(audience["scope"]) - SCOPES
    assert "local-authorities" in audience["scope"]
    assert all(re.fullmatch(r"[a-z]{2}", country) for country in audience["countries"])


def test_publiccode_describes_the_portal_in_dutch_and_english(publiccode):
    description = publiccode["description"]
    assert {"nl", "en"} <= set(description)
    for language, text in description.items():
        assert BCP47.match(language)
        assert set(text) <= DESCRIPTION_KEYS, set(text) - DESCRIPTION_KEYS
        assert 0 < len(text["shortDescription"]) <= 150, language
        assert 150 <= len(text["longDescription"]) <= 10000, language
        assert text["features"] and all(isinstance(f, str) and f for f in text["features"])


def test_publiccode_legal_maintenance_localisation_and_dependencies(publiccode):
    license_id = publiccode["legal"]["license"]
    assert license_id == "EUPL-1.2"
    assert "EUPL" in (Path(settings.BASE_DIR) / "LICENSE").read_text(encoding="utf-8")[:2000]

    maintenance = publiccode["maintenance"]
    assert maintenance["type"] in MAINTENANCE_TYPES
    if maintenance["type"] in ("internal", "community"):
        assert maintenance["contacts"] and all(c.get("name") for c in maintenance["contacts"])
    if maintenance["type"] == "contract":
        assert all(c.get("name") and c.get("until") for c in maintenance["contractors"])

    localisation = publiccode["localisation"]
    assert localisation["localisationReady"] is True
    assert {"nl", "en"} <= set(localisation["availableLanguages"])
    portal_languages = {code for code, _name in settings.LANGUAGES}
    assert set(localisation["availableLanguages"]) == portal_languages

    dependencies = publiccode["dependsOn"]
    assert set(dependencies) <= {"open", "proprietary", "hardware"}
    for dependency in [item for group in dependencies.values() for item in group]:
        assert set(dependency) <= DEPENDENCY_KEYS and dependency["name"]
        for key in ("versionMin", "versionMax", "version"):
            assert key not in dependency or isinstance(dependency[key], str)
    assert {"PostgreSQL", "Redis"} <= {item["name"] for item in dependencies["open"]}
