"""The admin is Dutch in Dutch, the widgets' JavaScript included: the two-list selector of a
filter_horizontal field says "Alle … kiezen" / "Alle … verwijderen", not "Choose all"."""

import pytest
from django.core.management import call_command
from django.utils.translation import trans_real
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.factories import PASSWORD, AdministratorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def compiled():
    call_command("compiletranslations", verbosity=0)
    trans_real._translations = {}
    yield
    trans_real._translations = {}


def test_the_two_list_selector_of_the_admin_speaks_dutch(page, live_server, compiled):
    administrator = AdministratorFactory()
    login(page, live_server, administrator.email, PASSWORD)
    page.goto(f"{live_server.url}/admin/recommendations/actionitem/add/")
    chooser = page.locator("#id_recommendations_add_all")
    expect(chooser).to_be_attached()
    expect(chooser).to_have_text("Alle aanbevelingen kiezen")
    remover = page.locator("#id_recommendations_remove_all")
    expect(remover).to_have_text("Alle aanbevelingen verwijderen")
    assert "Choose all" not in page.content()
