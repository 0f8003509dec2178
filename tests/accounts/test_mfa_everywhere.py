"""Issue 15 item 1: MFA for staff everywhere, re-authentication for sensitive admin changes.

On main the guard covered only /admin/: an officer without TOTP answered a support request
(`POST /ondersteuning/aanvragen/<id>/` → 302 to the request, answered), moved a contract
(`POST /wijkcontracten/<id>/status/` → 302, moved) and read the bottleneck list (200) with a
password alone. Now each of these answers a redirect to the TOTP set-up and changes nothing."""

import datetime

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.urls import reverse
from django.utils import timezone

from contracts.ondersteuning.models import SupportRequestStatus
from contracts.wijkcontracten.models import ContractStatus
from tests.contracts.factories import ContractFactory, SupportRequestFactory
from tests.factories import (
    PASSWORD,
    AdministratorFactory,
    InvitationFactory,
    MembershipFactory,
    OfficerFactory,
)
from wijkportaal.accounts.models import UserKind

pytestmark = pytest.mark.django_db

MFA_SETUP = "/accounts/2fa/totp/activate/"


@pytest.fixture
def officer_without_totp(db):
    return OfficerFactory(totp=False)


def test_officer_without_totp_cannot_answer_a_support_request(client, officer_without_totp):
    request = SupportRequestFactory()
    client.force_login(officer_without_totp)
    response = client.post(
        f"/ondersteuning/aanvragen/{request.pk}/",
        {"status": SupportRequestStatus.ANSWERED, "answer": "Geregeld."},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(MFA_SETUP)
    request.refresh_from_db()
    assert request.status == SupportRequestStatus.SUBMITTED
    assert request.answer == ""


def test_officer_without_totp_cannot_move_a_contract(client, officer_without_totp):
    contract = ContractFactory()
    client.force_login(officer_without_totp)
    response = client.post(
        f"/wijkcontracten/{contract.pk}/status/", {"to_status": ContractStatus.EXPLORING}
    )
    assert response["Location"].startswith(MFA_SETUP)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.REQUESTED


def test_officer_without_totp_cannot_read_the_bottleneck_list(client, officer_without_totp):
    client.force_login(officer_without_totp)
    response = client.get("/contactmomenten/knelpunten/")
    assert response.status_code == 302
    assert response["Location"] == MFA_SETUP + "?next=/contactmomenten/knelpunten/"


def test_officer_with_totp_reads_the_bottleneck_list(client, officer):
    client.force_login(officer)
    assert client.get("/contactmomenten/knelpunten/").status_code == 200


def test_administrator_without_totp_is_sent_to_mfa_setup_too(client, db):
    client.force_login(AdministratorFactory(totp=False))
    assert client.get("/")["Location"].startswith(MFA_SETUP)
    assert client.get(reverse("admin:index"))["Location"].startswith(MFA_SETUP)


def test_officer_without_totp_still_reaches_setup_logout_static_and_language(
    client, officer_without_totp
):
    client.force_login(officer_without_totp)
    # The set-up first asks for the password again (allauth), then shows the QR code.
    setup = client.get(MFA_SETUP)
    assert setup["Location"].startswith(reverse("account_reauthenticate"))
    assert client.get(setup["Location"]).status_code == 200
    assert client.get("/static/css/portal.css").status_code in (200, 404)
    assert not client.get("/static/css/portal.css").get("Location", "").startswith(MFA_SETUP)
    language = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert language.status_code == 302
    assert language["Location"] == "/"
    logout = client.post(reverse("account_logout"))
    assert logout.status_code == 302
    assert "_auth_user_id" not in client.session


def test_council_member_needs_no_totp(client, member):
    client.force_login(member)
    assert client.get(reverse("core:my-page")).status_code == 200


def test_accepting_a_staff_invitation_ends_in_totp_setup(client, db):
    invitation = InvitationFactory(
        kind=UserKind.OFFICER,
        council=None,
        function="",
        department=OfficerFactory().department,
    )
    accepted = client.post(
        reverse("accounts:invitation-accept", kwargs={"token": invitation.token}),
        {
            "first_name": "Noor",
            "last_name": "Jansen",
            "password1": "een-lang-nieuw-wachtwoord",
            "password2": "een-lang-nieuw-wachtwoord",
        },
    )
    assert accepted["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the new password once more before the set-up …
    confirm = client.get(accepted["Location"])
    assert confirm["Location"].startswith(reverse("account_reauthenticate"))
    setup = client.post(confirm["Location"], {"password": "een-lang-nieuw-wachtwoord"})
    assert setup["Location"] == MFA_SETUP
    assert client.get(MFA_SETUP).status_code == 200
    # … then the code from the authenticator app activates TOTP and shows the recovery codes.
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))
    done = client.post(MFA_SETUP, {"code": code})
    assert done["Location"] == reverse("mfa_view_recovery_codes")
    user = invitation.__class__.objects.get(pk=invitation.pk).accepted_user
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("core:my-page")).status_code == 200


# --- Re-authentication for sensitive admin changes ------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/accounts/user/{user}/change/",
        "/admin/accounts/invitation/add/",
        "/admin/wijkraden/membership/{membership}/change/",
        "/admin/contracts/budgetpilot/add/",
        "/admin/recommendations/recommendation/add/",
    ],
)
def test_sensitive_admin_pages_ask_to_reauthenticate_after_15_minutes(client, url):
    administrator = AdministratorFactory()
    membership = MembershipFactory()
    url = url.format(user=membership.person.pk, membership=membership.pk)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(administrator)
        assert client.get(url).status_code == 200
        clock.shift(datetime.timedelta(minutes=16))
        stale = client.get(url)
        assert stale.status_code == 302
        assert stale["Location"].startswith(reverse("account_reauthenticate"))
        confirmed = client.post(stale["Location"], {"password": PASSWORD})
        assert confirmed["Location"] == url
        assert client.get(url).status_code == 200


def test_a_stale_sensitive_post_changes_nothing_until_reauthenticated(client):
    administrator = AdministratorFactory()
    membership = MembershipFactory()
    person = membership.person
    url = f"/admin/accounts/user/{person.pk}/change/"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.force_login(administrator)
        clock.shift(datetime.timedelta(minutes=20))
        response = client.post(url, {"email": person.email, "kind": UserKind.ADMINISTRATOR})
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    person.refresh_from_db()
    assert person.kind == UserKind.COUNCIL_MEMBER


def test_reading_lists_needs_no_reauthentication(client, administrator):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.force_login(administrator)
        clock.shift(datetime.timedelta(minutes=20))
        assert client.get("/admin/accounts/user/").status_code == 200
