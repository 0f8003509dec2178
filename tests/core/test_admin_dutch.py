"""The admin is Dutch in Dutch, including the admin widgets' JavaScript catalogue: Django
5.2's own Dutch catalogue lacks the two-list selector's new strings ("Choose all %s" ...),
which the core's locale/ adds (compiled by `manage.py compiletranslations`)."""

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real

from wijkportaal.core.management.commands.compiletranslations import locale_dirs

pytestmark = pytest.mark.django_db


@pytest.fixture
def compiled():
    call_command("compiletranslations", verbosity=0)
    trans_real._translations = {}  # the .mo files may be newer than this process's catalogue
    yield
    trans_real._translations = {}


def test_the_admin_javascript_catalogue_is_dutch_for_the_two_list_selector(
    client, administrator, compiled
):
    client.force_login(administrator)
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    text = response.text
    assert '"Alle %s kiezen"' in text
    assert '"Alle %s verwijderen"' in text
    assert '"Geselecteerde %s kiezen"' in text
    # Django's own Dutch still comes through.
    assert '"Alle kiezen"' in text and '"Vandaag"' in text


def test_in_english_the_catalogue_stays_english(client, administrator, compiled, settings):
    client.force_login(administrator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = client.get("/admin/jsi18n/").text
    assert "Alle %s kiezen" not in text


def test_admin_strings_django_leaves_untranslated_are_dutch(compiled):
    with translation.override("nl"):
        assert translation.gettext("Error:") == "Fout:"
        assert translation.gettext("Forgotten your login credentials?") == (
            "Inloggegevens vergeten?"
        )


def test_compiletranslations_compiles_the_projects_catalogues_not_the_installed_packages(settings):
    dirs = {str(path) for path in locale_dirs()}
    assert dirs == {str(path) for path in settings.LOCALE_PATHS}
    assert not any("site-packages" in path for path in dirs)
