import pytest
from playwright.sync_api import expect

from tests.factories import OfficerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login_with_cookie(page, live_server, user):
    from django.conf import settings

    from tests.conftest import PortalClient

    client = PortalClient()  # force_login records the authentication, as a login does
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.parametrize("path", ["/accounts/password/reset/", "/accounts/signup/"])
def test_public_account_pages_have_no_axe_violations(page, live_server, axe, path):
    page.goto(live_server.url + path)
    expect(page.locator("h1")).to_have_count(1)
    axe(page)


@pytest.mark.parametrize(
    "path",
    ["/accounts/2fa/", "/accounts/2fa/totp/activate/", "/accounts/password/change/", "/mijn/"],
)
def test_officer_account_pages_have_no_axe_violations(page, live_server, axe, path):
    login_with_cookie(page, live_server, OfficerFactory())
    page.goto(live_server.url + path)
    axe(page)
