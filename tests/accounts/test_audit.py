"""Issue 15 item 8: the audit log of authentication.

On main a login, a failed login, a logout or an MFA change left no trace an administrator
could read: `/admin/accounts/authevent/` answered 404. Now each is a row with time and client
address, readable (not writable) by administrators, deleted after AUDIT_RETENTION_DAYS."""

import datetime
import io

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, OfficerFactory, totp_code
from wijkportaal.accounts.models import AuthEvent, AuthEventKind
from wijkportaal.accounts.tasks import purge_auth_events

pytestmark = pytest.mark.django_db


def kinds():
    return list(AuthEvent.objects.order_by("pk").values_list("kind", flat=True))


def test_login_failed_login_and_logout_are_recorded_with_the_client_address(client, member):
    client.post(
        reverse("account_login"),
        {"login": member.email, "password": "fout-wachtwoord"},
        REMOTE_ADDR="203.0.113.5",
    )
    client.post(
        reverse("account_login"),
        {"login": member.email, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
    )
    client.post(reverse("account_logout"), REMOTE_ADDR="203.0.113.5")
    assert kinds() == [AuthEventKind.LOGIN_FAILED, AuthEventKind.LOGIN, AuthEventKind.LOGOUT]
    failed, login, logout = AuthEvent.objects.order_by("pk")
    assert failed.login == member.email and failed.user is None
    assert login.user == logout.user == member
    assert {failed.client_address, login.client_address, logout.client_address} == {"203.0.113.5"}
    assert "fout-wachtwoord" not in str(AuthEvent.objects.values_list())


def test_mfa_set_up_and_removal_are_recorded(client, db, django_capture_on_commit_callbacks):
    officer = OfficerFactory(totp=False)
    client.force_login(officer)
    setup = reverse("mfa_activate_totp")
    client.post(client.get(setup)["Location"], {"password": PASSWORD})
    client.get(setup)
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))
    # allauth reports the new authenticator after commit.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(setup, {"code": code}).status_code == 302
    assert AuthEvent.objects.filter(user=officer, kind=AuthEventKind.MFA_ADDED).exists()
    totp = Authenticator.objects.get(user=officer, type=Authenticator.Type.TOTP)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_deactivate_totp"), {"code": totp_code()})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(pk=totp.pk).exists()
    assert AuthEvent.objects.filter(user=officer, kind=AuthEventKind.MFA_REMOVED).exists()


def test_administrator_reads_the_audit_log_but_cannot_change_it(client, administrator, member):
    client.post(reverse("account_login"), {"login": member.email, "password": "fout"})
    event = AuthEvent.objects.get(kind=AuthEventKind.LOGIN_FAILED)
    client.force_login(administrator)
    listing = client.get("/admin/accounts/authevent/")
    assert listing.status_code == 200
    assert member.email in listing.text
    assert client.get("/admin/accounts/authevent/add/").status_code == 403
    change = client.post(
        f"/admin/accounts/authevent/{event.pk}/change/", {"login": "iemand@anders.test"}
    )
    assert change.status_code == 403
    assert (
        client.post(f"/admin/accounts/authevent/{event.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    event.refresh_from_db()
    assert event.login == member.email


def test_an_officer_does_not_read_the_audit_log(client, officer):
    client.force_login(officer)
    assert client.get("/admin/accounts/authevent/").status_code == 403


@override_settings(AUDIT_RETENTION_DAYS=30)
def test_audit_rows_older_than_the_retention_period_are_purged(db):
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=31)):
        AuthEvent.objects.create(kind=AuthEventKind.LOGIN, login="oud@example.test")
    AuthEvent.objects.create(kind=AuthEventKind.LOGIN, login="nieuw@example.test")
    assert purge_auth_events() == 1
    assert list(AuthEvent.objects.values_list("login", flat=True)) == ["nieuw@example.test"]
    out = io.StringIO()
    call_command("purge_audit_log", stdout=out)
    assert "0 audit row(s) deleted." in out.getvalue()
