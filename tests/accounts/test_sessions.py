"""Issue 15 item 7: session lifetimes, checked under production settings with a moved clock.

On main an officer's session lived 14 days with no idle timeout: `GET /mijn/` 31 minutes after
the last request still answered 200. Now it answers a redirect to the login page."""

import json

import pytest
from django.urls import reverse

from tests.core.test_security import run_production
from tests.factories import PASSWORD

PROBE = r"""
import json, django
django.setup()
import time_machine
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.conf import settings
from django.test import Client, override_settings
from tests.factories import (
    AdministratorFactory, OfficerFactory, UserFactory, PASSWORD, totp_code,
)

COOKIE = "__Host-sessionid"
out = {}
# Pages render without collectstatic's manifest, and the cache (used TOTP codes, rate limits)
# starts empty on every run; everything else is production's.
override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
).enable()


def status(client, url="/mijn/"):
    response = client.get(url, secure=True)
    location = response.get("Location", "")
    return "login" if "/accounts/login/" in location else response.status_code


def login(client, user, remember=False):
    data = {"login": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post("/accounts/login/", data, secure=True)
    if "/accounts/2fa/authenticate/" in response.get("Location", ""):
        response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()}, secure=True)
    return response


with time_machine.travel("2026-03-02 08:00 +01:00", tick=False) as clock:
    resident = UserFactory()
    remembered, forgotten = Client(), Client()
    out["remembered_max_age"] = login(remembered, resident, True).cookies[COOKIE]["max-age"]
    out["forgotten_max_age"] = login(forgotten, resident).cookies[COOKIE]["max-age"]
    clock.shift(13 * 86400)
    out["resident_after_13_days"] = status(remembered)
    clock.shift(2 * 86400)
    out["resident_after_15_days"] = status(remembered)

    officer = OfficerFactory()
    staff = Client()
    response = login(staff, officer, remember=True)
    out["officer_login"] = response.get("Location", "")
    out["officer_max_age"] = response.cookies[COOKIE]["max-age"]
    out["officer_now"] = status(staff)
    clock.shift(29 * 60)
    out["officer_after_29_idle_minutes"] = status(staff)
    clock.shift(31 * 60)
    out["officer_after_31_idle_minutes"] = status(staff)

    login(staff, officer, remember=True)
    busy = []
    for _ in range(12 * 60 // 20):
        clock.shift(20 * 60)
        busy.append(status(staff))
    out["officer_busy_until_12_hours"] = busy
    clock.shift(20 * 60)
    out["officer_busy_after_12_hours"] = status(staff)

    # Re-authentication for a sensitive admin change, 15 minutes after the login.
    administrator = AdministratorFactory()
    admin = Client()
    login(admin, administrator)
    url = "/admin/wijkraden/membership/add/"
    out["admin_fresh"] = status(admin, url)
    clock.shift(16 * 60)
    stale = admin.get(url, secure=True)
    out["admin_after_16_minutes"] = stale.get("Location", "").split("?")[0]
    admin.post(stale["Location"], {"password": PASSWORD}, secure=True)
    out["admin_after_confirming"] = status(admin, url)

print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def production():
    done = run_production(PROBE, SECRET_KEY="probe-" + "x" * 50)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_remember_me_keeps_a_resident_at_most_14_days(production):
    assert production["remembered_max_age"] == 14 * 86400
    # Without "remember me" the session ends with the browser.
    assert production["forgotten_max_age"] == ""
    assert production["resident_after_13_days"] == 200
    assert production["resident_after_15_days"] == "login"


def test_officer_session_ends_after_30_idle_minutes(production):
    assert production["officer_login"] == "/mijn/"
    # "Remember me" does not stretch a staff session: the cookie lives for the idle time.
    assert 0 < production["officer_max_age"] <= 30 * 60 + 1
    assert production["officer_now"] == 200
    assert production["officer_after_29_idle_minutes"] == 200
    assert production["officer_after_31_idle_minutes"] == "login"


def test_officer_session_ends_after_12_hours_however_busy(production):
    assert set(production["officer_busy_until_12_hours"]) == {200}
    assert production["officer_busy_after_12_hours"] == "login"


def test_sensitive_admin_change_asks_to_reauthenticate_after_15_minutes(production):
    assert production["admin_fresh"] == 200
    assert production["admin_after_16_minutes"] == "/accounts/reauthenticate/"
    assert production["admin_after_confirming"] == 200


@pytest.mark.django_db
def test_a_password_change_logs_out_every_session(client, member):
    other_browser = client.__class__()
    for browser in (client, other_browser):
        browser.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
        assert browser.get(reverse("core:my-page")).status_code == 200
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "nieuw-lang-wachtwoord",
            "password2": "nieuw-lang-wachtwoord",
        },
    )
    assert response.status_code == 302
    for browser in (client, other_browser):
        assert browser.get(reverse("core:my-page"))["Location"].startswith(reverse("account_login"))
