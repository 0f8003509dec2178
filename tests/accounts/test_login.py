import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, OfficerFactory

pytestmark = pytest.mark.django_db


def test_wrong_password_gives_a_generic_dutch_message(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "fout-wachtwoord"}
    )
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.text
    unknown = client.post(
        reverse("account_login"), {"login": "niemand@example.test", "password": "fout-wachtwoord"}
    )
    # The same message: the login form does not reveal which addresses have an account.
    assert "Het e-mailadres of het wachtwoord klopt niet." in unknown.text


def test_repeated_wrong_passwords_are_rate_limited(client, member):
    for _ in range(5):
        client.post(
            reverse("account_login"), {"login": member.email, "password": "fout-wachtwoord"}
        )
    blocked = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert blocked.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Te veel mislukte inlogpogingen" in blocked.text


def test_admin_login_goes_through_the_portal_login(client, db):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_officer_without_mfa_must_set_it_up_before_using_the_admin(client, db):
    client.force_login(OfficerFactory(totp=False))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    # Not only the admin: every page waits for TOTP (tests/accounts/test_mfa_everywhere.py).
    assert client.get("/")["Location"].startswith(reverse("mfa_activate_totp"))


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_officer_with_totp_uses_the_admin(client, officer):
    client.force_login(officer)
    assert client.get(reverse("admin:index")).status_code == 200


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_council_member_is_not_forced_into_mfa(client, member):
    client.force_login(member)
    assert client.get(reverse("core:my-page")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302
    assert "mfa" not in client.get(reverse("admin:index"))["Location"]


def test_production_settings_require_mfa_for_staff():
    import subprocess
    import sys

    env = {
        "DJANGO_SETTINGS_MODULE": "wijkportaal.settings.production",
        "SECRET_KEY": "x" * 60,
        "PATH": "",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.MFA_REQUIRED_FOR_STAFF, settings.DEMO_ACCOUNTS_ENABLED)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True False"
