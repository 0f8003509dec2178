import pytest
from django.urls import reverse

from tests.factories import CouncilFactory

pytestmark = pytest.mark.django_db


def test_home_is_dutch_and_explains_the_portal(client):
    CouncilFactory.create_batch(3)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.text
    assert "tien aanbevelingen" in response.text
    assert "actieve wijkraden" in response.text


def test_language_switch_offers_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/")
    assert '<html lang="en"' in page.text
    assert "What happens to the recommendations" in page.text


def test_accessibility_statement_names_the_standard(client):
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    assert "WCAG 2.1" in response.text


def test_main_navigation_and_skip_link_on_every_page(client):
    text = client.get(reverse("wijkraden:list")).text
    assert 'href="#main"' in text and 'id="main"' in text
    for label in ["Voortgang", "Wijkraden", "Werkgroepen", "Scholing", "Toolkit", "Wijkcontracten"]:
        assert f">{label}</a>" in text
    assert 'aria-current="page"' in text


def test_my_page_needs_login(client, member):
    assert client.get(reverse("core:my-page")).status_code == 302
    client.force_login(member)
    response = client.get(reverse("core:my-page"))
    assert response.status_code == 200
    assert member.email in response.text


def test_security_headers_are_set(client):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_server_error_page_is_dutch(client, settings):
    from wijkportaal.core.views import server_error

    response = server_error(client.get("/").wsgi_request)
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
