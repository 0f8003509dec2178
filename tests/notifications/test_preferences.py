import pytest

from tests.conftest import client_for
from wijkportaal.notifications.models import NotificationPreference

pytestmark = pytest.mark.django_db

URL = "/mijn/meldingen/"


def test_anonymous_cannot_open_preferences(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_councillor_sees_default_weekly_and_reminder_kinds(client, councillor, optional_kind):
    response = client_for(client, councillor).get(URL)
    assert response.status_code == 200
    assert response.context["form"]["digest_frequency"].value() == "wekelijks"
    assert optional_kind.label in response.content.decode()
    # Every reminder kind is on until the user switches it off.
    assert optional_kind.key in response.context["form"]["reminder_kinds"].value()


def test_officer_defaults_to_daily(client, officer):
    response = client_for(client, officer).get(URL)
    assert response.context["form"]["digest_frequency"].value() == "dagelijks"


def test_user_can_change_frequency_and_switch_a_reminder_off(client, member, optional_kind):
    response = client_for(client, member).post(URL, {"digest_frequency": "maandelijks"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=member)
    assert preference.digest_frequency == "maandelijks"
    assert optional_kind.key in preference.disabled_kinds

    others = [kind for kind in preference.disabled_kinds if kind != optional_kind.key]
    client.post(URL, {"digest_frequency": "nooit", "reminder_kinds": [optional_kind.key]})
    preference.refresh_from_db()
    assert preference.digest_frequency == "nooit"
    assert optional_kind.key not in preference.disabled_kinds
    assert set(others) <= set(preference.disabled_kinds)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"digest_frequency": "elk-uur"}, "digest_frequency", "Kies dagelijks, wekelijks"),
        ({}, "digest_frequency", "Kies hoe vaak"),
        (
            {"digest_frequency": "wekelijks", "reminder_kinds": ["bestaat-niet"]},
            "reminder_kinds",
            "Kies alleen herinneringen uit de lijst.",
        ),
    ],
)
def test_unknown_frequency_or_kind_gives_a_field_error(
    client, member, optional_kind, data, field, message
):
    response = client_for(client, member).post(URL, data)
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors)
    assert f'id="id_{field}_error"><p>{message}' in response.content.decode()
    assert not NotificationPreference.objects.filter(user=member).exists()


def test_my_page_links_to_the_preferences(client, councillor):
    response = client_for(client, councillor).get("/mijn/")
    content = response.content.decode()
    assert 'href="/mijn/meldingen/"' in content
    assert "Voortgangsoverzicht per e-mail: wekelijks." in content
