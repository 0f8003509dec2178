"""Issue 15 item 5: the login rate limit counts the client behind the proxy, not the proxy.

On main, behind the TLS proxy (every request from the proxy's address), ten failed logins from
an attacker made `POST /accounts/login/` answer "Te veel mislukte inlogpogingen" to every
other visitor. With ALLAUTH_TRUSTED_PROXY_COUNT=1 the honest visitor logs in, and the attacker
cannot dodge the limit by writing addresses into X-Forwarded-For himself."""

import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.core.test_security import run_production
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.66"
VISITOR = "198.51.100.7"
TOO_MANY = "Te veel mislukte inlogpogingen"
PRODUCTION_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}


def through_proxy(client, client_address, forged=None, **data):
    """A POST to the login form as the proxy passes it on: the proxy appends the address it
    saw to whatever X-Forwarded-For the client sent."""
    forwarded = f"{forged}, {client_address}" if forged else client_address
    return client.post(
        reverse("account_login"), data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
    )


def attack(client, count=12):
    """Failed logins, each with another address in the header and another account."""
    return [
        through_proxy(
            client,
            ATTACKER,
            forged=f"192.0.2.{n}",
            login=f"slachtoffer{n}@example.test",
            password="geraden",
        )
        for n in range(count)
    ]


@override_settings(ACCOUNT_RATE_LIMITS=PRODUCTION_LIMITS, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_forged_forwarded_for_does_not_evade_the_limit(client):
    answers = attack(client)
    assert all(TOO_MANY not in answer.text for answer in answers[:10])
    assert TOO_MANY in answers[10].text
    assert TOO_MANY in answers[11].text


@override_settings(ACCOUNT_RATE_LIMITS=PRODUCTION_LIMITS, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_an_attack_through_the_proxy_does_not_lock_out_other_visitors(client, member):
    attack(client)
    # The attacker even names the visitor's address: it is the attacker who is counted.
    through_proxy(client, ATTACKER, forged=VISITOR, login=member.email, password="geraden")
    client.cookies.clear()
    answer = through_proxy(client, VISITOR, login=member.email, password=PASSWORD)
    assert answer.status_code == 302
    assert answer["Location"] == "/mijn/"


@override_settings(ACCOUNT_RATE_LIMITS=PRODUCTION_LIMITS, ALLAUTH_TRUSTED_PROXY_COUNT=0)
def test_without_the_setting_the_proxy_address_is_everyones_address(client, member):
    """What main did behind the proxy: the reproduced failure, kept as a warning."""
    attack(client)
    client.cookies.clear()
    answer = through_proxy(client, VISITOR, login=member.email, password=PASSWORD)
    assert TOO_MANY in answer.text


def test_proxy_count_and_header_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    )
    done = run_production(
        code,
        SECRET_KEY="x" * 60,
        ALLAUTH_TRUSTED_PROXY_COUNT="2",
        ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "X-Real-IP"]
    unset = run_production(code, SECRET_KEY="x" * 60)
    assert unset.stdout.split() == ["0", "None"]


def test_allauth_floor_is_past_the_forwarded_for_fix():
    project = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    floor = next(d for d in project["project"]["dependencies"] if d.startswith("django-allauth"))
    version = tuple(int(part) for part in re.search(r">=([\d.]+)", floor).group(1).split("."))
    assert version >= (65, 14, 2)
